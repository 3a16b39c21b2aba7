""" "Do I have to apply online?": a person's answers, put to the rules, and what to do next.

The answer itself is the rules' (``portique.rules.online.online_requirement``): the
requirement, the exemption that applies and each reason with its citation. This module
only turns answers into the rules' inputs and the result into next steps with links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from portique.rules.online import (
    Exemption,
    Kit,
    OnlineRequirementResult,
    OtherMeans,
    PermitPeriod,
    Requirement,
    Stream,
    online_requirement,
    system_restriction_table,
)
from portique.rules.paper_submission import PaperSubmission, paper_submission

from .choices import Answerer, AppliesFrom

NO_SITUATION = "none"

HEADLINES = {
    Requirement.ELECTRONIC_ONLY: _("You must apply online."),
    Requirement.OTHER_MEANS_ALLOWED: _(
        "You may apply by another means than online. You may also still apply online."
    ),
    Requirement.PAPER_REQUIRED: _("You must apply on paper."),
    Requirement.NO_REQUIREMENT: _("You may apply online or on paper."),
}
GROUNDS = {
    Exemption.DISABILITY: _("Disability (IRPR section 9.5)"),
    Exemption.EXCEPTIONAL_CIRCUMSTANCES: _(
        "Exceptional circumstances established by an officer (IRPR section 9.4)"
    ),
    Exemption.SYSTEM_RESTRICTION: _(
        "System restrictions: a situation in the table of exemptions (IRPR section 9.2)"
    ),
    Exemption.ACCOMMODATION: _("Need for accommodation: the application kit in another format"),
}
MEANS = {
    OtherMeans.PAPER: _("paper"),
    OtherMeans.BRAILLE: _("braille"),
    OtherMeans.LARGE_PRINT: _("large print"),
}


@dataclass(frozen=True)
class Answers:
    applying_for: str
    applies_from: str
    answerer: str = Answerer.SELF
    disability: bool = False
    exceptional_circumstances: bool = False
    situation: str = NO_SITUATION
    trp_valid_from: date | None = None
    trp_valid_until: date | None = None
    trp_with_work_permit: bool = False
    schedule_12: bool = False
    representative_can_use_portal: bool = True


@dataclass(frozen=True)
class NextStep:
    text: str
    url: str = ""
    link_text: str = ""


@dataclass
class Outcome:
    """What the page shows: the rules' result (or why the rules do not cover the case) and next steps."""

    result: OnlineRequirementResult | None
    headline: str
    grounds: list[str] = field(default_factory=list)
    means: list[str] = field(default_factory=list)
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (message, citation)
    steps: list[NextStep] = field(default_factory=list)
    paper: PaperSubmission | None = None
    representative_note: bool = False


def situation_choices(on: date, language: str) -> list[tuple[str, str]]:
    """The rows of the table in force on ``on``, in the page's language, then "none of these"."""
    rows = [(row.id, row.label(language)) for row in system_restriction_table(on)]
    return [*rows, (NO_SITUATION, str(_("None of these situations")))]


def _kit_link(kit: Kit, language: str) -> NextStep:
    url = reverse("alternatives:kit_request") + "?" + urlencode({"kit": kit.value})
    return NextStep(
        text=str(
            _(
                "Ask for the application kit on paper, in braille or in large print. You do not have to say what your disability is."
            )
        ),
        url=url,
        link_text=str(_("Ask for an application kit in another format")),
    )


