"""Casualty figures: how many dead, injured and arrested a sentence reports, with the words that say so.

Plain text in, no parser: one compiled regular expression per language finds each casualty expression,
and a small number reader turns its figure into a `Count` the way ACLED reconciles figures (the stated
number is the best estimate; vague words take ACLED's values). The words live in
`resources/lexicons/casualties.toml`, one table per language, with the conventions and their sources.

Six shapes of expression are recognised, in this order at each position of a sentence:
  toll     "the death toll rose to 40", "number of injured reached 30"
  bilan    "le bilan s'élève à 12 morts" (a toll noun that needs the casualty word after its figure)
  lost     "avoir perdu un soldat" (the dead of the speaker's own side)
  active   "ont tué au moins 49 personnes", "police arrested 35 protesters"
  counted  "at least 15 people were killed", "ont fait plus de 6 500 morts", "des dizaines de morts"
  article  "un soldat tué", "a journalist has been killed" (an article counts one only before a victim)
A figure followed by a verb with an object ("3 roquettes ont tué 5 personnes", "two gunmen killed the
mayor") is not the count of that verb: the counted shape refuses it and the active shape takes the
object's figure. Only sentences that hold a casualty word are scanned, which keeps an article of 5,000
characters to about 2 ms.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from treve.errors import ResourceError
from treve.normalise import normalise_for_processing
from treve.records import Count, CountQualifier, Record

CasualtyKind = Literal["dead", "injured", "arrested"]
KINDS: tuple[CasualtyKind, ...] = ("dead", "injured", "arrested")
Nature = Literal["exact", "approximate", "vague"]

# Free words between the parts of an expression: at most this many, so that a figure never reaches a
# trigger in another clause.
MAX_WORDS_BEFORE_TRIGGER = 6
MAX_WORDS_BEFORE_VICTIM = 3
MAX_WORDS_IN_TOLL = 5
# A bare four-digit number in this span is a year unless a victim noun or a trigger follows it.
YEARS = range(1800, 2101)
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n\s*\n")

_LETTER = r"[^\W\d_]"
_WORD = rf"(?:\d+-)?{_LETTER}(?:{_LETTER}|['-])*"
_SPACE_OR_ELISION = r"(?:(?<=')|\s+)"


class CasualtyMention(Record):
    """One casualty expression: what kind, how many, and the counted noun when the text names it."""

    kind: CasualtyKind
    count: Count = Field(description="The figure; its text/start/end are the number phrase.")
    start: int = Field(description="Character offset of the whole expression in the text.")
    end: int
    text: str = Field(description="The whole expression, e.g. 'ont tué au moins 49 personnes'.")
    victims: str | None = Field(None, description="The counted noun when given: 'personnes', 'civilians'.")


class _Table(BaseModel):
    """Lexicon tables are strict: a misspelt key in the data file fails at load instead of being ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class TriggerWords(_Table):
    after: list[str]
    before: list[str]


class VagueWords(_Table):
    determiners: list[str]
    links: list[str]
    multipliers: dict[str, int]


class RangeWords(_Table):
    between: list[str]
    between_and: list[str]
    from_: list[str] = Field(alias="from")
    from_to: list[str]
    to: list[str]


class PhraseWords(_Table):
    auxiliaries: list[str]
    leads: list[str]
    lost: list[str]
    lost_victims: list[str]
    toll_connectors: list[str]
    victims: list[str]
    clause_breaks: list[str]
    not_counted: list[str]
    ages: list[str]
    nobody: list[str]
    adverbs: list[str] = []
    object_determiners: list[str]
    time_words: list[str]
    noun_markers: list[str]


class LanguageTables(_Table):
    """One language's table of `casualties.toml` (the file documents each key)."""

    decimal_mark: str
    articles: list[str]
    one_pronouns: list[str]
    number_conjunctions: list[str]
    units: dict[str, int]
    scales: dict[str, int]
    approximate: dict[str, int]
    vague_plurals: dict[str, int]
    vague_quantifiers: dict[str, int]
    vague: VagueWords
    qualifiers: dict[CountQualifier, list[str]]
    range: RangeWords
    triggers: dict[CasualtyKind, TriggerWords]
    words: PhraseWords
    tolls: dict[Literal["dead", "injured", "arrested", "unspecified"], list[str]]


class CasualtyLexicon(_Table):
    version: str
    languages: dict[str, LanguageTables]


