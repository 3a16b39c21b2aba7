"""Reading a person's answers (form code → section → field) into the rules' typed inputs.

The PR card's digital form validates its own answers (``forms.validate``). The
sponsorship forms (IMM 0008, IMM 1344, IMM 5669, IMM 5476) have no digital definition
yet, so their answers are read here, field by field: a missing required answer or a
value the rules cannot read becomes a BLOCKING finding located like the form engine's
(``person/FORM/section.field``), and the rules get ``None`` or the default instead.
``docs/case.schema.json`` lists every key read here.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar

from ..reasons import Reason, reason

E = TypeVar("E", bound=Enum)

CITATION = "IMM 5289 — « Fournissez des réponses complètes et précises »; IRPR 10(1)(c)"
_EMPTY: dict[str, Any] = {}


@lru_cache(maxsize=4096)
def _required(subject: str) -> Reason:
    return reason(
        "ANSWER_REQUIRED",
        rule="SP-160, IRPR-10-1",
        citation=CITATION,
        en="Answer every question: {where} is not answered. An application with unanswered questions is returned.",
        fr="Répondez à toutes les questions : {where} est sans réponse. Une demande comportant des questions sans réponse est retournée.",
        subject=subject,
        where=subject,
    )


@lru_cache(maxsize=4096)
def _invalid(subject: str, expected: str) -> Reason:
    return reason(
        "ANSWER_INVALID",
        rule="SP-160, IRPR-10-1",
        citation=CITATION,
        en="The answer to {where} cannot be read: expected {expected}.",
        fr="La réponse à {where} ne peut pas être lue : valeur attendue : {expected}.",
        subject=subject,
        where=subject,
        expected=expected,
    )


@lru_cache(maxsize=8192)
def _iso_date(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


class Section:
    """One section of one person's answers to one form, read field by field.

    Findings (unanswered or unreadable) are appended to the shared ``findings`` list.
    """

    __slots__ = ("_data", "_prefix", "_findings")

    def __init__(self, answers: dict[str, Any], person: str, form: str, section: str, findings: list[Reason]):
        form_answers = answers.get(form)
        data = form_answers.get(section) if isinstance(form_answers, dict) else None
        self._data: dict[str, Any] = data if isinstance(data, dict) else _EMPTY
        self._prefix = f"{person}/{form}/{section}."
        self._findings = findings

    def _raw(self, name: str) -> Any:
        """The answer, ``None`` when not given — a blank one included, as the form engine reads it."""
        raw = self._data.get(name)
        if isinstance(raw, str) and not raw.strip():
            return None
        return raw

    def __contains__(self, name: str) -> bool:
        return self._raw(name) is not None

    def _missing(self, name: str) -> None:
        self._findings.append(_required(self._prefix + name))

    def _bad(self, name: str, expected: str) -> None:
        self._findings.append(_invalid(self._prefix + name, expected))

    def date(self, name: str, *, required: bool = False) -> date | None:
        raw = self._raw(name)
        if raw is None:
            if required:
                self._missing(name)
            return None
        parsed = _iso_date(raw) if isinstance(raw, str) else None
        if parsed is None:
            self._bad(name, "YYYY-MM-DD")
        return parsed

    def choice(
        self, name: str, kind: type[E], default: E | None = None, *, required: bool = False
    ) -> E | None:
        raw = self._raw(name)
        if raw is None:
            if required:
                self._missing(name)
            return default
        try:
            return kind(raw)
        except ValueError:
            self._bad(name, " | ".join(member.value for member in kind))
            return default

    def flag(self, name: str, default: bool = False) -> bool:
        raw = self._raw(name)
        if raw is None:
            return default
        if isinstance(raw, bool):
            return raw
        self._bad(name, "true | false")
        return default

    def optional_flag(self, name: str) -> bool | None:
        raw = self._raw(name)
        if raw is None or isinstance(raw, bool):
            return raw
        self._bad(name, "true | false")
        return None

    def integer(self, name: str) -> int | None:
        raw = self._raw(name)
        if raw is None:
            return None
        if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
            return raw
        self._bad(name, "0, 1, 2…")
        return None

    def text(self, name: str) -> str | None:
        raw = self._raw(name)
        if raw is None:
            return None
        if isinstance(raw, str):
            return raw
        self._bad(name, "text")
        return None

    def dates(self, name: str) -> tuple[date, ...]:
        raw = self._raw(name)
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self._bad(name, "[YYYY-MM-DD, …]")
            return ()
        found = []
        for index, item in enumerate(raw, start=1):
            parsed = _iso_date(item) if isinstance(item, str) else None
            if parsed is None:
                self._bad(f"{name}.{index}", "YYYY-MM-DD")
            else:
                found.append(parsed)
        return tuple(found)

    def choices(self, name: str, kind: type[E]) -> frozenset[E]:
        """A list of choices (e.g. every ground of inadmissibility); unreadable ones are findings."""
        raw = self._raw(name)
        if raw is None:
            return frozenset()
        if not isinstance(raw, list):
            self._bad(name, "[" + " | ".join(member.value for member in kind) + ", …]")
            return frozenset()
        found = set()
        for index, item in enumerate(raw, start=1):
            try:
                found.add(kind(item))
            except ValueError:
                self._bad(f"{name}.{index}", " | ".join(member.value for member in kind))
        return frozenset(found)

    def rows(self, name: str) -> list[tuple[str, Section]]:
        """The rows of a repeating answer, each read as a section of its own (``name.1``, …)."""
        raw = self._data.get(name)
        if raw is None:
            return []
        if not isinstance(raw, list):
            self._bad(name, "[{…}, …]")
            return []
        rows = []
        for index, item in enumerate(raw, start=1):
            row = Section.__new__(Section)
            row._data = item if isinstance(item, dict) else _EMPTY
            row._prefix = f"{self._prefix}{name}.{index}."
            row._findings = self._findings
            if not isinstance(item, dict):
                self._bad(f"{name}.{index}", "{…}")
                continue
            rows.append((str(index), row))
        return rows

    def section(self, name: str) -> Section | None:
        """A nested group of answers (e.g. ``relationship.marriage``), or None when not given."""
        raw = self._data.get(name)
        if raw is None:
            return None
        nested = Section.__new__(Section)
        nested._prefix = f"{self._prefix}{name}."
        nested._findings = self._findings
        if not isinstance(raw, dict):
            self._bad(name, "{…}")
            nested._data = _EMPTY
        else:
            nested._data = raw
        return nested
