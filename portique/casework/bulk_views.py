"""Accepting the routine files an officer selected in the screening queue: parse, one service, redirect."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import access, bulk
from .choices import Queue
from .services import CaseworkError


@login_required
@require_POST
def routine_accept(request: HttpRequest) -> HttpResponse:
    access.access_casework(user=request.user)
    back = reverse("casework:home") + f"?queue={Queue.SCREENING.value}&triage=routine"
    try:
        result = bulk.routine_files_accept(
            actor=request.user, public_ids=request.POST.getlist("files"), on=timezone.localdate()
        )
    except CaseworkError as refused:
        for problems in refused.errors.values():
            for problem in problems:
                messages.error(request, problem)
        return redirect(back)
    if result.accepted:
        messages.success(
            request,
            ngettext(
                "%(count)s file accepted; its acknowledgement of receipt is in the applicant's account: %(numbers)s.",
                "%(count)s files accepted; each acknowledgement of receipt is in the applicant's account: %(numbers)s.",
                len(result.accepted),
            )
            % {"count": len(result.accepted), "numbers": ", ".join(result.accepted)},
        )
    for number, why in result.left_out:
        messages.warning(request, _("%(number)s was left out. %(why)s") % {"number": number, "why": why})
    return redirect(back)
