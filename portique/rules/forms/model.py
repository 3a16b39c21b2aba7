"""The vocabulary of form definitions."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class FieldKind(str, Enum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"
    CHOICE = "choice"
    YES_NO = "yes_no"
    EMAIL = "email"
    PHONE = "phone"
    POSTAL_CODE = "postal_code"
    COUNTRY = "country"
    UCI = "uci"  # IRCC's Unique Client Identifier: 8 or 10 digits
    # Kinds whose answers are not text (the sponsorship forms, read by programs.answers):
    FLAG = "flag"  # true / false, asked as Yes / No
    INTEGER = "integer"  # 0, 1, 2…
    MULTI_CHOICE = "multi_choice"  # a list of option values
    DATES = "dates"  # a list of YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    en: str
    fr: str


@dataclass(frozen=True, slots=True)
class Condition:
    """A field or section applies only when another answer is one of ``values``.

    ``field`` names a field of the same section, or ``section.field`` of another.
    """

    field: str
    values: tuple[Any, ...]

    def holds(self, section_answers: dict[str, Any], form_answers: dict[str, Any]) -> bool:
        if "." in self.field:
            section_code, field_code = self.field.split(".", 1)
            answer = (form_answers.get(section_code) or {}).get(field_code)
        else:
            answer = section_answers.get(self.field)
        return answer in self.values


@dataclass(frozen=True, slots=True)
class Field:
    code: str
    kind: FieldKind
    en: str
    fr: str
    help_en: str = ""
    help_fr: str = ""
    required: bool = True
    options: tuple[Option, ...] = ()
    when: Condition | None = None
    # Dates: whether the date may lie after the application date (a planned
    # departure may; a date of birth or an absence may not).
    future_allowed: bool = False
    # Dates: an expiry date that must not lie before the application date (a passport
    # the form asks for must be valid when the person applies).
    valid_on_application_date: bool = False
    max_length: int = 200
    # For passport names: the guide's convention for a missing surname or given name.
    citation: str = ""

    def label(self, lang: str) -> str:
        return self.fr if lang.startswith("fr") else self.en

    def help(self, lang: str) -> str:
        return self.help_fr if lang.startswith("fr") else self.help_en


_FRENCH_VOWELS = tuple("aâàeéèêëiîïoôuûùyh")


@dataclass(frozen=True, slots=True)
class RowName:
    """What one row of a repeating section is called ("address 2", "Add another address").

    French needs the noun's gender for "un autre" / "une autre" and "le" / "la" / "l’".
    """

    en: str
    fr: str
    fr_feminine: bool = False

    def numbered(self, lang: str, number: int) -> str:
        noun = self.fr if lang.startswith("fr") else self.en
        return f"{noun[:1].upper()}{noun[1:]} {number}"

    def add_another(self, lang: str) -> str:
        if lang.startswith("fr"):
            return f"Ajouter {'une autre' if self.fr_feminine else 'un autre'} {self.fr}"
        return f"Add another {self.en}"

    def remove(self, lang: str, number: int) -> str:
        if lang.startswith("fr"):
            if self.fr.lower().startswith(_FRENCH_VOWELS):
                article = "l’"
            else:
                article = "la " if self.fr_feminine else "le "
            return f"Supprimer {article}{self.fr} {number}"
        return f"Remove {self.en} {number}"


ROW = RowName("row", "ligne", fr_feminine=True)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a long section: a few questions on one topic, asked in plain words.

    The answers stay the section's (same keys, same place): only the screens are split,
    so the rules, the officer's pages and the submitted copy read them as before.
    ``why_en``/``why_fr`` say why the questions are asked; ``citation`` is the rule's source.
    """

    code: str
    en: str
    fr: str
    fields: tuple[str, ...]
    why_en: str = ""
    why_fr: str = ""
    citation: str = ""

    def title(self, lang: str) -> str:
        return self.fr if lang.startswith("fr") else self.en

    def why(self, lang: str) -> str:
        return self.why_fr if lang.startswith("fr") else self.why_en


