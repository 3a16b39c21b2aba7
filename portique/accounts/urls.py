from allauth.account import views as allauth_views
from django.urls import include, path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.overview, name="overview"),
    # Older names for allauth's sign-in and sign-out pages (same addresses).
    path("login/", allauth_views.login, name="login"),
    path("logout/", allauth_views.logout, name="logout"),
    path("language/", views.preferred_language, name="preferred_language"),
    path("sessions/<int:session_id>/end/", views.session_end, name="session_end"),
    path("session/status/", views.session_status, name="session_status"),
    path("session/keepalive/", views.session_keepalive, name="session_keepalive"),
    path("representative/signup/", views.representative_signup, name="representative_signup"),
    path("representatives/", views.representative_list, name="representative_list"),
    path("representatives/<uuid:public_id>/", views.representative_detail, name="representative_detail"),
    path(
        "representatives/<uuid:public_id>/identity-document/",
        views.representative_document,
        name="representative_document",
    ),
    path("audit/", views.audit_log, name="audit_log"),
]

# allauth's pages (sign-up, login, e-mail verification, password, MFA, sessions) in
# the same /en/account/… and /fr/account/… space, without a namespace.
allauth_urlpatterns = [path("", include("allauth.urls"))]
