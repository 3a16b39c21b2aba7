"""No module reaches into another's private helpers: what another module needs is public.

A name starting with an underscore is its module's own business. Every
``from <portique module> import _name`` and every ``<portique module>._name`` outside the
module that defines it is a helper that should be public (or live elsewhere).
"""

import ast
import pathlib

PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "portique"


def _module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(current: str, is_package: bool, module: str | None, level: int) -> str:
    if level == 0:
        return module or ""
    base = current.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def _is_portique_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _private_reaches() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        current = _module_name(path)
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(), filename=str(path))
        modules_by_alias: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                source = _resolve(current, is_package, node.module, node.level)
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        found.append(f"{current}: from {source} import {alias.name}")
                    candidate = f"{source}.{alias.name}"
                    if source.startswith("portique") and _is_portique_module(candidate):
                        modules_by_alias[alias.asname or alias.name] = candidate
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("portique") and alias.asname:
                        modules_by_alias[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in modules_by_alias
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and modules_by_alias[node.value.id] != current
            ):
                found.append(f"{current}: {modules_by_alias[node.value.id]}.{node.attr}")
    return sorted(set(found))


def test_no_module_uses_another_modules_private_helpers():
    assert _private_reaches() == []
