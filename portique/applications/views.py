from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portique.accounts.choices import Role
from portique.rules.forms.validate import NOT_APPLICABLE
from portique.rules.programs import registry
from portique.rules.reasons import Severity

from . import selectors, services, submitted_views
from .access import Capability, access_application, capabilities
from .choices import EDITABLE, PersonRole
from .form_rendering import cleaned_answers, section_form_class, section_formset_class


def _language() -> str:
    return (get_language() or "en")[:2]


def _applicant_only(request: HttpRequest) -> None:
    if request.user.role != Role.APPLICANT:
        raise Http404


def _form_of(application, position: int = 0):
    person = application.people.get(position=position)
    form = registry.program(application.program).forms_for(person.role)[0]
    return person, form


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    _applicant_only(request)
    return render(request, "applications/dashboard.html", {"applications": selectors.applications_of(actor=request.user)})


def _started_directly() -> list:
    """The programs an applicant starts at once (a sponsorship first screens its sponsor)."""
    return [definition for definition in registry.programs() if not definition.sponsored]


@login_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    _applicant_only(request)
    programs = _started_directly()
    if request.method == "POST":
        chosen = request.POST.get("program") or programs[0].code
        if chosen not in {definition.code for definition in programs}:
            raise Http404
        application = services.application_start(actor=request.user, program=chosen)
        form = application.definition.forms_for(application.definition.account_holder_role)[0]
        return redirect("applications:section", public_id=application.public_id, section=form.sections[0].code)
    return render(request, "applications/start.html", {"programs": programs, "language": _language()})


@login_required
def overview(request: HttpRequest, public_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.READ)
    if application.on_paper:
        # Only an intake officer reaches a paper application here: its page is the intake's.
        return redirect("alternatives:paper_file", public_id=public_id)
    if application.submitted_at is not None:
        # Once submitted, the overview is the status page (timeline, messages, copy as submitted).
        return submitted_views.status_page(request, application)
    if Capability.PREPARE not in capabilities(actor=request.user, application=application):
        # The represented client reviews and signs only (ACT-34, REP-10).
        return redirect("representation_client:review", public_id=public_id)
    if request.user.role == Role.REPRESENTATIVE and not application.definition.family_members:
        # A program with family members has its people and forms on this page, for the representative too.
        return redirect("representation:file", public_id=public_id)
    if application.definition.family_members:
        from . import people_views

        return people_views.overview(request, application)
    person, form = _form_of(application)
    editable = application.status in EDITABLE
    return render(
        request,
        "applications/overview.html",
        {
            "application": application,
            "form": form,
            "sections": form.sections,
            "language": _language(),
            "history": selectors.history_of(application=application),
            "editable": editable,
            "progress": selectors.progress_of(application=application, person=person, form=form, on=timezone.localdate())
            if editable
            else None,
        },
    )


