"""The compiled quote stage is used only when built from the sources as they are."""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import os
import re
import sys
from pathlib import Path

import pytest

from reportedly import native
from reportedly.errors import ConfigError

MODULES = ("pkg.one", "pkg.two")
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _build(root: Path, *, python: str | None = None) -> Path:
    """A fake package of two modules 'compiled' (an extension file beside
    each source) with its manifest; returns the manifest's path."""
    package = root / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in ("one", "two"):
        (package / f"{name}.py").write_text(f"NAME = {name!r}\n")
        (package / f"{name}{SUFFIX}").write_bytes(b"not a shared object")
    manifest = root / "native.json"
    manifest.write_text(
        json.dumps(
            {
                "python": python or sys.implementation.cache_tag,
                "modules": {
                    m: native.digest(native.source_path(m, root)) for m in MODULES
                },
            }
        )
    )
    return manifest


def _check(root: Path, manifest: Path, **environ: str) -> native.NativeStatus:
    return native.check(manifest, MODULES, root, environ)


def test_native_used_when_built_from_these_sources(tmp_path: Path) -> None:
    status = _check(tmp_path, _build(tmp_path))
    assert status.active, status.reason


def test_native_not_used_after_a_source_changes(tmp_path: Path) -> None:
    manifest = _build(tmp_path)
    (tmp_path / "pkg" / "two.py").write_text("NAME = 'edited'\n")
    status = _check(tmp_path, manifest)
    assert not status.active
    assert "two.py changed since it was compiled" in status.reason


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (lambda root, m: m.unlink(), "not built"),
        (lambda root, m: m.write_text("{"), "unreadable build manifest"),
        (
            lambda root, m: m.write_text('{"python": "x", "modules": []}'),
            "unreadable build manifest",
        ),
        (
            lambda root, m: (root / "pkg" / f"one{SUFFIX}").unlink(),
            "no compiled module",
        ),
    ],
    ids=["no manifest", "broken manifest", "digests not a table", "extension missing"],
)
def test_native_not_used_without_a_whole_build(
    tmp_path: Path, spoil, reason: str
) -> None:
    manifest = _build(tmp_path)
    spoil(tmp_path, manifest)
    status = _check(tmp_path, manifest)
    assert not status.active
    assert reason in status.reason


def test_native_not_used_when_its_library_does_not_load(tmp_path: Path) -> None:
    manifest = _build(tmp_path)
    built = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**built, "library": "no_such_library__mypyc"}))
    status = _check(tmp_path, manifest)
    assert not status.active
    assert "cannot load the compiled modules" in status.reason


def test_native_not_used_when_built_for_another_python(tmp_path: Path) -> None:
    status = _check(tmp_path, _build(tmp_path, python="cpython-27"))
    assert not status.active
    assert "built for cpython-27" in status.reason


def test_native_turned_off_by_the_environment(tmp_path: Path) -> None:
    status = _check(tmp_path, _build(tmp_path), REPORTEDLY_NATIVE="0")
    assert not status.active
    assert "REPORTEDLY_NATIVE=0" in status.reason


def test_source_first_imports_the_source_beside_an_extension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("pkg", *MODULES):
        monkeypatch.delitem(sys.modules, name, raising=False)
    with pytest.raises(ImportError):  # the usual finder takes the "extension"
        importlib.import_module("pkg.one")
    monkeypatch.setattr(
        sys, "meta_path", [native.SourceFirst(MODULES, tmp_path), *sys.meta_path]
    )
    monkeypatch.delitem(sys.modules, "pkg.one", raising=False)
    assert importlib.import_module("pkg.one").NAME == "one"
    assert importlib.import_module("pkg.two").__file__ == str(
        tmp_path / "pkg" / "two.py"
    )


@pytest.mark.parametrize("value", ["1", "yes", "REQUIRE"])
def test_native_setting_must_be_known(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setattr(native, "_decided", None)
    monkeypatch.setenv(native.ENV, value)
    with pytest.raises(ConfigError, match=r"auto .*0 .*require"):
        native.install()


def test_native_required_but_unusable_says_what_to_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(native, "_decided", None)
    monkeypatch.setenv(native.ENV, "require")
    monkeypatch.setattr(
        native, "check", lambda: native.NativeStatus(False, "not built")
    )
    with pytest.raises(
        ConfigError, match=re.escape("not built. Build them with `make native`")
    ):
        native.install()


def test_the_quote_stage_runs_what_was_decided() -> None:
    """Every compiled module is in use exactly when the build is usable; the
    native pass of `make test` (REPORTEDLY_NATIVE=require) runs compiled."""
    import reportedly.stages.quotes  # noqa: F401  (imports every module)

    status = native.status()
    in_use = native.compiled_in_use()
    assert set(in_use) == set(native.MODULES)
    assert set(in_use.values()) == {status.active}, status.reason
    if os.environ.get(native.ENV) == "require":
        assert status.active