@cache
def load_casualty_lexicon() -> CasualtyLexicon:
    """Read the shipped lexicon once per process."""
    source = resources.files("treve.resources").joinpath("lexicons/casualties.toml")
    try:
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
        version = raw.pop("version")
        return CasualtyLexicon(version=version, languages=raw)
    except (OSError, KeyError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{source}: casualty lexicon unreadable ({exc}); reinstall treve") from exc


# ---------------------------------------------------------------------------------------------------
# Pattern building


def _key(phrase: str) -> str:
    """The form a phrase is looked up by: lower case, single spaces, plain apostrophes."""
    return " ".join(normalise_for_processing(phrase).lower().split())


def _words(phrases: Iterable[str], *, hyphenated: bool = False) -> str:
    """An alternation of phrases as whole words, written as a character trie so that the engine tries one
    branch per letter instead of one per phrase; longer phrases win ("tuées" over "tué"). A `hyphenated`
    word may go on after a hyphen, as number words do ("vingt-sept", "fifty-seven")."""
    trie: dict[str, dict] = {}
    keys = {_key(p) for p in phrases}
    if not keys:
        return "(?!)"  # no phrase: matches nothing
    for phrase in keys:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    end = r"(?![\w'])" if hyphenated else r"(?![\w'-])"
    return rf"(?:{_trie_pattern(trie)})(?:(?<=')|{end})"


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        # A phrase may end here; the group is greedy, so a longer phrase is tried first.
        return f"(?:{body})?"
    return body


def _kinds(prefix: str, tables: dict[CasualtyKind, list[str]]) -> str:
    """One named group per kind ("{prefix}_dead", ...), so that a match tells which kind it counts."""
    return "(?:" + "|".join(f"(?P<{prefix}_{kind}>{_words(words)})" for kind, words in tables.items() if words) + ")"


class _Matcher:
    """The compiled patterns and lookup tables of one language."""

    def __init__(self, tables: LanguageTables) -> None:
        self.tables = t = tables
        self.qualifier_of = {_key(p): q for q, phrases in t.qualifiers.items() for p in phrases}
        self.numbers = {_key(w): v for w, v in t.units.items()}
        self.scales = {_key(w): v for w, v in t.scales.items()}
        self.approximate = {_key(w): v for w, v in t.approximate.items()}
        self.vague_plurals = {_key(w): v for w, v in t.vague_plurals.items()}
        self.vague_multipliers = {_key(w): v for w, v in t.vague.multipliers.items()}
        self.vague_quantifiers = {_key(w): v for w, v in t.vague_quantifiers.items()}
        self.articles = {_key(w) for w in t.articles}
        self.one_pronouns = {_key(w) for w in t.one_pronouns}
        self.determiners = {_key(w) for w in t.vague.determiners}
        self.silent = {_key(w) for w in (*t.vague.links, *t.number_conjunctions)}
        self.known_words = sorted(
            {*self.numbers, *self.scales, *self.approximate, *self.vague_plurals, *self.vague_quantifiers}
            | self.articles
            | self.determiners
            | self.silent,
            key=len,
            reverse=True,
        )

        digits = r"(?<![\w.,])(?:\d{1,3}(?:[ .,]\d{3})+(?!\d)|\d+)(?:[.,]\d+)?(?!\w|-" + _LETTER + ")"
        article = _words(t.articles)
        round_words = _words([*t.scales, *t.approximate])
        first = _words(
            [*(w for w in t.units if _key(w) not in self.articles), *set(t.scales) - set(t.vague_plurals)],
            hyphenated=True,
        )
        following = _words([*t.units, *t.scales, *t.approximate, *t.vague_plurals], hyphenated=True)
        conjunction = _words(t.number_conjunctions, hyphenated=True)
        word_number = (
            rf"(?:(?:{first}|{article}\s+{round_words})"
            rf"(?:(?:\s+{conjunction}\s+|-{conjunction}-|[\s-]+){following})*)"
        )
        number = rf"(?:{digits}(?:\s+{_words(t.scales)})?|{word_number})"
        plural = _words(t.vague_plurals)
        determiner = _words(t.vague.determiners)
        vague = (
            rf"(?:(?:{determiner}\s+)?{plural}(?:\s+{_words(t.vague.links)}{_SPACE_OR_ELISION}{plural})*"
            rf"|{determiner}\s+{round_words}|{_words(t.vague_quantifiers)})"
        )
        r = t.range
        spaced_to = _words(w for w in r.to if w not in "-–—")

        def number_range(name: str | None) -> str:
            def part(role: str, body: str) -> str:
                return f"(?P<{name}_{role}>{body})" if name else body

            return (
                rf"(?:{_words(r.between)}\s+{part('low1', number)}\s+{_words(r.between_and)}\s+{part('high1', number)}"
                rf"|{_words(r.from_)}\s+{part('low2', number)}\s+{_words(r.from_to)}\s+{part('high2', number)}"
                rf"|{part('low3', digits)}\s*[-–—]\s*{part('high3', digits)}"
                rf"|{part('low4', number)}\s+{spaced_to}\s+{part('high4', number)})"
            )

        qualifier = rf"(?:{_words(self.qualifier_of)}{_SPACE_OR_ELISION})"
        not_counted = rf"(?!\s*{_words(t.words.not_counted)})"
        pronoun = _words(t.one_pronouns)
        count = (
            rf"(?:{qualifier}?(?:{number_range(None)}|{number}|{vague})|{qualifier}{article}|{pronoun}){not_counted}"
        )

        triggers = [w for k in t.triggers.values() for w in (*k.after, *k.before)]
        # Free words between a figure and what it counts: never another figure ("deux attentats ont fait
        # trois morts" counts the three), except an age ("un homme de 49 ans tué").
        numbers = [*t.units, *t.scales, *t.approximate]
        age = rf"\d+\s+{_words(t.words.ages)}"
        free = rf"(?:(?!{_words([*t.words.clause_breaks, *triggers, *numbers])}){_WORD}|{age})"
        victim = _words(t.words.victims)
        aux = rf"(?:{_words(t.words.auxiliaries)}\s+)?"
        # "ont tué jeudi douze soldats", "ont fait lundi 12 morts": a word of time or manner after the verb.
        adverb = rf"(?:{_words(t.words.adverbs)}\s+)?" if t.words.adverbs else ""
        lead = rf"(?:{aux}{_words(t.words.leads)}\s+{adverb})?"
        after = {k: v.after for k, v in t.triggers.items()}
        before = {k: v.before for k, v in t.triggers.items()}

        def counted_object(name: str | None) -> str:
            """What an active verb counts: a figure, or an article before a victim noun."""
            figure = f"(?P<{name}>{count})" if name else count
            one = f"(?P<{name}_one>{article})" if name else article
            return (
                rf"(?:{figure}(?:(?:\s+{free}){{0,{MAX_WORDS_BEFORE_VICTIM}}}?\s+{victim})?"
                rf"|{one}(?:\s+{free}){{0,2}}?\s+{victim})"
            )

        # After a word that counts, no object: "3 roquettes ont tué 5 personnes" and "two gunmen killed the
        # mayor" count no dead with their first figure (a time phrase may follow: "killed the day before").
        definite_object = (
            rf"{_words(t.words.object_determiners)}{_SPACE_OR_ELISION}(?!{_words(t.words.time_words)}){_LETTER}"
        )
        not_active = rf"(?!\s+(?:{counted_object(None)}|{definite_object}))"
        # "pour la mort de", "a dead end": a casualty word after these is a noun of something else.
        not_noun = "".join(rf"(?<!\b{re.escape(_key(word))} )" for word in t.words.noun_markers)
        tolls = {k: v for k, v in t.tolls.items() if k != "unspecified"}
        unspecified = _words(t.tolls.get("unspecified", []))
        connector = rf"(?:\s+{_words(w for w in t.words.toll_connectors if w != ':')}{_SPACE_OR_ELISION}|\s*:\s*)"
        toll_tail = rf"(?:\s+{free}){{0,{MAX_WORDS_IN_TOLL}}}?{connector}"
        shapes = {
            "toll": (
                rf"{_kinds('tn', tolls)}{toll_tail}(?P<toll_count>{count})"
                rf"(?:(?:\s+{free}){{0,2}}?\s+{_kinds('tk', after)})?"
            ),
            "bilan": (
                rf"{unspecified}{toll_tail}(?P<bilan_count>{count})"
                rf"(?:\s+{free}){{0,2}}?\s+{_kinds('bk', after)}"
            ),
            "lost": (
                rf"{aux}{_words(t.words.lost)}\s+(?P<lost_count>{count}|{article})"
                rf"(?:\s+{free}){{0,2}}?\s+{_words(t.words.lost_victims)}"
            ),
            "active": rf"{aux}{_kinds('ak', before)}{_SPACE_OR_ELISION}{adverb}{counted_object('active_count')}",
            "counted": (
                rf"{lead}(?P<counted_count>{count})(?:\s+{free}){{0,{MAX_WORDS_BEFORE_TRIGGER}}}?"
                rf"\s+{not_noun}{_kinds('ck', after)}{not_active}"
            ),
            "article": (
                rf"{lead}(?P<article_count>{article})(?:\s+{free}){{0,2}}?\s+{victim}"
                rf"(?:\s+{free}){{0,{MAX_WORDS_BEFORE_TRIGGER - 2}}}?\s+{not_noun}{_kinds('rk', after)}{not_active}"
            ),
        }
        # An expression may start after an elision ("qu'au moins 49", "d'enfants"), never inside a word.
        self.pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(f"(?P<{name}>{body})" for name, body in shapes.items()) + ")"
        )
        # Every shape holds one of these words; sentences without one are not scanned.
        anchors = [*triggers, *(w for words in t.tolls.values() for w in words), *t.words.lost]
        self.anchor = re.compile(rf"(?<![\w-]){_words(anchors)}")
        self.victim = re.compile(rf"(?<![\w-]){victim}")
        # A capitalised plural right after a figure is who was counted ("12 Palestinians", "4 Iraqis").
        self.demonym = re.compile(r"\s+([A-ZÀ-ÖØ-Þ][^\W\d_]*[sx])(?![\w'-])")
        self.victim_or_trigger = re.compile(rf"\s+(?:{victim}|{_words(w for k in after.values() for w in k)})")
        self.qualifier = re.compile(qualifier)
        self.range = re.compile(number_range("r"))


