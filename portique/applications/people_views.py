"""Pages of a multi-person application (sponsorship): the people, their forms, each section.

A section is addressed by person and form (``<uuid>/people/<position>/<form>/<section>/``);
the PR card's own ``<uuid>/form/<section>/`` pages stay as they are. Views parse, check
the actor (``access_application``), call one service and render.
"""

from __future__ import annotations

from dataclasses import replace

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portique.accounts.choices import Role
from portique.rules.forms.model import Field, FieldKind, Section
from portique.rules.forms.validate import NOT_APPLICABLE
from portique.rules.programs import registry

from . import people, people_selectors, selectors, services, submitted_views
from .access import Capability, access_application, capabilities
from .choices import EDITABLE, PersonRole
from .form_rendering import _django_field

TYPED = (FieldKind.FLAG, FieldKind.INTEGER, FieldKind.MULTI_CHOICE, FieldKind.DATES)


def _language() -> str:
    return (get_language() or "en")[:2]


# --------------------------------------------------------------------------- forms of typed answers


def _typed_field(field: Field, language: str) -> forms.Field:
    common = {"label": field.label(language), "help_text": field.help(language), "required": False}
    options = [(o.value, o.fr if language == "fr" else o.en) for o in field.options]
    if field.kind is FieldKind.FLAG:
        return forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
    if field.kind is FieldKind.INTEGER:
        return forms.IntegerField(min_value=0, max_value=10_000, **common)
    if field.kind is FieldKind.MULTI_CHOICE:
        return forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple, **common)
    hint = "Une date par ligne (AAAA-MM-JJ)." if language == "fr" else "One date per line (YYYY-MM-DD)."
    common["help_text"] = f"{common['help_text']} {hint}".strip()
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)


def form_class(section: Section, language: str) -> type[forms.Form]:
    attrs = {
        f.code: _typed_field(f, language) if f.kind in TYPED else _django_field(f, language)
        for f in section.fields
    }
    return type(f"{section.code.title()}PersonForm", (forms.Form,), attrs)


def _initial(section: Section, saved: dict) -> dict:
    """Saved answers as the inputs show them (true → "true", a list of dates → lines)."""
    initial = {}
    for field in section.fields:
        value = saved.get(field.code)
        if value is None:
            continue
        if field.kind is FieldKind.FLAG and isinstance(value, bool):
            value = "true" if value else "false"
        elif field.kind is FieldKind.DATES and isinstance(value, list):
            value = "\n".join(str(v) for v in value)
        initial[field.code] = value
    return initial


def _answers(section: Section, data: dict) -> dict:
    """The answers as the rules read them; a blank answer is left out (not "")."""
    answers = {}
    for field in section.fields:
        value = data.get(field.code)
        if value is None or value == "" or value == []:
            continue
        if field.kind is FieldKind.FLAG:
            value = {"true": True, "false": False}.get(value, value)
        elif field.kind is FieldKind.DATES:
            value = [line.strip() for line in str(value).splitlines() if line.strip()]
        answers[field.code] = value
    return answers


# --------------------------------------------------------------------------- pages


def _person_and_form(application, position: int, form_code: str):
    person = application.people.filter(position=position).first()
    if person is None:
        raise Http404
    for form in registry.program(application.program).forms_for(person.role):
        if form.code == form_code:
            return person, form
    raise Http404


