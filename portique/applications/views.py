from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portique.accounts.choices import Role
from portique.rules.forms.validate import NOT_APPLICABLE
from portique.rules.programs import registry
from portique.rules.reasons import Severity
from portique.rules.typography import french

from . import ports, selectors, services
from .access import Capability, access_application, capabilities, is_paper_follower
from .answer_summary import application_answers
from .choices import EDITABLE, PersonRole, Status
from .form_rendering import (
    cleaned_answers,
    describe,
    initial_answers,
    section_form_class,
    section_formset_class,
)
from .models import Person
from .people import selectors as people_selectors
from .question_links import QuestionLinks, section_url
from .restart_pin import restart_pin
from .submission import selectors as submitted_selectors
from .submission import views as submitted_views
from .submission.copy_pdf import draft_copy_filename, draft_copy_pdf


def _language() -> str:
    return (get_language() or "en")[:2]


def _applicant_only(request: HttpRequest) -> None:
    if request.user.role != Role.APPLICANT:
        raise Http404


def _person_at(application, position: int) -> Person | None:
    # Through ``people.all()``: a page that prefetched the people reads no row again.
    return next((person for person in application.people.all() if person.position == position), None)


def _form_of(application, position: int = 0):
    person = _person_at(application, position)
    if person is None:
        raise Person.DoesNotExist(f"{application} has no person at position {position}")
    return person, application.definition.forms_for(person.role)[0]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    _applicant_only(request)
    applications = selectors.applications_of(actor=request.user)
    # Only the files whose row says a request is open are asked about (casework keeps that
    # deadline on the file with each request): most lists have none, and ask nothing more.
    waiting = submitted_selectors.open_requests(
        application_ids=[application.pk for application in applications if application.has_open_request],
        on=timezone.localdate(),
    )
    # Each application with the officers' requests waiting for an answer (flagged in the list).
    rows = [(application, waiting.get(application.pk, [])) for application in applications]
    return render(request, "applications/dashboard.html", {"applications": applications, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, sponsorship: bool = False) -> HttpResponse:
    """Choose what to apply for: every program (``/start/``), or the sponsorships (``/sponsorship/start/``).

    A program with a sponsor opens once the sponsor answers the eligibility questions
    (``people_views.sponsorship_screen``); any other opens at once, at its first page.
    """
    _applicant_only(request)
    programs = [d for d in registry.programs() if d.sponsored or not sponsorship]
    if request.method == "POST":
        chosen = request.POST.get("program") or programs[0].code
        if chosen not in {definition.code for definition in programs}:
            raise Http404
        if registry.program(chosen).sponsored:
            return redirect("applications:sponsorship_screen", program=chosen)
        application = services.application_start(actor=request.user, program=chosen)
        form = application.definition.forms_for(application.definition.account_holder_role)[0]
        return redirect("applications:section", public_id=application.public_id, section=form.sections[0].code)
    return render(request, "applications/start.html", {"programs": programs, "sponsorship": sponsorship})


@login_required
def overview(request: HttpRequest, public_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.READ)
    if application.on_paper and not is_paper_follower(request.user, application):
        # An intake officer reaches a paper application here: its page is the intake's.
        return redirect("alternatives:paper_file", public_id=public_id)
    if application.submitted_at is not None:
        # Once submitted, the overview is the status page (timeline, messages, copy as submitted).
        return submitted_views.status_page(request, application)
    if Capability.PREPARE not in capabilities(actor=request.user, application=application):
        # The represented client reviews and signs only (ACT-34, REP-10).
        return redirect("representation_client:review", public_id=public_id)
    definition = application.definition
    if request.user.role == Role.REPRESENTATIVE and not definition.family_members:
        # A program with family members has its people and forms on this page, for the representative too.
        return redirect("representation:file", public_id=public_id)
    language = _language()
    today = timezone.localdate()
    editable = application.status in EDITABLE
    # The people read once for the page (this GET writes nothing): the case, the people's forms,
    # the signing steps and the signed content walk the same list, not a query each.
    prefetch_related_objects([application], "people")
    # Asked once for the page: the people's forms and the steps read the same evaluation.
    evaluation = services.application_evaluate(application=application, on=today)
    people = people_selectors.people_progress(
        application=application, on=today, language=language, evaluation=evaluation
    )
    steps = guardian = None
    if editable and definition.several_signers:
        steps = people_selectors.signing_steps(application=application, on=today, language=language)
    elif editable:
        person, form = _form_of(application)
        steps = selectors.progress_of(
            application=application, person=person, form=form, on=today, evaluation=evaluation
        )
        guardian = steps.guardian
    if not definition.several_signers:
        # The parent or guardian who signs for one applicant under 18 has a step of their own (ACT-56).
        people = tuple(entry for entry in people if entry.person.role != PersonRole.PARENT_OR_GUARDIAN)
    sections = [section.state for entry in people for progress in entry.forms for section in progress.sections]
    return render(
        request,
        "applications/overview.html",
        {
            # "You have completed N of M sections": the task list's summary.
            "sections_completed": sections.count("complete"),
            "sections_total": len(sections),
            "application": application,
            "definition": definition,
            "language": language,
            "history": selectors.history_of(application=application),
            "editable": editable,
            # A restart of a returned application (IRPR 12): the grounds, documents and changes.
            "restart_pin": restart_pin(application, language) if editable else None,
            "people": people,
            # A program with family members names each person; otherwise the page is the applicant's forms.
            "named_people": definition.family_members,
            "steps": steps,
            "guardian": guardian,
            "guardian_addable": definition.several_signers
            and PersonRole.PARENT_OR_GUARDIAN in definition.addable_roles
            and not any(entry.person.role == PersonRole.PARENT_OR_GUARDIAN for entry in people),
            # A representative prepares; the client signs in their own account (seed 004).
            "represented": Capability.SIGN not in capabilities(actor=request.user, application=application),
            # IRPR 12.04(5)-(6): a work or study permit application that is also an eTA application.
            "also_an_eta_application": (evaluation.details.get("eta_application") or {}).get("deemed"),
        },
    )


def _errors_by_field(reasons, language: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = defaultdict(list)
    for found in reasons:
        errors[found.subject or ""].append(found.message(language))
    return errors


@login_required
@require_http_methods(["GET", "POST"])
def account_holder_section(request: HttpRequest, public_id, section: str) -> HttpResponse:
    """A section of the account holder's first form (the applicant's IMM 5444, the sponsor's IMM 1344)."""
    application = access_application(actor=request.user, public_id=public_id)
    definition = application.definition
    form = definition.forms_for(definition.account_holder_role)[0]
    return _person_section(request, application, 0, form.code, section)


@login_required
@require_http_methods(["GET", "POST"])
def person_section(request: HttpRequest, public_id, position: int, form_code: str, section: str) -> HttpResponse:
    """One section of one person's form, for every program: the applicant, their representative,
    or the officer typing in a paper application. Saved as it is; the rules say what is left.

    A repeating section has "Add another" and "Remove" buttons that save what is typed and
    come back to the same page; a long section is asked over short pages (``?page=``).
    """
    application = access_application(actor=request.user, public_id=public_id)
    return _person_section(request, application, position, form_code, section)


def _person_section(request: HttpRequest, application, position: int, form_code: str, section: str) -> HttpResponse:
    # The application as the view read it for this actor: the account holder's section
    # reaches here without reading it a second time.
    public_id = application.public_id
    if application.status not in EDITABLE:
        return submitted_views.refuse_change(request, application)
    person, form = _person_and_form(application, position, form_code)
    try:
        definition = form.section(section)
    except KeyError:
        raise Http404 from None
    page = _section_page(definition, request.GET.get("page"))
    asked = replace(definition, fields=tuple(definition.field(code) for code in page.fields)) if page else definition
    language = _language()
    saved = definition.answers_in(person.answers.get(form.code, {}) or {})
    prefix = definition.subject_prefix
    errors: dict[str, list[str]] = {}
    here = people_selectors.section_url(application, person, form, section)
    if definition.repeating:
        rows = [initial_answers(definition, row) for row in saved if isinstance(row, dict)] if isinstance(saved, list) else []
        # One blank row when there is none yet, or after "Add another".
        extra = 1 if not rows or request.GET.get("add") == "1" else 0
        formset = section_formset_class(definition, language, extra=extra)
        # What was posted is read as it is: compared with the saved rows, an unchanged row would read as blank.
        if request.method == "POST":
            bound = formset(request.POST, prefix=section)
        else:
            bound = formset(initial=rows or None, prefix=section)
    else:
        initial = initial_answers(definition, saved if isinstance(saved, dict) else {})
        bound = section_form_class(asked, language)(request.POST or None, initial=initial)
    if request.method == "POST":
        valid = bound.is_valid()
        if valid or definition.repeating:
            not_applicable = definition.not_applicable_allowed and request.POST.get("not_applicable") == "1"
            removed = _row_number(request.POST.get("remove_row")) if definition.repeating else None
            if not_applicable:
                answers = NOT_APPLICABLE
            elif page:
                # This page's questions replace theirs; the section's other answers stay.
                answers = {
                    **{k: v for k, v in (saved if isinstance(saved, dict) else {}).items() if k not in page.fields},
                    **cleaned_answers(asked, bound),
                }
            else:
                answers = cleaned_answers(definition, bound, removed=removed)
            try:
                outcome = services.application_save_section(
                    actor=request.user,
                    public_id=application.public_id,
                    position=person.position,
                    form_code=form.code,
                    section_code=section,
                    answers=answers,
                    expected_version=int(request.POST.get("version", "0") or 0),
                    # On paper the application date is the date received (IRPR 11).
                    on=application.application_date(timezone.localdate()),
                )
            except services.StaleVersion:
                messages.error(request, _("This application was changed in another window. Here is the latest version; enter your changes again."))
                return redirect(here)
            except services.ApplicationError as refused:
                errors = _errors_by_field(refused.reasons, language)
            else:
                back_to_check = "?from=check" if request.GET.get("from") == "check" else ""
                if "add_row" in request.POST and not not_applicable:
                    # "Add another": the same page, with a blank row after the saved ones and the
                    # focus in it (``autofocus``, below: a #fragment would stop the browser from focusing).
                    query = "&from=check" if back_to_check else ""
                    return redirect(f"{here}?add=1{query}")
                if removed is not None:
                    messages.info(
                        request,
                        _("%(row)s is removed.") % {"row": definition.row_name.numbered(language, removed)},
                    )
                    return redirect(f"{here}{back_to_check}")
                missing = outcome.still_missing
                if page:
                    missing = tuple(r for r in missing if (r.subject or "").rsplit(".", 1)[-1] in page.fields)
                problems = _tell_what_the_rules_found(
                    request, application=outcome.application, person=person, section=section
                )
                # A problem is never announced as a success: "saved" is then plain information.
                if problems or missing:
                    messages.info(request, _("Your answers in this section are saved."))
                else:
                    messages.success(request, _("Section saved."))
                if missing:
                    messages.warning(
                        request,
                        _("Some questions in this section are still unanswered. You can come back to them at any time."),
                    )
                following_page = _next_page(definition, page)
                if "continue" in request.POST and following_page:
                    return redirect(f"{here}?page={following_page.code}{'&from=check' if back_to_check else ''}")
                if back_to_check:
                    # Changed from the check-your-answers page: back to it.
                    return redirect("applications:check_answers", public_id=public_id)
                following = _next_section(form, section)
                if "continue" in request.POST and following:
                    return redirect(people_selectors.section_url(outcome.application, person, form, following))
                return redirect("applications:overview", public_id=public_id)
    row_name = definition.row_name
    if definition.repeating and request.method == "GET" and request.GET.get("add") == "1" and bound.forms:
        # After "Add another", the new row's first question has the focus.
        bound.forms[-1].fields[definition.fields[0].code].widget.attrs["autofocus"] = True
    if definition.repeating:
        rows = [
            (
                number,
                row,
                [(row[f.code], errors.get(f"{prefix}.{number}.{f.code}", [])) for f in definition.fields],
                row_name.numbered(language, number),
                row_name.remove(language, number),
            )
            for number, row in enumerate(bound.forms, start=1)
        ]
        fields = []
    else:
        rows = []
        fields = [(bound[f.code], errors.get(f"{prefix}.{f.code}", [])) for f in asked.fields]
    for bf, messages_ in [*fields, *(pair for _number, _row, pairs, _h, _r in rows for pair in pairs)]:
        describe(bf, messages_)
    # Each problem links to its question ("#id_…"); a group of radio buttons by its fieldset's id.
    summary = [(f"#{_question_id(bf)}", message) for bf, messages_ in fields for message in messages_]
    # A row's problem names the row ("Address 2: …") and links to its question.
    summary += [
        (f"#{_question_id(bf)}", _in_row(heading, message, language))
        for _n, _row, pairs, heading, _r in rows
        for bf, messages_ in pairs
        for message in messages_
    ]
    shown = {f"{prefix}.{f.code}" for f in asked.fields}
    # A problem with a question of another page of this section links to that page.
    summary += [
        (_other_page_url(application, person, form, definition, subject), message)
        for subject, found in errors.items()
        if page and subject not in shown and subject.startswith(f"{prefix}.")
        for message in found
    ]
    summary += [("", message) for message in errors.get(prefix, [])]
    several_people = len(application.people.all()) > 1
    return render(
        request,
        "applications/section.html",
        {
            "application": application,
            "form": form,
            "section": definition,
            "page": page,
            "page_number": definition.pages.index(page) + 1 if page else 0,
            "page_title": page.title(language) if page else "",
            "page_why": page.why(language) if page else "",
            "back_url": _back_url(here, definition, page) if page else "",
            "bound": bound,
            "fields": fields,
            "rows": rows,
            "add_another": row_name.add_another(language),
            "summary": summary,
            "is_not_applicable": saved == NOT_APPLICABLE,
            "language": language,
            # Whose form this is, when the application has more than one person.
            "person_label": people_selectors.person_label(person, language) if several_people else "",
            **_section_calculations(application, person, section),
        },
    )


def _question_id(bound_field) -> str:
    """The id a link to a question points at: its input's, or its group of radio buttons' (``_field.html``)."""
    return bound_field.id_for_label or bound_field.auto_id


def _other_page_url(application, person, form, section, subject: str) -> str:
    field = subject.removeprefix(f"{section.subject_prefix}.")
    if field not in {question.code for question in section.fields}:
        return ""
    return section_url(application, person, form, section.code, field=field)


def _section_page(section, code: str | None):
    """The page of a long section asked for (its first page by default); None for a one-page section."""
    if not section.pages:
        return None
    if not code:
        return section.pages[0]
    try:
        return section.page(code)
    except KeyError:
        raise Http404 from None


def _next_page(section, page):
    if page is None:
        return None
    index = section.pages.index(page)
    return section.pages[index + 1] if index + 1 < len(section.pages) else None


def _back_url(here: str, section, page) -> str:
    """The previous page of the section, or "" on its first page (the link then leads to the application)."""
    index = section.pages.index(page)
    return f"{here}?page={section.pages[index - 1].code}" if index else ""


def _row_number(raw: str | None) -> int | None:
    """The row a "Remove" button names (counted from 1), or None."""
    return int(raw) if raw and raw.isdigit() and int(raw) > 0 else None


def _in_row(heading: str, message: str, language: str) -> str:
    return french(f"{heading} : {message}") if language == "fr" else f"{heading}: {message}"


def _person_and_form(application, position: int, form_code: str):
    person = application.people.filter(position=position).first()
    if person is None:
        raise Http404
    for form in application.definition.forms_for(person.role):
        if form.code == form_code:
            return person, form
    raise Http404


def _tell_what_the_rules_found(request: HttpRequest, *, application, person, section: str) -> bool:
    """Say at once what the rules find about this person or this section just saved
    (a renewal that would be returned, a child who is not a dependent child), as an
    error or a warning; whether there was anything to say."""
    evaluation = services.application_evaluate(application=application, on=timezone.localdate())
    language = _language()
    subjects = {f"p{person.position}", f"p{person.position}/{section}"}
    told = False
    for found in evaluation.findings:
        if found.subject not in subjects:
            continue
        if found.severity is Severity.BLOCKING:
            messages.error(request, found.message(language))
            told = True
        elif found.severity is Severity.WARNING:
            messages.warning(request, found.message(language))
            told = True
    return told


def _section_calculations(application, person, section: str) -> dict:
    """The residency and citizenship figures shown on the time-outside-Canada page and on the
    time-before-permanent-residence page (the citizenship notice's half-day credit, PRC-40)."""
    if section not in ("absences", "before_pr"):
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
    language = _language()
    # Each finding links to its question: on a long section's page that asks it (question_links).
    links = QuestionLinks(application)
    several_people = application.definition.family_members
    groups: dict[tuple, tuple[str, list]] = {}
    other_people, unplaced = [], []
    for found in evaluation.form_findings:
        person_id = (found.subject or "").split("/", 1)[0]
        if not several_people and person_id != "p0":
            # The parent or guardian who signs for a minor (PR card): their own small form.
            position = int(person_id.removeprefix("p"))
            url = links.url(found.subject) or reverse(
                "applications:person_section", args=[application.public_id, position, "GUARDIAN", "personal"]
            )
            other_people.append((found, url))
            continue
        where = links.where(found.subject)
        if where is None:
            # Not about one section: shown with the other problems, never dropped.
            unplaced.append((found, ""))
            continue
        person, form, section, _field, _row = where
        forms = application.definition.forms_for(person.role)
        # In the order of the application: person by person, form by form, section by section.
        key = (person.position, forms.index(form), form.sections.index(section))
        heading = section.title(language)
        if several_people:
            heading = f"{people_selectors.person_label(person, language)} — {heading}"
        groups.setdefault(key, (heading, []))[1].append((found, links.url(found.subject)))
    grouped = [groups[key] for key in sorted(groups)]
    documents_missing, problems, warnings, checked = [], [], [], []
    for found in evaluation.findings:
        # Subjects are "p0/<section>" or "p0/documents/<item>": a link to where it is fixed.
        parts = (found.subject or "").split("/")
        where = parts[1] if len(parts) > 1 else ""
        if found.severity is Severity.BLOCKING and where == "documents":
            documents_missing.append(found)
        elif found.severity is Severity.BLOCKING:
            problems.append((found, links.url(found.subject)))
        elif found.severity is Severity.WARNING:
            warnings.append((found, links.url(found.subject)))
        else:
            checked.append(found)
    problems = unplaced + problems
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
@never_cache
@require_GET
def draft_copy(request: HttpRequest, public_id) -> HttpResponse:
    """The application not yet submitted, as a PDF marked "draft — not submitted" on every page, to print or keep."""
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.READ)
    if application.on_paper:
        raise Http404
    if application.submitted_at is not None:
        return redirect("applications:submitted_copy", public_id=public_id)
    language = _language()
    response = HttpResponse(
        draft_copy_pdf(application, language, timezone.localdate()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{draft_copy_filename(application, language)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def check_answers(request: HttpRequest, public_id) -> HttpResponse:
    """Check your answers: the whole draft as people read it, with a "Change" link to each
    section, before anyone signs (for several signers, every one of them reads it)."""
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.READ)
    if application.on_paper or application.status not in EDITABLE:
        return redirect("applications:overview", public_id=public_id)
    allowed = capabilities(actor=request.user, application=application)
    if Capability.PREPARE not in allowed:
        # The represented client reads the whole application on their own review page (ACT-34).
        return redirect("representation_client:review", public_id=public_id)
    today = timezone.localdate()
    language = _language()
    people = application_answers(application=application, on=today, language=language)
    signers = ()
    if application.definition.several_signers:
        steps = people_selectors.signing_steps(application=application, on=today, language=language)
        signers = steps.signers if steps.ready_to_sign else ()
    return render(
        request,
        "applications/check_answers.html",
        {
            "application": application,
            "can_change": True,
            "people": people,
            "incomplete": sum(
                1 for person in people for form in person.forms for section in form.sections
                if section.state != "complete"
            ),
            "represented": Capability.SIGN not in allowed,
            "several_signers": application.definition.several_signers,
            "signers": signers,
            "can_sign": application.status == Status.READY_TO_SIGN,
            "signed": application.status == Status.SIGNED,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def sign(request: HttpRequest, public_id, position: int | None = None) -> HttpResponse:
    """A signer reads their declaration and types their name (every program).

    One signer (``/sign/``): the applicant, or the parent or guardian of one under 18
    (ACT-56). Several signers (``/people/<position>/sign/``): the person at ``position``.
    """
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.SIGN)
    if application.status not in EDITABLE:
        return submitted_views.refuse_change(request, application)
    several = application.definition.several_signers
    if several != (position is not None):
        raise Http404
    language = _language()
    # The people read once for the page: the signer, the guardian's check and the answers
    # shown walk the same list (a POST that signs writes through the service, then leaves).
    prefetch_related_objects([application], "people")
    if several:
        person = _person_at(application, position)
        if person is None:
            raise Http404
        who = {"signer": people_selectors.person_label(person, language)}
    else:
        person, _form = _form_of(application)
        who = _who_signs(application)
    declaration = application.definition.declaration_for(person.role)
    errors: list[str] = []
    typed_name = ""
    if request.method == "POST":
        typed_name = request.POST.get("typed_name", "")
        try:
            services.application_sign(
                actor=request.user,
                public_id=public_id,
                position=position,
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
            if several:
                messages.success(request, _("Signed."))
            else:
                messages.success(request, _("Your application is signed. You can now submit it."))
            return redirect("applications:overview", public_id=public_id)
    return render(
        request,
        "applications/sign.html",
        {
            "application": application,
            **who,
            "paragraphs": declaration.paragraphs(language),
            "declaration": declaration,
            "errors": errors,
            "typed_name": typed_name,
            # Each signer reads the whole application before the declaration.
            "people": application_answers(application=application, on=timezone.localdate(), language=language),
            "can_change": Capability.PREPARE in capabilities(actor=request.user, application=application),
        },
    )


def _who_signs(application) -> dict:
    """For the sign page: an applicant under 18 is signed for by their parent or guardian (ACT-56)."""
    from .people import guardian as pr_card_guardian

    signer = pr_card_guardian.signer_for(
        application,
        on=application.application_date(timezone.localdate()),
        born=services.applicant_birth_date(application),
        applicant_name=services.applicant_passport_name(application),
    )
    if not signer.by_guardian:
        return {}
    return {
        "child_name": pr_card_guardian.applicant_name(application),
        "guardian_name": pr_card_guardian.guardian_name(signer.person) if signer.person else "",
    }


@login_required
@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, public_id) -> HttpResponse:
    """Submit in two steps: a page that says what submitting means, then its button (the POST).

    ``application_submit`` keeps one submission per application, so a repeated POST (a
    double click, a retried request) lands on the first submission's confirmation.
    """
    if request.method == "POST":
        # The service checks the actor on the application, under its lock: not read twice.
        try:
            services.application_submit(actor=request.user, public_id=public_id, on=timezone.localdate())
        except services.ApplicationError as refused:
            language = _language()
            for found in refused.reasons:
                messages.error(request, found.message(language))
            return redirect("applications:overview", public_id=public_id)
        return redirect("applications:confirmation", public_id=public_id)
    application = access_application(actor=request.user, public_id=public_id)
    if getattr(application, "submission", None) is not None:
        return redirect("applications:confirmation", public_id=application.public_id)
    if application.on_paper or application.status not in EDITABLE:
        return redirect("applications:overview", public_id=public_id)
    today = timezone.localdate()
    language = _language()
    # The people read once for the page (this GET writes nothing): the case, the gate's
    # signers and the signed content walk the same list.
    prefetch_related_objects([application], "people")
    balance = ports.fee_balance(application, today)
    blockers = services.submission_blockers(application=application, on=today, balance=balance)
    return render(
        request,
        "applications/submit_confirm.html",
        {
            "application": application,
            "blockers": [found.message(language) for found in blockers],
            "fees_paid": balance.paid,
            "people": len(application.people.all()),
        },
    )


@login_required
def confirmation(request: HttpRequest, public_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    submission = getattr(application, "submission", None)
    if submission is None:
        raise Http404
    return render(request, "applications/confirmation.html", {"application": application, "submission": submission})


@login_required
@require_http_methods(["GET", "POST"])
def paper_link(request: HttpRequest) -> HttpResponse:
    """An applicant links the paper application they mailed to their account, to follow it here."""
    from .forms import PaperLinkForm
    from .paper_follow import PaperLinkLimited, PaperLinkRefused, paper_application_link

    _applicant_only(request)
    form = PaperLinkForm(request.POST or None)
    refusal = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = paper_application_link(
                actor=request.user, number=data["number"], born_on=data["date_of_birth"], postal_code=data["postal_code"]
            )
        except (PaperLinkRefused, PaperLinkLimited) as refused:
            refusal = str(refused.message)
        else:
            messages.success(
                request,
                _(
                    "Your paper application is linked to your account. Its letters and requests now also appear "
                    "here, and we tell you of each one by e-mail. We keep mailing them to you as before."
                ),
            )
            return redirect("applications:overview", public_id=application.public_id)
    summary = [(form[name].id_for_label, message) for name in form.errors for message in form.errors[name]]
    if refusal:
        summary.append((form["number"].id_for_label, refusal))
    return render(
        request,
        "applications/paper_link.html",
        {"form": form, "summary": summary},
        status=400 if summary else 200,
    )
