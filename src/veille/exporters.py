"""Exports of stored records as flat rows: events (in a POLECAT/PLOVER-like layout), claims and quotes, written
by format writers registered by name (`jsonl`, `csv`).

    export(articles, "events", "csv", out)

One row per event, claim or quote; each row carries its article's id, date and headline so a file stands alone.
An event's first source actor is the POLECAT `actor`, its first target the `recipient`; the others are listed.
"""
from __future__ import annotations

import csv
import json
from typing import IO, Callable, Iterable, Iterator

from .model import Article, Event

RowWriter = Callable[[Iterable[dict], list[str], IO[str]], int]
WRITERS: dict[str, RowWriter] = {}
LIST_SEPARATOR = "; "

EVENT_COLUMNS = ["event_id", "event_date", "event_type", "factuality", "actor_name", "actor_country",
                 "actor_entity", "recipient_name", "recipient_country", "recipient_entity", "other_actors",
                 "placename", "trigger", "trigger_start", "trigger_end", "story_id", "publication_date", "headline",
                 "language"]
CLAIM_COLUMNS = ["claim_id", "text", "start", "end", "factuality", "polarity", "source", "source_entity", "chain",
                 "cues", "story_id", "publication_date", "headline", "language"]
QUOTE_COLUMNS = ["quote_id", "type", "text", "start", "end", "speaker", "speaker_entity", "cue", "cue_lemma", "mode",
                 "via", "confidence", "story_id", "publication_date", "headline", "language"]


def writer(name: str):
    """Register a format writer: `fn(rows, columns, out) -> rows written`."""
    def register(fn: RowWriter) -> RowWriter:
        WRITERS[name] = fn
        return fn
    return register


@writer("jsonl")
def write_jsonl(rows: Iterable[dict], columns: list[str], out: IO[str]) -> int:
    n = 0
    for n, row in enumerate(rows, 1):
        out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
    return n


@writer("csv")
def write_csv(rows: Iterable[dict], columns: list[str], out: IO[str]) -> int:
    table = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    table.writeheader()
    n = 0
    for n, row in enumerate(rows, 1):
        table.writerow({c: "" if row.get(c) is None else row[c] for c in columns})
    return n


# rows ----------------------------------------------------------------------------------------------------------
def story(article: Article) -> dict:
    return {"story_id": article.id, "publication_date": article.published, "headline": article.title,
            "language": article.lang}


def event_rows(articles: Iterable[Article]) -> Iterator[dict]:
    for article in articles:
        for event in article.events:
            yield {**story(article), **event_row(article, event)}


def event_row(article: Article, event: Event) -> dict:
    sources = [a for a in event.actors if a.role != "target"]
    targets = [a for a in event.actors if a.role == "target"]
    actor, recipient = (sources or [None])[0], (targets or [None])[0]
    others = [a.name for a in event.actors if a is not actor and a is not recipient]
    return {"event_id": f"{article.id}:{event.id}", "event_date": event.date, "event_type": event.type,
            "factuality": event.factuality,
            "actor_name": actor and actor.name, "actor_country": actor and actor.country,
            "actor_entity": actor and actor.entity,
            "recipient_name": recipient and recipient.name, "recipient_country": recipient and recipient.country,
            "recipient_entity": recipient and recipient.entity, "other_actors": LIST_SEPARATOR.join(others) or None,
            "placename": event.place, "trigger": event.trigger.text, "trigger_start": event.trigger.start,
            "trigger_end": event.trigger.end}


def claim_rows(articles: Iterable[Article]) -> Iterator[dict]:
    for article in articles:
        for claim in article.claims:
            yield {**story(article), "claim_id": f"{article.id}:{claim.id}", "text": claim.text,
                   "start": claim.start, "end": claim.end, "factuality": claim.factuality,
                   "polarity": claim.polarity, "source": claim.source.name, "source_entity": claim.source.entity,
                   "chain": " > ".join(s.name for s in claim.chain),
                   "cues": LIST_SEPARATOR.join(c.text for c in claim.cues) or None}


def quote_rows(articles: Iterable[Article]) -> Iterator[dict]:
    for article in articles:
        for quote in article.quotes:
            yield {**story(article), "quote_id": f"{article.id}:{quote.id}", "type": quote.type, "text": quote.text,
                   "start": quote.start, "end": quote.end, "speaker": quote.speaker.name,
                   "speaker_entity": quote.speaker.entity, "cue": quote.cue and quote.cue.text,
                   "cue_lemma": quote.cue and quote.cue.lemma, "mode": quote.mode, "via": quote.via,
                   "confidence": quote.confidence}


RECORDS = {"events": (event_rows, EVENT_COLUMNS), "claims": (claim_rows, CLAIM_COLUMNS),
           "quotes": (quote_rows, QUOTE_COLUMNS)}


def export(articles: Iterable[Article], records: str, fmt: str, out: IO[str]) -> int:
    """Write the `records` (events, claims, quotes) of the articles in format `fmt`; returns the rows written."""
    if records not in RECORDS:
        raise ValueError(f"unknown records {records!r}: choose from {', '.join(RECORDS)}")
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(WRITERS)}")
    rows, columns = RECORDS[records]
    return WRITERS[fmt](rows(articles), columns, out)