def _section_url(application, person, form, section_code: str) -> str:
    from django.urls import reverse

    return reverse(
        "applications:person_section",
        kwargs={
            "public_id": application.public_id,
            "position": person.position,
            "form_code": form.code,
            "section": section_code,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_section(
    request: HttpRequest, public_id, position: int, form_code: str, section: str
) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    if application.status not in EDITABLE:
        return submitted_views.refuse_change(request, application)
    person, form = _person_and_form(application, position, form_code)
    try:
        definition = form.section(section)
    except KeyError:
        raise Http404 from None
    language = _language()
    saved = definition.answers_in(person.answers.get(form.code, {}) or {})
    prefix = definition.subject_prefix
    errors: dict[str, list[str]] = {}
    row_class = form_class(definition, language)
    if definition.repeating:
        formset_class = forms.formset_factory(row_class, extra=1, can_delete=True)
        rows = [_initial(definition, row) for row in saved] if isinstance(saved, list) else []
        bound = formset_class(request.POST or None, initial=rows or None, prefix=section)
    else:
        bound = row_class(
            request.POST or None, initial=_initial(definition, saved if isinstance(saved, dict) else {})
        )
    if request.method == "POST":
        valid = bound.is_valid()
        if valid or definition.repeating:
            if definition.not_applicable_allowed and request.POST.get("not_applicable") == "1":
                answers = NOT_APPLICABLE
            elif definition.repeating:
                answers = [
                    values
                    for row in bound.forms
                    if row.is_valid() and not row.cleaned_data.get("DELETE")
                    for values in [_answers(definition, row.cleaned_data)]
                    if values
                ]
            else:
                answers = _answers(definition, bound.cleaned_data)
            try:
                outcome = services.application_save_section(
                    actor=request.user,
                    public_id=application.public_id,
                    position=person.position,
                    form_code=form.code,
                    section_code=section,
                    answers=answers,
                    expected_version=int(request.POST.get("version", "0") or 0),
                    on=timezone.localdate(),
                )
            except services.StaleVersion:
                messages.error(
                    request,
                    _(
                        "This application was changed in another window. Here is the latest version; enter your changes again."
                    ),
                )
                return redirect(_section_url(application, person, form, section))
            except services.ApplicationError as refused:
                for found in refused.reasons:
                    errors.setdefault(found.subject or "", []).append(found.message(language))
            else:
                messages.success(request, _("Section saved."))
                _tell_what_the_rules_found(
                    request, application=outcome.application, person=person, language=language
                )
                codes = [s.code for s in form.sections]
                following = codes[codes.index(section) + 1] if codes.index(section) + 1 < len(codes) else None
                if "continue" in request.POST and following:
                    return redirect(_section_url(outcome.application, person, form, following))
                return redirect("applications:overview", public_id=public_id)
    if definition.repeating:
        rows = [
            (
                number,
                row,
                [(row[f.code], errors.get(f"{prefix}.{number}.{f.code}", [])) for f in definition.fields],
            )
            for number, row in enumerate(bound.forms, start=1)
        ]
        fields = []
    else:
        rows = []
        fields = [(bound[f.code], errors.get(f"{prefix}.{f.code}", [])) for f in definition.fields]
    summary = [(bf.id_for_label, message) for bf, messages_ in fields for message in messages_]
    summary += [
        (bf.id_for_label, message)
        for _n, _r, pairs in rows
        for bf, messages_ in pairs
        for message in messages_
    ]
    summary += [("", message) for message in errors.get(prefix, [])]
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
            "person_label": people_selectors.person_label(person, language),
        },
    )


def _tell_what_the_rules_found(request: HttpRequest, *, application, person, language: str) -> None:
    """Say at once what the rules decide about this person (e.g. a child who is not a dependent child)."""
    from portique.rules.reasons import Severity

    evaluation = services.application_evaluate(application=application, on=timezone.localdate())
    for found in evaluation.findings:
        if found.subject != f"p{person.position}":
            continue
        if found.severity is Severity.BLOCKING:
            messages.error(request, found.message(language))
        elif found.severity is Severity.WARNING:
            messages.warning(request, found.message(language))


