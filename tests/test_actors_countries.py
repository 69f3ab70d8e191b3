"""Every country name the actor files generate from pycountry's catalogues, in every form a declining language
gives it, is found as its country, in a sentence of that language written for these tests."""

from __future__ import annotations

import json
import tomllib

import pytest

from tests.conftest import ACTOR_FILES
from treve.resources.actors import load_actor_dictionary

SENTENCES = {
    "es": "Según {}, nada.",
    "ru": "По словам: {}.",
    "uk": "За словами: {}.",
    "ar": "قالت مصادر في {} اليوم",
}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_every_generated_country_name_is_its_country_in_every_form(language: str) -> None:
    actors = load_actor_dictionary()
    generated = json.loads((ACTOR_FILES / "countries.json").read_text(encoding="utf-8"))["countries"]
    curated = tomllib.loads((ACTOR_FILES / "countries.toml").read_text(encoding="utf-8"))["countries"]
    inflections = json.loads((ACTOR_FILES / "inflections.json").read_text(encoding="utf-8"))["languages"]
    forms = inflections.get(language, {})
    missed = [
        (country["code"], form)
        for country in generated
        for name in country[language]
        if name not in curated.get(country["code"], {}).get(f"drop_{language}", [])
        for form in [name, *forms.get(name, [])]
        if [m.entity.code for m in actors.find(SENTENCES[language].format(form), language)] != [country["code"]]
    ]
    assert missed == []
    assert language in actors.languages