@cache
def _matcher(language: str) -> _Matcher | None:
    """The compiled patterns of a language, built on first use and kept for the process."""
    tables = load_casualty_lexicon().languages.get(language)
    return _Matcher(tables) if tables else None


# ---------------------------------------------------------------------------------------------------
# Numbers

_DIGITS = re.compile(r"(?P<number>\d[\d .,]*)(?:\s+(?P<scale>\S+))?")
_THOUSANDS = re.compile(r"\d{1,3}(?P<sep>[ .,])\d{3}(?:(?P=sep)\d{3})*")
_DECIMAL = re.compile(r"\d+(?P<mark>[.,])\d+")


def _digits_value(key: str, matcher: _Matcher | None) -> int | None:
    """ "6 500", "6,500", "30.000", "1,2 million": a separator before exactly three digits groups thousands,
    any other is a decimal mark, which only a scale word makes a whole count of."""
    found = _DIGITS.fullmatch(key)
    if not found:
        return None
    number, scale_word = found["number"].strip(), found["scale"]
    scale = 1
    if scale_word:
        if matcher is None or scale_word not in matcher.scales:
            return None
        scale = matcher.scales[scale_word]
    decimal_mark = matcher.tables.decimal_mark if matcher else "."
    grouped = _THOUSANDS.fullmatch(number)
    if number.isdigit():
        return int(number) * scale
    if grouped and not (scale > 1 and grouped["sep"] == decimal_mark and number.count(decimal_mark) == 1):
        return int(re.sub(r"\D", "", number)) * scale
    decimal = _DECIMAL.fullmatch(number)
    if decimal and scale > 1:
        return round(float(number.replace(decimal["mark"], ".")) * scale)
    return None


