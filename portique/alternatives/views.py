"""Public pages (no account): the online-requirement questions and the kit request form;
officers' pages: the queue of kit requests and the record of what was sent."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from portique.accounts.choices import Role
from portique.rules.parameters import value

from . import ratelimit, selectors, services
from .access import access_kit_request, access_kit_request_queue
from .choices import Answerer, KitChoice, RequestStatus
from .forms import DispatchForm, KitRequestForm, OnlineQuestionsForm, add_service_errors
from .models import KitRequest
from .questionnaire import answer

# The references of the requests made in this browser session: only they may be shown
# back on the acknowledgement page (the request holds a name and an address).
SESSION_KEY = "alternatives_kit_requests"


def _language() -> str:
    return (get_language() or "en")[:2]


@require_http_methods(["GET", "POST"])
def online_requirement(request: HttpRequest) -> HttpResponse:
    """ "Do I have to apply online?" — answered by the rules, for today's date.

    The answers come by POST, not in the address: whether a disability prevents someone
    from applying online does not belong in server logs or the browser's history.
    Nothing is saved.
    """
    on = timezone.localdate()
    language = _language()
    initial = {}
    if request.user.is_authenticated and request.user.role == Role.REPRESENTATIVE:
        initial["answerer"] = Answerer.PAID_REPRESENTATIVE
    asked = request.method == "POST"
    form = OnlineQuestionsForm(request.POST if asked else None, on=on, language=language, initial=initial)
    outcome = answer(answers=form.answers(), on=on, language=language) if asked and form.is_valid() else None
    return render(
        request,
        "alternatives/online_requirement.html",
        {
            "form": form,
            "outcome": outcome,
            "help_line": value("online.alternative_format_help_line", on),
            "table_citation": "IRPR 9.2; IRCC — « Restrictions du système – Détails des dispenses »",
        },
        status=400 if asked and not form.is_valid() else 200,
    )


def _rate_limited(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "alternatives/too_many_requests.html",
        {"help_line": value("online.alternative_format_help_line", timezone.localdate())},
        status=429,
    )


@require_http_methods(["GET", "POST"])
def kit_request(request: HttpRequest) -> HttpResponse:
    """The alternative-format request: what the guides' e-mail asks for, as a form (CSRF-protected)."""
    if request.method == "GET":
        initial = {}
        if request.GET.get("kit") in KitChoice.values:
            initial["kit"] = request.GET["kit"]
        return _kit_request_page(request, KitRequestForm(initial=initial))
    if ratelimit.hit("kit_request_attempt", request) or ratelimit.is_limited("kit_request_created", request):
        return _rate_limited(request)
    form = KitRequestForm(request.POST)
    if not form.is_valid():
        return _kit_request_page(request, form, status=400)
    # Counted before the request is created, in one atomic step: concurrent posts can never
    # all read "one left" (a complete form the service then refuses still counts: the cost
    # of never letting a sixth request through).
    if ratelimit.hit("kit_request_created", request):
        return _rate_limited(request)
    try:
        created = services.kit_request_submit(
            data=form.request_input(), language=_language(), on=timezone.localdate()
        )
    except services.KitRequestInvalid as invalid:
        add_service_errors(form, invalid.errors)
        return _kit_request_page(request, form, status=400)
    mine = request.session.get(SESSION_KEY, [])
    request.session[SESSION_KEY] = [*mine[-9:], created.reference]
    return redirect("alternatives:kit_request_received", reference=created.reference)


def _kit_request_page(request: HttpRequest, form: KitRequestForm, *, status: int = 200) -> HttpResponse:
    on = timezone.localdate()
    return render(
        request,
        "alternatives/kit_request.html",
        {
            "form": form,
            "help_line": value("online.alternative_format_help_line", on),
        },
        status=status,
    )


@require_GET
@never_cache
def kit_request_received(request: HttpRequest, reference: str) -> HttpResponse:
    if reference not in request.session.get(SESSION_KEY, []):
        raise Http404
    kit_request = KitRequest.objects.filter(reference=reference).first()
    if kit_request is None:
        raise Http404
    return render(
        request,
        "alternatives/kit_request_received.html",
        {
            "kit_request": kit_request,
            "help_line": value("online.alternative_format_help_line", timezone.localdate()),
        },
    )


# --- Officers ---------------------------------------------------------------------------


@login_required
@require_GET
@never_cache
def queue(request: HttpRequest) -> HttpResponse:
    access_kit_request_queue(user=request.user)
    status = request.GET.get("status", RequestStatus.RECEIVED)
    if status not in RequestStatus.values:
        status = RequestStatus.RECEIVED
    counts = selectors.queue_counts()
    return render(
        request,
        "alternatives/officer/queue.html",
        {
            "requests": selectors.kit_requests_in_queue(status=status)[:200],
            "status": status,
            "statuses": [(value, label, counts[value]) for value, label in RequestStatus.choices],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def detail(request: HttpRequest, reference: str) -> HttpResponse:
    kit_request = access_kit_request(user=request.user, reference=reference)
    today = timezone.localdate()
    if request.method == "GET":
        form = DispatchForm(initial={"sent_on": today})
        return _detail_page(request, kit_request, form, today=today)
    form = DispatchForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, kit_request, form, today=today, status=400)
    try:
        services.kit_request_mark_sent(
            actor=request.user, public_id=kit_request.public_id, dispatch=form.dispatch(), today=today
        )
    except services.KitRequestInvalid as invalid:
        add_service_errors(form, invalid.errors)
        return _detail_page(request, kit_request, form, today=today, status=400)
    except services.KitRequestAlreadySent:
        kit_request.refresh_from_db()
        return _detail_page(request, kit_request, DispatchForm(), today=today, status=409, already_sent=True)
    return redirect("alternatives:officer_detail", reference=kit_request.reference)


def _detail_page(
    request, kit_request, form, *, today, status: int = 200, already_sent: bool = False
) -> HttpResponse:
    return render(
        request,
        "alternatives/officer/detail.html",
        {
            "kit_request": kit_request,
            "form": form,
            "address": services.submission_address_for(kit_request, today),
            "events": list(kit_request.events.select_related("actor")),
            "follow_ups": list(kit_request.follow_ups.select_related("application")),
            "already_sent": already_sent,
        },
        status=status,
    )


@login_required
@require_GET
@never_cache
def covering_letter(request: HttpRequest, reference: str) -> HttpResponse:
    kit_request = access_kit_request(user=request.user, reference=reference)
    if not kit_request.covering_letter:
        raise Http404
    services.covering_letter_downloaded(actor=request.user, kit_request=kit_request)
    with kit_request.covering_letter.open("rb") as stored:
        content = stored.read()
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="covering-letter-{kit_request.reference}.pdf"'
    return response
