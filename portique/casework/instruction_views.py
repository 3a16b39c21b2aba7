"""The officer's biometrics and medical pages: who needs them is read from the file, by name.

Parse, check access, call one service (``casework.instructions``), render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from portique.rules import biometrics

from . import access, forms, instructions, pages, readiness, services
from .models import MedicalInstruction
from .services import CaseworkError


def _history(data: dict) -> biometrics.PrCardBiometricsHistory | None:
    if not (data.get("pr_application_kind") and data.get("received_on")):
        return None
    return biometrics.PrCardBiometricsHistory(
        pr_application_kind=biometrics.ApplicationKind(data["pr_application_kind"]),
        pr_application_received_on=data["received_on"],
        rollout_phase=biometrics.RolloutPhase(data.get("rollout_phase") or "unknown"),
        earlier_card_application_at_14_or_older=bool(data.get("earlier_card_application")),
    )


@login_required
@require_http_methods(["GET", "POST"])
def biometrics_page(request: HttpRequest, public_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    action = request.POST.get("action", "")
    evaluation = readiness.evaluation_of(application)
    people = instructions.biometrics_people(application, evaluation=evaluation)
    instruct_form = forms.BiometricsForm(request.POST if action == "instruct" else None)
    collected_form = forms.CollectedForm(
        request.POST if action == "collected" else None,
        people=[(entry.person.position, entry.name) for entry in people if entry.pending],
    )
    needs_records = any(entry.needs_records for entry in people)
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        on = timezone.localdate()
        try:
            if action == "instruct":
                instruct_form.is_valid()
                if instruct_form.errors:
                    raise CaseworkError({})
                sent = services.biometrics_instruct(
                    actor=request.user,
                    public_id=application.public_id,
                    history=_history(instruct_form.cleaned_data) if needs_records else None,
                    on=on,
                )
                messages.success(
                    request,
                    ngettext(
                        "The biometric instruction letter is sent to %(names)s.",
                        "The biometric instruction letters are sent to %(names)s.",
                        len(sent),
                    )
                    % {"names": ", ".join(readiness.name_of(row.person) for row in sent)},
                )
            elif action == "collected":
                if not collected_form.is_valid():
                    raise CaseworkError({})
                services.biometrics_record_collected(
                    actor=request.user,
                    public_id=application.public_id,
                    collected_on=collected_form.cleaned_data.get("collected_on"),
                    position=collected_form.cleaned_data.get("position"),
                    on=on,
                )
                messages.success(request, _("The collection of the biometrics is recorded."))
            else:
                raise Http404
        except CaseworkError as refused:
            status = 400
            errors = pages.refuse(instruct_form if action == "instruct" else collected_form, refused.errors)
        else:
            return redirect("casework:biometrics", public_id=application.public_id)
    else:
        pages.opened(request, application, "biometrics")
    language = pages.page_language()
    return render(
        request,
        "casework/biometrics.html",
        {
            "application": application,
            "people": people,
            "language": language,
            "to_instruct": [entry for entry in people if entry.to_instruct],
            "needs_records": needs_records,
            "instruct_form": instruct_form,
            "collected_form": collected_form,
            "waiting": [entry for entry in people if entry.pending],
            "errors": errors,
            "bound_errors": [form for form in (instruct_form, collected_form) if form.errors],
            "processing": application.status in services.PROCESSING,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def medical(request: HttpRequest, public_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    action = request.POST.get("action", "")
    examined = instructions.medical_people(application)
    instructed = set(application.medical_instructions.values_list("person_id", flat=True))
    to_instruct = [person for person in examined if person.pk not in instructed]
    # Anyone else who may be examined, by name (the sponsor and the guardian are not applicants).
    from .sponsorship import not_examined

    people = [
        (person.position, readiness.name_of(person))
        for person in application.people.order_by("position")
        if not not_examined(person)
    ]
    issue_form = forms.MedicalForm(request.POST if action == "instruct" else None, people=people)
    result_forms: dict[int, forms.MedicalResultForm] = {}
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        on = timezone.localdate()
        try:
            if action == "instruct_everyone":
                sent = instructions.medical_instruct_everyone(
                    actor=request.user, public_id=application.public_id, on=on
                )
                messages.success(
                    request,
                    _("The medical exam instructions are sent to %(names)s.")
                    % {"names": ", ".join(readiness.name_of(row.person) for row in sent)},
                )
            elif action == "instruct":
                issue_form.is_valid()
                position = issue_form.cleaned_data.get("position")
                services.medical_instruct(
                    actor=request.user,
                    public_id=application.public_id,
                    position=position if position is not None else -1,
                    on=on,
                )
                messages.success(request, _("The medical exam instructions are sent."))
            elif action == "result":
                instruction, bound = pages.posted_row(
                    request,
                    MedicalInstruction.objects.filter(application=application),
                    "instruction",
                    forms.MedicalResultForm,
                    result_forms,
                )
                if bound.errors:
                    raise CaseworkError({})
                services.medical_record_result(
                    actor=request.user,
                    public_id=application.public_id,
                    instruction_id=instruction.public_id,
                    result_on=bound.cleaned_data.get("result_on"),
                    on=on,
                )
                messages.success(request, _("The result date is recorded."))
            else:
                raise Http404
        except CaseworkError as refused:
            status = 400
            target = next(iter(result_forms.values())) if action == "result" else issue_form
            errors = pages.refuse(target, refused.errors)
        else:
            return redirect("casework:medical", public_id=application.public_id)
    else:
        pages.opened(request, application, "medical")
    rows = pages.rows_with_forms(
        application.medical_instructions.select_related("person"), result_forms, forms.MedicalResultForm
    )
    return render(
        request,
        "casework/medical.html",
        {
            "application": application,
            "instructions": [(row, readiness.name_of(row.person), form) for row, form in rows],
            "to_instruct": [readiness.name_of(person) for person in to_instruct],
            "issue_form": issue_form,
            "errors": errors,
            "bound_errors": [form for form in (issue_form, *result_forms.values()) if form.errors],
            "processing": application.status in services.PROCESSING,
        },
        status=status,
    )
