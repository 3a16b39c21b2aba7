from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepresentationConfig(AppConfig):
    name = "portique.representation"
    label = "representation"
    verbose_name = _("Representation")

    def ready(self):
        # What the application's workflow asks of the representation (applications.ports).
        from portique.applications import ports

        from . import selectors

        ports.governing_representation.provide(selectors.governing_representation)
        ports.representative_declared_on.provide(selectors.declared_on_for_case)
        ports.imm5476_uploaded.provide(selectors.imm5476_uploaded)
        ports.representation_gate_inputs.provide(selectors.gate_inputs)
        ports.representation_blockers.provide(selectors.portal_blockers)
        ports.representation_record.provide(selectors.submission_record)
