"""Files decided together: the routine files an officer accepts from the screening queue, and the
decision-maker's page that approves routine files in one confirmation (parse, one service, render)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portique.rules.programs import registry

from . import access, bulk, bulk_decide, letter_tasks, pages
from .batch_models import Batch, BatchKind
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


# --- Approving routine files together (the decision-maker's page) --------------------------------


def _decision_maker(request: HttpRequest) -> None:
    access.access_casework(user=request.user)
    if not access.can_decide(request.user):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def routine_approve(request: HttpRequest) -> HttpResponse:
    _decision_maker(request)
    today = timezone.localdate()
    programs = bulk_decide.bulk_programs()
    program = request.POST.get("program") or request.GET.get("program") or (programs[0] if programs else "")
    if program and program not in programs:
        raise Http404
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        try:
            batch = bulk_decide.routine_files_approve(
                actor=request.user,
                key=request.POST.get("key", ""),
                program=program,
                public_ids=request.POST.getlist("files"),
                on=today,
            )
        except CaseworkError as refused:
            status = 400
            errors = [str(problem) for problems in refused.errors.values() for problem in problems]
        else:
            return redirect("casework:batch", batch_id=batch.public_id)
    ready, waiting = bulk_decide.routine_rows(actor=request.user, program=program, on=today) if program else ([], [])
    language = pages.page_language()
    return render(
        request,
        "casework/routine_approve.html",
        {
            "programs": [(code, registry.program(code).name(language)) for code in programs],
            "program": program,
            "program_name": registry.program(program).name(language) if program else "",
            "ready": ready,
            "waiting": waiting,
            "shown": len(ready) + len(waiting),
            "total": bulk_decide.routine_count(program) if program else 0,
            "referred": [registry.program(code).name(language) for code in bulk_decide.referred_switched_on()],
            "key": uuid.uuid4(),
            "errors": errors,
        },
        status=status,
    )


@login_required
@require_GET
@never_cache
def batch(request: HttpRequest, batch_id) -> HttpResponse:
    _decision_maker(request)
    found = Batch.objects.filter(public_id=batch_id, kind=BatchKind.APPROVE).select_related("officer").first()
    if found is None:
        raise Http404
    rows = list(
        found.files.select_related(
            "application__owner", "decision__letter__rendering", "decision__letter__application"
        )
    )
    decided = [row for row in rows if row.done]
    language = pages.page_language()
    return render(
        request,
        "casework/batch.html",
        {
            "batch": found,
            "program_name": registry.program(found.program).name(language) if found.program else "",
            "decided": decided,
            "left_out": [(row, row.left_out(language)) for row in rows if not row.done],
            "preparing": any(not row.decision.letter.made for row in decided),
            "back": request.get_full_path(),
        },
    )


@login_required
@require_POST
def letter_make_again(request: HttpRequest, public_id, letter_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    letter = application.letters.filter(public_id=letter_id).first()
    if letter is None:
        raise Http404
    try:
        letter_tasks.letter_make_again(actor=request.user, letter=letter)
    except CaseworkError as refused:
        for problems in refused.errors.values():
            for problem in problems:
                messages.error(request, problem)
    else:
        messages.success(
            request, _("The letter is being prepared again for %(number)s.") % {"number": application.number}
        )
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect(reverse("casework:file", args=[application.public_id]) + "#letters")
