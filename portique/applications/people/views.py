"""Pages of a multi-person application (sponsorship): the people, their forms, each section.

A section is addressed by person and form (``<uuid>/people/<position>/<form>/<section>/``);
the PR card's own ``<uuid>/form/<section>/`` pages stay as they are. Views parse, check
the actor (``access_application``), call one service and render.
"""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portique.accounts.choices import Role
from portique.rules.forms.model import Section
from portique.rules.programs import registry

from .. import services
from ..access import access_application
from ..choices import PersonRole
from ..form_rendering import answers_from, section_form_class
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
        (code, section, section_form_class(section, language)(request.POST or None, prefix=code))
        for code, section in sections
    ]
    screening, errors = None, []
    if request.method == "POST" and all(form.is_valid() for _c, _s, form in bound):
        given = {
            code: answers_from(section, form.cleaned_data, keep_blank_text=False) for code, section, form in bound
        }
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
