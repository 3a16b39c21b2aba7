"""The officer's pages of a sponsorship (``casework.sponsorship``): the sponsor assessed first,
the Quebec step, the police certificates, the decision per person."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portique.applications.choices import Status

from . import access, forms, pages, services, sponsorship, undertaking
from .choices import DecisionOutcome
from .models import QuebecUndertaking, SponsorAssessment
from .readiness import readiness
from .services import CaseworkError
from .sponsorship import sponsor_assess


@login_required
@require_http_methods(["GET", "POST"])
def sponsor_assessment(request: HttpRequest, public_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    if not access.can_decide(request.user) or not application.definition.sponsored:
        raise Http404
    language = (get_language() or "en")[:2]
    errors: dict[str, list] = {}
    if request.method == "POST":
        decision = request.POST.get("decision", "")
        try:
            if decision not in ("approve", "refuse"):
                raise CaseworkError.at("decision", _("Choose whether the sponsor is approved or refused."))
            sponsor_assess(
                actor=request.user,
                public_id=application.public_id,
                approved=decision == "approve",
                reasons=request.POST.get("reasons", ""),
                on=timezone.localdate(),
            )
        except CaseworkError as refused:
            errors = {key: [str(m) for m in found] for key, found in refused.errors.items()}
        else:
            messages.success(request, _("The sponsor assessment is recorded."))
            return redirect("casework:file", public_id=application.public_id)
    sponsor = application.people.filter(role="sponsor").first()
    return render(
        request,
        "casework/sponsor_assessment.html",
        {
            "application": application,
            "assessment": SponsorAssessment.objects.filter(application=application).first(),
            "choice": ((sponsor.answers.get("IMM1344") or {}).get("question_1") or {}).get("choice")
            if sponsor
            else None,
            "errors": errors,
            "language": language,
        },
    )


def _sponsorship_case(request: HttpRequest, public_id, *, decide: bool = False):
    application = access.access_case(user=request.user, public_id=public_id)
    if not application.definition.sponsored or (decide and not access.can_decide(request.user)):
        raise Http404
    return application


@login_required
@require_http_methods(["GET", "POST"])
def quebec(request: HttpRequest, public_id) -> HttpResponse:
    """The Quebec step (SP-70): where it stands, and Quebec's answer on the undertaking."""
    application = _sponsorship_case(request, public_id)
    form = forms.QuebecDecisionForm(request.POST if request.method == "POST" else None)
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        form.is_valid()
        data = form.cleaned_data
        answer = data.get("quebec_decision")
        try:
            if form.errors:
                raise CaseworkError({})
            sponsorship.quebec_decision_record(
                actor=request.user,
                public_id=application.public_id,
                approved={"approved": True, "refused": False}.get(answer or ""),
                decided_on=data.get("decided_on"),
                reference=data.get("reference", ""),
                notes=data.get("notes", ""),
                on=timezone.localdate(),
            )
        except CaseworkError as refused:
            status = 400
            errors = pages.refuse(form, refused.errors)
        else:
            messages.success(request, _("Quebec's decision is recorded."))
            return redirect("casework:quebec", public_id=application.public_id)
    else:
        pages.opened(request, application, "quebec")
    step = sponsorship.quebec_state(application)
    return render(
        request,
        "casework/quebec.html",
        {
            "application": application,
            "step": step.value,
            "undertaking": QuebecUndertaking.objects.filter(application=application).first(),
            "form": form,
            "errors": errors,
            "bound_errors": [form] if form.errors else [],
            "processing": application.status in services.PROCESSING,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def police(request: HttpRequest, public_id) -> HttpResponse:
    """Police certificates per person and country (SP-185): request, record received, accept an explanation."""
    application = _sponsorship_case(request, public_id)
    action = request.POST.get("action", "")
    errors: list[str] = []
    bound: dict[str, forms.CaseworkForm] = {}
    status = 200
    if request.method == "POST":
        key = request.POST.get("certificate", "")
        position_text, _sep, country = key.partition("-")
        form_class = {
            "request": forms.PoliceRequestForm,
            "received": forms.PoliceReceivedForm,
            "explanation": forms.PoliceExplanationForm,
        }.get(action)
        if form_class is None or not position_text.isdigit():
            raise Http404
        form = form_class(request.POST, prefix=f"{action}-{key}")
        bound[f"{action}-{key}"] = form
        form.is_valid()
        data = form.cleaned_data
        on = timezone.localdate()
        common = {
            "actor": request.user,
            "public_id": application.public_id,
            "position": int(position_text),
            "country": country,
        }
        try:
            if form.errors:
                raise CaseworkError({})
            if action == "request":
                sponsorship.police_certificate_request(**common, due_on=data.get("due_on"), on=on)
                messages.success(
                    request, _("The police certificate is requested. The applicant is told by e-mail.")
                )
            elif action == "received":
                sponsorship.police_certificate_record_received(
                    **common, received_on=data.get("received_on"), on=on
                )
                messages.success(request, _("The police certificate is recorded as received."))
            else:
                sponsorship.police_certificate_accept_explanation(**common, note=data.get("note", ""))
                messages.success(request, _("The letter of explanation is accepted."))
        except CaseworkError as refused:
            status = 400
            errors = pages.refuse(form, refused.errors)
        else:
            return redirect("casework:police", public_id=application.public_id)
    else:
        pages.opened(request, application, "police")
    rows = []
    for row in sponsorship.police_certificates(application):
        key = f"{row.person.position}-{row.certificate.country}"
        rows.append(
            {
                "row": row,
                "key": key,
                "request_form": bound.get(f"request-{key}")
                or forms.PoliceRequestForm(prefix=f"request-{key}"),
                "received_form": bound.get(f"received-{key}")
                or forms.PoliceReceivedForm(prefix=f"received-{key}"),
                "explanation_form": bound.get(f"explanation-{key}")
                or forms.PoliceExplanationForm(prefix=f"explanation-{key}"),
            }
        )
    return render(
        request,
        "casework/police.html",
        {
            "application": application,
            "rows": rows,
            "errors": errors,
            "bound_errors": [form for form in bound.values() if form.errors],
            "processing": application.status in services.PROCESSING,
        },
        status=status,
    )


CUSTODY_CHOICES = [
    ("principal_applicant", _("The principal applicant")),
    ("joint", _("Joint custody with the principal applicant")),
    ("sole_other_parent", _("The other parent alone")),
    ("not_applicable", _("Nobody: the child is not a minor")),
]


@login_required
@require_http_methods(["GET", "POST"])
def decision(request: HttpRequest, public_id) -> HttpResponse:
    """A sponsorship's decision: the decision-maker's finding about each person; the rules give the outcomes."""
    application = _sponsorship_case(request, public_id, decide=True)
    action = request.POST.get("action", "decide")
    data = request.POST if request.method == "POST" and action == "decide" else None
    processing = application.status in services.PROCESSING
    before_decision = readiness(application, on=timezone.localdate()) if processing else None
    # Filled from the file for the officer to confirm: each person meets the requirements when
    # nothing is missing (a refusal is never pre-selected); custody as IMM 0008 declares it.
    initial = {"meets": "yes"} if before_decision is not None and before_decision.ready else {}
    people = []
    for person in sponsorship.examined_people(application):
        comes = sponsorship.accompanying(person)
        form = forms.PersonFindingForm(
            data,
            prefix=f"person-{person.position}",
            custody_choices=CUSTODY_CHOICES if not comes else None,
            initial=initial,
        )
        people.append(
            {"person": person, "name": sponsorship.person_name(person), "accompanying": comes, "form": form}
        )
    withdraw_form = forms.DecisionForm(request.POST if action == "withdraw" else None)
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        on = timezone.localdate()
        try:
            if action == "withdraw":
                withdraw_form.is_valid()
                services.application_decide(
                    actor=request.user,
                    public_id=application.public_id,
                    outcome=DecisionOutcome.WITHDRAWN,
                    reasons=withdraw_form.cleaned_data.get("reasons", ""),
                    on=on,
                )
            elif action == "decide":
                findings = {}
                for entry in people:
                    form = entry["form"]
                    form.is_valid()
                    meets = form.cleaned_data.get("meets")
                    findings[entry["person"].position] = sponsorship.PersonFinding(
                        meets_requirements={"yes": True, "no": False}.get(meets or ""),
                        reasons=form.cleaned_data.get("reasons", ""),
                        custody=form.cleaned_data.get("custody", "") or "",
                    )
                sponsorship.sponsorship_decide(
                    actor=request.user, public_id=application.public_id, findings=findings, on=on
                )
            else:
                raise Http404
        except CaseworkError as refused:
            status = 400
            fields, errors = pages.refusal(refused.errors)
            if action == "withdraw":
                withdraw_form.add_refusal(fields)
            else:
                by_position = {str(entry["person"].position): entry["form"] for entry in people}
                for key, found in fields.items():
                    name, _sep, position = key.rpartition("-")
                    form = by_position.get(position)
                    if form is None:
                        errors.extend(str(message) for message in found)
                        continue
                    field = {"reasons": "reasons", "custody": "custody"}.get(name, "meets")
                    for message in found:
                        form.add_error(field if field in form.fields else None, str(message))
        else:
            messages.success(
                request, _("The decision is recorded and its letter is in the applicant's account.")
            )
            return redirect("casework:file", public_id=application.public_id)
    else:
        pages.opened(request, application, "decision")
    return render(
        request,
        "casework/sponsorship_decision.html",
        {
            "application": application,
            "people": people,
            "withdraw_form": withdraw_form,
            "errors": errors,
            "bound_errors": [entry["form"] for entry in people if entry["form"].errors]
            + ([withdraw_form] if withdraw_form.errors else []),
            "waiting": before_decision.missing if before_decision is not None else [],
            "processing": processing,
            "can_withdraw": application.status in (Status.SUBMITTED, *services.PROCESSING),
        },
        status=status,
    )


@login_required
@require_POST
def permanent_residence(request: HttpRequest, public_id) -> HttpResponse:
    """Record the day an approved sponsored person became a permanent resident (SP-14)."""
    application = _sponsorship_case(request, public_id, decide=True)
    raw = request.POST.get("became_pr_on", "").strip()
    try:
        day = date.fromisoformat(raw) if raw else None
    except ValueError:
        day = None
    try:
        position = int(request.POST.get("position", ""))
    except ValueError:
        raise Http404 from None
    try:
        undertaking.became_pr_record(
            actor=request.user, public_id=application.public_id, position=position, became_pr_on=day,
            on=timezone.localdate(),
        )
    except CaseworkError as refused:
        for found in refused.errors.values():
            for message in found:
                messages.error(request, str(message))
    else:
        messages.success(request, _("The day of permanent residence is recorded."))
    return redirect(reverse("casework:file", kwargs={"public_id": application.public_id}) + "#undertaking")
