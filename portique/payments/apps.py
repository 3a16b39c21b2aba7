from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "portique.payments"
    label = "payments"
    verbose_name = _("Payments")

    def ready(self):
        # What the application's workflow asks of the payments (applications.ports).
        from portique.applications import ports

        from . import selectors, services

        ports.case_payments.provide(selectors.case_payments)
        ports.fee_balance.provide(selectors.balance_for)
        ports.approved_payments.provide(selectors.approved_payments_kept)
        ports.overpayment_refund.provide(services.overpayment_refund)
