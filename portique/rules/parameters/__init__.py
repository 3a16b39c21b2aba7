"""Dated parameters: every number the regulations may change, with its source.

Each YAML file in this folder holds parameters named ``<file stem>.<key>``. A
parameter has a description, a unit, the reference it comes from, and ``values``
keyed by the date from which each value applies (the GOV.UK Notify / OpenFisca
habit: look a value up "for a date", never "now")::

    pr_card:
      description: PR card processing fee
      unit: CAD
      reference: IMM 5445 — Step 3, Fees
      values:
        2012-01-01: 50

A value of ``null`` ends a parameter (e.g. a waiver that no longer applies).
Amounts in ``CAD`` are returned as ``Decimal``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PARAMETERS_DIR = Path(__file__).parent


class ParameterNotInForce(LookupError):
    """No value of the parameter applies on the date asked for."""


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    description: str
    unit: str
    reference: str
    starts: tuple[date, ...]
    values: tuple[Any, ...]

    def at(self, on: date) -> Any:
        index = bisect.bisect_right(self.starts, on) - 1
        if index < 0 or self.values[index] is None:
            raise ParameterNotInForce(f"{self.name} has no value on {on.isoformat()}")
        return self.values[index]

    def in_force(self, on: date) -> bool:
        index = bisect.bisect_right(self.starts, on) - 1
        return index >= 0 and self.values[index] is not None


def _convert(value: Any, unit: str) -> Any:
    if value is None:
        return None
    if unit == "CAD":
        return Decimal(str(value))
    return value


def _load_file(path: Path) -> dict[str, Parameter]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    loaded = {}
    for key, spec in data.items():
        name = f"{path.stem}.{key}"
        missing = {"description", "unit", "reference", "values"} - set(spec)
        if missing:
            raise ValueError(f"parameter {name} lacks {sorted(missing)}")
        dated = sorted(spec["values"].items())
        for start, _ in dated:
            if not isinstance(start, date):
                raise ValueError(f"parameter {name}: {start!r} is not a date")
        loaded[name] = Parameter(
            name=name,
            description=spec["description"],
            unit=spec["unit"],
            reference=spec["reference"],
            starts=tuple(start for start, _ in dated),
            values=tuple(_convert(value, spec["unit"]) for _, value in dated),
        )
    return loaded


@cache
def all_parameters() -> dict[str, Parameter]:
    parameters: dict[str, Parameter] = {}
    for path in sorted(PARAMETERS_DIR.glob("*.yaml")):
        parameters.update(_load_file(path))
    return parameters


def parameter(name: str) -> Parameter:
    try:
        return all_parameters()[name]
    except KeyError:
        raise KeyError(f"unknown parameter {name!r}") from None


def value(name: str, on: date) -> Any:
    """The value of parameter ``name`` in force on ``on``."""
    return parameter(name).at(on)
