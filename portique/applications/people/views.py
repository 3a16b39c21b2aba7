"""Pages of a multi-person application (sponsorship): the people, their forms, each section.

A section is addressed by person and form (``<uuid>/people/<position>/<form>/<section>/``);
the PR card's own ``<uuid>/form/<section>/`` pages stay as they are. Views parse, check
the actor (``access_application``), call one service and render.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portique.accounts.choices import Role
from portique.rules.forms.model import Page, Section
from portique.rules.programs import registry

from .. import services
from ..access import access_application
from ..choices import PersonRole
from ..form_rendering import answers_from, initial_answers, section_form_class
from . import eligibility
from . import selectors as people_selectors
from . import services as people


def _language() -> str:
    return (get_language() or "en")[:2]


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
        form = application.definition.forms_for(person.role)[0]
        return redirect(people_selectors.section_url(application, person, form, form.sections[0].code))
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


def _screened() -> list:
    """The programs whose sponsor answers the eligibility questions before the application opens."""
    return [definition for definition in registry.programs() if definition.sponsored]


@dataclass(frozen=True)
class _Step:
    """One page of the sponsor's eligibility questions, before the application exists."""

    section_code: str  # where its answers go ("sponsor", "history", "application", "question_1"), and its inputs' prefix
    section: Section  # the section with this page's questions only
    page: Page


def _screening_steps(program: str) -> list[_Step]:
    """The eligibility questions, a topic a page: the pages of IMM 1344's sections, then whom
    the sponsor sponsors and what happens if a requirement is not met."""
    from portique.rules.programs.imm1344 import HISTORY, QUESTION_1, SPONSOR
    from portique.rules.programs.sponsorship_screening import (
        IF_NOT_MET_PAGE,
        SPONSOR_QUESTIONS,
        SPONSORED_PERSON_PAGE,
    )

    application = (
        registry.program(program).forms_for(PersonRole.PRINCIPAL_APPLICANT)[0].section("application")
    )
    steps = []
    # Only the sponsor's questions that decide eligibility are asked now; the rest come with the forms.
    for code, section, asked in (("sponsor", SPONSOR, SPONSOR_QUESTIONS), ("history", HISTORY, None)):
        for page in section.pages:
            fields = tuple(f for f in section.fields if f.code in page.fields and (asked is None or f.code in asked))
            if fields:
                steps.append(_Step(code, replace(section, fields=fields, pages=()), page))
    sponsored = tuple(f for f in application.fields if f.code in SPONSORED_PERSON_PAGE.fields)
    steps.append(_Step("application", replace(application, fields=sponsored), SPONSORED_PERSON_PAGE))
    steps.append(_Step("question_1", QUESTION_1, IF_NOT_MET_PAGE))
    return steps


# Before this change the answers were kept in the session only: read once from there, so
# that a sponsor half-way through when it changed loses nothing either.
_SCREEN_SESSION = "sponsorship_screen"


def _screen_answers(request: HttpRequest, program: str) -> dict:
    """The eligibility answers given so far for ``program``: kept per account until the
    application starts, so that signing out or an expired session loses nothing."""
    kept = eligibility.eligibility_answers_of(actor=request.user, program=program)
    return kept or dict((request.session.get(_SCREEN_SESSION) or {}).get(program) or {})


def _screen_remember(request: HttpRequest, program: str, answers: dict) -> None:
    eligibility.eligibility_answers_save(actor=request.user, program=program, answers=answers)
    _screen_forget_session(request, program)


def _screen_forget_session(request: HttpRequest, program: str) -> None:
    kept = dict(request.session.get(_SCREEN_SESSION) or {})
    if program in kept:
        kept.pop(program)
        request.session[_SCREEN_SESSION] = kept


def _step_of(steps: list[_Step], subject: str | None) -> int | None:
    """The page asking the question a finding is about ("IMM1344/sponsor.date_of_birth")."""
    location = (subject or "").split("/", 1)[-1]
    section_code, _, field_code = location.partition(".")
    for index, step in enumerate(steps):
        if step.section_code == section_code and field_code.split(".")[0] in step.page.fields:
            return index
    return None


@login_required
@require_http_methods(["GET", "POST"])
def sponsorship_screen(request: HttpRequest, program: str) -> HttpResponse:
    """The sponsor's eligibility questions, a topic a page (``?page=``), each saved as it is
    answered; on the last page the rules say what they decide and why, and the application starts."""

    if request.user.role != Role.APPLICANT or program not in {d.code for d in _screened()}:
        raise Http404
    language = _language()
    steps = _screening_steps(program)
    codes = [step.page.code for step in steps]
    wanted = request.GET.get("page") or codes[0]
    if wanted not in codes:
        raise Http404
    index = codes.index(wanted)
    step = steps[index]
    here = reverse("applications:sponsorship_screen", args=[program])
    given = _screen_answers(request, program)
    saved = given.get(step.section_code) or {}
    bound = section_form_class(step.section, language)(
        request.POST or None, prefix=step.section_code, initial=initial_answers(step.section, saved)
    )
    screening, errors = None, []
    last = index + 1 == len(steps)
    if request.method == "POST" and bound.is_valid():
        answers = answers_from(step.section, bound.cleaned_data, keep_blank_text=False)
        # This page's questions replace theirs; the answers of the other pages stay.
        given[step.section_code] = {
            **{k: v for k, v in saved.items() if k not in step.page.fields},
            **answers,
        }
        _screen_remember(request, program, given)
        if not last:
            return redirect(f"{here}?page={codes[index + 1]}")
        sponsor_answers = {code: given.get(code) or {} for code in ("sponsor", "history", "question_1")}
        try:
            application = people.sponsorship_screen_and_start(
                actor=request.user,
                program=program,
                sponsor_answers=sponsor_answers,
                application_answers=given.get("application") or {},
                on=timezone.localdate(),
            )
        except services.ApplicationError as refused:
            errors = []
            for found in refused.reasons:
                target = _step_of(steps, found.subject)
                errors.append((found.message(language), f"{here}?page={codes[target]}" if target is not None else ""))
            screening = _screen_for_display(program, sponsor_answers, given.get("application") or {})
        else:
            # The service has taken the kept answers into the application and deleted them.
            _screen_forget_session(request, program)
            messages.success(request, _("Your sponsorship is started. Complete each person’s forms."))
            return redirect("applications:overview", public_id=application.public_id)
    fields = [bound[f.code] for f in step.section.fields]
    return render(
        request,
        "applications/sponsorship_screen.html",
        {
            "program": registry.program(program),
            "fields": fields,
            "page_title": step.page.title(language),
            "page_why": step.page.why(language),
            "citation": step.page.citation,
            "page_number": index + 1,
            "pages_total": len(steps),
            "last": last,
            # On the last page (where the rules answer): a way back to each page.
            "pages": [(other.page.title(language), f"{here}?page={other.page.code}") for other in steps[:-1]]
            if last
            else [],
            "back_url": f"{here}?page={codes[index - 1]}" if index else reverse("applications:sponsorship_start"),
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
