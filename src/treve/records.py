"""Typed records that flow through the pipeline; the JSON they produce is treve's public contract."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

InputFormat = Literal["text", "html", "jsonl", "feed", "warc"]
PublishedSource = Literal["metadata", "option", "inferred"]


class Record(BaseModel):
    """Shared settings: records are immutable; stages return updated copies (`model_copy(update=...)`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


R = TypeVar("R", bound=Record)

# The fields that hold a character offset into the article text, in every record that has one.
OFFSET_FIELDS = frozenset({"start", "end"})


def shifted(record: R, by: int) -> R:
    """The record with every character offset in it, its parts' included, moved `by` characters: what a piece of
    a text tells, placed in the whole text."""
    update: dict[str, object] = {}
    for name in type(record).model_fields:
        value = getattr(record, name)
        if name in OFFSET_FIELDS and isinstance(value, int):
            update[name] = value + by
        elif isinstance(value, Record):
            update[name] = shifted(value, by)
        elif isinstance(value, list) and any(isinstance(item, Record) for item in value):
            update[name] = [shifted(item, by) if isinstance(item, Record) else item for item in value]
    return record.model_copy(update=update) if update else record


class RawItem(Record):
    """One news item as an input reader found it, before any cleaning.

    Exactly one of `data` (undecoded bytes), `text` (already decoded plain text) or `html` is the body.
    """

    path: str = Field(description="File the item came from ('-' for standard input).")
    record: int | None = Field(None, description="Line (JSON Lines) or record/entry number inside the file.")
    format: InputFormat
    data: bytes | None = None
    text: str | None = None
    html: str | None = None
    declared_encoding: str | None = Field(None, description="Charset declared by HTTP headers or the feed.")
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="Publication date as the metadata gave it, unparsed.")
    source: str | None = Field(None, description="Publisher or site name when the metadata gives it.")
    language: str | None = Field(None, description="Language declared by the metadata (ISO 639-1).")


class Removal(Record):
    """A piece of scraper debris taken out of the body, with where it was in the decoded input."""

    text: str
    start: int = Field(
        description="Character offset in the text the cleaner read: the decoded input, "
        "or for HTML the page's extracted main text."
    )
    end: int
    reason: Literal[
        "publisher-stamp",
        "counter",
        "share-line",
        "cookie-line",
        "newsletter-line",
        "related-link",
        "duplicated-phrase",
        "title-line",
    ]


class ParagraphLanguage(Record):
    """The language of one paragraph of the clean body."""

    start: int = Field(description="Character offset in `Article.text`.")
    end: int
    language: str | None = Field(description="ISO 639-1 code, null when no configured language fits.")
    confidence: float


class Article(Record):
    """One clean, identified news article."""

    id: str = Field(description="Stable id derived from the normalised title and body.")
    title: str | None
    text: str = Field(description="The clean body, original characters kept.")
    language: str | None = None
    language_confidence: float | None = None
    declared_language: str | None = Field(None, description="Language the page or feed declares, if any.")
    paragraphs: list[ParagraphLanguage] = Field(default_factory=list)
    published: date | datetime | None = None
    published_source: PublishedSource | None = None
    published_confidence: float | None = Field(None, description="For an inferred date: how sure, 0 to 1.")
    removed: list[Removal] = Field(default_factory=list)
    duplicate_of: str | None = Field(None, description="Id of the first copy when this is a (near-)duplicate.")
    warnings: list[str] = Field(
        default_factory=list,
        description="What the input gave but could not be kept, one line each with what to do (a publication date "
        "that is not a date).",
    )
    source: str | None = None
    url: str | None = None
    author: str | None = None
    input_format: InputFormat
    path: str
    record: int | None = None
    events: list[Event] = Field(default_factory=list)
    places: list[PlaceMention] = Field(
        default_factory=list, description="Every place name of the text, resolved, with its role."
    )


# ---------------------------------------------------------------------------------------------------
# Events (PLOVER 2.0 records with treve's own fields)

AuxiliaryMode = Literal["historical", "future", "hypothetical", "negation"]
DatePrecision = Literal["hour", "day", "week", "month", "season", "year", "decade"]
Salience = Literal["main", "secondary", "background"]
CountQualifier = Literal["exact", "at least", "more than", "at most", "fewer than", "about", "vague"]


