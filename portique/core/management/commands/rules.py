"""``portique rules evaluate CASE.json… [--lang fr] [--on YYYY-MM-DD]``: what the rules decide.

Reads one or more cases (``docs/case.schema.json``), asks ``portique.rules.evaluate`` and prints
JSON (one object for one case; a list, each with its ``case_file``, for several): the program, the as-of date, whether the case is complete, the fees and balance,
who gives biometrics, whether it must be made online, the eligibility findings, what is
missing under IRPR s.10, the personal checklist, and every reason with its citation.
It touches no database. Bad input prints one clear message per case in the chosen
language (every schema problem of a case at once) and exits with status 2; the other
cases of the same call are still evaluated and printed.

``portique rules scenarios [PATH…]`` runs the digest's acceptance scenarios
(``docs/scenarios/``; ``portique.rules.scenarios``), one line each, and exits 1 on any failure.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from portique.rules.case import SCHEMA_VERSION, Case, CaseFormatError, case_from_dict
from portique.rules.evaluate import Evaluation, evaluate
from portique.rules.programs import registry
from portique.rules.reasons import Reason, Severity

SCHEMA_PATH = Path(settings.BASE_DIR) / "docs" / "case.schema.json"
SCENARIOS_PATH = Path(settings.BASE_DIR) / "docs" / "scenarios"
BAD_INPUT = 2
# Keys of ``Evaluation.details`` printed under their own heading; the rest go to "details".
_HEADLINED = ("fees", "biometrics", "online", "eligibility", "checklist")


class BadInput(Exception):
    """The case cannot be evaluated; the message is already in the chosen language."""


class Command(BaseCommand):
    help = (
        "Ask the rules: rules evaluate CASE.json… [--lang en|fr] [--on YYYY-MM-DD]; "
        "rules scenarios [PATH…] runs the digest's acceptance scenarios."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="evaluate|scenarios")
        evaluate_parser = actions.add_parser(
            "evaluate", help="Print, as JSON, everything the rules decide about one or more cases."
        )
        evaluate_parser.add_argument(
            "cases", nargs="+", metavar="case", help="Path of a case, a JSON file (docs/case.schema.json)."
        )
        evaluate_parser.add_argument(
            "--lang", choices=("en", "fr"), default="en", help="Language of the messages (default en)."
        )
        evaluate_parser.add_argument(
            "--on",
            dest="as_of",
            metavar="YYYY-MM-DD",
            help="Evaluate the case as if the application were made on this date (default: its application_date).",
        )

        scenarios_parser = actions.add_parser(
            "scenarios", help="Run the acceptance scenarios (default: docs/scenarios/), one line each."
        )
        scenarios_parser.add_argument(
            "paths", nargs="*", metavar="path", help="Scenario files or folders (default: docs/scenarios/)."
        )

    def handle(self, *args, **options):
        if options["action"] == "scenarios":
            return self._scenarios(options["paths"])
        lang = options["lang"]
        outputs: list[dict[str, Any]] = []
        failed = False
        with translation.override(lang):
            try:
                as_of = _as_of(options["as_of"]) if options.get("as_of") else None
            except BadInput as error:
                self.stderr.write(str(error))
                sys.exit(BAD_INPUT)
            # One start-up for every case: each is read and evaluated on its own, and a bad
            # one does not stop the others.
            for path in options["cases"]:
                try:
                    case = _read_case(Path(path))
                    if as_of:
                        case = replace(case, application_date=as_of)
                    result = evaluate(case)
                except BadInput as error:
                    self.stderr.write(str(error))
                    failed = True
                    continue
                output = report(case, result, lang)
                if len(options["cases"]) > 1:
                    output = {"case_file": path, **output}
                outputs.append(output)
        if len(options["cases"]) == 1:
            if outputs:
                self.stdout.write(json.dumps(outputs[0], ensure_ascii=False, indent=2, default=_json_default))
        else:
            self.stdout.write(json.dumps(outputs, ensure_ascii=False, indent=2, default=_json_default))
        if failed:
            sys.exit(BAD_INPUT)

    def _scenarios(self, paths: list[str]) -> None:
        from portique.rules import scenarios

        root = Path(settings.BASE_DIR)
        hooks = scenarios.Hooks(
            schema_problems=schema_problems,
            report=lambda case, result: json.loads(
                json.dumps(report(case, result, "en"), ensure_ascii=False, default=_json_default)
            ),
            root=root,
        )
        # Scenarios are checked in English: their expectations name codes and amounts, not messages.
        with translation.override("en"):
            outcome = scenarios.run([Path(p) for p in paths] or [SCENARIOS_PATH], hooks, write=self.stdout.write)
        if outcome.failed:
            sys.exit(1)


def _as_of(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadInput(
            _("--on must be a date written YYYY-MM-DD, not “%(value)s”.") % {"value": raw}
        ) from None


def _read_case(path: Path) -> Case:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(_("Case file not found: %(path)s") % {"path": path}) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(
            _("The case file %(path)s cannot be read: %(error)s") % {"path": path, "error": error}
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(
            _("The case file %(path)s is not valid JSON (line %(line)s, column %(column)s).")
            % {"path": path, "line": error.lineno, "column": error.colno}
        ) from None
    problems = schema_problems(data)
    if problems:
        raise BadInput(
            _("The case in %(path)s does not follow the case schema (%(schema)s, version %(version)s):")
            % {"path": path, "schema": "docs/case.schema.json", "version": SCHEMA_VERSION}
            + "\n"
            + "\n".join(f"  - {problem}" for problem in problems)
        )
    try:
        case = case_from_dict(data)
        registry.program(case.program)
    except CaseFormatError as error:
        raise BadInput(_("The case cannot be read: %(error)s") % {"error": error}) from None
    except registry.UnknownProgram:
        raise BadInput(_("Unknown program “%(program)s”.") % {"program": data.get("program")}) from None
    return case


@cache
def _validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    # The programs are the registry's (the file lists them too, for readers; a test keeps both equal).
    schema["properties"]["program"] = {"enum": list(registry.codes())}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_problems(data: Any, limit: int | None = None) -> list[str]:
    """What in ``data`` breaks the case schema, each in the active language: every problem
    (a malformed case is corrected in one go), or the first ``limit``."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: (list(e.absolute_path), e.validator))
    problems: list[str] = []
    for error in errors:
        for problem in _describe(error):
            # A date such as "2026-2-3" breaks both the format and the pattern: say it once.
            if problem not in problems:
                problems.append(problem)
    return problems if limit is None else problems[:limit]


