"""Checklist items as the documents pages use them.

The rules decide which items an application needs (``evaluation.details["checklist"]``);
this module only turns each one into what an upload form needs to know: which file
types it takes, its size limit, whether a new upload replaces the previous file, and
whether the person may explain instead of providing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portique.uploads.content_types import ANY_DOCUMENT, ContentType

from . import photo_spec
from .choices import ItemKind

PHOTO_FRONT = "PHOTO"
PHOTO_BACK = "PHOTO_BACK"
# A paper application's forms as they arrived (issue #9): not asked by the rules.
PAPER_FORMS = "PAPER_FORMS"
PHOTO_CODES = (PHOTO_FRONT, PHOTO_BACK)


# The portal's own limit for a supporting document (not a regulatory number: the
# guides set none). A deployment may change it with the DOCUMENTS_MAX_BYTES setting.
DEFAULT_DOCUMENT_MAX_BYTES = 10_000_000


def document_max_bytes() -> int:
    return int(getattr(settings, "DOCUMENTS_MAX_BYTES", DEFAULT_DOCUMENT_MAX_BYTES))


def upload_body_bytes(files: int = 1) -> int:
    """The largest request body an upload page reads (portique.core.body_limit): ``files``
    files at the largest item limit (a document's, or the photo's if larger), and the form."""
    from django.utils import timezone

    from portique.core.body_limit import FORM_MARGIN_BYTES

    largest = max(document_max_bytes(), photo_spec.max_file_bytes(timezone.localdate()))
    return files * largest + FORM_MARGIN_BYTES


@dataclass(frozen=True)
class Item:
    code: str
    en: str
    fr: str
    citation: str = ""
    why_en: str = ""
    why_fr: str = ""
    person_position: int | None = None
    kind: ItemKind = ItemKind.DOCUMENT
    # One file: a new upload replaces the previous one (the photo, IMM 5445 — Step 1).
    single: bool = False
    explanation_allowed: bool = True
    required: bool = True
    # The kinds of document that satisfy the item (the rules' alternatives, flattened):
    # the person says which one each file is. Empty: every file counts as the item itself.
    document_types: tuple[str, ...] = ()
    # How many documents the item needs (two proofs of residency).
    count: int = 1

    def title(self, language: str) -> str:
        return self.fr if language.startswith("fr") else self.en

    def why(self, language: str) -> str:
        return self.why_fr if language.startswith("fr") else self.why_en

    def accepts(self, on: date) -> frozenset[ContentType]:
        if self.kind == ItemKind.PHOTO:
            return photo_spec.accepted_types(on)
        if self.kind == ItemKind.PHOTO_BACK:
            # The back of the photo, or for a digital photo the studio's confirmation (IMM 5445 — Step 1).
            return photo_spec.accepted_types(on) | {ContentType.PDF}
        return ANY_DOCUMENT

    def max_bytes(self, on: date) -> int:
        if self.kind in (ItemKind.PHOTO, ItemKind.PHOTO_BACK):
            return photo_spec.max_file_bytes(on)
        return document_max_bytes()

    @property
    def slot(self) -> str:
        """Unique on a page: the same item may be asked of several people."""
        return f"{self.person_position if self.person_position is not None else 'a'}-{self.code}"


def both_languages(text, **params) -> tuple[str, str]:
    with translation.override("en"):
        en = str(text) % params if params else str(text)
    with translation.override("fr"):
        fr = str(text) % params if params else str(text)
    return en, fr


def _field(raw: Any, name: str, default: Any = None) -> Any:
    if isinstance(raw, Mapping):
        return raw.get(name, default)
    return getattr(raw, name, default)


def _bilingual(value: Any) -> tuple[str, str]:
    if value is None:
        return "", ""
    if isinstance(value, str):
        return value, value
    if isinstance(value, Mapping):
        return str(value.get("en", "")), str(value.get("fr", ""))
    en, fr = getattr(value, "en", None), getattr(value, "fr", None)
    if en is not None or fr is not None:
        return str(en or ""), str(fr or "")
    if isinstance(value, (list, tuple)):
        pairs = [_bilingual(v) for v in value]
        return " ".join(p[0] for p in pairs if p[0]), " ".join(p[1] for p in pairs if p[1])
    return str(value), str(value)


def _position(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value
    text = str(value)
    digits = text[1:] if text[:1] == "p" else text
    return int(digits) if digits.isdigit() else None


def photo_front(position: int | None, on: date) -> Item:
    en, fr = both_languages(_("Photo (front)"))
    why_en, why_fr = both_languages(
        _(
            "A professional photo taken within the %(months)s months before the application date, "
            "as the photo requirements describe."
        ),
        months=photo_spec.limits(on).max_age_months,
    )
    return Item(
        code=PHOTO_FRONT, en=en, fr=fr, citation=photo_spec.CITATION, why_en=why_en, why_fr=why_fr,
        person_position=position, kind=ItemKind.PHOTO, single=True, explanation_allowed=False,
    )


def photo_back(position: int | None, on: date) -> Item:
    en, fr = both_languages(_("Photo (back)"))
    why_en, why_fr = both_languages(
        _(
            "An image of the back of the photo. For a digital photo, the photo studio's confirmation "
            "(for example, the receipt) instead."
        )
    )
    return Item(
        code=PHOTO_BACK, en=en, fr=fr, citation=photo_spec.CITATION, why_en=why_en, why_fr=why_fr,
        person_position=position, kind=ItemKind.PHOTO_BACK, single=True, explanation_allowed=False,
        document_types=("PHOTO_BACK", "PHOTO_STUDIO_CONFIRMATION"),
    )


def paper_forms() -> Item:
    """The scan of a paper application's forms as received, signatures included.

    Not a requirement of the rules (``required=False``): it keeps on file what the
    officer typed in and the handwritten signatures the officer recorded (IRPR 10(1)(b), 11).
    """
    en, fr = both_languages(_("The paper forms as received, with their handwritten signatures (scan)"))
    why_en, why_fr = both_languages(
        _("Optional: keeps on file what was typed in from the paper forms and the signatures recorded.")
    )
    return Item(
        code=PAPER_FORMS, en=en, fr=fr, citation="IRPR 10(1)(b), 11", why_en=why_en, why_fr=why_fr,
        person_position=None, explanation_allowed=False, required=False,
    )


def from_rules(raw: Any, on: date) -> Item:
    """One item of the rules' checklist (an object or a JSON-ready mapping)."""
    code = str(_field(raw, "code"))
    en, fr = _field(raw, "en", ""), _field(raw, "fr", "")
    if not en and not fr:
        en, fr = _bilingual(_field(raw, "title") or _field(raw, "label") or code)
    why_en, why_fr = _field(raw, "why_en", ""), _field(raw, "why_fr", "")
    if not why_en and not why_fr:
        why_en, why_fr = _bilingual(_field(raw, "why") or _field(raw, "reason"))
    citation = _field(raw, "citation", "") or ""
    position = _position(_field(raw, "person", _field(raw, "person_position")))
    if code in PHOTO_CODES:
        # A photo's slot keeps the portal's short name whatever the rules call the item, so the
        # page reads the same before and after the checklist can be worked out (PRC-62).
        base = photo_front(position, on) if code == PHOTO_FRONT else photo_back(position, on)
        en, fr, citation = base.en, base.fr, base.citation
    else:
        max_files = _field(raw, "max_files")
        base = Item(code=code, en=en, fr=fr, single=max_files == 1)
    explanation_allowed = _field(raw, "explanation_allowed", _field(raw, "may_explain_instead"))
    types: list[str] = []
    for option in _field(raw, "alternatives", ()) or ():
        for document_code in (option,) if isinstance(option, str) else option:
            if document_code not in types:
                types.append(str(document_code))
    if types == [code]:
        types = []
    return Item(
        code=code,
        en=en or base.en,
        fr=fr or base.fr,
        citation=str(citation) or base.citation,
        why_en=why_en or base.why_en,
        why_fr=why_fr or base.why_fr,
        person_position=position,
        kind=base.kind,
        single=base.single,
        explanation_allowed=base.explanation_allowed if explanation_allowed is None else bool(explanation_allowed),
        required=bool(_field(raw, "required", True)),
        document_types=tuple(types) or base.document_types,
        count=int(_field(raw, "count", 1) or 1),
    )
