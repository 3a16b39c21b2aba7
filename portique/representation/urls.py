from django.urls import path

from . import views

app_name = "representation"

# Mounted at representative/: the paid representative's portal (seed 004).
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("new/", views.create, name="create"),
    path("link/", views.link, name="link"),
    path("applications/<uuid:public_id>/", views.file, name="file"),
    path("applications/<uuid:public_id>/imm5476/", views.imm5476_upload, name="imm5476_upload"),
    path("applications/<uuid:public_id>/imm5476/file/", views.imm5476_download, name="imm5476_download"),
    path("applications/<uuid:public_id>/invite/", views.invite, name="invite"),
    path("applications/<uuid:public_id>/declare/", views.declare, name="declare"),
    path("applications/<uuid:public_id>/submit/", views.submit, name="submit"),
]
