"""Settings: shipped defaults, then a user file, then environment variables, then explicit options."""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from treve.errors import ConfigError

USER_CONFIG = Path("~/.config/treve/config.toml").expanduser()


class Settings(BaseModel):
    """Everything a run can be tuned with; one object, passed to the stages that need it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    languages: tuple[str, ...] = Field(min_length=1)
    language_accuracy: Literal["low", "high"]
    multilingual: Literal["fallback", "off", "always"] = Field(
        "fallback", description="Languages the multilingual encoder reads: those treve has no words for, none, all."
    )
    max_item_bytes: int = Field(gt=0)
    near_duplicate_threshold: float = Field(gt=0, le=1)
    minhash_permutations: int = Field(ge=16)
    gazetteer_path: str = ""
    db: str = Field(min_length=1, description="Event store URL (SQLAlchemy): SQLite file or PostgreSQL.")
    merge_days: int = Field(ge=0, description="Reports of one event are dated at most this many days apart.")
    merge_distance_km: float = Field(gt=0, description="... and placed (town-level) at most this far apart.")
    ceasefire_collapse_violations: int = Field(ge=1, description="Violated events that make a ceasefire collapse.")
    ceasefire_collapse_days: int = Field(ge=1, description="Days with violations that make a ceasefire collapse.")
    api_token: str = Field("", description="Bearer token `treve serve` asks of writes; empty: writes refused.")
    api_max_request_bytes: int = Field(50_000_000, gt=0, description="The largest request body `treve serve` reads.")
    api_cache_bytes: int = Field(
        64_000_000, ge=0, description="Read answers each `treve serve` process keeps until the store changes; 0: none."
    )

    @field_validator("languages", mode="before")
    @classmethod
    def _split_languages(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(code.strip() for code in value.split(",") if code.strip())
        return value


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings ({exc}); fix the file or remove it") from exc


def _from_environment() -> dict[str, str]:
    prefix = "TREVE_"
    fields = set(Settings.model_fields)
    return {
        key[len(prefix) :].lower(): value
        for key, value in os.environ.items()
        if key.startswith(prefix) and key[len(prefix) :].lower() in fields
    }


def load_settings(user_file: Path | None = None, **overrides: Any) -> Settings:
    """Merge the four layers; `overrides` whose value is None are left out (an option not given)."""
    shipped = resources.files("treve.resources").joinpath("defaults.toml").read_text(encoding="utf-8")
    merged: dict[str, Any] = tomllib.loads(shipped)
    user_path = user_file or (Path(os.environ["TREVE_CONFIG"]) if "TREVE_CONFIG" in os.environ else USER_CONFIG)
    if user_file is not None or user_path.exists():
        merged |= _read_toml(user_path)
    merged |= _from_environment()
    merged |= {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        problem = exc.errors()[0]
        name = ".".join(str(part) for part in problem["loc"])
        raise ConfigError(f"setting '{name}': {problem['msg']}; fix it in {user_path} or TREVE_{name.upper()}") from exc