def _evaluate(text: str, matcher: _Matcher | None) -> tuple[int, Nature] | None:
    """The value of a number phrase and whether it is exact, approximate ("une vingtaine") or vague."""
    key = _key(text)
    if not key:
        return None
    if key[0].isdigit():
        value = _digits_value(key, matcher)
        return (value, "exact") if value is not None else None
    if matcher is None:
        return None
    if key in matcher.one_pronouns:
        return 1, "exact"
    tokens = _tokens(key, matcher)
    return _combine(tokens, matcher) if tokens else None


def _tokens(key: str, matcher: _Matcher) -> list[str] | None:
    """Split a number phrase into lexicon words, multi-word entries ("quatre-vingts", "a few") kept whole."""
    tokens: list[str] = []
    rest = key
    while rest := rest.lstrip(" -"):
        for word in matcher.known_words:
            if rest.startswith(word) and (len(rest) == len(word) or rest[len(word)] in " -" or word.endswith("'")):
                tokens.append(word)
                rest = rest[len(word) :]
                break
        else:
            return None
    return tokens


def _combine(tokens: list[str], matcher: _Matcher) -> tuple[int, Nature] | None:
    """Add units and multiply by scales ("deux mille cinq cents"); round words with no number in front make
    the phrase vague ("des dizaines de milliers" = 10 x 1,000), valued as ACLED codes them."""
    total = current = 0
    number = approximate = False
    chain: list[str] = []  # the round words of a vague count, in order
    quantifier: int | None = None
    for token in tokens:
        if token in matcher.silent:
            continue
        if token in matcher.numbers or token in matcher.articles:
            current += matcher.numbers.get(token, 1)
            number = True
        elif not number and (token in matcher.vague_plurals or (quantifier is not None and _is_round(token, matcher))):
            # "des centaines", "several hundred": a round number with no count in front.
            chain.append(token)
        elif token in matcher.scales:
            if matcher.scales[token] >= 1000:
                total, current = total + max(current, 1) * matcher.scales[token], 0
            else:
                current = max(current, 1) * matcher.scales[token]
            number = True
        elif _is_round(token, matcher):
            # "une vingtaine", "a dozen", "deux douzaines": a count in round numbers, so about that many.
            current = max(current, 1) * _round_value(token, matcher)
            number = approximate = True
        elif token in matcher.vague_quantifiers:
            quantifier = matcher.vague_quantifiers[token]
        elif token in matcher.determiners:
            quantifier = quantifier or 0
        else:
            return None
    if chain:
        value = _round_value(chain[-1], matcher)
        for token in chain[:-1]:
            value *= matcher.vague_multipliers.get(token, _round_value(token, matcher))
        return value, "vague"
    if number:
        return total + current, "approximate" if approximate else "exact"
    if quantifier:
        return quantifier, "vague"
    return None


