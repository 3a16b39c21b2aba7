from django.urls import path

from . import paper_views, views

# Mounted under alternatives/ (portique/urls.py). The first three pages need no account.
app_name = "alternatives"

urlpatterns = [
    path("do-i-have-to-apply-online/", views.online_requirement, name="online_requirement"),
    path("kit/", views.kit_request, name="kit_request"),
    path("kit/<str:reference>/", views.kit_request_received, name="kit_request_received"),
    path("officer/kits/", views.queue, name="officer_queue"),
    path("officer/kits/<str:reference>/", views.detail, name="officer_detail"),
    path("officer/kits/<str:reference>/covering-letter/", views.covering_letter, name="covering_letter"),
    path("officer/paper/", paper_views.paper_list, name="paper_list"),
    path("officer/paper/new/", paper_views.paper_register, name="paper_register"),
    path("officer/paper/<uuid:public_id>/", paper_views.paper_file, name="paper_file"),
    path("officer/paper/<uuid:public_id>/receipt/", paper_views.paper_receipt, name="paper_receipt"),
    path("officer/paper/<uuid:public_id>/signatures/", paper_views.paper_signatures, name="paper_signatures"),
    path("officer/paper/<uuid:public_id>/photos/", paper_views.paper_photos, name="paper_photos"),
    path("officer/paper/<uuid:public_id>/send/", paper_views.paper_send, name="paper_send"),
    path(
        "officer/paper/<uuid:public_id>/requests/<uuid:request_id>/answer/",
        paper_views.paper_request_answer,
        name="paper_request_answer",
    ),
]
