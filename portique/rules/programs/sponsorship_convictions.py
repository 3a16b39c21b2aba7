"""A sponsored person's offences as the portal asks them (IMM 5669 ``history.convictions``),
placed in Table 1 of IMM 5289 (SP-130 to SP-134) so that ``criminality.rehabilitation`` runs.

The portal asks what a person knows: the offence, where and when it was committed, how it
would be prosecuted in Canada (or "I do not know"), whether they were convicted, the sentence
and the day it was completed, and for Canada whether the record was suspended. A case file
may instead give the Table 1 row itself (``CRIMINALITY.convictions[]``, case format 1.6).

Readings (IMM 5289 « Tableau 1 – Admissibilité à la réadaptation »):
- rows 4, 5 and 6 speak of *two or more* convictions: those of one kind are one record, its
  reference date the day the last sentence was completed; a single summary conviction outside
  Canada, or an offence in Canada without a conviction, is in no row of Table 1: an officer
  assesses it (INFO), nothing is computed;
- one conviction in Canada is "another record in Canada" (a record suspension, SP-132);
- "sans autre infraction" (deemed rehabilitation): an offence committed after this one, as
  the person dates them, is a later offence;
- a person who does not know how the offence would be prosecuted in Canada is not placed in
  a row by guess: an officer does (WARNING).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..reasons import Reason, Severity
from ..sponsorship import criminality
from ..sponsorship.criminality import OffenceRecord

FORM_CODE = "IMM5669"
CANADA = "CA"


@dataclass(frozen=True, slots=True)
class PlacedRecord:
    """One record of Table 1 made of one or more of the person's rows (numbered from 1)."""

    record: OffenceRecord
    reference_date: date
    later_offence: bool
    record_suspended: bool
    rows: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Row:
    number: int
    country: str
    committed_on: date
    seriousness: str
    convicted: bool
    completed_on: date | None
    record_suspended: bool


def _date(raw: Any) -> date | None:
    try:
        return date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return None


def _rows(raw: Any) -> list[_Row]:
    """The rows answered enough to be placed; an incomplete row is the form's finding."""
    rows = []
    for number, row in enumerate(raw if isinstance(raw, list) else (), start=1):
        if not isinstance(row, dict):
            continue
        committed, convicted = _date(row.get("committed_on")), row.get("convicted")
        completed = _date(row.get("sentence_completed_on"))
        country, seriousness = row.get("country"), row.get("seriousness")
        if committed is None or not isinstance(convicted, bool) or not country or not seriousness:
            continue
        if convicted and completed is None:
            continue
        rows.append(
            _Row(
                number=number,
                country=str(country),
                committed_on=committed,
                seriousness=str(seriousness),
                convicted=convicted,
                completed_on=completed if convicted else None,
                record_suspended=row.get("record_suspended") is True,
            )
        )
    return rows


def _not_in_table(subject: str, *, in_canada: bool) -> Reason:
    if in_canada:
        en = "An offence in Canada without a conviction is in no row of Table 1: an officer assesses it."
        fr = "Une infraction au Canada sans déclaration de culpabilité ne figure dans aucune ligne du tableau 1 : un agent l’évalue."
    else:
        en = "A single conviction outside Canada for an offence that would be a summary one in Canada is in no row of Table 1: an officer assesses it."
        fr = "Une seule condamnation à l’extérieur du Canada pour une infraction qui serait punissable par procédure sommaire au Canada ne figure dans aucune ligne du tableau 1 : un agent l’évalue."
    return Reason("CONVICTION_NOT_IN_TABLE_1", "SP-134", criminality.TABLE_1, en, fr, Severity.INFO, subject)


def _seriousness_unknown(subject: str) -> Reason:
    return Reason(
        "CONVICTION_SERIOUSNESS_UNKNOWN",
        "SP-134",
        criminality.TABLE_1,
        "How this offence would be prosecuted in Canada is not known: an officer places it in Table 1 and says from when the person is rehabilitated.",
        "On ne sait pas comment cette infraction serait poursuivie au Canada : un agent la situe dans le tableau 1 et indique à partir de quand la personne est réadaptée.",
        Severity.WARNING,
        subject,
    )


def place_in_table_1(person_id: str, raw_rows: Any) -> tuple[list[PlacedRecord], list[Reason]]:
    """The person's rows as Table 1 records, and a reason for each row no record holds."""
    rows = _rows(raw_rows)
    notes: list[Reason] = []
    groups: list[tuple[OffenceRecord, list[_Row]]] = []
    summary_abroad: list[_Row] = []
    indictable_canada: list[_Row] = []
    summary_canada: list[_Row] = []
    for row in rows:
        subject = f"{person_id}/{FORM_CODE}/convictions/{row.number}"
        in_canada = row.country == CANADA
        if row.seriousness == "not_known":
            notes.append(_seriousness_unknown(subject))
        elif in_canada and not row.convicted:
            notes.append(_not_in_table(subject, in_canada=True))
        elif in_canada:
            (summary_canada if row.seriousness == "summary" else indictable_canada).append(row)
        elif row.seriousness == "indictable_10_or_more":
            groups.append((OffenceRecord.ABROAD_INDICTABLE_10_OR_MORE, [row]))
        elif row.seriousness == "indictable_under_10":
            record = (
                OffenceRecord.CONVICTED_ABROAD_INDICTABLE_UNDER_10
                if row.convicted
                else OffenceRecord.COMMITTED_ABROAD_INDICTABLE_UNDER_10
            )
            groups.append((record, [row]))
        elif row.convicted:
            summary_abroad.append(row)
        else:
            notes.append(_not_in_table(subject, in_canada=False))
    for several, record in (
        (summary_abroad, OffenceRecord.TWO_OR_MORE_SUMMARY_ABROAD),
        (summary_canada, OffenceRecord.TWO_OR_MORE_SUMMARY_IN_CANADA),
        (indictable_canada, OffenceRecord.TWO_OR_MORE_INDICTABLE_IN_CANADA),
    ):
        if len(several) >= 2:
            groups.append((record, several))
        elif several and record is OffenceRecord.TWO_OR_MORE_SUMMARY_ABROAD:
            row = several[0]
            notes.append(_not_in_table(f"{person_id}/{FORM_CODE}/convictions/{row.number}", in_canada=False))
        elif several:
            groups.append((OffenceRecord.OTHER_RECORD_IN_CANADA, several))
    placed = []
    for record, members in groups:
        numbers = {row.number for row in members}
        last_committed = max(row.committed_on for row in members)
        reference = max((row.completed_on or row.committed_on) for row in members)
        placed.append(
            PlacedRecord(
                record=record,
                reference_date=reference,
                later_offence=any(
                    row.committed_on > last_committed for row in rows if row.number not in numbers
                ),
                record_suspended=all(row.record_suspended for row in members),
                rows=tuple(sorted(numbers)),
            )
        )
    return placed, notes
