from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "portique.casework"
    label = "casework"
    verbose_name = _("Casework")

    def ready(self) -> None:
        from portique.applications import ports
        from portique.applications.signals import application_submitted

        from . import selectors
        from .eta import eta_assess_on_submission
        from .receivers import screen_on_submission

        ports.open_requests.provide(selectors.open_requests_of)
        ports.return_grounds.provide(selectors.return_grounds_of)
        ports.expected_decision.provide(selectors.expected_decision_for)
        application_submitted.connect(screen_on_submission, dispatch_uid="casework.screen_on_submission")
        # After the screening: the rules decide an eTA, or refer it to an officer (IRPR 12.04).
        application_submitted.connect(eta_assess_on_submission, dispatch_uid="casework.eta_assess_on_submission")
