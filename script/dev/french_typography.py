"""Put French typography into the French words of the form definitions, in their source.

    PYTHONPATH=$PWD .venv/bin/python script/dev/french_typography.py [--check] [files…]

Reads portique/rules/programs/*.py and portique/rules/forms/*.py (or the files named), finds the
French strings of the forms — the French argument of ``Field``, ``Section``, ``Page``, ``Option``,
``Form``, ``RowName`` and of the programs' own helpers (``flag``, ``_yes_no``…), by position or by
name (``fr``, ``help_fr``, ``why_fr``, ``intro_fr``…), the French of ``options({value: (en, fr)})``
and the constants named ``…_FR`` — and rewrites only those string literals:

- a straight apostrophe between letters becomes ’;
- a no-break space (U+00A0) before « : ; ? ! » (``typography.french``);
- « guillemets » with a no-break space inside.

English strings are never touched. ``--check`` lists what would change and exits 1 if anything would.
tests/rules/test_french_typography.py asserts the result.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import io
import re
import sys
import tokenize
from pathlib import Path

from portique.rules.forms import model
from portique.rules.typography import NBSP, french

ROOT = Path(__file__).resolve().parents[2]
MODEL_CLASSES = (model.Field, model.Section, model.Page, model.Option, model.Form, model.RowName)
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_CLOSING = re.compile(r"[ \u00a0\u202f]*»")


def typeset(text: str) -> str:
    """``text`` (French) with French typography."""
    text = _APOSTROPHE.sub("’", text)
    text = _OPENING.sub("«" + NBSP, text)
    text = _CLOSING.sub(NBSP + "»", text)
    return french(text)


def _is_french_name(name: str) -> bool:
    return name == "fr" or name.endswith("_fr") or name.endswith("_FR")


def _callable_of(node: ast.expr, namespace: dict):
    if isinstance(node, ast.Name):
        return namespace.get(node.id)
    if isinstance(node, ast.Attribute):
        owner = _callable_of(node.value, namespace)
        return getattr(owner, node.attr, None) if owner is not None else None
    return None


def _is_form_callable(thing) -> bool:
    if thing in MODEL_CLASSES:
        return True
    # The programs' own helpers that build fields or sections (flag, _yes_no, _parent…).
    module = getattr(thing, "__module__", "") or ""
    return inspect.isfunction(thing) and module.startswith(("portique.rules.programs", "portique.rules.forms"))


def _positional_names(thing) -> list[str]:
    try:
        parameters = inspect.signature(thing).parameters.values()
    except (TypeError, ValueError):
        return []
    return [p.name for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


def french_nodes(tree: ast.AST, namespace: dict) -> list[ast.expr]:
    """The expressions of ``tree`` that hold French words of the forms."""
    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            thing = _callable_of(node.func, namespace)
            if thing is None or not _is_form_callable(thing):
                continue
            names = _positional_names(thing)
            for index, argument in enumerate(node.args):
                if index < len(names) and _is_french_name(names[index]):
                    found.append(argument)
            found.extend(k.value for k in node.keywords if k.arg and _is_french_name(k.arg))
            if getattr(thing, "__name__", "") == "options":
                # options({value: (en, fr)})
                for argument in node.args:
                    if isinstance(argument, ast.Dict):
                        found.extend(
                            pair.elts[1] for pair in argument.values if isinstance(pair, ast.Tuple) and len(pair.elts) == 2
                        )
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and _is_french_name(t.id) for t in targets) and node.value is not None:
                found.append(node.value)
    return found


def _spans(nodes: list[ast.expr]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The source spans of the string constants among ``nodes`` (inside parentheses and ``+`` too)."""
    spans = []
    for node in nodes:
        for part in ast.walk(node):
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                spans.append(((part.lineno, part.col_offset), (part.end_lineno, part.end_col_offset)))
    return spans


def _literal(value: str) -> str:
    body = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{body}"'


def rewrite(path: Path) -> tuple[str, list[str]]:
    """The file's source with its French strings typeset, and what changed (for the report)."""
    source = path.read_text(encoding="utf-8")
    relative = path.resolve().relative_to(ROOT).with_suffix("")
    module = importlib.import_module(".".join(relative.parts))
    spans = _spans(french_nodes(ast.parse(source), vars(module)))
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    lines = source.splitlines(keepends=True)
    edits, report = [], []
    for token in tokens:
        if token.type != tokenize.STRING:
            continue
        if not any(start <= token.start and token.end <= end for start, end in spans):
            continue
        prefix = token.string[: len(token.string) - len(token.string.lstrip("rRuUbBfF"))]
        if set(prefix.lower()) & set("rbf") or token.string.lstrip("rRuU").startswith(('"""', "'''")):
            report.append(f"{path}:{token.start[0]}: skipped (raw, bytes, f-string or triple-quoted)")
            continue
        value = ast.literal_eval(token.string)
        typeset_value = typeset(value)
        if typeset_value != value:
            edits.append((token.start, token.end, _literal(typeset_value)))
            report.append(f"{path}:{token.start[0]}: {value!r} → {typeset_value!r}")
    # Applied from the end so that earlier positions stay valid.
    for (start_line, start_col), (end_line, end_col), text in reversed(edits):
        first, last = lines[start_line - 1], lines[end_line - 1]
        lines[start_line - 1 : end_line] = [first[:start_col] + text + last[end_col:]]
    return "".join(lines), report


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("files", nargs="*", type=Path)
    arguments = parser.parse_args(argv)
    files = arguments.files or sorted(
        [*(ROOT / "portique/rules/programs").glob("*.py"), *(ROOT / "portique/rules/forms").glob("*.py")]
    )
    changed = False
    for path in files:
        new, report = rewrite(path)
        for line in report:
            print(line)
        if new != path.read_text(encoding="utf-8"):
            changed = True
            if not arguments.check:
                path.write_text(new, encoding="utf-8")
    return 1 if changed and arguments.check else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
