"""Turn an application's rows into the rules' ``Case``: answers, documents and payments."""

from datetime import date

from django.utils import timezone

from portique.core.request_memo import remember
from portique.rules.case import Case, CaseDocument, CasePerson, CasePrints, CaseSignature

from . import ports
from .choices import Channel, PersonRole
from .models import Application


def _sponsorship_signatures(application: Application, *, on: date, assume_signed: bool):
    """A sponsorship's e-signatures as the rules read them.

    The principal applicant's (or guardian's) signature is the case's signature; the
    sponsor's signed undertaking stands for the IMM 1344 the checklist asks for
    (``signing.several_signers``). ``assume_signed``: every required signer has signed with
    their own name, to ask the rules whether anything but the signatures is missing.
    """
    from .signing.several_signers import passport_name, required_signers

    people = {person.pk: person for person in application.people.all()}
    # The day each person signed, in the portal's time zone: the day the representative's
    # declaration is read on, so an evening signature is not "after" that evening's declaration.
    entries = [
        (people[signature.person_id], signature.typed_name, timezone.localdate(signature.signed_at))
        for signature in application.signatures.filter(cleared_at__isnull=True)
        if signature.person_id in people
    ]
    if assume_signed:
        signed = {person.pk for person, _typed, _on in entries}
        for person in required_signers(application, on=on).people:
            if person.pk not in signed:
                name = passport_name(person)
                entries.append((person, " ".join(p for p in (name.given_names, name.surname) if p), on))
    documents = []
    case_signatures = []
    for person, typed, signed_on in entries:
        if person.role == PersonRole.SPONSOR:
            documents.append(CaseDocument(code="IMM1344", person=f"p{person.position}"))
        else:
            case_signatures.append(
                CaseSignature(person=f"p{person.position}", typed_name=typed, signed_on=signed_on)
            )
    return tuple(case_signatures), tuple(documents)


def _paper_photos(application: Application) -> tuple[CaseDocument, ...]:
    """The photos received with a paper application, as the intake officer read their
    envelope (PRC-63): the rules check them as the PHOTO item's prints."""
    if application.channel != Channel.PAPER:
        return ()
    intake = getattr(application, "paper_intake", None)
    photos = intake.photos if intake is not None else None
    if not photos:
        return ()
    principal = next((p for p in application.people.all() if p.role == PersonRole.PRINCIPAL_APPLICANT), None)
    if principal is None:
        return ()
    prints = CasePrints(
        count=int(photos["count"]),
        identical=bool(photos["identical"]),
        taken_on=date.fromisoformat(photos["taken_on"]),
        in_small_envelope=bool(photos["in_small_envelope"]),
        name_on_envelope=bool(photos["name_on_envelope"]),
        stapled_or_clipped=bool(photos["stapled_or_clipped"]),
    )
    return (CaseDocument(code="PHOTO", person=f"p{principal.position}", prints=prints),)


def case_for(application: Application, *, application_date: date, assume_signed: bool = False) -> Case:
    """The rules' Case of ``application``: read from its rows once per request (core.request_memo),
    as the evaluation, the fee quote and the checklist all start from it."""
    if application.pk is None:
        return _case_for(application, application_date=application_date, assume_signed=assume_signed)
    return remember(
        ("case", application.pk, application.version, application_date, assume_signed),
        lambda: _case_for(application, application_date=application_date, assume_signed=assume_signed),
    )


def _case_for(application: Application, *, application_date: date, assume_signed: bool) -> Case:
    people = tuple(
        CasePerson(id=f"p{person.position}", role=person.role, answers=person.answers)
        for person in application.people.all()
    )
    signatures, signed_documents, declared_on = (), (), None
    if application.definition.several_signers:
        # Represented (seed 004): the representative's declaration follows the client's signature.
        signatures, signed_documents = _sponsorship_signatures(
            application, on=application_date, assume_signed=assume_signed
        )
        if ports.imm5476_uploaded(application=application):
            # The IMM 5476 the principal applicant signed by hand, uploaded by the representative (REP-07).
            principal = next(p for p in application.people.all() if p.role == PersonRole.PRINCIPAL_APPLICANT)
            signed_documents += (CaseDocument(code="IMM5476", person=f"p{principal.position}"),)
        declared_on = ports.representative_declared_on(
            application=application, assume_declared_on=application_date if assume_signed else None
        )
    return Case(
        program=application.program,
        application_date=application_date,
        people=people,
        documents=ports.case_documents(application) + signed_documents + _paper_photos(application),
        payments=ports.case_payments(application),
        signatures=signatures,
        representative_declared_on=declared_on,
    )
