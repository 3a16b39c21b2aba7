from django.urls import path

from . import urgency_views, views
from .people import views as people_views
from .submission import views as submitted_views

app_name = "applications"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("start/", views.start, name="start"),
    path("paper/link/", views.paper_link, name="paper_link"),
    path("<uuid:public_id>/", views.overview, name="overview"),
    path("<uuid:public_id>/form/<slug:section>/", views.account_holder_section, name="section"),
    path("<uuid:public_id>/validate/", views.validate, name="validate"),
]
urlpatterns += [
    path("<uuid:public_id>/check/", views.check_answers, name="check_answers"),
    path("<uuid:public_id>/draft.pdf", views.draft_copy, name="draft_copy"),
    path("<uuid:public_id>/sign/", views.sign, name="sign"),
    path("<uuid:public_id>/submit/", views.submit, name="submit"),
    path("<uuid:public_id>/confirmation/", views.confirmation, name="confirmation"),
]
# Multi-person applications (people/views.py): each person's forms, section by section.
urlpatterns += [
    path("sponsorship/start/", views.start, {"sponsorship": True}, name="sponsorship_start"),
    path("sponsorship/start/<slug:program>/", people_views.sponsorship_screen, name="sponsorship_screen"),
    path("<uuid:public_id>/people/add/", people_views.person_add, name="person_add"),
    path("<uuid:public_id>/people/<int:position>/remove/", people_views.person_remove, name="person_remove"),
    path("<uuid:public_id>/people/<int:position>/sign/", views.sign, name="person_sign"),
    path(
        "<uuid:public_id>/people/<int:position>/<str:form_code>/<slug:section>/",
        views.person_section,
        name="person_section",
    ),
]
# After submission (submission/views.py): the copy as submitted and the change of address.
urlpatterns += [
    path("<uuid:public_id>/submitted-copy/", submitted_views.submitted_copy, name="submitted_copy"),
    path("<uuid:public_id>/address/", submitted_views.address_change, name="address_change"),
]
# After submission: whether the file is urgent, and why (urgency_views.py).
urlpatterns += [path("<uuid:public_id>/urgent/", urgency_views.urgency_change, name="urgency")]
