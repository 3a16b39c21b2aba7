from django.urls import path

from . import applicant_views, eta_views

app_name = "casework_applicant"

# Mounted at applications/<uuid:public_id>/: what the applicant reads and answers.
urlpatterns = [
    path("letters/<uuid:letter_id>/<str:language>/", applicant_views.letter, name="letter"),
    path("requests/<uuid:request_id>/", applicant_views.request_detail, name="request"),
    path(
        "requests/<uuid:request_id>/files/<uuid:file_id>/", applicant_views.request_file, name="request_file"
    ),
    path("restart/", applicant_views.restart, name="restart"),
    path("withdraw/", applicant_views.withdraw, name="withdraw"),
    path("eta/", eta_views.holder_eta, name="eta"),
]
