"""The quote stage's compiled modules: used only when built from these sources.

``make`` compiles the modules of :data:`MODULES` with mypyc
(``scripts/build_native.py``): each gets a C extension beside its ``.py``,
which Python imports in its place, and the quote stage gives the same output
in 20 to 35% less time. The build writes :data:`MANIFEST`: the Python it
was built for and, for each module, the SHA-256 of the source compiled.

The sources stay the truth. When a source no longer matches what was compiled
(edited, checked out, pulled), when the manifest or an extension is missing or
was built for another Python, or when ``REPORTEDLY_NATIVE=0``, the stage
imports the ``.py`` files instead: never a stale extension. With
``REPORTEDLY_NATIVE=require`` it refuses to run without the compiled modules
(the native pass of ``make test`` sets it).

:func:`install` decides once, before the quote stage is imported
(``reportedly.stages`` calls it); :func:`status` says what was decided and why.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from .errors import ConfigError

#: the modules compiled together, in one mypyc group (the package's
#: ``__init__`` stays Python: it is what imports them)
MODULES = tuple(
    f"reportedly.stages.quotes.{name}"
    for name in (
        "assemble",
        "cues",
        "features",
        "marks",
        "model",
        "rules",
        "sheet",
        "speakers",
    )
)
#: what the build compiled: ``{"python": cache tag, "library": the group's
#: shared library, "modules": {name: sha256}}``
MANIFEST = Path(__file__).with_name("native.json")
#: ``auto`` (the default), ``0`` (never) or ``require``
ENV = "REPORTEDLY_NATIVE"

#: the directory holding reportedly/
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class NativeStatus:
    """Whether the compiled modules are in use, and why (or why not)."""

    active: bool
    reason: str


def source_path(module: str, root: Path = _PACKAGE_ROOT) -> Path:
    """Where ``module``'s ``.py`` file is under ``root``."""
    return root.joinpath(*module.split(".")).with_suffix(".py")


def extension_paths(module: str, root: Path = _PACKAGE_ROOT) -> list[Path]:
    """The C extensions Python would import for ``module``, if any."""
    base = root.joinpath(*module.split("."))
    found = (
        base.with_name(base.name + suffix)
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
    )
    return [path for path in found if path.exists()]


def digest(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(
    manifest: Path = MANIFEST,
    modules: Sequence[str] = MODULES,
    root: Path = _PACKAGE_ROOT,
    environ: Mapping[str, str] = os.environ,
) -> NativeStatus:
    """Whether the compiled modules may be used: built, for this Python, from
    the sources as they are now, and not turned off."""
    if environ.get(ENV, "auto") == "0":
        return NativeStatus(False, f"turned off ({ENV}=0)")
    try:
        built = json.loads(manifest.read_text(encoding="utf-8"))
        python, digests = built["python"], built["modules"]
    except FileNotFoundError:
        return NativeStatus(False, "not built (run `make native`)")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return NativeStatus(False, f"unreadable build manifest {manifest}: {exc!r}")
    if not isinstance(digests, dict):
        return NativeStatus(False, f"unreadable build manifest {manifest}")
    if python != sys.implementation.cache_tag:
        return NativeStatus(
            False, f"built for {python}, running {sys.implementation.cache_tag}"
        )
    for module in modules:
        source = source_path(module, root)
        if not extension_paths(module, root):
            return NativeStatus(False, f"no compiled module for {module}")
        try:
            fresh = digests.get(module) == digest(source)
        except OSError as exc:
            return NativeStatus(False, f"cannot read {source}: {exc!r}")
        if not fresh:
            return NativeStatus(
                False,
                f"{source.name} changed since it was compiled (run `make native`)",
            )
    library = built.get("library")
    if library is not None:
        try:  # the group's shared library: loading it runs none of the modules
            importlib.import_module(str(library))
        except ImportError as exc:
            return NativeStatus(False, f"cannot load the compiled modules: {exc}")
    return NativeStatus(True, "compiled modules built from these sources")


class SourceFirst:
    """A finder that imports the ``.py`` file of each module it names, even
    where a compiled extension sits beside it."""

    def __init__(self, modules: Sequence[str], root: Path = _PACKAGE_ROOT) -> None:
        self.modules = frozenset(modules)
        self.root = root

    def find_spec(
        self, fullname: str, path: Any = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.modules:
            return None
        source = source_path(fullname, self.root)
        if not source.exists():
            return None  # let the usual finders say what is missing
        return importlib.util.spec_from_file_location(fullname, source)


_decided: NativeStatus | None = None


def install() -> NativeStatus:
    """Decide once whether the compiled modules are used; when they are not,
    make every import of :data:`MODULES` read its source.

    Raises :class:`~reportedly.errors.ConfigError` when ``REPORTEDLY_NATIVE``
    is ``require`` and they cannot be used, or when it holds another value.
    """
    global _decided
    if _decided is not None:
        return _decided
    wanted = os.environ.get(ENV, "auto")
    if wanted not in {"auto", "0", "require"}:
        raise ConfigError(
            f"{ENV}={wanted!r} is not a setting: use auto (the default), 0 "
            "(never use the compiled modules) or require."
        )
    decided = check()
    if not decided.active:
        if wanted == "require":
            raise ConfigError(
                f"{ENV}=require, but the compiled quote modules cannot be used: "
                f"{decided.reason}. Build them with `make native`, or unset {ENV}."
            )
        loaded = [m for m in MODULES if m in sys.modules]
        if not loaded:  # nothing of the stage imported yet: sources from now on
            sys.meta_path.insert(0, SourceFirst(MODULES))
    _decided = decided
    return decided


def status() -> NativeStatus:
    """What :func:`install` decided (deciding now if it has not yet)."""
    return install()


def compiled_in_use() -> dict[str, bool]:
    """For each module of :data:`MODULES` already imported, whether it is the
    compiled one."""
    out = {}
    for name in MODULES:
        module = sys.modules.get(name)
        if module is not None:
            out[name] = not str(getattr(module, "__file__", "")).endswith(".py")
    return out
