from django.urls import path

from . import views

# Mounted under alternatives/ (portique/urls.py). The first three pages need no account.
app_name = "alternatives"

urlpatterns = [
    path("do-i-have-to-apply-online/", views.online_requirement, name="online_requirement"),
    path("kit/", views.kit_request, name="kit_request"),
    path("kit/<str:reference>/", views.kit_request_received, name="kit_request_received"),
    path("officer/kits/", views.queue, name="officer_queue"),
    path("officer/kits/<str:reference>/", views.detail, name="officer_detail"),
    path("officer/kits/<str:reference>/covering-letter/", views.covering_letter, name="covering_letter"),
]