class Entity(Record):
    """An actor or recipient as PLOVER codes it."""

    entity_text: str = Field(description="The words of the article that name it.")
    code: str | None = Field(None, description="ISO 3166 alpha-3, or IGO, UNO, EUR, NGO, ... (PLOVER).")
    sector: str | None = Field(None, description="GOV, MIL, REB, COP, JUD, LEG, PTY, PRE, ... (PLOVER).")
    identifier_id: str | None = Field(None, description="Wikidata id, only where the resource knows it.")
    start: int | None = Field(None, description="Character offset of entity_text in the article text.")
    end: int | None = None


class Count(Record):
    """A figure as ACLED reconciles them: "au moins 49" is low 49, best 49, qualifier "at least"."""

    low: int | None
    best: int | None
    high: int | None
    qualifier: CountQualifier
    text: str = Field(description="The words of the article that give the figure.")
    start: int | None = None
    end: int | None = None


class Casualties(Record):
    dead: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None


class Size(Record):
    """PLOVER's size object: the best figure of each count."""

    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None


class EventTime(Record):
    """When an event happened, as precisely as the text says, in ISO 8601 (UTC when a zone is given)."""

    start: date | datetime
    end: date | datetime | None = Field(None, description="Last day or instant for a span (a night, a week).")
    precision: DatePrecision
    text: str | None = Field(None, description="The time expression; null when the date is the publication's.")


class Attribution(Record):
    """Who says the event happened: reported speech is kept apart from fact."""

    source: Entity | None = Field(None, description="The speaker, when named.")
    text: str = Field(description="The attributing words, e.g. 'selon le Premier ministre arménien'.")
    kind: Literal["statement", "claim", "accusation", "denial"] = "statement"


class Evidence(Record):
    """Where in the article the event is told."""

    sentence: str
    start: int = Field(description="Character offset of the sentence in the article text.")
    end: int
    trigger: str | None = Field(None, description="The word or phrase that names the event.")


DurationUnit = Literal["hour", "day", "week", "month", "year"]


class Duration(Record):
    """How long something lasts, as the text counts it ("72 heures", "a seven-day truce")."""

    count: int
    unit: DurationUnit
    text: str

    @property
    def span(self) -> timedelta:
        """The length it names (a month as 30 days, a year as 365)."""
        return timedelta(days=self.count * DAYS_PER_UNIT[self.unit])


DAYS_PER_UNIT: dict[str, float] = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


class CeasefireTerms(Record):
    """A ceasefire agreed or declared: when it takes effect and how long it lasts, when the text says so."""

    effective: EventTime | None = Field(None, description="When the ceasefire takes effect (UTC when given).")
    duration: Duration | None = Field(None, description="How long it is agreed for ('a 72-hour truce').")
    scope: str | None = Field(None, description="Where it holds, as its own words name it ('a truce in North Darfur').")
    guarantors: list[Entity] = Field(
        default_factory=list, description="Who guarantees it: neither its parties nor its mediators."
    )
    status: Literal["in effect", "violated", "collapsed"] | None = Field(
        None,
        description="What the text tells of it: running ('took effect'), broken ('hundreds of violations of the "
        "ceasefire') or over ('the truce collapsed').",
    )


