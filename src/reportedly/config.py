"""Settings: packaged defaults.toml, then the user file, env vars, then flags.

``load_config()`` returns a frozen :class:`Config`; no module reads globals.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

USER_FILE = "reportedly.toml"
ENV_PREFIX = "REPORTEDLY_"


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """The resolved settings of one run."""

    stages: tuple[str, ...]
    batch_size: int
    max_bytes: int
    store_path: str
    stage_settings: Mapping[str, Mapping[str, Any]]
    sources: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The settings in the shape of the TOML file (for `config show` and runs)."""
        return {
            "pipeline": {"stages": list(self.stages), "batch_size": self.batch_size},
            "ingest": {"max_bytes": self.max_bytes},
            "store": {"path": self.store_path},
            "stages": {name: dict(v) for name, v in self.stage_settings.items()},
        }


def _defaults() -> dict[str, Any]:
    text = resources.files("reportedly").joinpath("defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


def _hint(key: str, options: list[str]) -> str:
    close = difflib.get_close_matches(key, options, n=1)
    did_you_mean = f" Did you mean {close[0]!r}?" if close else ""
    return f"{did_you_mean} Valid keys: {', '.join(sorted(options))}."


def _merge(base: dict[str, Any], override: Mapping[str, Any], where: str) -> None:
    """Merge ``override`` into ``base`` in place, refusing unknown keys."""
    for key, value in override.items():
        if key not in base:
            if where == "stages":  # any stage may get a table of settings
                base[key] = dict(value)
                continue
            raise ConfigError(f"Unknown setting {where}.{key}." + _hint(key, [*base]))
        if isinstance(base[key], dict):
            if not isinstance(value, Mapping):
                raise ConfigError(f"Setting {where}.{key} must be a table.")
            _merge(base[key], value, key if where == "" else f"{where}.{key}")
            continue
        expected = type(base[key])
        if expected is int and isinstance(value, bool):
            raise ConfigError(f"Setting {where}.{key} must be a whole number.")
        if not isinstance(value, expected):
            raise ConfigError(
                f"Setting {where}.{key} must be of type {expected.__name__}, "
                f"got {value!r}."
            )
        base[key] = value


def _env_overrides(env: Mapping[str, str], data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for section in ("pipeline", "ingest", "store"):
        for key, default in data[section].items():
            raw = env.get(f"{ENV_PREFIX}{section}_{key}".upper())
            if raw is None:
                continue
            value: Any = raw
            if isinstance(default, int):
                try:
                    value = int(raw)
                except ValueError:
                    raise ConfigError(
                        f"{ENV_PREFIX}{section}_{key}".upper()
                        + f" must be a whole number, got {raw!r}."
                    ) from None
            elif isinstance(default, list):
                value = [s.strip() for s in raw.split(",") if s.strip()]
            out.setdefault(section, {})[key] = value
    return out


def load_config(
    path: str | Path | None = None,
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Config:
    """Resolve the settings.

    Args:
        path: a TOML file; default ``$REPORTEDLY_CONFIG`` or ``./reportedly.toml``
            when it exists.
        env: the environment (default ``os.environ``).
        overrides: settings from CLI flags, in the TOML shape.
    """
    env = os.environ if env is None else env
    data = _defaults()
    sources = ["defaults.toml"]
    chosen = path or env.get(f"{ENV_PREFIX}CONFIG")
    if chosen is None and Path(USER_FILE).is_file():
        chosen = USER_FILE
    if chosen is not None:
        file = Path(chosen)
        try:
            user = tomllib.loads(file.read_text("utf-8"))
        except FileNotFoundError:
            raise ConfigError(
                f"Config file {file} does not exist. Check the path given with "
                "--config or REPORTEDLY_CONFIG."
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"Config file {file} is not valid TOML: {exc}") from None
        try:
            _merge(data, user, "")
        except ConfigError as exc:
            raise ConfigError(f"{file}: {exc}") from None
        sources.append(str(file))
    env_data = _env_overrides(env, data)
    if env_data:
        _merge(data, env_data, "")
        sources.append("environment")
    if overrides:
        _merge(data, overrides, "")
        sources.append("flags")
    config = Config(
        stages=tuple(data["pipeline"]["stages"]),
        batch_size=data["pipeline"]["batch_size"],
        max_bytes=data["ingest"]["max_bytes"],
        store_path=data["store"]["path"],
        stage_settings={k: dict(v) for k, v in data["stages"].items()},
        sources=tuple(sources),
    )
    if config.batch_size < 1 or config.max_bytes < 1:
        raise ConfigError(
            "pipeline.batch_size and ingest.max_bytes must be at least 1."
        )
    return config
