"""Who may see or change an application. "Not found" and "not yours" look the same."""

from django.http import Http404

from portique.accounts.choices import Role

from .models import Application


def access_application(*, actor, public_id, for_update: bool = False) -> Application:
    """The application if ``actor`` owns it; 404 otherwise (never says which)."""
    if not actor.is_authenticated or actor.role != Role.APPLICANT:
        raise Http404
    queryset = Application.objects.filter(public_id=public_id, owner=actor)
    if for_update:
        queryset = queryset.select_for_update()
    application = queryset.first()
    if application is None:
        raise Http404
    return application
