"""The processing view of a text has the same length, so offsets hold in both."""

from treve.normalise import normalise_for_processing


def test_typographic_forms_become_plain_one_for_one() -> None:
    original = "L’armée a dit\u00a0: «\u202fnous tenons la ville\u202f» — “fully”, 6\u202f500 morts"
    plain = normalise_for_processing(original)
    assert plain == 'L\'armée a dit : " nous tenons la ville " — "fully", 6 500 morts'
    assert len(plain) == len(original)


def test_a_line_in_capitals_is_read_in_sentence_case() -> None:
    original = "REBELDES TOMAN LA CIUDAD DE ÉL FASHER\nLos combates siguen. LA ONU pide calma.\nUN"
    plain = normalise_for_processing(original)
    assert plain == "Rebeldes toman la ciudad de él fasher\nLos combates siguen. LA ONU pide calma.\nUN"
    assert len(plain) == len(original)


def test_a_line_of_capitals_counts_its_own_words_not_the_next_lines() -> None:
    plain = normalise_for_processing("ONU KENYA\nLes combats continuent au nord du pays.")
    assert plain.startswith("ONU KENYA\n")