def overview(request: HttpRequest, application) -> HttpResponse:
    """The application page of a sponsorship: each person, their forms and progress."""
    language = _language()
    editable = application.status in EDITABLE
    steps = (
        people_selectors.signing_steps(application=application, on=timezone.localdate(), language=language)
        if editable
        else None
    )
    return render(
        request,
        "applications/people_overview.html",
        {
            "application": application,
            "language": language,
            "editable": editable,
            "people": people_selectors.people_progress(
                application=application, on=timezone.localdate(), language=language
            ),
            "history": selectors.history_of(application=application),
            "roles": [(PersonRole.DEPENDENT_CHILD, PersonRole.DEPENDENT_CHILD.label)],
            "guardian_allowed": not application.people.filter(role=PersonRole.PARENT_OR_GUARDIAN).exists(),
            "steps": steps,
            # A representative prepares; the client signs in their own account (seed 004).
            "represented": Capability.SIGN not in capabilities(actor=request.user, application=application),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_sign(request: HttpRequest, public_id, position: int) -> HttpResponse:
    """One signer of a sponsorship reads their declaration and types their name."""
    from .sponsorship_signing import declaration_for

    application = access_application(actor=request.user, public_id=public_id)
    if application.status not in EDITABLE:
        return submitted_views.refuse_change(request, application)
    if not application.definition.several_signers:
        raise Http404
    person = application.people.filter(position=position).first()
    if person is None:
        raise Http404
    language = _language()
    declaration = declaration_for(person)
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
            errors = [
                _("This application changed since you opened this page. Read it again before you sign.")
            ]
        except services.ApplicationError as refused:
            errors = [found.message(language) for found in refused.reasons]
        else:
            messages.success(request, _("Signed."))
            return redirect("applications:overview", public_id=public_id)
    return render(
        request,
        "applications/person_sign.html",
        {
            "application": application,
            "signer": people_selectors.person_label(person, language),
            "paragraphs": declaration.paragraphs(language),
            "declaration": declaration,
            "errors": errors,
            "typed_name": typed_name,
        },
    )


@login_required
@require_POST
def person_add(request: HttpRequest, public_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    role = request.POST.get("role", "")
    if role not in (PersonRole.DEPENDENT_CHILD, PersonRole.PARENT_OR_GUARDIAN):
        raise Http404
    try:
        person = people.person_add(
            actor=request.user,
            public_id=public_id,
            role=PersonRole(role),
            accompanying=request.POST.get("accompanying", "true") != "false",
            why_not_accompanying=request.POST.get("why_not_accompanying", ""),
            expected_version=int(request.POST.get("version", "0") or 0),
        )
    except services.StaleVersion:
        messages.error(
            request, _("This application was changed in another window. Here is the latest version.")
        )
    except services.ApplicationError as refused:
        for found in refused.reasons:
            messages.error(request, found.message(_language()))
    else:
        messages.success(request, _("Person added. Complete their forms below."))
        form = registry.program(application.program).forms_for(person.role)[0]
        return redirect(_section_url(application, person, form, form.sections[0].code))
    return redirect("applications:overview", public_id=public_id)


@login_required
@require_POST
def person_remove(request: HttpRequest, public_id, position: int) -> HttpResponse:
    access_application(actor=request.user, public_id=public_id)
    try:
        people.person_remove(
            actor=request.user,
            public_id=public_id,
            position=position,
            reason=request.POST.get("reason", ""),
            expected_version=int(request.POST.get("version", "0") or 0),
        )
    except services.StaleVersion:
        messages.error(
            request, _("This application was changed in another window. Here is the latest version.")
        )
    except services.ApplicationError as refused:
        for found in refused.reasons:
            messages.error(request, found.message(_language()))
    except people.Person.DoesNotExist:
        raise Http404 from None
    else:
        messages.success(request, _("Person removed. The history of the application keeps them."))
    return redirect("applications:overview", public_id=public_id)


@login_required
@require_http_methods(["GET", "POST"])
def sponsorship_start(request: HttpRequest) -> HttpResponse:
    if request.user.role != Role.APPLICANT:
        raise Http404
    if request.method == "POST":
        program = request.POST.get("program", "")
        if program not in {definition.code for definition in _screened()}:
            raise Http404
        return redirect("applications:sponsorship_screen", program=program)
    return render(
        request, "applications/sponsorship_start.html", {"programs": _screened(), "language": _language()}
    )


def _screened() -> list:
    """The programs whose sponsor answers the eligibility questions before the application opens."""
    return [definition for definition in registry.programs() if definition.sponsored]


def _screening_sections(program: str) -> list[tuple[str, Section]]:
    from portique.rules.programs.imm1344 import HISTORY, QUESTION_1, SPONSOR
    from portique.rules.programs.sponsorship_screening import SPONSOR_QUESTIONS

    application = (
        registry.program(program).forms_for(PersonRole.PRINCIPAL_APPLICANT)[0].section("application")
    )
    asked = ("relationship", "location", "has_valid_temporary_status", "inadmissibilities", "category")
    return [
        ("sponsor", replace(SPONSOR, fields=tuple(f for f in SPONSOR.fields if f.code in SPONSOR_QUESTIONS))),
        ("history", HISTORY),
        ("application", replace(application, fields=tuple(f for f in application.fields if f.code in asked))),
        ("question_1", QUESTION_1),
    ]


@login_required
@require_http_methods(["GET", "POST"])
def sponsorship_screen(request: HttpRequest, program: str) -> HttpResponse:
    """The sponsor's eligibility questions and the category: the rules say what they decide and why."""

    if request.user.role != Role.APPLICANT or program not in {d.code for d in _screened()}:
        raise Http404
    language = _language()
    sections = _screening_sections(program)
    bound = [
        (code, section, form_class(section, language)(request.POST or None, prefix=code))
        for code, section in sections
    ]
    screening, errors = None, []
    if request.method == "POST" and all(form.is_valid() for _c, _s, form in bound):
        given = {code: _answers(section, form.cleaned_data) for code, section, form in bound}
        sponsor_answers = {
            "sponsor": given["sponsor"],
            "history": given["history"],
            "question_1": given["question_1"],
        }
        try:
            application = people.sponsorship_screen_and_start(
                actor=request.user,
                program=program,
                sponsor_answers=sponsor_answers,
                application_answers=given["application"],
                on=timezone.localdate(),
            )
        except services.ApplicationError as refused:
            errors = [found.message(language) for found in refused.reasons]
            screening = _screen_for_display(program, sponsor_answers, given["application"])
        else:
            messages.success(request, _("Your sponsorship is started. Complete each person’s forms."))
            return redirect("applications:overview", public_id=application.public_id)
    return render(
        request,
        "applications/sponsorship_screen.html",
        {
            "program": registry.program(program),
            "sections": [
                (section.title(language), [form[f.code] for f in section.fields])
                for _c, section, form in bound
            ],
            "screening": screening,
            "errors": errors,
            "language": language,
        },
    )


def _screen_for_display(program: str, sponsor_answers: dict, application_answers: dict):
    """What the rules decided, for the page (the service already refused to start)."""
    from portique.rules.programs import sponsorship_screening
    from portique.rules.sponsorship.categories import Category, PartnerLocation
    from portique.rules.sponsorship.vocabulary import SponsoredRelationship

    def _enum(kind, raw, default):
        try:
            return kind(raw)
        except ValueError:
            return default

    fixed = registry.program(program).fixed_relationship
    relationship = (
        SponsoredRelationship(fixed)
        if fixed
        else _enum(
            SponsoredRelationship, application_answers.get("relationship"), SponsoredRelationship.SPOUSE
        )
    )
    return sponsorship_screening.screen(
        sponsor_answers=sponsor_answers,
        relationship=relationship,
        location=_enum(PartnerLocation, application_answers.get("location"), PartnerLocation.OUTSIDE_CANADA),
        has_valid_temporary_status=application_answers.get("has_valid_temporary_status") is True,
        category=_enum(Category, application_answers.get("category"), None),
        on=timezone.localdate(),
    )