class Event(Record):
    """One event in PLOVER 2.0's record layout, plus treve's fields under their own names."""

    id: str
    date: str | None = Field(description="ISO 8601 date of the event (PLOVER's field).")
    event: str = Field(description="PLOVER 2.0 event type, e.g. ASSAULT.")
    mode: str | None = None
    auxiliary_modes: list[AuxiliaryMode] = Field(default_factory=list)
    salience: Salience | None = Field(
        None,
        description="'main' (what the lede reports), 'secondary' (other news of the article) or 'background' "
        "(recalled for context, coded historical).",
    )
    context: list[str] = Field(default_factory=list)
    actor: list[Entity] = Field(default_factory=list)
    recipient: list[Entity] = Field(default_factory=list)
    mediator: list[Entity] = Field(
        default_factory=list, description="Third parties that broker or host: not actors, not recipients."
    )
    ceasefire: CeasefireTerms | None = Field(None, description="Set when the event is a ceasefire.")
    ceasefire_violation: bool = Field(
        False, description="Told as the breach of a ceasefire ('accused the RSF of violating the truce')."
    )
    event_text: str
    size: Size = Field(default_factory=Size)
    casualties: Casualties = Field(default_factory=Casualties)
    time: EventTime | None = None
    date_precision: DatePrecision | None = None
    attribution: Attribution | None = None
    evidence: Evidence
    retold: list[Evidence] = Field(
        default_factory=list, description="Other sentences of the article that tell the same event, merged here."
    )
    confidence: float
    location: Place | None = Field(None, description="Where the event happened (PLOVER's location object).")
    location_basis: LocationBasis | None = Field(
        None,
        description="How the place was chosen: 'locative' or 'syntax' when the sentence says so; 'sentence' "
        "(another place of its sentence) or 'story' (the dateline or first place) when treve guessed.",
    )
    cameo_root: str | None = Field(None, description="CAMEO root code (two digits) this type maps to.")
    acled_event_type: str | None = Field(None, description="ACLED event type this type and mode map to.")
    acled_sub_event_type: str | None = Field(None, description="ACLED sub-event type, where the record tells.")


class ItemError(Record):
    """An input item that could not become an article: where it was and what to do about it. Control characters
    in the reason (an input's own bytes quoted in it, an escape sequence in a file name) are written as escapes,
    so that printing it never drives the terminal."""

    path: str
    record: int | None = None
    reason: str

    @field_validator("reason")
    @classmethod
    def _printable(cls, reason: str) -> str:
        return "".join(
            char if unicodedata.category(char) not in ("Cc", "Cf") else char.encode("unicode_escape").decode("ascii")
            for char in reason
        )


class ExtractionResult(Record):
    """What `treve extract` prints."""

    articles: list[Article] = Field(default_factory=list)
    errors: list[ItemError] = Field(default_factory=list)


# ---------------------------------------------------------------------------------------------------
# Places (PLOVER's location object, with the raw text beside the resolved place)

LocationBasis = Literal["locative", "syntax", "sentence", "story"]
GeoPrecision = Literal[1, 2, 3]
Resolution = Literal[1, 2, 3, 4, 5]


class Place(Record):
    """Where something happened: the words of the article and, when the gazetteer resolved them, the place.

    `resolution` is Mordecai's scale (5 below a town: a district of a city, a building; 4 a town; 3 a
    district or county; 2 a province or region; 1 a country); `geo_precision` is ACLED's (1 the exact
    town, 2 near a town or part of a region, 3 a province or larger).
    """

    extracted_place: str = Field(description="The place name as the article writes it.")
    resolved_place: str | None = Field(None, description="The gazetteer's name for it; null when unresolved.")
    geonameid: int | None = Field(None, description="GeoNames id, only where the gazetteer's source gives it.")
    lat: float | None = None
    lon: float | None = None
    city: str | None = None
    district: str | None = None
    province: str | None = None
    country: str | None = None
    country_code: str | None = Field(None, description="ISO 3166-1 alpha-3.")
    feature_class: str | None = Field(None, description="GeoNames feature class (A, P, S, ...).")
    feature_code: str | None = Field(None, description="GeoNames feature code (PCL, ADM1, PPLC, ...).")
    resolution: Resolution | None = None
    geo_precision: GeoPrecision | None = None


PlaceRole = Literal["event", "dateline", "actor", "other"]


class PlaceMention(Record):
    """One place name of the text, where it is, the place it resolves to (None when unresolved), and its role."""

    start: int = Field(description="Character offset of the name in the text.")
    end: int
    text: str
    place: Place | None = None
    metonymic: bool = Field(False, description="A capital standing for its government: an actor, not a location.")
    role: PlaceRole = Field(
        "other",
        description="'event': where an event of the article happened; 'dateline': the place of a wire story's "
        "dateline, where it was filed, never an event's place by itself; 'actor': a capital standing for its "
        "government; 'other': any other place the article names.",
    )