def _is_round(token: str, matcher: _Matcher) -> bool:
    return token in matcher.scales or token in matcher.approximate or token in matcher.vague_plurals


def _round_value(token: str, matcher: _Matcher) -> int:
    """A round word's value: as a vague plural when it is one ("dozens" = 12), else as a number."""
    for table in (matcher.vague_plurals, matcher.approximate, matcher.scales):
        if token in table:
            return table[token]
    raise KeyError(token)


def parse_number(text: str, language: str) -> int | None:
    """The whole number a phrase states: "49", "6 500", "6,500", "30.000", "deux", "vingt-sept", "two hundred",
    "a dozen", "1,2 million"; vague words take ACLED's values ("des dizaines" = 12, "hundreds" = 100).

    None when the phrase is not a whole count (a decimal with no scale, a word the lexicon lacks). Digits are
    read in any language, words only in a language the lexicon has a table for.
    """
    found = _evaluate(text, _matcher(language))
    return found[0] if found else None


# ---------------------------------------------------------------------------------------------------
# Counts and mentions

_BOUNDS: dict[CountQualifier, tuple[bool, bool]] = {
    # qualifier: (the figure is the low bound, the figure is the high bound)
    "exact": (True, True),
    "at least": (True, False),
    "more than": (True, False),
    "about": (False, False),
    "at most": (False, True),
    "fewer than": (False, True),
    "vague": (False, False),
}


def _count(matcher: _Matcher, original: str, plain: str, start: int, end: int) -> Count | None:
    """Reconcile one number phrase as ACLED does: the stated figure is the best estimate.

    "au moins 49" and "plus de 49": low 49, best 49 (the figure stated, not 50: ACLED codes what is reported);
    "environ 49": best 49; "jusqu'à 49" and "moins de 49": best 49, high 49; "entre 10 et 15": low 10, best 10
    (the conservative end, as ACLED takes), high 15, qualified "at least"; vague words: best only.
    """
    phrase = plain[start:end]
    qualifier: CountQualifier = "exact"
    rest = phrase
    if found := matcher.qualifier.match(phrase):
        qualifier = matcher.qualifier_of[_key(found.group())]
        rest = phrase[found.end() :]
    text = original[start:end]
    if ranged := matcher.range.fullmatch(rest):
        ends = [value for value in ranged.groupdict().values() if value]  # the one alternative's low, high
        low, high = _evaluate(ends[0], matcher), _evaluate(ends[1], matcher)
        if low is None or high is None or low[0] >= high[0]:
            return None
        return Count(low=low[0], best=low[0], high=high[0], qualifier="at least", text=text, start=start, end=end)
    value = _evaluate(rest, matcher)
    if value is None:
        return None
    number, nature = value
    if nature == "vague":
        qualifier = "vague"
    elif nature == "approximate" and qualifier == "exact":
        qualifier = "about"
    is_low, is_high = _BOUNDS[qualifier]
    return Count(
        low=number if is_low else None,
        best=number,
        high=number if is_high else None,
        qualifier=qualifier,
        text=text,
        start=start,
        end=end,
    )


