from __future__ import annotations

import subprocess
import sys

import pytest

import reportedly


@pytest.mark.parametrize("module", [reportedly])
def test_public_api_all_is_sorted_and_complete(module: object) -> None:
    names = module.__all__  # type: ignore[attr-defined]
    assert names == sorted(names)
    for name in names:
        assert hasattr(module, name), name
    public = {
        n for n in dir(module)
        if not n.startswith("_") and not isinstance(getattr(module, n), type(sys))
    }  # fmt: skip
    assert public - set(names) == set()


@pytest.mark.parametrize("forbidden", ["spacy", "trafilatura"])
def test_public_api_import_is_model_free(forbidden: str) -> None:
    code = f"import reportedly, sys; print({forbidden!r} in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
