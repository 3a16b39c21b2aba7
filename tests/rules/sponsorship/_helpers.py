"""Assertions shared by the sponsorship rule tests."""

from __future__ import annotations

import re

from portique.rules.reasons import Reason, Severity

CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")
RULE = re.compile(r"^(SP|X|IRPR)-[0-9]+(-[0-9]+)?(, (SP|X|IRPR)-[0-9]+(-[0-9]+)?)*$")


def codes(result) -> list[str]:
    return [r.code for r in result.reasons]


def severities(result) -> dict[str, Severity]:
    return {r.code: r.severity for r in result.reasons}


def well_formed(reasons: tuple[Reason, ...]) -> None:
    """Every reason has a stable code, a digest rule id, a citation and two filled-in messages."""
    assert reasons, "a result must always say why"
    for r in reasons:
        assert CODE.match(r.code), r.code
        assert RULE.match(r.rule), (r.code, r.rule)
        assert r.citation.strip(), r.code
        for message in (r.en, r.fr):
            assert message.strip(), r.code
            assert "{" not in message and "}" not in message, (r.code, message)
        assert r.en != r.fr, r.code