def find_casualties(text: str, language: str) -> list[CasualtyMention]:
    """Every casualty expression of a text, in order, with offsets into `text` itself.

    Nothing for a language the lexicon has no table for: a figure read with another language's words
    would be a guess.
    """
    matcher = _matcher(language)
    if matcher is None:
        return []
    plain = normalise_for_processing(text)
    lower = _lower(plain)  # patterns are lower case: matching without IGNORECASE is nearly twice as fast
    mentions: list[CasualtyMention] = []
    for found in (
        found
        for start, end in _sentences_to_scan(matcher, lower)
        for found in matcher.pattern.finditer(lower, start, end)
    ):
        shape = found.lastgroup or ""
        figure = "active_count_one" if shape == "active" and found["active_count_one"] else f"{shape}_count"
        start, end = found.span(figure)
        if _is_year(matcher, lower, start, end) or _is_nobody(matcher, lower, end):
            continue
        count = _count(matcher, text, lower, start, end)
        if count is None:
            continue
        expression_end = found.end()
        demonym = None if matcher.victim_or_trigger.match(lower, end) else matcher.demonym.match(plain, end)
        if demonym and shape == "active" and expression_end == end:
            expression_end = demonym.end()
        if victim := matcher.victim.search(lower, end, expression_end):
            victims: str | None = text[victim.start() : victim.end()]
        elif demonym and demonym.end() <= expression_end:
            victims = text[demonym.start(1) : demonym.end(1)]
        else:
            victims = None
        mentions.append(
            CasualtyMention(
                kind=_kind(found, shape),
                count=count,
                start=found.start(),
                end=expression_end,
                text=text[found.start() : expression_end],
                victims=victims,
            )
        )
    return mentions


def _lower(plain: str) -> str:
    """Lower case with every character kept in place (the rare letter whose lower case is longer stays)."""
    lower = plain.lower()
    if len(lower) == len(plain):
        return lower
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in plain)


def _sentences_to_scan(matcher: _Matcher, plain: str) -> list[tuple[int, int]]:
    """The spans of the sentences that hold an anchor word: an expression never crosses a sentence end or a
    blank line, so the rest of the text (most of an article) is skipped."""
    ends = [found.end() for found in _SENTENCE_END.finditer(plain)]
    spans: list[tuple[int, int]] = []
    for anchor in matcher.anchor.finditer(plain):
        if spans and anchor.start() < spans[-1][1]:
            continue
        index = bisect_right(ends, anchor.start())
        spans.append((ends[index - 1] if index else 0, ends[index] if index < len(ends) else len(plain)))
    return spans


_KIND_GROUPS = {"toll": ("tk", "tn"), "bilan": ("bk",), "active": ("ak",), "counted": ("ck",), "article": ("rk",)}


def _kind(found: re.Match[str], shape: str) -> CasualtyKind:
    """The kind the trigger names; a toll takes the kind of the noun after its figure, else its own."""
    if shape == "lost":
        return "dead"
    groups = found.groupdict()
    for prefix in _KIND_GROUPS[shape]:
        for kind in KINDS:
            if groups.get(f"{prefix}_{kind}"):
                return kind
    raise AssertionError(f"casualty pattern matched shape {shape!r} with no kind")


def _is_year(matcher: _Matcher, plain: str, start: int, end: int) -> bool:
    """A bare "2020" is a year unless a victim noun or a casualty word follows it ("2000 personnes tuées")."""
    phrase = plain[start:end]
    return (
        phrase.isdigit()
        and int(phrase) in YEARS
        and len(phrase) == 4
        and not matcher.victim_or_trigger.match(plain, end)
    )


def _is_nobody(matcher: _Matcher, plain: str, end: int) -> bool:
    """ "no one was killed" counts nobody: the figure ends a phrase of `words.nobody`."""
    return any(plain[max(0, end - len(phrase)) : end] == phrase for phrase in matcher.tables.words.nobody)
