from django.urls import path

from . import (
    bulk_views,
    conversation_views,
    eta_views,
    figures_views,
    instruction_views,
    sponsorship_views,
    views,
)

app_name = "casework"

# Mounted at officer/: the officers' pages.
urlpatterns = [
    path("", views.home, name="home"),
    path("routine/accept/", bulk_views.routine_accept, name="routine_accept"),
    path("routine/approve/", bulk_views.routine_approve, name="routine_approve"),
    path("batches/<uuid:batch_id>/", bulk_views.batch, name="batch"),
    path("figures/", figures_views.figures_page, name="figures"),
    path("access-log/", views.access_log, name="access_log"),
    path("letters-to-mail/", views.letters_to_mail, name="letters_to_mail"),
    path("files/<uuid:public_id>/", views.file, name="file"),
    path("files/<uuid:public_id>/screening/", views.screening, name="screening"),
    path("files/<uuid:public_id>/processing/start/", views.processing_start, name="processing_start"),
    path("files/<uuid:public_id>/requests/new/", views.request_new, name="request_new"),
    path("files/<uuid:public_id>/biometrics/", instruction_views.biometrics_page, name="biometrics"),
    path("files/<uuid:public_id>/medical/", instruction_views.medical, name="medical"),
    path("files/<uuid:public_id>/interviews/", views.interview, name="interview"),
    path("files/<uuid:public_id>/decision/", views.decision, name="decision"),
    path(
        "files/<uuid:public_id>/sponsor-assessment/",
        sponsorship_views.sponsor_assessment,
        name="sponsor_assessment",
    ),
    path("files/<uuid:public_id>/quebec/", sponsorship_views.quebec, name="quebec"),
    path("files/<uuid:public_id>/police-certificates/", sponsorship_views.police, name="police"),
    path(
        "files/<uuid:public_id>/permanent-residence/",
        sponsorship_views.permanent_residence,
        name="permanent_residence",
    ),
    path(
        "files/<uuid:public_id>/sponsorship-decision/",
        sponsorship_views.decision,
        name="sponsorship_decision",
    ),
    path("files/<uuid:public_id>/eta/cancel/", eta_views.officer_eta_cancel, name="eta_cancel"),
    path("files/<uuid:public_id>/notes/", views.note, name="note"),
    path("files/<uuid:public_id>/messages/", conversation_views.message_answer, name="message_answer"),
    path(
        "files/<uuid:public_id>/messages/<uuid:message_id>/files/<uuid:file_id>/",
        conversation_views.officer_message_file,
        name="message_file",
    ),
    path(
        "files/<uuid:public_id>/after-submission/<uuid:document_id>/",
        conversation_views.officer_late_document,
        name="late_document",
    ),
    path("files/<uuid:public_id>/urgent/", views.urgency, name="urgency"),
    path("files/<uuid:public_id>/documents/<uuid:document_id>/", views.document, name="document"),
    path(
        "files/<uuid:public_id>/documents/<uuid:document_id>/pages/<int:number>/",
        views.document_page,
        name="document_page",
    ),
    path("files/<uuid:public_id>/imm5476/", views.imm5476, name="imm5476"),
    path(
        "files/<uuid:public_id>/requests/<uuid:request_id>/files/<uuid:file_id>/",
        views.request_file,
        name="request_file",
    ),
    path(
        "files/<uuid:public_id>/letters/<uuid:letter_id>/mailed/", views.letter_mailed, name="letter_mailed"
    ),
    path(
        "files/<uuid:public_id>/letters/<uuid:letter_id>/make-again/",
        bulk_views.letter_make_again,
        name="letter_make_again",
    ),
    path("files/<uuid:public_id>/letters/<uuid:letter_id>/<str:language>/", views.letter, name="letter"),
]
