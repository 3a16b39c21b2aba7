from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "portique.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        # What the application's workflow asks of the documents (applications.ports).
        from portique.applications import ports

        from . import selectors, services

        ports.case_documents.provide(selectors.case_documents_for)
        ports.documents_content.provide(selectors.documents_content)
        ports.checklist.provide(selectors.checklist_for)
        ports.restart_documents.provide(services.documents_carry_over)
