"""Compile the quote stage's modules with mypyc, beside their sources.

Usage:
    python scripts/build_native.py [--clean]

``make`` runs it (target ``native``). It compiles the modules of
``reportedly.native.MODULES`` into one mypyc group, writes each C extension
next to its ``.py`` in ``src/`` (the editable install imports them from
there), then writes ``src/reportedly/native.json``: the Python it built for
and the SHA-256 of each source. ``reportedly.native`` uses the extensions only
while those digests match the sources; after any edit the sources are imported
again until the next build.

When a compiler, mypyc or setuptools is missing, or compiling fails, it says
why, removes any earlier build, and exits 0: reportedly then runs the same
code as pure Python, the quote stage taking 25 to 55% longer. ``--clean``
removes the build and exits.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))

from reportedly.native import (  # noqa: E402
    MANIFEST,
    MODULES,
    digest,
    extension_paths,
    source_path,
)

#: the mypyc group: its shared library is ``reportedly_native__mypyc.*`` in src/
GROUP = "reportedly_native"


def clean() -> None:
    """Remove the manifest first (so no half-removed build is trusted), then
    every extension and the group's shared library."""
    MANIFEST.unlink(missing_ok=True)
    for module in MODULES:
        for path in extension_paths(module, SRC):
            path.unlink()
    for path in SRC.glob(f"{GROUP}__mypyc.*"):
        path.unlink()


def build() -> str | None:
    """Compile in place; None when it worked, else why not."""
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as exc:
        return f"{exc.name or exc} is not installed"
    if shutil.which(os.environ.get("CC", "cc")) is None and shutil.which("gcc") is None:
        return "no C compiler (cc or gcc) on PATH"
    paths = [str(source_path(m, SRC).relative_to(SRC)) for m in MODULES]
    digests = {m: digest(source_path(m, SRC)) for m in MODULES}
    work = Path(tempfile.mkdtemp(prefix="reportedly-native-"))
    here = Path.cwd()
    try:
        os.chdir(SRC)  # mypyc names modules by their path from here
        extensions = mypycify(
            ["--ignore-missing-imports", "--cache-dir", str(work / "mypy"), *paths],
            opt_level="3",
            group_name=GROUP,
            target_dir=str(work / "c"),
        )
        setup(
            name="reportedly-native",
            ext_modules=extensions,
            script_args=[
                "--quiet",
                "build_ext",
                "--inplace",
                "--build-temp",
                str(work / "o"),
                "--parallel",
                str(os.cpu_count() or 1),
            ],
        )
    except (Exception, SystemExit) as exc:  # mypyc, setuptools and the compiler
        return f"compiling failed: {exc!r}"
    finally:
        os.chdir(here)
        shutil.rmtree(work, ignore_errors=True)
    missing = [m for m in MODULES if not extension_paths(m, SRC)]
    if missing:
        return f"no extension was written for {', '.join(missing)}"
    MANIFEST.write_text(
        json.dumps(
            {
                "python": sys.implementation.cache_tag,
                "library": f"{GROUP}__mypyc",
                "modules": digests,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="remove the build")
    args = parser.parse_args()
    clean()
    if args.clean:
        print("removed the compiled quote modules")
        return 0
    started = time.perf_counter()
    failed = build()
    if failed is not None:
        clean()
        print(
            f"Not compiling the quote stage ({failed}); reportedly runs it as "
            "pure Python: the same output, the quote stage slower.",
            file=sys.stderr,
        )
        return 0
    print(
        f"compiled {len(MODULES)} quote modules with mypyc in "
        f"{time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
