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
