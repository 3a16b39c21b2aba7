from django.urls import path

from . import views

# Mounted under applications/<uuid:public_id>/fees/ (portique/urls.py).
app_name = "payments"

urlpatterns = [
    path("", views.pay, name="pay"),
    path("receipts/<str:receipt_number>/", views.received, name="received"),
    path("receipts/<str:receipt_number>/pdf/", views.receipt_download, name="receipt"),
]
