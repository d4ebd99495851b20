"""The records that flow through veille: one `Article` and the items extracted from it.

Every extracted item carries character offsets into `Article.text`, so any consumer can show where it came
from. The JSON schema of `Article` (``veille schema``) is the contract between the pipeline, the store, the
API and the exports; bump `SCHEMA_VERSION` whenever a field changes meaning.
"""
from __future__ import annotations

import hashlib
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "0.2"  # 0.2: times, claims and events filled; TimeExpr.mod, Actor.role, Event.cues

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteType = Literal["direct", "indirect", "mixed"]
QuoteMode = Literal["attested", "reported"]
Factuality = Literal["certain", "probable", "possible", "negated", "unknown"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A stretch of the article text: `text == article.text[start:end]`."""

    text: str
    start: int
    end: int


class Mention(Span):
    pass


class Entity(Record):
    id: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    country: Optional[str] = None
    roles: list[str] = Field(default_factory=list)  # role nouns the article ties to it; not names, not aliases


class Speaker(Record):
    entity: Optional[str] = None
    name: Optional[str] = None
    mention: Optional[Mention] = None


class Cue(Span):
    lemma: str
    cls: Optional[str] = None


class Quote(Span):
    id: str
    type: QuoteType
    speaker: Speaker = Field(default_factory=Speaker)
    cue: Optional[Cue] = None
    mode: QuoteMode = "attested"
    via: Optional[str] = None
    confidence: float = 1.0
    rule: str = ""


class Source(Record):
    entity: Optional[str] = None
    name: str


class Claim(Span):
    id: str
    factuality: Factuality = "certain"
    polarity: Literal["positive", "negative"] = "positive"
    source: Source = Field(default_factory=lambda: Source(name="journalist"))
    chain: list[Source] = Field(default_factory=list)
    cues: list[Span] = Field(default_factory=list)


class Actor(Record):
    entity: Optional[str] = None
    name: str
    country: Optional[str] = None
    role: Optional[Literal["source", "target"]] = None


class Event(Record):
    id: str
    type: str
    trigger: Span
    actors: list[Actor] = Field(default_factory=list)
    place: Optional[str] = None
    date: Optional[str] = None
    factuality: Factuality = "certain"
    cues: list[Span] = Field(default_factory=list)


class TimeExpr(Span):
    value: Optional[str] = None
    mod: Optional[str] = None       # START | MID | END of the period in `value` (début, mi-, fin), as TimeML


class Article(Record):
    """One analysed article. `text` is the analysed text; all offsets refer to it."""

    schema_version: str = SCHEMA_VERSION
    id: str
    title: Optional[str] = None
    published: Optional[str] = None
    lang: str = "fr"
    source: Optional[str] = None
    url: Optional[str] = None
    text: str
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    """Identity of an article's content: the same text re-ingested is the same article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
