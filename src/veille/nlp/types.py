"""Small typed results the components write into Doc extensions (character offsets, not tokens)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class CharSpan:
    start: int
    end: int
    text: str


@dataclass
class EntityCluster:
    """One real-world thing in the article: all its mentions, its fullest name and type."""

    id: str
    name: str
    label: str
    mentions: list[CharSpan] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: Optional[str] = None
    roles: list[str] = field(default_factory=list)  # role nouns the article ties to it (`président russe`)
    gender: Optional[str] = None                     # "m" / "f" for a person when the article shows it


@dataclass
class QuoteMatch:
    start: int
    end: int
    type: str                                 # direct | indirect | mixed
    rule: str                                 # the rule that found it, shown to users
    cue: Optional[CharSpan] = None
    cue_lemma: Optional[str] = None
    cue_class: Optional[str] = None
    speaker: Optional[CharSpan] = None        # the mention in the text (may be a pronoun)
    speaker_entity: Optional[str] = None      # EntityCluster.id
    speaker_name: Optional[str] = None        # fullest name, or the description of an unnamed source
    speaker_names: list[str] = field(default_factory=list)  # when several sources speak together
    speaker_index: Optional[int] = None       # token heading the speaker phrase, while the Doc is processed
    fragment: bool = False                    # too short to be a quotation on its own
    mode: str = "attested"
    via: Optional[str] = None
    confidence: float = 0.8


@dataclass
class SourceRef:
    """Who a statement comes from: the journalist, or a speaker (an EntityCluster id when resolved)."""

    name: str
    entity: Optional[str] = None


@dataclass
class ClaimMatch:
    start: int
    end: int
    text: str
    factuality: str                           # certain | probable | possible | negated | unknown
    polarity: str = "positive"                # positive | negative
    source: SourceRef = field(default_factory=lambda: SourceRef("journalist"))
    chain: list[SourceRef] = field(default_factory=list)   # journalist first, the immediate source last
    cues: list[CharSpan] = field(default_factory=list)     # the words that decided the factuality
    quote: Optional[int] = None               # index in doc._.quotes when the claim is a quote's content


@dataclass
class ActorRef:
    name: str
    entity: Optional[str] = None              # EntityCluster.id
    country: Optional[str] = None
    role: str = "source"                      # source | target


@dataclass
class EventMatch:
    type: str                                 # a PLOVER category
    trigger: CharSpan
    lemma: str
    actors: list[ActorRef] = field(default_factory=list)
    place: Optional[str] = None
    date: Optional[str] = None                # a TimeMatch value from the clause, never a default
    date_text: Optional[str] = None
    factuality: str = "certain"
    cues: list[CharSpan] = field(default_factory=list)


@dataclass
class TimeMatch:
    """A time expression and its ISO 8601 value at the precision the text gives (None: not resolvable)."""

    start: int
    end: int
    text: str
    value: Optional[str]
    rule: str                                 # the pattern that found it, shown to users
    precision: str                            # day | week | month | season | quarter | half | year | decade | century
    mod: Optional[str] = None                 # START | MID | END (début, mi-, fin), as TimeML's mod
    anchor: Optional[str] = None              # published | previous (la veille) | None when absolute
    head: Optional[int] = None                # token index of its syntactic head, to tie it to a clause
