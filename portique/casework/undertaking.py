"""After a sponsorship is approved: the day each approved person became a permanent resident,
and the end of the sponsor's undertaking for them, as the rules compute it (SP-14, SP-15).

The officer records the day (``became_pr_record``); the rules' evaluation of the file's case,
with that day as the case's ``facts.SPONSORSHIP_FACTS``, gives the end (``details.undertaking``).
The officer's file and the sponsor's status page both read ``undertaking_rows``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.case_builder import case_for
from portique.applications.models import Application
from portique.rules.evaluate import evaluate
from portique.rules.programs.sponsorship_facts import FACTS_CODE

from . import services
from .choices import EventKind, PersonOutcome
from .models import PersonDecision
from .sponsorship import person_name


@dataclass(frozen=True)
class UndertakingRow:
    position: int
    name: str
    became_pr_on: date | None
    ends_on: date | None
    # The rules' explanation (SP-14, SP-15), in the page's language.
    explanation: str
    citation: str


def _approved(application: Application):
    decision = getattr(application, "decision", None)
    if decision is None:
        return []
    return list(
        PersonDecision.objects.filter(decision=decision, outcome=PersonOutcome.APPROVED).select_related("person")
    )


def became_pr_record(*, actor, public_id, position: int, became_pr_on: date | None, on: date) -> PersonDecision:
    """Record the day an approved sponsored person became a permanent resident (SP-14)."""
    services.require(actor, services.DECIDE)
    with services.atomic():
        application = services.locked_case(public_id=public_id)
        if not application.definition.sponsored:
            raise services.CaseworkError.at("", _("Only a sponsorship has an undertaking."))
        row = next((r for r in _approved(application) if r.person.position == position), None)
        if row is None:
            raise services.CaseworkError.at(
                "became_pr_on", _("Only a person approved for permanent residence can become one.")
            )
        day = services.past_date(became_pr_on, "became_pr_on", on=on)
        if day < timezone.localdate(row.decision.decided_at):
            raise services.CaseworkError.at(
                "became_pr_on", _("The day of permanent residence cannot be before the decision.")
            )
        row.became_pr_on = day
        row.save(update_fields=["became_pr_on"])
        services.record_event(
            application=application,
            kind=EventKind.PERMANENT_RESIDENCE,
            actor=actor,
            detail=f"person {position}: permanent resident on {day.isoformat()}",
        )
    return row


def undertaking_rows(application: Application, *, language: str) -> list[UndertakingRow]:
    """Each approved person, with the day they became a permanent resident (if recorded) and
    the end of the undertaking the rules compute from it."""
    approved = _approved(application)
    if not approved:
        return []
    recorded = {r.person.position: r.became_pr_on for r in approved if r.became_pr_on}
    ends: dict[int, tuple[date | None, str, str]] = {}
    if recorded:
        case = case_for(application, application_date=services.application_date(application))
        facts = {
            FACTS_CODE: {
                "permanent_residence": [
                    {"person": f"p{position}", "became_pr_on": day.isoformat()} for position, day in recorded.items()
                ]
            }
        }
        evaluation = evaluate(replace(case, extra={**case.extra, "facts": facts}))
        reasons = {r.subject: r for r in evaluation.findings if r.code.startswith("UNDERTAKING_")}
        for entry in evaluation.details.get("undertaking", ()):
            position = int(entry["person"].removeprefix("p"))
            found = reasons.get(entry["person"])
            ends[position] = (
                date.fromisoformat(entry["ends_on"]) if entry["ends_on"] else None,
                found.message(language) if found else "",
                found.citation if found else "",
            )
    rows = []
    for r in approved:
        ends_on, explanation, citation = ends.get(r.person.position, (None, "", ""))
        rows.append(
            UndertakingRow(
                position=r.person.position,
                name=person_name(r.person),
                became_pr_on=r.became_pr_on,
                ends_on=ends_on,
                explanation=explanation,
                citation=citation,
            )
        )
    return rows
