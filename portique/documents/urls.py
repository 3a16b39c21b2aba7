from django.urls import path

from . import views

app_name = "documents"

# Mounted at applications/<uuid:public_id>/documents/. An item's "slot" is the person's
# position (or "a" for the application's own items) and the item code: "0-PHOTO".
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:slot>/upload/", views.upload, name="upload"),
    path("<str:slot>/explain/", views.explain, name="explain"),
    path("<str:slot>/explanation/withdraw/", views.withdraw, name="withdraw"),
    path("<str:slot>/files/<uuid:document_id>/confirm/", views.confirm, name="confirm"),
    path("<str:slot>/files/<uuid:document_id>/remove/", views.remove, name="remove"),
    path("<str:slot>/files/<uuid:document_id>/language/", views.language, name="language"),
    path("<str:slot>/files/<uuid:document_id>/translation/", views.translation, name="translation"),
    path("files/<uuid:document_id>/", views.download, name="download"),
]
