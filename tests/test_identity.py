"""Given several copies of a story, the first keeps its id and the others point at it."""

from __future__ import annotations

from treve.pipeline import Pipeline
from treve.records import RawItem
from treve.stages.identity import CopyIndex, CopyRule, content_id

STORY = (
    "Heavy fighting broke out on Saturday between the army and a paramilitary force on the outskirts of "
    "the city, killing at least 15 civilians, a medical charity said.\n\n"
    "The clashes began at dawn when fighters attacked army positions on the eastern edge of the city, "
    "residents said. Shelling continued into the afternoon, and families fled towards camps in the west.\n\n"
    "The army said in a statement that it had repelled the attack. The paramilitaries said they had taken "
    "two bases, a claim that could not be independently verified."
)


def item(path: str, text: str) -> RawItem:
    return RawItem(path=path, format="text", text=text)


def test_the_id_depends_on_the_words_not_on_typography() -> None:
    assert content_id("L’armée a « repoussé » l’attaque.") == content_id("L'armée a \"repoussé\"  l'attaque")
    assert content_id("L'armée a repoussé l'attaque.") != content_id("L'armée a lancé l'attaque.")
    assert len(content_id(STORY)) == 16


def test_exact_and_syndicated_copies_point_at_the_first(pipeline_factory) -> None:
    pipeline: Pipeline = pipeline_factory()
    syndicated = "City fighting kills 15, charity says\nBy Staff and Wire Reports | Updated 14:05 GMT\n\n" + STORY
    other = "Protesters marched through the capital on Tuesday against a rise in fuel prices, witnesses said."
    first, exact, copy, different = (
        pipeline.process(item(name, text))
        for name, text in [("a.txt", STORY), ("b.txt", STORY), ("c.txt", syndicated), ("d.txt", other)]
    )
    assert first.duplicate_of is None
    assert exact.id == first.id and exact.duplicate_of == first.id
    assert copy.id != first.id and copy.duplicate_of == first.id
    assert different.duplicate_of is None


def test_a_follow_up_story_sharing_a_paragraph_is_not_a_duplicate(pipeline_factory) -> None:
    pipeline: Pipeline = pipeline_factory()
    follow_up = (
        "The death toll from Saturday's fighting rose to 40 on Monday, the charity said, as aid convoys "
        "waited at checkpoints and hospitals ran short of blood and fuel.\n\n"
        "Residents described bodies lying in the streets of two districts that changed hands twice.\n\n"
        + STORY.split("\n\n")[2]
    )
    pipeline.process(item("a.txt", STORY))
    assert pipeline.process(item("b.txt", follow_up)).duplicate_of is None


def test_a_run_index_keeps_its_latest_first_copies_only() -> None:
    rule = CopyRule(threshold=0.8, permutations=64)
    index = CopyIndex(rule, capacity=2)
    stories = [f"Story {n}: " + " ".join(f"word{n}x{k}" for k in range(30)) for n in range(3)]
    for number, story in enumerate(stories):
        index.add(str(number), rule.signature(story))
    assert "0" not in index and "1" in index and "2" in index
    assert index.first_copy(rule.signature(stories[0])) is None
    assert index.first_copy(rule.signature(stories[2] + " More.")) == "2"