def answer(*, answers: Answers, on: date, language: str) -> Outcome:
    stream = Stream(answers.applying_for)
    representative = answers.answerer == Answerer.PAID_REPRESENTATIVE
    if stream is Stream.TEMPORARY_RESIDENT_IN_CANADA and answers.applies_from == AppliesFrom.OUTSIDE_CANADA:
        # Seed 000 is about temporary residents who apply from inside Canada (IRPR 9.2);
        # the sources say nothing of applications from abroad, so no answer is invented.
        return Outcome(
            result=None,
            headline=str(
                _(
                    "This tool answers only for temporary residents who apply from inside Canada: the instructions it follows (IRPR section 9.2) do not cover applications made from outside Canada."
                )
            ),
            steps=[
                NextStep(
                    text=str(
                        _(
                            "Check the instructions for your application on the IRCC website, or call the help line."
                        )
                    )
                )
            ],
        )
    trp = None
    if answers.trp_valid_from and answers.trp_valid_until:
        trp = PermitPeriod(answers.trp_valid_from, answers.trp_valid_until)
    in_canada = stream is Stream.TEMPORARY_RESIDENT_IN_CANADA
    result = online_requirement(
        stream=stream,
        on=on,
        disability=answers.disability,
        exceptional_circumstances=in_canada and answers.exceptional_circumstances,
        system_restriction=answers.situation if in_canada and answers.situation != NO_SITUATION else None,
        temporary_resident_permit=trp if in_canada else None,
        applying_for_trp_with_work_permit=in_canada and answers.trp_with_work_permit,
        work_permit_requested_in_schedule_12=in_canada and answers.schedule_12,
        paid_representative_with_portal_access=representative,
        representative_unable_to_use_portal=representative and not answers.representative_can_use_portal,
    )
    outcome = Outcome(
        result=result,
        headline=str(HEADLINES[result.requirement]),
        grounds=[str(GROUNDS[ground]) for ground in result.exemptions],
        means=[str(MEANS[means]) for means in result.other_means] if result.other_means_allowed else [],
        reasons=[(found.message(language), found.citation) for found in result.reasons],
        representative_note=representative and in_canada,
    )
    outcome.steps = _next_steps(
        stream=stream, result=result, answers=answers, on=on, language=language, outcome=outcome
    )
    return outcome


def _next_steps(
    *, stream: Stream, result, answers: Answers, on: date, language: str, outcome: Outcome
) -> list[NextStep]:
    steps: list[NextStep] = []
    if stream in (Stream.PR_CARD, Stream.SPONSORSHIP):
        kit = Kit.PR_CARD if stream is Stream.PR_CARD else Kit.SPONSORSHIP
        # EX-24: an exemption permits another means; applying online stays open.
        steps.append(
            NextStep(
                text=str(_("To apply online in this portal, create an account or sign in.")),
                url=reverse("account_signup"),
                link_text=str(_("Create an account")),
            )
        )
        if Exemption.ACCOMMODATION in result.exemptions:
            steps.append(_kit_link(kit, language))
            if answers.applies_from == AppliesFrom.OUTSIDE_CANADA:
                steps.append(
                    NextStep(
                        text=str(
                            _(
                                "Kits are mailed only to addresses in Canada: from outside Canada, ask to receive it by e-mail."
                            )
                        )
                    )
                )
            if answers.answerer == Answerer.PAID_REPRESENTATIVE:
                steps.append(
                    NextStep(
                        text=str(_("A representative may ask for the kit in another format for the client."))
                    )
                )
        if stream is Stream.PR_CARD:
            outcome.paper = paper_submission(kit=kit, on=on)
            steps.append(
                NextStep(
                    text=str(
                        _(
                            "If you apply on paper, send it to one of the addresses below. The fee is paid online in both cases."
                        )
                    )
                )
            )
        return steps
    online = NextStep(text=str(_("Apply online through IRCC’s secure account.")))
    if stream is Stream.TEMPORARY_RESIDENT_IN_CANADA:
        if result.requirement is Requirement.PAPER_REQUIRED:
            forms = " + ".join(result.joint_paper_forms)
            steps.append(
                NextStep(
                    text=str(_("Submit both applications together on paper: %(forms)s.")) % {"forms": forms}
                )
            )
            return steps
        if result.requirement is Requirement.OTHER_MEANS_ALLOWED:
            text = _(
                "To apply on paper, send the completed application to the address IRCC specifies for it (IRPR section 11)."
            )
            steps.append(NextStep(text=str(text)))
            if result.officer_must_accept_complete_paper:
                steps.append(
                    NextStep(
                        text=str(
                            _(
                                "An officer must accept a paper application that is complete. You do not have to say what your disability is."
                            )
                        )
                    )
                )
        steps.append(online)
        return steps
    steps.append(online)
    if answers.disability:
        steps.append(
            NextStep(
                text=str(
                    _(
                        "The sources give no other means for this application. Call the help line to ask about accommodation."
                    )
                )
            )
        )
    return steps