def _errors_by_field(reasons, language: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = defaultdict(list)
    for found in reasons:
        errors[found.subject or ""].append(found.message(language))
    return errors


@login_required
@require_http_methods(["GET", "POST"])
def section(request: HttpRequest, public_id, section: str) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    if application.status not in EDITABLE:
        return submitted_views.refuse_change(request, application)
    person, form = _form_of(application)
    try:
        definition = form.section(section)
    except KeyError:
        raise Http404 from None
    language = _language()
    saved = person.answers.get(form.code, {}).get(section)
    errors: dict[str, list[str]] = {}
    if definition.repeating:
        formset_class = section_formset_class(definition, language)
        rows = saved if isinstance(saved, list) else []
        bound = formset_class(request.POST or None, initial=rows or None, prefix=section)
    else:
        bound = section_form_class(definition, language)(request.POST or None, initial=saved if isinstance(saved, dict) else None)
    if request.method == "POST":
        if application.status not in EDITABLE:
            raise Http404
        valid = bound.is_valid()
        if valid or definition.repeating:
            not_applicable = definition.not_applicable_allowed and request.POST.get("not_applicable") == "1"
            answers = NOT_APPLICABLE if not_applicable else cleaned_answers(definition, bound)
            try:
                outcome = services.application_save_section(
                    actor=request.user,
                    public_id=application.public_id,
                    position=person.position,
                    form_code=form.code,
                    section_code=section,
                    answers=answers,
                    expected_version=int(request.POST.get("version", "0")),
                    # On paper the application date is the date received (IRPR 11).
                    on=application.received_on or timezone.localdate(),
                )
            except services.StaleVersion:
                messages.error(request, _("This application was changed in another window. Here is the latest version; enter your changes again."))
                return redirect("applications:section", public_id=public_id, section=section)
            except services.ApplicationError as refused:
                errors = _errors_by_field(refused.reasons, language)
            else:
                messages.success(request, _("Section saved."))
                _tell_what_the_rules_found(request, application=outcome.application, person=person, section=section)
                following = _next_section(form, section)
                if "continue" in request.POST and following:
                    return redirect("applications:section", public_id=public_id, section=following)
                if outcome.still_missing:
                    messages.info(
                        request,
                        _("Some questions in this section are still unanswered. You can come back to them at any time."),
                    )
                return redirect("applications:overview", public_id=public_id)
    if definition.repeating:
        rows = [
            (number, row, [(row[f.code], errors.get(f"{section}.{number}.{f.code}", [])) for f in definition.fields])
            for number, row in enumerate(bound.forms, start=1)
        ]
        fields = []
    else:
        rows = []
        fields = [(bound[f.code], errors.get(f"{section}.{f.code}", [])) for f in definition.fields]
    summary = [(bf.id_for_label, message) for bf, messages_ in fields for message in messages_]
    summary += [(bf.id_for_label, message) for _, _, pairs in rows for bf, messages_ in pairs for message in messages_]
    summary += [("", message) for message in errors.get(section, [])]
    return render(
        request,
        "applications/section.html",
        {
            "application": application,
            "form": form,
            "section": definition,
            "bound": bound,
            "fields": fields,
            "rows": rows,
            "summary": summary,
            "is_not_applicable": saved == NOT_APPLICABLE,
            "language": language,
            **_section_calculations(application, person, section),
        },
    )


def _tell_what_the_rules_found(request: HttpRequest, *, application, person, section: str) -> None:
    """Say at once what the rules find in a section just saved (e.g. a renewal that would be returned)."""
    evaluation = services.application_evaluate(application=application, on=timezone.localdate())
    language = _language()
    subject = f"p{person.position}/{section}"
    for found in evaluation.findings:
        if found.subject != subject:
            continue
        if found.severity is Severity.BLOCKING:
            messages.error(request, found.message(language))
        elif found.severity is Severity.WARNING:
            messages.warning(request, found.message(language))


def _section_calculations(application, person, section: str) -> dict:
    """The residency and citizenship figures shown on the time-outside-Canada page."""
    if section != "absences":
        return {}
    details = services.application_evaluate(application=application, on=timezone.localdate()).details
    residency = details.get("residency")
    if residency:
        residency = {
            **residency,
            "window_start": date.fromisoformat(residency["window_start"]),
            "window_end": date.fromisoformat(residency["window_end"]),
        }
    return {"residency": residency, "citizenship_hint": details.get("citizenship_hint")}


def _next_section(form, current: str) -> str | None:
    codes = [s.code for s in form.sections]
    index = codes.index(current)
    return codes[index + 1] if index + 1 < len(codes) else None


@login_required
@require_POST
def validate(request: HttpRequest, public_id) -> HttpResponse:
    # For a sponsorship: what is left before signing (the signatures are the next step).
    evaluation = services.application_validate(actor=request.user, public_id=public_id, on=timezone.localdate())
    application = access_application(actor=request.user, public_id=public_id)
    _, form = _form_of(application)
    language = _language()
    by_section: dict[str, list] = defaultdict(list)
    other_people = []
    for found in evaluation.form_findings:
        person_id, _, location = (found.subject or "").split("/", 2)
        if not application.definition.family_members and person_id != "p0":
            # The parent or guardian who signs for a minor (PR card): their own small form.
            other_people.append((found, int(person_id.removeprefix("p"))))
            continue
        section_code = location.split(".", 1)[0]
        by_section[section_code].append(found)
    section_codes = {s.code for s in form.sections}
    documents_missing, problems, warnings, checked = [], [], [], []
    for found in evaluation.findings:
        # Subjects are "p0/<section>" or "p0/documents/<item>": a link to where it is fixed.
        parts = (found.subject or "").split("/")
        where = parts[1] if len(parts) > 1 else ""
        if found.severity is Severity.BLOCKING and where == "documents":
            documents_missing.append(found)
        elif found.severity is Severity.BLOCKING:
            problems.append((found, where if where in section_codes else ""))
        elif found.severity is Severity.WARNING:
            warnings.append((found, where if where in section_codes else ""))
        else:
            checked.append(found)
    grouped = [(s, by_section[s.code]) for s in form.sections if by_section.get(s.code)]
    return render(
        request,
        "applications/validation.html",
        {
            "application": application,
            "grouped": grouped,
            "guardian_findings": other_people,
            "documents_missing": documents_missing,
            "problems": problems,
            "warnings": warnings,
            "checked": checked,
            "complete": evaluation.complete,
            "language": language,
        },
    )



@login_required
@require_http_methods(["GET", "POST"])
def sign(request: HttpRequest, public_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.SIGN)
    if application.status not in EDITABLE:
        return submitted_views.refuse_change(request, application)
    language = _language()
    declaration = application.definition.declaration_for(PersonRole.PRINCIPAL_APPLICANT)
    errors: list[str] = []
    typed_name = ""
    if request.method == "POST":
        typed_name = request.POST.get("typed_name", "")
        try:
            services.application_sign(
                actor=request.user,
                public_id=public_id,
                typed_name=typed_name,
                declaration_version=request.POST.get("declaration_version", ""),
                expected_version=int(request.POST.get("version", "0") or 0),
                on=timezone.localdate(),
            )
        except services.StaleVersion:
            errors = [_("This application changed since you opened this page. Read it again before you sign.")]
        except services.ApplicationError as refused:
            errors = [found.message(language) for found in refused.reasons]
        else:
            messages.success(request, _("Your application is signed. You can now submit it."))
            return redirect("applications:overview", public_id=public_id)
    return render(
        request,
        "applications/sign.html",
        {
            "application": application,
            **_who_signs(application),
            "paragraphs": declaration.paragraphs(language),
            "declaration": declaration,
            "errors": errors,
            "typed_name": typed_name,
        },
    )


def _who_signs(application) -> dict:
    """For the sign page: an applicant under 18 is signed for by their parent or guardian (ACT-56)."""
    from . import pr_card_guardian

    signer = pr_card_guardian.signer_for(
        application,
        on=application.application_date(timezone.localdate()),
        born=services._birth_date(application),
        applicant_name=services._passport_name(application),
    )
    if not signer.by_guardian:
        return {}
    return {
        "child_name": pr_card_guardian.applicant_name(application),
        "guardian_name": pr_card_guardian.guardian_name(signer.person) if signer.person else "",
    }


@login_required
@require_POST
def submit(request: HttpRequest, public_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    try:
        services.application_submit(actor=request.user, public_id=public_id, on=timezone.localdate())
    except services.ApplicationError as refused:
        language = _language()
        for found in refused.reasons:
            messages.error(request, found.message(language))
        return redirect("applications:overview", public_id=public_id)
    return redirect("applications:confirmation", public_id=application.public_id)


@login_required
def confirmation(request: HttpRequest, public_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    submission = getattr(application, "submission", None)
    if submission is None:
        raise Http404
    return render(request, "applications/confirmation.html", {"application": application, "submission": submission})
