"""The event scorers: PLOVER gold records, CASE 2021 task 2, IndiaPoliceEvents.

Here the code under test is the scorer, so the coder is a fake that answers from a table: given this gold and
these coded events, these figures (worked out by hand in the comments). The last tests run each scorer on the
first items of the real gold sets, only to check their layout is read.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from treve.errors import EvaluationError
from treve.evaluate.case2021 import score_case2021
from treve.evaluate.india_police import police_labels, score_india_police
from treve.evaluate.parts import Part
from treve.evaluate.plover import score_plover
from treve.evaluate.spanish import score_spanish
from treve.records import Casualties, Count, Entity, Event, Evidence

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def coded(
    event_type: str,
    mode: str | None = None,
    *,
    actor: list[Entity] | None = None,
    recipient: list[Entity] | None = None,
    confidence: float = 0.9,
    sentence: str = "...",
    start: int = 0,
    dead: int | None = None,
    arrested: int | None = None,
    negated: bool = False,
) -> Event:
    def count(value: int | None) -> Count | None:
        return None if value is None else Count(low=value, best=value, high=value, qualifier="exact", text=str(value))

    return Event(
        id=f"{event_type}-{start}",
        date=None,
        event=event_type,
        mode=mode,
        auxiliary_modes=["negation"] if negated else [],
        actor=actor or [],
        recipient=recipient or [],
        event_text=sentence,
        casualties=Casualties(dead=count(dead), arrested=count(arrested)),
        evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
        confidence=confidence,
    )


def country(code: str, sector: str | None = None) -> Entity:
    return Entity(entity_text=code.lower(), code=code, sector=sector)


def fake_coder(answers: dict[str, list[Event]]) -> Callable[[str], list[Event]]:
    """A stand-in for treve's coder: the events filed under the text, none for a text not in the table."""
    return lambda text: answers.get(text, [])


# --- PLOVER gold standard records ---------------------------------------------------------------------------