def _describe(error) -> list[str]:
    if error.validator in ("oneOf", "anyOf") and error.context:
        return _describe_alternatives(error)
    return [_describe_one(error)]


def _describe_one(error) -> str:
    where = "/".join(str(part) for part in error.absolute_path) or _("(the whole case)")
    kind, value = error.validator, error.validator_value
    if kind == "required":
        missing = [name for name in value if isinstance(error.instance, dict) and name not in error.instance]
        problem = _("missing field “%(name)s”") % {"name": ", ".join(missing)}
    elif kind == "additionalProperties" or kind == "unevaluatedProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        problem = _("unknown field “%(name)s”") % {"name": ", ".join(extra)}
    elif kind == "type":
        problem = _("expected %(type)s") % {"type": _TYPE_NAMES.get(str(value), str(value))()}
    elif kind in ("enum", "const"):
        values = value if kind == "enum" else [value]
        problem = _("expected one of: %(values)s") % {"values": ", ".join(json.dumps(v) for v in values)}
    elif kind == "format" and value == "date" or kind == "pattern" and _is_date_pattern(str(value)):
        if _looks_like_a_date(error.instance):
            # Written the right way but not in the calendar (2026-02-30): say so, not "write it YYYY-MM-DD".
            problem = _("this date does not exist (%(value)s)") % {"value": error.instance}
        else:
            problem = _("expected a date written YYYY-MM-DD")
    elif kind in ("minimum", "exclusiveMinimum"):
        problem = _("must be at least %(minimum)s") % {"minimum": value}
    elif kind == "minItems":
        problem = _("must list at least %(count)s item(s)") % {"count": value}
    else:
        problem = _("value not allowed (%(rule)s)") % {"rule": kind}
    return f"{where}: {problem}"


