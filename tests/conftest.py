"""Shared fixtures: the settings, one pipeline per session (models load once), and the shared data."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from treve.config import Settings, load_settings
from treve.pipeline import Pipeline
from treve.records import Article, RawItem

pytest_plugins = ["tests.store_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests see the shipped defaults only: no user file, no TREVE_ variables from the machine."""
    empty = tmp_path_factory.mktemp("config") / "config.toml"
    empty.write_text("", encoding="utf-8")
    for name in [name for name in os.environ if name.startswith("TREVE_")]:
        del os.environ[name]
    os.environ["TREVE_CONFIG"] = str(empty)


@pytest.fixture(scope="session")
def settings(isolated_settings: None) -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


@pytest.fixture
def pipeline_factory(settings: Settings) -> Callable[[], Pipeline]:
    """A fresh pipeline (its own duplicate index), for tests about what one batch has seen."""
    return lambda: Pipeline(settings)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = SHARED / "seed" / "article_fr.txt"
    if not path.exists():
        pytest.skip("the seed article is not in ../shared/seed")
    return path


@pytest.fixture(scope="session")
def seed_article(pipeline: Pipeline, seed_path: Path) -> Article:
    return pipeline.process(RawItem(path=str(seed_path), format="text", data=seed_path.read_bytes()))


ACTOR_FILES = Path(__file__).resolve().parents[1] / "src" / "treve" / "resources" / "actors"


@pytest.fixture
def actor_folder(tmp_path: Path) -> Path:
    """A copy of the shipped actor files, for one of them to be changed or broken."""
    for source in ACTOR_FILES.iterdir():
        if source.suffix in {".toml", ".json"}:
            shutil.copy(source, tmp_path / source.name)
    return tmp_path
