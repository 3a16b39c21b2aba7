from django.urls import path

from . import applicant_file, applicant_views, conversation_views, eta_views

app_name = "casework_applicant"

# Mounted at applications/<uuid:public_id>/: what the applicant reads and answers.
urlpatterns = [
    path("letters/<uuid:letter_id>/<str:language>/", applicant_views.letter, name="letter"),
    path("requests/<uuid:request_id>/", applicant_views.request_detail, name="request"),
    path(
        "requests/<uuid:request_id>/files/<uuid:file_id>/", applicant_views.request_file, name="request_file"
    ),
    path("restart/", applicant_views.restart, name="restart"),
    path("messages/new/", conversation_views.message_new, name="message_new"),
    path(
        "messages/<uuid:message_id>/files/<uuid:file_id>/",
        conversation_views.message_file,
        name="message_file",
    ),
    path("after-submission/new/", conversation_views.late_document_new, name="late_document_new"),
    path(
        "after-submission/<uuid:document_id>/", conversation_views.late_document_file, name="late_document"
    ),
    path("withdraw/", applicant_views.withdraw, name="withdraw"),
    path("eta/", eta_views.holder_eta, name="eta"),
    path("your-file/", applicant_file.your_file_page, name="your_file"),
    path("your-file/your-data.json", applicant_file.your_data_json, name="your_data_json"),
    path("your-file/your-data.pdf", applicant_file.your_data_pdf, name="your_data_pdf"),
]
