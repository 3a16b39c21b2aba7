"""Reads for the officers' queue of kit requests."""

from __future__ import annotations

from django.db.models import QuerySet

from .choices import RequestStatus
from .models import KitRequest


def kit_requests_in_queue(*, status: str) -> QuerySet[KitRequest]:
    """Requests with ``status``: the oldest first while waiting, the latest sent first once answered."""
    requests = KitRequest.objects.filter(status=status).select_related("sent_by")
    if status == RequestStatus.SENT:
        return requests.order_by("-sent_on", "-id")
    return requests.order_by("received_at", "id")


def queue_counts() -> dict[str, int]:
    return {status: KitRequest.objects.filter(status=status).count() for status in RequestStatus.values}
