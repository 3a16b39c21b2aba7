from .models import Application


def applications_of(*, actor):
    return Application.objects.filter(owner=actor).order_by("-created_at")


def history_of(*, application: Application):
    return application.history.select_related("actor").order_by("at", "id")
