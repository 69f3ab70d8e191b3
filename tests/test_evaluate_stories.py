"""The article-level scorer (`treve evaluate stories`) and the tune/check split every scorer shares.

The scorer is the code under test, so most tests give it events written here, for articles written here: given
this gold and these events, these figures. The last test reads the project's examples through the real pipeline.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from treve.cli import app
from treve.errors import EvaluationError
from treve.evaluate.parts import Part, in_part, part_of
from treve.evaluate.stories import GoldEntity, load_gold, match_events, same_entities, score_stories
from treve.records import Article, Casualties, Count, Entity, Event, Evidence, Place

ROOT = Path(__file__).resolve().parents[1]
STORY = (
    "Rebels attacked an army post near Kidal on Monday, killing 12 soldiers. "
    "The attack was the deadliest this year, the army said. "
    "The government later called for talks with the rebels."
)


def event(
    kind: str,
    sentence: str,
    *,
    retold: tuple[str, ...] = (),
    actor: tuple[Entity, ...] = (),
    recipient: tuple[Entity, ...] = (),
    day: str | None = None,
    dead: int | None = None,
    historical: bool = False,
    place: tuple[float, float] | None = None,
) -> Event:
    start = STORY.find(sentence)
    toll = None if dead is None else Count(low=dead, best=dead, high=dead, qualifier="exact", text=str(dead))
    return Event(
        id=f"{kind}-{start}",
        date=day,
        event=kind,
        auxiliary_modes=["historical"] if historical else [],
        actor=list(actor),
        recipient=list(recipient),
        event_text=sentence,
        casualties=Casualties(dead=toll),
        evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
        retold=[Evidence(sentence=s, start=STORY.find(s), end=STORY.find(s) + len(s)) for s in retold],
        confidence=0.9,
        location=None if place is None else Place(extracted_place="x", lat=place[0], lon=place[1]),
    )


def entity(code: str | None, sector: str | None = None) -> Entity:
    return Entity(entity_text="x", code=code, sector=sector)


FIRST, SECOND, THIRD = (sentence.rstrip(".") + "." for sentence in STORY.split(". "))


def gold_lines() -> list[dict[str, object]]:
    common = {"article": "kidal", "lang": "en", "mediator": [], "place": None, "injured": None}
    return [
        {"article": "kidal", "lang": "en", "published": "2024-05-08"},
        common
        | {
            "id": "kidal#1",
            "salience": "main",
            "event": "ASSAULT",
            "mode": None,
            "actor": ["MLI/REB"],
            "recipient": ["MLI/MIL"],
            "date": "2024-05-06",
            "lat": 18.44,
            "lon": 1.41,
            "country": "MLI",
            "dead": {"low": 12, "best": 12, "high": 12},
            "attribution": "fact",
            "quote": "Rebels attacked an army post near Kidal",
            "also": ["The attack was the deadliest this year"],
        },
        common
        | {
            "id": "kidal#2",
            "salience": "secondary",
            "event": "REQUEST",
            "mode": "meet",
            "actor": ["MLI/GOV"],
            "recipient": ["MLI/REB"],
            "date": None,
            "lat": None,
            "lon": None,
            "country": "MLI",
            "dead": None,
            "attribution": "fact",
            "quote": "The government later called for talks",
        },
    ]


@pytest.fixture
def story(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "news" / "en").mkdir(parents=True)
    (tmp_path / "news" / "en" / "kidal.txt").write_text(STORY, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(line) for line in gold_lines()) + "\n", encoding="utf-8")
    return gold, tmp_path / "news"


def reader(events: list[Event]):
    def read(path: Path, published: date | None) -> Article:
        assert path.name == "kidal.txt" and published == date(2024, 5, 8)
        return Article(id="a", title=None, text=STORY, input_format="text", path=str(path), events=events)

    return read


def test_one_attack_told_twice_as_two_records_is_one_match_and_one_duplicate(story: tuple[Path, Path]) -> None:
    gold, folder = story
    attack = event(
        "ASSAULT", FIRST, actor=(entity("MLI", "REB"),), recipient=(entity("MLI", "MIL"),), day="2024-05-06", dead=12
    )
    again = event("ASSAULT", SECOND, actor=(entity("MLI", "MIL"),))
    scores = score_stories(gold, folder, reader([attack, again]))
    # 2 predictions, 1 matched (the attack); the second repeats it; the call for talks is missed.
    assert (scores["predicted"], scores["matched"], scores["gold"]) == (2, 1, 2)
    assert scores["precision"] == 0.5 and scores["recall"] == 0.5 and scores["duplicates"] == 0.5
    assert scores["fields"]["actor"] == 1.0 and scores["fields"]["date"] == 1.0 and scores["fields"]["dead_best"] == 1.0
    # the attack has no place: not within 50 km of the gold's point
    assert scores["fields"]["place_50km"] == 0.0 and scores["fields"]["all_fields"] == 0.0
    assert scores["recall_by_salience"] == {"main": 1.0, "secondary": 0.0, "background": None}


def test_a_record_that_gathers_every_telling_matches_once_and_right_in_every_field(story: tuple[Path, Path]) -> None:
    gold, folder = story
    attack = event(
        "ASSAULT",
        FIRST,
        retold=(SECOND,),
        actor=(entity("MLI", "REB"),),
        recipient=(entity("MLI", "MIL"),),
        day="2024-05-06",
        dead=12,
        place=(18.5, 1.5),
    )
    talks = event("REQUEST", THIRD, actor=(entity("MLI", "GOV"),), recipient=(entity("MLI", "REB"),))
    scores = score_stories(gold, folder, reader([attack, talks]))
    assert scores["precision"] == scores["recall"] == 1.0 and scores["duplicates"] == 0.0
    # the attack is right in every field; the call for talks has no place: country not scored right
    assert scores["fields"]["place_50km"] == 1.0 and scores["fields"]["type"] == 1.0
    assert scores["fields_n"]["place_50km"] == 1


def test_an_event_of_another_family_in_the_right_sentence_does_not_match(story: tuple[Path, Path]) -> None:
    gold, folder = story
    scores = score_stories(gold, folder, reader([event("AGREE", FIRST)]))
    assert scores["matched"] == 0 and scores["duplicates"] == 0.0


def test_actor_lists_must_agree_both_ways_and_a_bare_country_accepts_any_sector() -> None:
    assert same_entities([GoldEntity("RUS", None)], [entity("RUS", "GOV")])
    assert not same_entities([GoldEntity("RUS", "MIL")], [entity("RUS", None)])
    assert not same_entities([GoldEntity("RUS", "MIL")], [entity("RUS", "MIL"), entity("UKR", "MIL")])
    assert same_entities([GoldEntity(None, "UAF")], [entity(None, "UAF")])
    assert same_entities([], [])


def test_matching_is_one_to_one_and_prefers_the_same_type(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(gold_lines()[0]) + "\n" + json.dumps(gold_lines()[1] | {"event": "COERCE"}))
    predicted = [event("ASSAULT", FIRST), event("COERCE", FIRST)]
    pairs, repeats = match_events(predicted, load_gold(gold)[0].events)
    assert pairs == [(1, 0)] and repeats == 1


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ({"article": "kidal", "event": "ASSAULT"}, "before its article line"),
        ({"article": "x"} | {"event": "FIGHTING"}, "before its article line"),
        ("not json", "not JSON"),
    ],
)
def test_a_malformed_gold_line_is_one_error_naming_the_line(tmp_path: Path, line: object, says: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(line if isinstance(line, str) else json.dumps(line), encoding="utf-8")
    with pytest.raises(EvaluationError, match=says):
        load_gold(gold)


def test_a_bad_actor_code_in_the_gold_is_refused(tmp_path: Path) -> None:
    lines = gold_lines()
    lines[1] = lines[1] | {"actor": ["Mali rebels"]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    with pytest.raises(EvaluationError, match="line 2: 'Mali rebels' is not"):
        load_gold(gold)


def test_a_missing_article_file_is_named(story: tuple[Path, Path]) -> None:
    gold, folder = story
    (folder / "en" / "kidal.txt").unlink()
    with pytest.raises(EvaluationError, match="no file for article"):
        score_stories(gold, folder, reader([]))


def test_the_split_is_a_fixed_third_by_the_hash_of_each_id() -> None:
    parts = Counter(part_of(f"item-{n}") for n in range(3000))
    assert 900 < parts[Part.check] < 1100
    assert part_of("item-7") is part_of("item-7")
    assert in_part("item-7", Part.all)
    other = Part.tune if part_of("item-7") is Part.check else Part.check
    assert in_part("item-7", part_of("item-7")) and not in_part("item-7", other)


def test_evaluate_stories_reads_the_examples_through_the_whole_pipeline() -> None:
    """The examples' own small gold (written for treve): the command runs and reports each part of it."""
    result = CliRunner().invoke(
        app,
        [
            "evaluate",
            "stories",
            "--gold",
            str(ROOT / "tests/data/stories/gold.jsonl"),
            "--articles",
            str(ROOT / "examples"),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["articles"] == 2 and scores["gold"] == 4
    assert set(scores["per_language"]) == {"en", "fr"}
    # The truce of the English wire is found, in the sentence that tells it.
    assert scores["per_language"]["en"]["matched"] >= 1
