from django.urls import path

from . import views

app_name = "representation_client"

# Mounted at applications/represented/: the client's side, in the client's own account.
urlpatterns = [
    path("", views.client_index, name="index"),
    path("link/", views.client_link, name="link"),
    path("<uuid:public_id>/accept/", views.client_accept, name="accept"),
    path("<uuid:public_id>/revoke/", views.client_revoke, name="revoke"),
    path("review/<uuid:public_id>/", views.client_review, name="review"),
]
