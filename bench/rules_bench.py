"""How many complete rule evaluations one core makes per second, on a realistic case mix.

    .venv/bin/python bench/rules_bench.py [--cases 3000] [--seconds 10] [--seed 1]

Builds a mix of distinct cases once (PR card renewals, first cards, replacements,
urgent requests, residency with absences, spouse and child sponsorships), then calls
``portique.rules.evaluate.evaluate(case)`` on them round after round, pinned to one
core. Every evaluation is a complete one: fees, biometrics, completeness (checklist and
IRPR s.10) and eligibility. Prints evaluations per second overall and per program, and
the mean microseconds per evaluation. Target (issue 3): at least 20,000 per second.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from portique.rules.case import Case, case_from_dict  # noqa: E402
from portique.rules.evaluate import evaluate  # noqa: E402

EXAMPLES = ROOT / "docs" / "examples"
TARGET = 20_000

# Share of each kind of case in the mix: mostly PR cards, as the portal's volume is.
MIX = (
    ("pr_card_renewal", 40),
    ("pr_card_first_card", 8),
    ("pr_card_replacement", 8),
    ("pr_card_urgent", 5),
    ("pr_card_absences", 14),
    ("spouse_sponsorship", 18),
    ("child_sponsorship", 7),
)


def _example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def _iso(day: date) -> str:
    return day.isoformat()


def _pr_card(rng: random.Random, kind: str) -> dict:
    data = _example("pr-card-renewal-complete")
    on = date(2025, 1, 6) + timedelta(days=rng.randrange(700))
    data["application_date"] = _iso(on)
    form = data["people"][0]["answers"]["IMM5444"]
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 55))
    became_pr = max(born + timedelta(days=365 * 18), on - timedelta(days=rng.randrange(400, 365 * 12)))
    form["personal"].update(date_of_birth=_iso(born), date_became_pr=_iso(became_pr))
    application = form["application"]
    application["current_card_expiry"] = _iso(on + timedelta(days=rng.randrange(-400, 260)))
    for period in form["addresses"] + form["activities"]:
        period.update(start=_iso(on - timedelta(days=365 * 5)), end=_iso(on))
    if kind == "pr_card_first_card":
        form["application"] = {"purpose": "first_card", "indigenous_name": "no", "urgent": "no"}
        data["documents"] = [d for d in data["documents"] if d["code"] != "CURRENT_PR_CARD_COPY"]
    elif kind == "pr_card_replacement":
        application.update(
            purpose=rng.choice(["replacement_lost", "replacement_stolen"]), police_report="yes"
        )
        data["documents"].append({"code": "POLICE_REPORT", "person": "alex"})
    elif kind == "pr_card_urgent":
        application.update(
            urgent="yes",
            departure_date=_iso(on + timedelta(days=rng.randrange(10, 80))),
            urgent_reason=rng.choice(["own_illness", "family_illness_or_death", "work", "crisis"]),
        )
    elif kind == "pr_card_absences":
        absences, start = [], on - timedelta(days=rng.randrange(1500, 1800))
        for _ in range(rng.randrange(1, 7)):
            leave = start + timedelta(days=rng.randrange(20, 200))
            back = leave + timedelta(days=rng.randrange(5, 300))
            if back >= on:
                break
            absences.append({"start": _iso(leave), "end": _iso(back), "destination": "FR", "reason": "none"})
            start = back + timedelta(days=1)
        form["absences"] = absences or "not_applicable"
    if rng.random() < 0.1:  # some drafts: a document not yet uploaded
        data["documents"] = data["documents"][1:]
    return data


def _spouse(rng: random.Random) -> dict:
    data = _example("spouse-sponsorship-with-child")
    on = date(2025, 1, 6) + timedelta(days=rng.randrange(700))
    data["application_date"] = _iso(on)
    people = {p["id"]: p for p in data["people"]}
    sponsor = people["sponsor"]["answers"]["IMM1344"]["sponsor"]
    sponsor["date_of_birth"] = _iso(on - timedelta(days=rng.randrange(365 * 19, 365 * 60)))
    sponsor["status"] = rng.choice(["canadian_citizen", "permanent_resident"])
    pa = people["pa"]["answers"]["IMM0008"]
    pa["personal"]["date_of_birth"] = _iso(on - timedelta(days=rng.randrange(365 * 19, 365 * 55)))
    pa["application"]["relationship"] = rng.choice(["spouse", "spouse", "common_law_partner"])
    if pa["application"]["relationship"] == "common_law_partner":
        pa["relationship"] = {
            "cohabitation": [{"start": _iso(on - timedelta(days=rng.randrange(300, 2000)))}]
        }
        data["documents"] = [d for d in data["documents"] if d["code"] != "MARRIAGE_CERTIFICATE"]
        data["documents"].append({"code": "COMMON_LAW_EVIDENCE", "person": "pa"})
    child = people["child"]["answers"]["IMM0008"]["personal"]
    child["date_of_birth"] = _iso(on - timedelta(days=rng.randrange(365, 365 * 21)))
    if rng.random() < 0.4:  # no dependent child
        data["people"] = [p for p in data["people"] if p["id"] != "child"]
        data["documents"] = [d for d in data["documents"] if d.get("person") != "child"]
    if rng.random() < 0.1:  # a bar: the IMM 1344 question 1 choice is asked
        people["sponsor"]["answers"]["IMM1344"]["history"] = {"undischarged_bankrupt": True}
    data["payments"][0]["amount"] = rng.choice(["1290.00", "1465.00", "1555.00", "1725.00", "715.00"])
    return data


def _child(rng: random.Random) -> dict:
    data = _example("child-sponsorship")
    on = date(2025, 1, 6) + timedelta(days=rng.randrange(700))
    data["application_date"] = _iso(on)
    child = data["people"][1]["answers"]["IMM0008"]["personal"]
    child["date_of_birth"] = _iso(on - timedelta(days=rng.randrange(365, 365 * 21)))
    data["payments"][0]["amount"] = rng.choice(["170.00", "255.00"])
    return data


def build_cases(count: int, seed: int) -> list[tuple[str, Case]]:
    rng = random.Random(seed)
    kinds = [kind for kind, weight in MIX for _ in range(weight)]
    cases = []
    for _ in range(count):
        kind = rng.choice(kinds)
        if kind.startswith("pr_card"):
            data = _pr_card(rng, kind)
        elif kind == "spouse_sponsorship":
            data = _spouse(rng)
        else:
            data = _child(rng)
        cases.append((kind, case_from_dict(copy.deepcopy(data))))
    return cases


def _is_complete_evaluation(result) -> bool:
    details = result.details
    return all(key in details for key in ("fees", "biometrics", "checklist", "eligibility"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=3000, help="distinct cases in the mix (default 3000)")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to measure (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    # A fixed number of rounds instead of --seconds, for counting instructions under valgrind:
    # a run of N rounds minus a run of one, divided by the evaluations between them.
    parser.add_argument("--rounds", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})  # one core
    cases = build_cases(args.cases, args.seed)
    # One warm-up round (loads the parameter files, fills the bounded caches) and a check
    # that each case is evaluated in full.
    incomplete = [kind for kind, case in cases if not _is_complete_evaluation(evaluate(case))]
    if incomplete:
        raise SystemExit(f"{len(incomplete)} cases were not evaluated in full: {Counter(incomplete)}")

    elapsed: dict[str, float] = defaultdict(float)
    counts: Counter[str] = Counter()
    clock = time.perf_counter
    deadline = clock() + args.seconds
    rounds = 0
    while rounds < args.rounds if args.rounds is not None else clock() < deadline:
        rounds += 1
        for kind, case in cases:
            started = clock()
            evaluate(case)
            elapsed[kind] += clock() - started
            counts[kind] += 1

    total = sum(counts.values())
    seconds = sum(elapsed.values())
    rate = total / seconds
    print(f"rules benchmark: {args.cases} distinct cases, {total:,} evaluations on one core")
    print(f"{'case kind':<22}{'share':>7}{'evals/s':>12}{'µs/eval':>10}")
    for kind, _ in MIX:
        if counts[kind]:
            print(
                f"{kind:<22}{counts[kind] / total:>7.0%}{counts[kind] / elapsed[kind]:>12,.0f}"
                f"{elapsed[kind] / counts[kind] * 1e6:>10.1f}"
            )
    print(f"{'overall':<22}{'100%':>7}{rate:>12,.0f}{seconds / total * 1e6:>10.1f}")
    print(f"target: {TARGET:,} evaluations/s per core — {'met' if rate >= TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
