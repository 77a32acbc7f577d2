from __future__ import annotations

from pathlib import Path

import pytest

from reportedly.config import load_config
from reportedly.errors import ConfigError


@pytest.mark.parametrize("key", ["stages"])
def test_config_defaults_load(key: str) -> None:
    config = load_config(env={})
    assert "nlp.spacy.v1" in getattr(config, key)
    assert config.store_path == "reportedly.duckdb"
    assert config.sources == ("defaults.toml",)


@pytest.mark.parametrize("batch", [7])
def test_config_user_file_overrides_only_its_keys(tmp_path: Path, batch: int) -> None:
    file = tmp_path / "r.toml"
    file.write_text(f"[pipeline]\nbatch_size = {batch}\n")
    config = load_config(file, env={})
    assert config.batch_size == batch
    assert config.stages == load_config(env={}).stages


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[pipeline]\nbatch_sise = 3\n", "Did you mean 'batch_size'"),
        ("[pipelin]\nstages = []\n", "Unknown setting"),
        ("[pipeline]\nbatch_size = 'x'\n", "must be of type int"),
        ("[pipeline]\nbatch_size = true\n", "whole number"),
        ("[pipeline]\nbatch_size = 0\n", "at least 1"),
        ("[pipeline\n", "not valid TOML"),
        ("pipeline = 3\n", "must be a table"),
    ],
)
def test_config_bad_files_raise_clear_errors(
    tmp_path: Path, toml: str, message: str
) -> None:
    file = tmp_path / "bad.toml"
    file.write_text(toml)
    with pytest.raises(ConfigError, match=message):
        load_config(file, env={})


@pytest.mark.parametrize("missing", ["nowhere.toml"])
def test_config_missing_file(tmp_path: Path, missing: str) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / missing, env={})


@pytest.mark.parametrize(
    ("env", "attr", "value"),
    [
        ({"REPORTEDLY_PIPELINE_BATCH_SIZE": "5"}, "batch_size", 5),
        ({"REPORTEDLY_STORE_PATH": "x.duckdb"}, "store_path", "x.duckdb"),
        ({"REPORTEDLY_PIPELINE_STAGES": "clean.v1, nlp.spacy.v1"}, "stages",
         ("clean.v1", "nlp.spacy.v1")),
    ],
)  # fmt: skip
def test_config_env_overrides(env: dict[str, str], attr: str, value: object) -> None:
    config = load_config(env=env)
    assert getattr(config, attr) == value
    assert "environment" in config.sources


@pytest.mark.parametrize("raw", ["many"])
def test_config_env_bad_number(raw: str) -> None:
    with pytest.raises(ConfigError, match="whole number"):
        load_config(env={"REPORTEDLY_INGEST_MAX_BYTES": raw})


@pytest.mark.parametrize("model", ["other_model"])
def test_config_flags_override_and_stage_settings(model: str) -> None:
    config = load_config(
        env={}, overrides={"stages": {"nlp.spacy.v1": {"model": model}}}
    )
    assert config.stage_settings["nlp.spacy.v1"]["model"] == model
    assert config.as_dict()["stages"]["nlp.spacy.v1"]["model"] == model
    assert config.sources[-1] == "flags"


@pytest.mark.parametrize("name", ["REPORTEDLY_CONFIG"])
def test_config_file_from_env(tmp_path: Path, name: str) -> None:
    file = tmp_path / "c.toml"
    file.write_text('[store]\npath = "elsewhere.duckdb"\n')
    assert load_config(env={name: str(file)}).store_path == "elsewhere.duckdb"
