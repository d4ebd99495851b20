"""One trigger with what the parse gives it (`Mention`), and what one Doc's mentions share (`Context`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from ..attribution import SpeakerResolver
from ..factuality import Assessment, innermost_quote
from ..types import ActorRef
from .dating import is_dateline
from .lexicon import Trigger
from .referents import key


@dataclass
class Mention:
    """One trigger with what the parse gives it, before mentions of one event are merged."""

    token: Token
    trigger: Trigger
    predicate: Token                  # where its actors hang: the trigger, or the verb a judged adjective qualifies
    clause: Token
    actors: list[ActorRef]
    type: str
    assess: Callable[[], Assessment]  # the clause's factuality, worked out only for mentions that need it
    place: Optional[str] = None
    also: list[Token] = field(default_factory=list)   # nouns of merged mentions, where a date may be
    date: Optional[str] = None
    date_text: Optional[str] = None
    _assessment: Optional[Assessment] = None

    @property
    def assessment(self) -> Assessment:
        if self._assessment is None:
            self._assessment = self.assess()
        return self._assessment

    @property
    def sources(self) -> list[ActorRef]:
        return [a for a in self.actors if a.role == "source"]

    def take_actors(self, other: "Mention") -> None:
        keys = {key(a) for a in self.actors}
        self.actors += [a for a in other.actors if key(a) not in keys]


@dataclass
class Context:
    """What one Doc's mentions share: the speaker resolver, the usable times and the quotations."""

    doc: Doc
    resolver: SpeakerResolver
    times: list = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc) -> "Context":
        times = [t for t in doc._.times or [] if getattr(t, "value", None) and not is_dateline(doc, t)]
        return cls(doc, SpeakerResolver(doc), times)

    def speaker_at(self, token: Token) -> Optional[str]:
        quotes = self.doc._.quotes or []
        n = innermost_quote(token, quotes)
        return quotes[n].speaker_entity if n is not None and quotes[n].type == "direct" else None
