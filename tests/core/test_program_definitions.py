"""One definition per program: nothing outside ``portique/rules/programs/`` tests which program it is.

Code elsewhere asks the program's definition a question (``application.definition.sponsored``,
``…several_signers``, ``…delivery``); a comparison with a program's code would let a new program
fall silently into the path of an old one. These tests read the source, so a new comparison
fails here with the file and line, before it reaches a reviewer.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from portique.applications.choices import Program
from portique.rules.programs import registry

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "portique"
PROGRAMS_PACKAGE = PACKAGE / "rules" / "programs"
CODES = frozenset(registry.codes())


def _python_files():
    for path in sorted(PACKAGE.rglob("*.py")):
        if PROGRAMS_PACKAGE in path.parents or "migrations" in path.parts:
            continue
        yield path


def _is_program_code(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value in CODES


def _names_a_program(node: ast.AST) -> bool:
    """``Program.PR_CARD`` and the like: a program chosen by name."""
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Program"
        and node.attr.lower() in CODES
    )


def _reads_program(node: ast.AST) -> bool:
    """``application.program`` (or any ``….program`` / ``program`` name) on one side of a comparison."""
    return (isinstance(node, ast.Attribute) and node.attr == "program") or (
        isinstance(node, ast.Name) and node.id == "program"
    )


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_is_program_code(o) or _names_a_program(o) for o in operands):
                found.append(f"{where}: compares with a program's code")
            elif any(_reads_program(o) for o in operands) and not all(
                isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops
            ):
                # ``program in registry.codes()`` checks a value is a program; anything else tests which.
                others = [o for o in operands if not _reads_program(o)]
                membership = all(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops)
                if not all(_asks_the_registry(o) or (membership and _worked_out(o)) for o in others):
                    found.append(f"{where}: tests which program it is")
        elif isinstance(node, ast.Dict) and any(k is not None and _is_program_code(k) for k in node.keys):
            found.append(f"{where}: a table keyed by program code")
        elif _names_a_program(node):
            found.append(f"{where}: names a program")
        elif isinstance(node, ast.keyword) and node.arg in ("program__in", "program") and _literal(node.value):
            found.append(f"{where}: filters on a literal program")
    return found


def _asks_the_registry(node: ast.AST) -> bool:
    """A list of programs worked out from their definitions (or all of them): not a test of which."""
    if isinstance(node, (ast.SetComp, ast.ListComp, ast.GeneratorExp)):
        return True
    text = ast.unparse(node)
    return "registry." in text or text in ("Program.values", "CODES")


def _worked_out(node: ast.AST) -> bool:
    """Programs worked out at run time (``bulk_programs()``, a ``triaged`` set read from the switches):
    membership in them asks what an administrator switched on, not which program a file is."""
    return isinstance(node, ast.Call) or (isinstance(node, ast.Name) and not node.id.isupper())


def _literal(node: ast.AST) -> bool:
    """A program, or a set of programs, written into the code (``"pr_card"``, ``SPONSORSHIPS``)."""
    if isinstance(node, ast.Constant):
        return node.value in CODES
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return any(_literal(element) or _names_a_program(element) for element in node.elts)
    return isinstance(node, ast.Name) and node.id.isupper()


def test_no_python_outside_the_programs_package_tests_which_program_it_is():
    offences = [offence for path in _python_files() for offence in _offences(path)]
    assert offences == []


def test_no_template_tests_which_program_it_is():
    pattern = re.compile(r"\.program\s*(==|!=|\bin\b)|" + "|".join(re.escape(f'"{c}"') for c in CODES))
    offences = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(PACKAGE.rglob("*.html"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line)
    ]
    assert offences == []


def test_the_guard_catches_what_it_is_for(tmp_path):
    """The checks above fail on the comparisons this issue removed (so they cannot pass by being blind)."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "if application.program in SPONSORSHIPS:\n    pass\n"
        "if application.program == 'pr_card':\n    pass\n"
        "x = Program.CHILD_SPONSORSHIP\n"
        "y = {'pr_card': 1}\n"
        "Application.objects.filter(program__in=SPONSORSHIPS)\n"
        "ok = program in registry.codes()\n"
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        offences = _offences(sample)
    finally:
        ROOT = saved
    assert [o.split(": ", 1)[1] for o in offences] == [
        "tests which program it is",
        "compares with a program's code",
        "names a program",
        "a table keyed by program code",
        "filters on a literal program",
    ]


def test_the_django_choices_are_the_registry():
    assert tuple(Program.values) == registry.codes()


def test_the_case_schema_lists_every_program():
    schema = json.loads((ROOT / "docs" / "case.schema.json").read_text())
    assert tuple(schema["properties"]["program"]["enum"]) == registry.codes()


@pytest.mark.parametrize("definition", registry.programs(), ids=lambda d: d.code)
def test_every_program_answers_every_question(definition):
    """What the pages, services and officers ask of a program is there, in both languages."""
    assert definition.en and definition.fr and definition.number_prefix.isalpha()
    assert definition.starting_roles and definition.account_holder_role == definition.starting_roles[0]
    for role in definition.roles:
        assert definition.forms_for(role), f"{definition.code}: no form for {role}"
        declaration = definition.declaration_for(role)
        assert declaration.en and declaration.fr and declaration.version
    prefixes = [d.number_prefix for d in registry.programs()]
    assert len(set(prefixes)) == len(prefixes)
