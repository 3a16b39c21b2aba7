from django.urls import path

from . import views

app_name = "applications"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("start/", views.start, name="start"),
    path("<uuid:public_id>/", views.overview, name="overview"),
    path("<uuid:public_id>/form/<slug:section>/", views.section, name="section"),
    path("<uuid:public_id>/validate/", views.validate, name="validate"),
]
urlpatterns += [
    path("<uuid:public_id>/sign/", views.sign, name="sign"),
    path("<uuid:public_id>/submit/", views.submit, name="submit"),
    path("<uuid:public_id>/confirmation/", views.confirmation, name="confirmation"),
]
