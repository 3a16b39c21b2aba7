"""The GC Design System CSS served by the portal is the npm packages' own, at package.json's versions.

script/dev/vendor-gcds copies the built files so the portal runs without Node; this test
catches a copy edited by hand, or a version bumped in package.json without re-vendoring.
"""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "portique" / "core" / "static" / "core" / "vendor" / "gcds"
NODE_MODULES = ROOT / "node_modules"

# (package, the file in the package, its committed copy under VENDOR)
VENDORED = [
    ("@cdssnc/gcds-tokens", "build/web/css/tokens.css", "gcds-tokens/tokens.css"),
    ("@cdssnc/gcds-tokens", "LICENSE", "gcds-tokens/LICENSE"),
]
PACKAGES = sorted({package for package, _, _ in VENDORED})


def _pinned(package: str) -> str:
    return json.loads((ROOT / "package.json").read_text())["devDependencies"][package]


def _installed(package: str) -> Path:
    folder = NODE_MODULES / package
    if not (folder / "package.json").is_file():
        pytest.skip(f"{package} is not in node_modules: run `npm ci` to compare the vendored copy with it")
    return folder


@pytest.mark.parametrize("package", PACKAGES)
def test_the_packages_are_pinned_to_one_exact_version_named_in_the_readme(package):
    version = _pinned(package)
    assert version[0].isdigit() and all(part.isdigit() for part in version.split(".")), version
    assert f"`{package}` {version}" in (VENDOR / "README.md").read_text()


@pytest.mark.parametrize("package", PACKAGES)
def test_node_modules_holds_the_pinned_version(package):
    installed = json.loads((_installed(package) / "package.json").read_text())["version"]
    assert installed == _pinned(package), f"run npm ci: node_modules has {package} {installed}"


@pytest.mark.parametrize(("package", "source", "copy"), VENDORED, ids=[copy for _, _, copy in VENDORED])
def test_the_committed_copy_is_the_packages_file(package, source, copy):
    original = _installed(package) / source
    assert (VENDOR / copy).read_bytes() == original.read_bytes(), (
        f"run script/dev/vendor-gcds to refresh {copy}"
    )
