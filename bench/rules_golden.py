"""Proof that a change to the rules leaves every evaluation as it was.

    .venv/bin/python bench/rules_golden.py --write /tmp/rules-golden.json [--cases 3000] [--seed 1]
    .venv/bin/python bench/rules_golden.py --compare /tmp/rules-golden.json

Builds the same cases as ``bench/rules_bench.py`` (same builder, same seed), evaluates each
one and writes a canonical serialisation of every ``Evaluation``: the program, every form
finding and finding with all of its fields (code, severity, subject, rule, citation, the
English and French messages), and the details. Types are kept in the serialisation (a tuple
is not a list, a Decimal is not a string, an enum member names its class), so a change of
type shows as well as a change of value. ``--compare`` recomputes and prints each case whose
serialisation differs from the recorded one; it exits 1 when any does.

Record the file from the unchanged code first (keep it out of git), then compare after each
change meant to be invisible, such as an optimisation.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rules_bench import build_cases  # noqa: E402

from portique.rules.evaluate import evaluate  # noqa: E402


def canonical(value):
    """``value`` as JSON-ready data that names every type JSON itself would blur."""
    if value is None or isinstance(value, bool | int | float | str) and not isinstance(value, Enum):
        return value
    if isinstance(value, Enum):
        return {"enum": f"{type(value).__module__}.{type(value).__qualname__}", "value": canonical(value.value)}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "dataclass": f"{type(value).__module__}.{type(value).__qualname__}",
            "fields": {f.name: canonical(getattr(value, f.name)) for f in dataclasses.fields(value)},
        }
    if isinstance(value, dict):
        # Keys may be other than strings (enums, dates): keep their canonical form beside the value.
        items = [[canonical(k), canonical(v)] for k, v in value.items()]
        return {"dict": sorted(items, key=lambda kv: json.dumps(kv[0], sort_keys=True))}
    if isinstance(value, tuple):
        return {"tuple": [canonical(v) for v in value]}
    if isinstance(value, list):
        return {"list": [canonical(v) for v in value]}
    if isinstance(value, frozenset | set):
        items = [canonical(v) for v in value]
        return {type(value).__name__: sorted(items, key=lambda v: json.dumps(v, sort_keys=True))}
    raise TypeError(f"no canonical form for {type(value)!r}: {value!r}")


def serialise(cases) -> list[str]:
    """One line of sorted JSON per case, in the bench's order."""
    lines = []
    for index, (kind, case) in enumerate(cases):
        result = evaluate(case)
        record = {"index": index, "kind": kind, "evaluation": canonical(result)}
        lines.append(json.dumps(record, sort_keys=True, ensure_ascii=False))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", metavar="FILE", help="record the evaluations of the current code")
    mode.add_argument("--compare", metavar="FILE", help="recompute and report every difference")
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--rounds", type=int, default=2,
        help="--compare: evaluate every case this many times over (default 2), as the bench does, "
        "so that whatever a first evaluation leaves in a cache must give the same results again",
    )
    args = parser.parse_args()

    cases = build_cases(args.cases, args.seed)
    lines = serialise(cases)
    if args.write:
        Path(args.write).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} evaluations to {args.write}")
        return

    recorded = Path(args.compare).read_text(encoding="utf-8").splitlines()
    if len(recorded) != len(lines):
        raise SystemExit(f"{len(recorded)} evaluations recorded, {len(lines)} computed: not the same cases")
    for _ in range(args.rounds - 1):
        lines += serialise(cases)
    differing = [
        (old, new) for old, new in zip(recorded * args.rounds, lines, strict=True) if old != new
    ]
    for old, new in differing[:5]:
        print("recorded:", old[:2000])
        print("computed:", new[:2000])
        print()
    print(
        f"{len(lines) - len(differing)} identical, {len(differing)} different "
        f"({len(recorded)} cases, {args.rounds} rounds)"
    )
    if differing:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