@dataclass(frozen=True, slots=True)
class Section:
    code: str
    en: str
    fr: str
    fields: tuple[Field, ...]
    intro_en: str = ""
    intro_fr: str = ""
    # A repeating table (addresses, absences…): answers are a list of rows.
    repeating: bool = False
    # With ``repeating``: the row fields holding each row's start and end dates, so
    # that rows are checked for order and overlap.
    period: tuple[str, str] | None = None
    overlap_allowed: bool = True
    # The guide: "if a section does not apply to you, write N/A".
    not_applicable_allowed: bool = False
    when: Condition | None = None
    # Where the answers live in the form's answers when not at ``code``: a group or a
    # table nested in another section (IMM 0008 ``relationship.marriage``, IMM 5669
    # ``history.stays``), so that the keys are those the rules read.
    path: tuple[str, ...] = ()
    # With ``repeating``: no row is a complete answer (e.g. "no convictions").
    rows_optional: bool = False
    # With ``repeating``: what one row is called on the screens ("Address 2").
    row_name: RowName = ROW
    # With ``period``: the row flag that says the period has not ended ("I live here now"):
    # a row so marked has no end date, and at most one row may be marked.
    ongoing: str = ""
    # A long section asked over several short pages (the answers stay the section's).
    pages: tuple[Page, ...] = ()

    def title(self, lang: str) -> str:
        return self.fr if lang.startswith("fr") else self.en

    @property
    def location(self) -> tuple[str, ...]:
        return self.path or (self.code,)

    @property
    def subject_prefix(self) -> str:
        """How findings about this section's answers begin (``relationship.marriage``)."""
        return ".".join(self.location)

    def answers_in(self, form_answers: dict[str, Any]) -> Any:
        """This section's answers within the form's answers (None when not given)."""
        return answers_at(form_answers, self.location)

    def with_answers(self, form_answers: dict[str, Any], answers: Any) -> dict[str, Any]:
        """The form's answers with this section's replaced; answers of nested sections are kept."""
        *parents, last = self.location
        result = dict(form_answers)
        container = result
        for key in parents:
            child = container.get(key)
            child = dict(child) if isinstance(child, dict) else {}
            container[key] = child
            container = child
        previous = container.get(last)
        if isinstance(previous, dict) and isinstance(answers, dict):
            own = {field.code for field in self.fields}
            answers = {**{k: v for k, v in previous.items() if k not in own}, **answers}
        container[last] = answers
        return result

    def intro(self, lang: str) -> str:
        return self.intro_fr if lang.startswith("fr") else self.intro_en

    def page(self, code: str) -> Page:
        for candidate in self.pages:
            if candidate.code == code:
                return candidate
        raise KeyError(code)

    def page_of(self, field_code: str) -> Page | None:
        """The page that asks ``field_code`` (None for a section on one page)."""
        for candidate in self.pages:
            if field_code in candidate.fields:
                return candidate
        return None

    def field(self, code: str) -> Field:
        for candidate in self.fields:
            if candidate.code == code:
                return candidate
        raise KeyError(code)


@dataclass(frozen=True, slots=True)
class Form:
    code: str  # e.g. "IMM5444"
    en: str
    fr: str
    sections: tuple[Section, ...]
    citation: str
    _index: dict[str, Section] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({section.code: section for section in self.sections})

    def section(self, code: str) -> Section:
        return self._index[code]

    def title(self, lang: str) -> str:
        return self.fr if lang.startswith("fr") else self.en


def answers_at(form_answers: dict[str, Any], location: tuple[str, ...]) -> Any:
    """The answers found by following ``location`` (a section's keys) into the form's answers;
    None when a step is missing or is not a set of answers."""
    current: Any = form_answers
    for key in location:
        if not isinstance(current, dict):
            return None
        current = current.get(key)
    return current
