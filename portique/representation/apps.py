from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepresentationConfig(AppConfig):
    name = "portique.representation"
    label = "representation"
    verbose_name = _("Representation")
