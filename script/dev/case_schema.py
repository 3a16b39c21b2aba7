"""Write docs/case.schema.json, the public contract of a case (``portique rules evaluate``).

The answers of every program that is not a sponsorship (the PR card, extending a stay) are
generated from its forms as data (``forms_for(role)`` of its definition), so the schema cannot
drift from the forms and a new program needs nothing here; the sponsorship answers are the keys the sponsorship
programs read (``programs/sponsorship.py``, ``programs/answers.py``). A test checks that
the committed file is what this script writes: after changing a form or an answer key,
run ``.venv/bin/python script/dev/case_schema.py`` and, if a key was removed or its meaning
changed, raise ``SCHEMA_VERSION`` in ``portique/rules/case.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from portique.rules import fees, photos, translations  # noqa: E402
from portique.rules.case import SCHEMA_VERSION  # noqa: E402
from portique.rules.completeness import RepresentativeRole  # noqa: E402
from portique.rules.forms.model import FieldKind, Form, Section  # noqa: E402
from portique.rules.programs import imm5669, registry  # noqa: E402
from portique.rules.sponsorship import categories, criminality, eligibility, evidence, relationships  # noqa: E402
from portique.rules.sponsorship.vocabulary import SponsoredRelationship  # noqa: E402

OUTPUT = ROOT / "docs" / "case.schema.json"
DATE = {"$ref": "#/$defs/date"}
COUNTRY = {"$ref": "#/$defs/country"}
FLAG = {"type": "boolean"}
TEXT = {"type": "string", "maxLength": 400}
MM = {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$"}


def _values(kind) -> list[str]:
    return [member.value for member in kind]


def _obj(properties: dict[str, Any], description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": properties}
    if description:
        schema = {"description": description, **schema}
    return schema


def _described(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, **schema}


# ------------------------------------------------------------------------------ PR card


def _field_schema(field) -> dict[str, Any]:
    if field.kind is FieldKind.DATE:
        schema: dict[str, Any] = dict(DATE)
    elif field.kind is FieldKind.INTEGER:
        schema = {"type": "integer", "minimum": 0}
    elif field.kind is FieldKind.FLAG:
        schema = {"type": "boolean"}
    elif field.options:
        schema = {"enum": [option.value for option in field.options]}
    elif field.kind is FieldKind.COUNTRY:
        schema = dict(COUNTRY)
    else:
        schema = {"type": "string", "maxLength": field.max_length}
    return {"description": field.en, **schema}


def _section_schema(section: Section) -> dict[str, Any]:
    row = _obj({field.code: _field_schema(field) for field in section.fields})
    if not section.repeating:
        return _described(row, section.en)
    rows = {"type": "array", "items": row}
    if section.not_applicable_allowed:
        return {
            "description": section.en + ' (a list of rows, or "not_applicable")',
            "oneOf": [rows, {"const": "not_applicable"}],
        }
    return _described(rows, section.en + " (a list of rows)")


def _form_schema(form: Form) -> dict[str, Any]:
    return _obj(
        {section.code: _section_schema(section) for section in form.sections},
        f"{form.en}: answers by section, then by field. Unanswered questions are findings, not schema errors.",
    )


# ------------------------------------------------------------------------------ sponsorship

REPRESENTATIVE = _obj(
    {
        "representative": _obj(
            {
                "role": {"enum": _values(RepresentativeRole)},
                "name": TEXT,
                "postal_address": TEXT,
                "telephone": TEXT,
                "fax": TEXT,
                "email": TEXT,
                "member_body": TEXT,
                "membership_number": TEXT,
                "declaration_signed_on": _described(
                    DATE,
                    "When a paid representative ticked their declaration (after the client's e-signature).",
                ),
            },
            "IMM 5476, Use of a Representative: present when this person uses a representative.",
        )
    }
)

SPONSOR_ANSWERS = _obj(
    {
        "IMM1344": _obj(
            {
                "sponsor": _obj(
                    {
                        "family_name": TEXT,
                        "given_names": TEXT,
                        "date_of_birth": _described(DATE, "Required (SP-20)."),
                        "status": _described(
                            {"enum": _values(eligibility.SponsorStatus)}, "Required (SP-20)."
                        ),
                        "residence": {"enum": _values(eligibility.Residence)},
                        "intends_to_live_in_canada": _described(
                            FLAG, "A citizen living abroad shows the intention to live in Canada (SP-21)."
                        ),
                        "resides_in_quebec": FLAG,
                        "social_assistance": {"enum": _values(eligibility.SocialAssistance)},
                        "intends_to_appeal_if_refused": FLAG,
                        "address": TEXT,
                        "citizenship": COUNTRY,
                        "marital_status": TEXT,
                    }
                ),
                "history": _obj(
                    {
                        "previous_partner_pr_dates": {"type": "array", "items": DATE},
                        "sponsored_as_partner_pr_date": DATE,
                        "unrepaid_sponsorship_default": FLAG,
                        "immigration_loan_in_default": FLAG,
                        "performance_bond_unpaid": FLAG,
                        "court_ordered_support_in_default": FLAG,
                        "undischarged_bankrupt": FLAG,
                        "subject_to_removal_order": FLAG,
                        "detained_in_prison": FLAG,
                        "pending_sponsorship_of_same_person": FLAG,
                        "citizenship_being_revoked": FLAG,
                        "residency_conditions_not_met": FLAG,
                        "security_certificate": FLAG,
                        "charged_offence_max_prison_years": {"type": "integer", "minimum": 0},
                        "convictions": {
                            "type": "array",
                            "items": _obj(
                                {
                                    "offence": {"enum": _values(eligibility.OffenceKind)},
                                    "victim": {"enum": _values(eligibility.VictimRelation)},
                                    "pardoned": FLAG,
                                }
                            ),
                        },
                    },
                    "The bars and suspensions of SP-30 to SP-45 (each false when absent).",
                ),
                "question_1": _obj(
                    {"choice": {"enum": _values(eligibility.Imm1344Choice)}},
                    "IMM 1344 section 1, question 1: withdraw or proceed if the requirements are not met (SP-48).",
                ),
            },
            "What the sponsor declares on IMM 1344.",
        ),
        "IMM5476": REPRESENTATIVE,
        "CRIMINALITY": _obj(
            {
                "convictions": {
                    "type": "array",
                    "items": _obj(
                        {
                            "record": _described(
                                {"enum": _values(criminality.OffenceRecord)},
                                "The row of Table 1 (or another record in Canada) the conviction or offence falls under.",
                            ),
                            "sentence_completed_on": _described(
                                DATE, "The day the (last) sentence was completed: a conviction's reference date."
                            ),
                            "committed_on": _described(
                                DATE, "The day the offence was committed, when there was no conviction (rows 2 and 3)."
                            ),
                            "later_offence": _described(FLAG, "Another offence or conviction since."),
                            "record_suspended": _described(FLAG, "A record suspension (pardon) was granted."),
                        }
                    )
                    | {"required": ["record"]},
                }
            },
            "The person's convictions and offences (1.6; SP-130 to SP-134, Table 1).",
        ),
    }
)

PERSONAL = _obj(
    {
        "family_name": TEXT,
        "given_names": TEXT,
        "date_of_birth": _described(DATE, "Required."),
        "sex": {"enum": ["F", "M", "X"]},
        "travel_document_shows_x": FLAG,
        "held_canadian_tr_document_with_different_sex": FLAG,
        "citizenship": COUNTRY,
        "address": TEXT,
        "immigration_status": TEXT,
        "marital_status": TEXT,
        "is_citizen_or_pr": _described(
            FLAG, "A Canadian citizen or permanent resident needs no police certificate."
        ),
        "biometrics_given_before": FLAG,
    }
)

DEPENDANT = _obj(
    {
        "accompanying": _described(FLAG, "Default true."),
        "why_not_accompanying": TEXT,
        "custody": {"enum": _values(evidence.Custody)},
        "has_spouse_or_common_law_partner": FLAG,
        "financially_dependent_since_before_22": FLAG,
        "unable_to_self_support_due_to_condition": FLAG,
        "full_time_accredited_post_secondary_student": FLAG,
        "no_longer_meets_requirements_before_pr": FLAG,
        "has_dependent_child": _described(
            FLAG, "This child has a dependent child (minimum necessary income, SP-23)."
        ),
        "travels_without_both_parents": _described(
            FLAG, "A child under 18 travels without both parents (IMM 5604)."
        ),
        "non_accompanying_parent_can_sign": _described(FLAG, "Default true."),
        "born_in_canada": FLAG,
        "sponsor_is_citizen_parent": FLAG,
        "has_proof_of_citizenship": FLAG,
        "proof_of_citizenship_pending": FLAG,
        "confirmed_not_citizen": FLAG,
    },
    "For a dependent child (and for the child principal applicant of a child sponsorship).",
)

APPLICATION = _obj(
    {
        "relationship": _described(
            {"enum": _values(SponsoredRelationship)},
            "Spouse sponsorship only, required: whom the sponsor sponsors (SP-02, SP-03).",
        ),
        "category": {"enum": _values(categories.Category)},
        "location": {"enum": _values(categories.PartnerLocation)},
        "stays_in_canada_during_processing": _described(FLAG, "Default true."),
        "has_valid_temporary_status": FLAG,
        "inadmissibilities": {"type": "array", "items": {"enum": _values(categories.Inadmissibility)}},
        "will_hold_valid_passport_when_pr_granted": FLAG,
        "pay_rprf_now": _described(
            FLAG, "Default true: the right of permanent residence fee is paid now (SP-200)."
        ),
        "alternative_format_needed": _described(
            FLAG, "A disability or other need for an alternative format (paper, braille, large print; EX-32)."
        ),
        "sent_to_specified_address": _described(
            FLAG, "A paper application went to the address IRCC specifies (s.11)."
        ),
    }
)

RELATIONSHIP = _obj(
    {
        "marriage": _obj(
            {
                "place": {"enum": _values(relationships.MarriagePlace)},
                "form": {"enum": _values(relationships.MarriageForm)},
                "valid_where_celebrated": FLAG,
                "recognized_in_canada": FLAG,
                "proof": {"enum": _values(evidence.MarriageProof)},
            }
        ),
        "cohabitation": {
            "type": "array",
            "items": _obj({"start": DATE, "end": _described(DATE, "Absent: still living together.")}),
        },
        "conjugal": _obj(
            {
                "since": DATE,
                "partner_lives_in_canada": FLAG,
                "prevented_from_living_together_or_marrying": FLAG,
                "mutual_interdependence": FLAG,
            }
        ),
        "communication_evidence_pages": {"type": "integer", "minimum": 0},
        "untranslated_pages": {"type": "integer", "minimum": 0},
    },
    "The relationship with the sponsor (spouse sponsorship).",
)

STAYS = _obj(
    {
        "stays": {
            "type": "array",
            "items": _obj(
                {"country": COUNTRY, "start": DATE, "end": _described(DATE, "Absent: still there.")}
            ),
        },
        "convictions": _described(
            {
                "type": "array",
                "items": _obj(
                    {
                        "offence": TEXT,
                        "country": _described(COUNTRY, "Where it was committed (CA: in Canada)."),
                        "committed_on": DATE,
                        "seriousness": _described(
                            {"enum": [option.value for option in imm5669.SERIOUSNESS]},
                            "How the offence would be prosecuted in Canada (Table 1 depends on it).",
                        ),
                        "convicted": FLAG,
                        "sentence": TEXT,
                        "sentence_completed_on": DATE,
                        "record_suspended": _described(FLAG, "In Canada: a record suspension (pardon) was granted."),
                    }
                ),
            },
            "The portal's questions (1.7): each offence with its dates and sentence, placed in Table 1 by the "
            "rules (SP-130 to SP-134); an empty list: none. Absent: the section is not answered yet.",
        ),
    },
    "Countries lived in (police certificates, SP-185); offences and convictions (1.7).",
)

SPONSORED_ANSWERS = _obj(
    {
        "IMM0008": _obj(
            {
                "application": APPLICATION,
                "personal": PERSONAL,
                "relationship": RELATIONSHIP,
                "dependant": DEPENDANT,
            },
            "IMM 0008 (the principal applicant's application section is read from the principal applicant only).",
        ),
        "IMM5669": _obj({"history": STAYS}, "IMM 5669, Schedule A: present once the form is completed."),
        "IMM5406": _described({"type": "object"}, "IMM 5406: present once the digital form is completed."),
        "IMM5562": _described({"type": "object"}, "IMM 5562: present once the digital form is completed."),
        "IMM5476": REPRESENTATIVE,
        "CRIMINALITY": _obj(
            {
                "convictions": {
                    "type": "array",
                    "items": _obj(
                        {
                            "record": _described(
                                {"enum": _values(criminality.OffenceRecord)},
                                "The row of Table 1 (or another record in Canada) the conviction or offence falls under.",
                            ),
                            "sentence_completed_on": _described(
                                DATE, "The day the (last) sentence was completed: a conviction's reference date."
                            ),
                            "committed_on": _described(
                                DATE, "The day the offence was committed, when there was no conviction (rows 2 and 3)."
                            ),
                            "later_offence": _described(FLAG, "Another offence or conviction since."),
                            "record_suspended": _described(FLAG, "A record suspension (pardon) was granted."),
                        }
                    )
                    | {"required": ["record"]},
                }
            },
            "The person's convictions and offences (1.6; SP-130 to SP-134, Table 1).",
        ),
    }
)

GUARDIAN_ANSWERS = _obj(
    {"IMM0008": _obj({"personal": _obj({"family_name": TEXT, "given_names": TEXT})})},
    "The parent or guardian who e-signs for a principal applicant under 18: their passport name.",
)


TRANSLATION = _obj(
    {
        "provided": _described(FLAG, "An English or French translation is attached."),
        "translator": _described(
            {"enum": _values(translations.TranslatorKind)},
            "Who translated: only a Canadian certified translator needs no affidavit.",
        ),
        "translator_relationship": _described(
            {"enum": _values(translations.Relationship)},
            "The translator's relationship to the applicant (none, or a family member: refused).",
        ),
        "affidavit": _obj(
            {
                "sworn_in": {"enum": _values(translations.Place)},
                "sworn_before": {"enum": _values(translations.Officiant)},
                "attests_language_proficiency": FLAG,
                "attests_accuracy": FLAG,
            },
            "The translator's affidavit, when one is attached.",
        ),
        "certified_copy_of_original": _described(
            FLAG, "Sponsorship: a certified true copy of the original is attached (SP-182)."
        ),
        "checklist_waives_certified_copy": _described(
            FLAG, "Sponsorship: the country checklist says no certified copy is needed."
        ),
    },
    "The translation of a document whose language is other (1.6; X-01, SP-182, SP-185).",
)

FILE = _obj(
    {
        "content_type": {"enum": ["image/jpeg", "image/png", "application/pdf"]},
        "size_bytes": {"type": "integer", "minimum": 0},
        "width_px": {"type": "integer", "minimum": 1},
        "height_px": {"type": "integer", "minimum": 1},
        "taken_on": _described(DATE, "A photo: the day it was taken."),
        "width_mm": _described(MM, "A sponsorship photo's print: its width in millimetres (SP-190)."),
        "height_mm": _described(MM, "Its height in millimetres."),
        "face_height_mm": _described(MM, "The face, chin to crown, in millimetres."),
        "back": _obj(
            {
                "name_and_date_of_birth": FLAG,
                "studio_name_and_full_address": FLAG,
                "date_taken": FLAG,
                "marking": {"enum": _values(photos.BackMarking)},
            },
            "What the back of a sponsorship photo shows (SP-190).",
        ),
        "professional_photographer": FLAG,
    },
    "The uploaded file's own facts (1.6): a PR card photo is checked against the portal's limits (PRC-62).",
) | {"required": ["content_type", "size_bytes"]}

PRINTS = _obj(
    {
        "count": _described({"type": "integer", "minimum": 0}, "How many photos the envelope holds."),
        "identical": _described(FLAG, "The photos are identical."),
        "taken_on": _described(DATE, "The day the photos were taken."),
        "in_small_envelope": _described(FLAG, "They came in a small envelope."),
        "name_on_envelope": _described(FLAG, "The applicant's name is written on the envelope."),
        "stapled_or_clipped": _described(FLAG, "They were stapled or held with a paper clip."),
    },
    "A PR card application's photos received on paper, as the envelope holds them (1.7; PRC-63).",
) | {"required": ["count", "identical", "taken_on", "in_small_envelope", "name_on_envelope"]}


def _person(roles: list[str], answers: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "role"],
        "properties": {"id": {"$ref": "#/$defs/id"}, "role": {"enum": roles}, "answers": answers},
    }


def _forms_program(definition) -> dict[str, Any]:
    """A program whose answers are its forms as data: for each role, the forms ``forms_for`` gives."""
    people = [
        _person([role], _obj({form.code: _form_schema(form) for form in definition.forms_for(role)}))
        for role in definition.roles
    ]
    return {
        "if": {"properties": {"program": {"const": definition.code}}},
        "then": {"properties": {"people": {"items": {"oneOf": people}}}},
    }


def schema() -> dict[str, Any]:
    sponsorship_people = {
        "type": "array",
        "minItems": 1,
        "items": {
            "oneOf": [
                _person(["sponsor"], SPONSOR_ANSWERS),
                _person(["principal_applicant", "dependent_child"], SPONSORED_ANSWERS),
                _person(["parent_or_guardian"], GUARDIAN_ANSWERS),
            ]
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:portique:case-schema:{SCHEMA_VERSION}",
        "title": f"Portique case, version {SCHEMA_VERSION}",
        "description": (
            "One application as the rules see it: its program, the date it is (or would be) made, its "
            "people and their answers, documents, payments and e-signatures. Read by `portique rules "
            "evaluate` (docs/rules.md). Versioned: a key removed or changed in meaning raises the major "
            "version; a key added raises the minor version."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": ["program", "application_date", "people"],
        "properties": {
            "schema_version": {
                "type": "string",
                "pattern": "^" + SCHEMA_VERSION.split(".")[0] + "\\.[0-9]+$",
            },
            "program": {"enum": list(registry.codes())},
            "application_date": _described(
                DATE,
                "The day the application is (or would be) made: every rule's as-of date (age, fees, cut-offs).",
            ),
            "channel": {"enum": ["online", "paper"]},
            "people": {"type": "array", "minItems": 1},
            "documents": {
                "type": "array",
                "items": _obj(
                    {
                        "code": _described(
                            {"type": "string", "pattern": "^[A-Z0-9_]+$"},
                            "A checklist item code (e.g. BIRTH_CERTIFICATE, POLICE_CERTIFICATE_NG, IMM1344).",
                        ),
                        "person": {"$ref": "#/$defs/id"},
                        "explanation_only": _described(
                            FLAG, "A letter explains why the item cannot be provided, instead of the item."
                        ),
                        "language": _described(
                            {"enum": ["en", "fr", "other"]},
                            "The document's language (1.6): other than English or French needs a translation (X-01).",
                        ),
                        "translation": TRANSLATION,
                        "file": FILE,
                        "prints": PRINTS,
                    }
                )
                | {"required": ["code"]},
            },
            "payments": {
                "type": "array",
                "items": _obj(
                    {
                        "amount": _described(
                            {"type": "string", "pattern": "^[0-9]+(\\.[0-9]{1,2})?$"}, 'CAD, e.g. "1205.00".'
                        ),
                        "method": {"enum": _values(fees.PaymentMethod)},
                        "payer_name": TEXT,
                        "receipt_uploaded": FLAG,
                    }
                )
                | {"required": ["amount"]},
            },
            "signatures": {
                "type": "array",
                "items": _obj(
                    {
                        "person": {"$ref": "#/$defs/id"},
                        "typed_name": TEXT,
                        "signed_on": DATE,
                    }
                )
                | {"required": ["person", "typed_name", "signed_on"]},
            },
            "representative_declared_on": _described(
                DATE,
                "The day the paid representative ticked their declaration, after the client's e-signature "
                "(representative portal, ACT-36, REP-12).",
            ),
            # What happened after the decision, for the programs whose decision lives on (an issued
            # eTA: its cancellation, a new one for the same passport…): each program's case_facts().
            "facts": _obj(
                {
                    form.code: _form_schema(form)
                    for definition in registry.programs()
                    for form in definition.case_facts()
                },
                "What happened after the decision (an issued eTA's record), by the program's facts form.",
            ),
        },
        # Each program's people: a sponsorship's are the keys its rules read (above); every other
        # program's are its forms as data, role by role, so a new program needs no line here.
        "allOf": [
            {
                "if": {
                    "properties": {"program": {"enum": [d.code for d in registry.programs() if d.sponsored]}}
                },
                "then": {"properties": {"people": sponsorship_people}},
            },
            *(_forms_program(definition) for definition in registry.programs() if not definition.sponsored),
        ],
        "$defs": {
            "date": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "country": {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2"},
            "id": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,40}$"},
        },
    }


def render() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