def write_plover_gold(path: Path) -> Path:
    """Four records in the layout of PLOVER's gsr_dev.json, older event names and CAMEO-era codes included."""
    records = [
        {"id": "R1", "event": "DEMAND", "text": "one", "source": [{"actorText": "Japan", "code": "JAP"}],
         "target": [{"actorText": "Washington", "code": "USA", "sector": "GOV"}]},
        {"id": "R2", "event": "FIGHT", "text": "two", "source": [{"actorText": "Israeli troops", "code": "ISR"}],
         "target": ""},
        {"id": "R3", "event": "INVESTIGATE", "text": "three", "source": [{"actorText": "the UN", "code": "IGO"}],
         "target": [{"actorText": "Belgrade", "code": "SRB"}]},
        {"id": "R4", "event": "AGREE", "text": "four", "source": [{"actorText": "Paris", "code": "FRA"}],
         "target": [{"actorText": "Berlin", "code": "DEU"}]},
    ]  # fmt: skip
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def test_plover_scores_the_main_event_and_actors_read_as_iso_codes(tmp_path: Path) -> None:
    gold = write_plover_gold(tmp_path / "gsr.json")
    code = fake_coder(
        {
            # the more confident REQUEST answers; JAP in the gold is JPN
            "one": [
                coded("REQUEST", actor=[country("JPN")], recipient=[country("USA")]),
                coded("ASSAULT", confidence=0.5),
            ],
            "two": [coded("ASSAULT", "firearms", actor=[country("ISR", "MIL")])],
            "three": [coded("ACCUSE", "investigate", actor=[country("UNO")])],  # 2.0's UNO is the gold's older IGO
            # "four": no event
        }
    )
    scores = score_plover(gold, code)
    assert scores["n"] == 4
    assert scores["event_accuracy"] == pytest.approx(3 / 4)
    # REQUEST, ASSAULT, ACCUSE each 1/1; AGREE missed (F1 0): macro (1 + 1 + 1 + 0) / 4
    assert scores["event_macro_f1"] == pytest.approx(3 / 4)
    assert scores["per_class"]["AGREE"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n": 1}
    assert scores["per_class"]["REQUEST"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "n": 1}
    assert (scores["actor_accuracy"], scores["actor_n"]) == (pytest.approx(3 / 4), 4)
    # R2's target is not a list: three records have a gold recipient, only R1's is found
    assert (scores["recipient_accuracy"], scores["recipient_n"]) == (pytest.approx(1 / 3), 3)


def test_plover_equally_confident_events_leave_the_first_to_answer(tmp_path: Path) -> None:
    gold = write_plover_gold(tmp_path / "gsr.json")
    code = fake_coder({"one": [coded("REQUEST"), coded("THREATEN")], "two": [coded("THREATEN"), coded("ASSAULT")]})
    scores = score_plover(gold, code, limit=2)
    assert scores["n"] == 2
    assert scores["event_accuracy"] == pytest.approx(1 / 2)


def test_plover_gold_missing_or_malformed(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such gold file"):
        score_plover(tmp_path / "absent.json", fake_coder({}))
    (tmp_path / "bad.json").write_text(json.dumps([{"event": "AGREE"}]), encoding="utf-8")
    with pytest.raises(EvaluationError, match="'text' and 'event'"):
        score_plover(tmp_path / "bad.json", fake_coder({}))
    (tmp_path / "crime.json").write_text(json.dumps([{"id": "C1", "event": "CRIME", "text": "x"}]), encoding="utf-8")
    with pytest.raises(EvaluationError, match="record C1: CRIME"):
        score_plover(tmp_path / "crime.json", fake_coder({}))


# --- CASE 2021 task 2 -------------------------------------------------------------------------------------------


def write_case_gold(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = ["id\tEventSnippet\tSubType", *(f"{i}\t{text}\t{subtype}" for i, (text, subtype) in enumerate(rows, 1))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_case2021_scores_subtypes_with_accuracy_macro_and_weighted_f1(tmp_path: Path) -> None:
    gold = write_case_gold(
        tmp_path / "task2.tsv",
        [("jets hit", "AIR_STRIKE"), ("a firefight", "ARMED_CLASH"), ("a march", "PEACE_PROTEST"), ("talks", "DIPLO")],
    )
    code = fake_coder(
        {
            "jets hit": [coded("ASSAULT", "aerial", actor=[country("SYR", "MIL")])],
            "a firefight": [coded("ASSAULT", "firearms", actor=[country("SYR", "MIL"), country("SYR", "REB")])],
            "a march": [coded("PROTEST", "demo", actor=[country("SYR", "CVL")], arrested=5)],  # PROTEST_WITH_INTER
            # "talks": no event, NONE
        }
    )
    scores = score_case2021(gold, code)
    assert scores["n"] == 4
    assert scores["accuracy"] == pytest.approx(2 / 4)
    # classes: AIR_STRIKE 1, ARMED_CLASH 1, PEACE_PROTEST 0, PROTEST_WITH_INTER 0 (no gold), DIPLO 0
    assert scores["macro_f1"] == pytest.approx(2 / 5)
    assert scores["weighted_f1"] == pytest.approx((1 + 1 + 0 + 0) / 4)
    assert scores["per_class"]["PROTEST_WITH_INTER"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n": 0}
    assert "NONE" not in scores["per_class"]
    assert score_case2021(gold, code, limit=1)["accuracy"] == 1.0


def test_case2021_gold_missing_or_malformed(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such gold file"):
        score_case2021(tmp_path / "absent.tsv", fake_coder({}))
    (tmp_path / "header.tsv").write_text("id,EventSnippet,SubType\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="header"):
        score_case2021(tmp_path / "header.tsv", fake_coder({}))
    gold = write_case_gold(tmp_path / "task2.tsv", [("a snippet", "EARTHQUAKE")])
    with pytest.raises(EvaluationError, match="line 2"):
        score_case2021(gold, fake_coder({}))


# --- IndiaPoliceEvents ------------------------------------------------------------------------------------------

DOC_1 = ["Police arrested ten rioters.", "Police fired on the mob, killing two.", "Police did not stop the looting."]
DOC_2 = ["Traders met the collector."]


def write_india_gold(folder: Path) -> Path:
    """Two documents in the layout of data/final: docs*.jsonl and sents*.jsonl, sentences as stretches of text."""
    folder.mkdir()
    docs = [{"doc_id": 1, "doc_text": " ".join(DOC_1), "doc_labels": []}, {"doc_id": 2, "doc_text": DOC_2[0]}]
    labels = [["ARREST", "ANY_ACTION"], ["KILL", "FORCE", "ANY_ACTION"], ["FAIL"]]
    sents = [{"doc_id": 1, "sent_id": i, "sent_text": s, "sent_labels": labels[i]} for i, s in enumerate(DOC_1)]
    sents.append({"doc_id": 2, "sent_id": 0, "sent_text": DOC_2[0], "sent_labels": []})
    (folder / "docs_dev.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    (folder / "sents_dev.jsonl").write_text("".join(json.dumps(s) + "\n" for s in sents), encoding="utf-8")
    return folder


def police() -> list[Entity]:
    return [Entity(entity_text="police", code="IND", sector="COP")]


def india_coder() -> Callable[[str], list[Event]]:
    text = " ".join(DOC_1)
    return fake_coder(
        {
            text: [
                coded("COERCE", "arrest", actor=police(), sentence=DOC_1[0], start=0),
                # offsets off (as after cleaning): the evidence sentence is found by its text instead
                coded("ASSAULT", "firearms", actor=police(), sentence=DOC_1[1], start=3, dead=2),
                coded(
                    "MOBILIZE", "police", actor=police(), sentence=DOC_1[2], start=text.index(DOC_1[2]), negated=True
                ),
            ],
            DOC_2[0]: [coded("COERCE", "arrest", actor=police(), sentence=DOC_2[0])],  # a false arrest
        }
    )


def test_india_police_scores_each_question_over_sentences(tmp_path: Path) -> None:
    scores = score_india_police(write_india_gold(tmp_path / "gold"), india_coder())
    assert scores["KILL"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "n": 1}
    assert scores["FORCE"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "n": 1}
    assert scores["FAIL"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "n": 1}
    assert scores["ARREST"] == pytest.approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "n": 1})
    # ANY_ACTION: said for the arrest, the killing and the false arrest; the failure is no action
    assert scores["ANY_ACTION"] == pytest.approx({"precision": 2 / 3, "recall": 1.0, "f1": 0.8, "n": 2})
    assert score_india_police(tmp_path / "gold", india_coder(), limit=1)["ARREST"]["precision"] == 1.0


def test_india_police_only_police_acts_that_happened_count() -> None:
    assert police_labels(coded("ASSAULT", "beat", actor=[country("IND", "CVL")])) == frozenset()
    assert police_labels(coded("ASSAULT", "targeted", actor=police())) == {"ANY_ACTION", "FORCE", "KILL"}
    hypothetical = coded("ASSAULT", actor=police()).model_copy(update={"auxiliary_modes": ["hypothetical"]})
    assert police_labels(hypothetical) == frozenset()


def test_india_police_gold_missing_or_malformed(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such folder"):
        score_india_police(tmp_path / "absent", fake_coder({}))
    gold = write_india_gold(tmp_path / "gold")
    (gold / "sents_dev.jsonl").unlink()
    with pytest.raises(EvaluationError, match=r"sents\*\.jsonl"):
        score_india_police(gold, fake_coder({}))


# --- the real development sets, when present --------------------------------------------------------------------


def always_police_assault(text: str) -> list[Event]:
    """A trivial coder: one police assault on civilians told by the whole text."""
    return [coded("ASSAULT", "firearms", actor=police(), recipient=[country("IND", "CVL")], sentence=text, dead=1)]


def gold_set(relative: str) -> Path:
    path = EVAL / relative
    if not path.exists():
        pytest.skip(f"{relative} is not in ../shared/eval")
    return path


def test_real_plover_gold_is_read() -> None:
    scores = score_plover(gold_set("plover-gsr/gsr_dev.json"), always_police_assault, limit=20)
    assert scores["n"] == 20 and 0.0 <= scores["event_accuracy"] <= 1.0 and scores["actor_n"] > 0


def test_the_check_part_of_a_real_gold_set_is_a_third_of_it() -> None:
    """Items are scored by part: the check third and the tune rest make up the whole set."""
    check = score_plover(gold_set("plover-gsr/gsr_dev.json"), always_police_assault, part=Part.check)
    tune = score_plover(gold_set("plover-gsr/gsr_dev.json"), always_police_assault, part=Part.tune)
    whole = score_plover(gold_set("plover-gsr/gsr_dev.json"), always_police_assault)
    assert check["n"] + tune["n"] == whole["n"] and whole["n"] / 4 < check["n"] < whole["n"] / 2
    assert (check["part"], tune["part"], whole["part"]) == ("check", "tune", "all")


def test_real_case2021_gold_is_read() -> None:
    scores = score_case2021(gold_set("case2021/task2_dev.tsv"), always_police_assault, limit=20)
    assert scores["n"] == 20 and set(scores["per_class"]) >= {"ATTACK"}


def test_real_india_police_gold_is_read() -> None:
    scores = score_india_police(gold_set("india-police-events"), always_police_assault, limit=20)
    assert set(scores) == {"part", "documents", "KILL", "ARREST", "FORCE", "FAIL", "ANY_ACTION"}
    assert scores["FORCE"]["recall"] == 1.0 or scores["FORCE"]["n"] == 0


# ---------------------------------------------------------------------------------------------------
# Spanish AFP sentences (UniversalPetrarch's layout; the sentences here were written for these tests)


def write_spanish_gold(path: Path) -> Path:
    sentences = [
        ("S1", "MOBILIZE", "Miles de obreros", "el gobierno", "one"),
        ("S2", "SACTION", "El sindicato", "", "two"),
        ("S3", "DEMAND", "La oposición", "", "three"),
    ]
    body = "".join(
        f'<Sentence date="19950101" id="{sid}" evaluate="true" category="spanish">\n'
        f'<EventText eid="E1" eventtext="x" sourcetext="{source}" targettext="{target}" />\n'
        f'<EventCoding eid="E1" eventcode="14" plover="{plover}" sourcecode="---" targetcode="---" />\n'
        + (
            '<EventCoding eid="E2" eventcode="10" plover="DEMAND" sourcecode="---" targetcode="---" />\n'
            if sid == "S1"
            else ""
        )
        + f"<Text>\n{text}\n</Text>\n</Sentence>\n"
        for sid, plover, source, target, text in sentences
    )
    path.write_text(f"<Validation>\n# a comment line\n<Sentences>\n{body}</Sentences>\n</Validation>\n", "utf-8")
    return path


def test_spanish_maps_the_2018_draft_and_scores_actors_by_their_words(tmp_path: Path) -> None:
    gold = write_spanish_gold(tmp_path / "spanish.xml")
    code = fake_coder(
        {
            # MOBILIZE in the 2018 draft is a people's mobilisation: PROTEST; the workers are named
            "one": [coded("PROTEST", actor=[Entity(entity_text="obreros", sector="LAB")])],
            # SACTION is SANCTION
            "two": [coded("SANCTION", actor=[Entity(entity_text="la patronal", sector="BUS")])],
            # DEMAND is REQUEST; no event found
        }
    )
    scores = score_spanish(gold, code)
    assert scores["n"] == 3
    assert scores["event_accuracy"] == pytest.approx(2 / 3)
    # the workers are named, the union is not, and nothing answers the third
    assert (scores["actor_accuracy"], scores["actor_n"]) == (pytest.approx(1 / 3), 3)
    assert scores["recipient_n"] == 1


def test_spanish_a_second_gold_event_also_answers(tmp_path: Path) -> None:
    gold = write_spanish_gold(tmp_path / "spanish.xml")
    scores = score_spanish(gold, fake_coder({"one": [coded("REQUEST")]}), limit=1)
    assert scores["event_accuracy"] == 1.0


def test_spanish_gold_missing_or_malformed(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such gold file"):
        score_spanish(tmp_path / "absent.xml", fake_coder({}))
    (tmp_path / "bad.xml").write_text("<Validation><Sentence id='x'>", encoding="utf-8")
    with pytest.raises(EvaluationError, match="unreadable gold XML"):
        score_spanish(tmp_path / "bad.xml", fake_coder({}))
