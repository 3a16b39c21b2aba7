"""The supervisor's figures of triage and bulk decisions: check the permission, count, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import access, figures


@login_required
@require_GET
@never_cache
def figures_page(request: HttpRequest) -> HttpResponse:
    access.access_figures(user=request.user)
    try:
        days = int(request.GET.get("days", figures.DEFAULT_WINDOW))
    except ValueError:
        days = figures.DEFAULT_WINDOW
    if days not in figures.WINDOWS:
        days = figures.DEFAULT_WINDOW
    today = timezone.localdate()
    start, _end = figures.window_of(days, today=today)
    return render(
        request,
        "casework/figures.html",
        {
            "programs": figures.figures(days=days, today=today),
            "days": days,
            "windows": figures.WINDOWS,
            "since": timezone.localdate(start),
            "today": today,
        },
    )
