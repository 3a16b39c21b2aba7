from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlternativesConfig(AppConfig):
    """The road for people who cannot apply online: the online-requirement questions,
    alternative-format kit requests, and the officers' queue that sends the kits."""

    name = "portique.alternatives"
    label = "alternatives"
    verbose_name = _("Other ways to apply")
