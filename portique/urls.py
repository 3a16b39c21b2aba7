from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from portique.accounts.urls import allauth_urlpatterns
from portique.core import views as core_views

# Language-neutral endpoints first; every page a person reads is under /en/ or /fr/.
urlpatterns = [
    path("", core_views.splash, name="splash"),
    path("healthz", core_views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", include("portique.core.urls")),
    path("account/", include("portique.accounts.urls")),
    path("account/", include(allauth_urlpatterns)),
    path("admin/", admin.site.urls),
    path("applications/", include("portique.applications.urls")),
    path("applications/<uuid:public_id>/documents/", include("portique.documents.urls")),
    path("applications/<uuid:public_id>/fees/", include("portique.payments.urls")),
    path("applications/<uuid:public_id>/", include("portique.casework.applicant_urls")),
    path("officer/", include("portique.casework.urls")),
    path("representative/", include("portique.representation.urls")),
    path("applications/represented/", include("portique.representation.client_urls")),
    path("alternatives/", include("portique.alternatives.urls")),
    prefix_default_language=True,
)