def _is_date_pattern(pattern: str) -> bool:
    return pattern in (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", r"^\d{4}-\d{2}-\d{2}$")


def _looks_like_a_date(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) is not None


def _describe_alternatives(error) -> list[str]:
    """None of the alternatives fits: explain with the alternative the value meant to be,
    every problem of that alternative at once.

    A person's ``role`` chooses the alternative; when no alternative accepts the role,
    the roles allowed are listed.
    """
    from jsonschema.exceptions import best_match

    branches: dict[int, list] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    chosen = [
        errors
        for errors in branches.values()
        if not any(e.validator == "enum" and list(e.relative_path) == ["role"] for e in errors)
    ]
    if len(chosen) == 1:
        described: list[str] = []
        for sub in sorted(chosen[0], key=lambda e: (list(e.absolute_path), e.validator)):
            described.extend(_describe(sub))
        return described
    roles = [
        value
        for errors in branches.values()
        for e in errors
        if e.validator == "enum" and list(e.relative_path) == ["role"]
        for value in e.validator_value
    ]
    if roles:
        where = "/".join(str(part) for part in error.absolute_path) + "/role"
        return [
            f"{where}: "
            + _("expected one of: %(values)s") % {"values": ", ".join(json.dumps(v) for v in dict.fromkeys(roles))}
        ]
    return _describe(best_match(error.context))


_TYPE_NAMES = {
    "object": lambda: _("an object {…}"),
    "array": lambda: _("a list […]"),
    "string": lambda: _("text"),
    "boolean": lambda: _("true or false"),
    "integer": lambda: _("a whole number"),
    "number": lambda: _("a number"),
}


def report(case: Case, result: Evaluation, lang: str) -> dict[str, Any]:
    """The JSON printed for one evaluation, messages in ``lang``."""
    program = registry.program(result.program)
    reasons = result.form_findings + result.findings
    details = result.details
    biometrics = details.get("biometrics") or {}
    return {
        "schema_version": SCHEMA_VERSION,
        "program": result.program,
        "program_name": program.fr if lang == "fr" else program.en,
        "as_of": case.application_date.isoformat(),
        "language": lang,
        "complete": result.complete,
        "fees": localized(details.get("fees"), lang),
        "biometrics": {
            "required": [person for person, entry in biometrics.items() if entry.get("required")],
            "people": biometrics,
        },
        "online": details.get("online"),
        "eligibility": localized(details.get("eligibility"), lang),
        "eligibility_findings": [
            r.as_dict(lang) for r in result.findings if r.severity is not Severity.INFO and not _under_s10(r)
        ],
        "missing_under_s10": [r.as_dict(lang) for r in reasons if _under_s10(r)],
        "checklist": localized(details.get("checklist"), lang),
        "reasons": [r.as_dict(lang) for r in reasons],
        "details": localized({k: v for k, v in details.items() if k not in _HEADLINED}, lang),
    }


def _under_s10(found: Reason) -> bool:
    """A blocking finding that IRPR s.10 makes a ground of return (it cites IRPR 10)."""
    return found.severity is Severity.BLOCKING and "IRPR 10" in found.citation


def localized(value: Any, lang: str) -> Any:
    """Keep one language: ``en``/``fr`` become ``text``, ``x_en``/``x_fr`` become ``x``."""
    if isinstance(value, list):
        return [localized(item, lang) for item in value]
    if isinstance(value, Reason):
        return value.as_dict(lang)
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key in ("en", "fr") and "en" in value and "fr" in value:
            if key == lang:
                out["text"] = item
        elif key.endswith(("_en", "_fr")) and f"{key[:-3]}_en" in value and f"{key[:-3]}_fr" in value:
            if key.endswith("_" + lang):
                out[key[:-3]] = item
        else:
            out[key] = localized(item, lang)
    return out


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"{type(value).__name__} is not JSON-ready")
