"""analyze(): text → Article, one at a time or as a stream of documents, never stopping a batch on one."""
from __future__ import annotations

import logging
import re
from datetime import date, datetime
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language

from .convert import doc_to_article
from .errors import BadDate, BinaryInput, EmptyInput, InputError, TooLarge
from .ingest import RawDocument, Skip
from .model import Article, content_hash
from .nlp.extensions import register_extensions
from .nlp.pipeline import load_pipeline
from .settings import MAX_CHARS

log = logging.getLogger(__name__)
BATCH_SIZE = 16
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def analyze(text: str, *, published: Optional[str] = None, id: Optional[str] = None,
            title: Optional[str] = None, lang: str = "fr", source: str = "<text>",
            nlp: Optional[Language] = None, max_chars: int = MAX_CHARS) -> Article:
    """Analyse one article. Raises InputError (with a coded one-line message) for unusable input."""
    document = RawDocument(id=id or "", text=text, source=source, published=published, title=title, lang=lang)
    result = next(analyze_documents([document], nlp=nlp, max_chars=max_chars))
    if isinstance(result, Skip):
        raise result.error or InputError(source=result.source, reason=result.reason)
    return result


def analyze_documents(documents: Iterable[Union[RawDocument, Skip]], *, nlp: Optional[Language] = None,
                      max_chars: int = MAX_CHARS, batch_size: int = BATCH_SIZE) -> Iterator[Union[Article, Skip]]:
    """Articles in input order; an input that cannot be analysed comes out as a Skip with its reason."""
    batch: list[RawDocument] = []
    for item in documents:
        prepared = item if isinstance(item, Skip) else prepare(item, max_chars)
        if isinstance(prepared, Skip):
            yield from run_batch(batch, nlp)
            batch = []
            yield prepared
            continue
        batch.append(prepared)
        if len(batch) >= batch_size:
            yield from run_batch(batch, nlp)
            batch = []
    yield from run_batch(batch, nlp)


def prepare(document: RawDocument, max_chars: int) -> Union[RawDocument, Skip]:
    """Check and normalise one document before the pipeline; problems become a Skip carrying the error."""
    try:
        document.text = check_text(document.text, document.source, max_chars)
        document.published = check_date(document.published, document.source)
    except InputError as error:
        return Skip(error.source, str(error), id=document.id or None, error=error)
    document.id = document.id or content_hash(document.text)[:16]
    return document


def check_text(text: str, source: str, max_chars: int) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text or len(CONTROL_CHARS.findall(text[:8192])) > 0.05 * min(len(text), 8192):
        raise BinaryInput(source=source, reason="binary content, not text")
    if not text.strip():
        raise EmptyInput(source=source, reason="empty text: nothing to analyse")
    if len(text) > max_chars:
        raise TooLarge(source=source, reason=f"text of {len(text):,} characters is over the limit of "
                                             f"{max_chars:,} (set VEILLE_MAX_CHARS to raise it)")
    return text


def check_date(value: Optional[str], source: str) -> Optional[str]:
    """An ISO date (`2023-09-13`, or a datetime whose date is kept), or None."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return (datetime.fromisoformat(text.replace("Z", "+00:00")).date() if "T" in text or " " in text
                else date.fromisoformat(text)).isoformat()
    except ValueError:
        raise BadDate(source=source, reason=f"published date {text!r} is not an ISO date (YYYY-MM-DD)") from None


def run_batch(batch: list[RawDocument], nlp: Optional[Language]) -> Iterator[Union[Article, Skip]]:
    if not batch:
        return
    pipelines: dict[str, Language] = {}
    for document in batch:
        pipelines.setdefault(document.lang, nlp or load_pipeline(document.lang))
    try:
        nlp_of_batch = pipelines[batch[0].lang]
        docs = list(nlp_of_batch.pipe(make_doc(nlp_of_batch, d) for d in batch)) if len(pipelines) == 1 else None
    except Exception:  # one bad document must not sink its batch: redo them one by one below
        log.exception("batch failed; retrying its %d documents one by one", len(batch))
        docs = None
    for n, document in enumerate(batch):
        yield to_article(document, docs[n] if docs else None, pipelines[document.lang])


def make_doc(nlp: Language, document: RawDocument):
    """A tokenised Doc that already knows its publication date, which components resolve times against."""
    register_extensions()
    doc = nlp.make_doc(document.text)
    doc._.published = document.published
    return doc


def to_article(document: RawDocument, doc, nlp: Language) -> Union[Article, Skip]:
    try:
        doc = doc if doc is not None else nlp(make_doc(nlp, document))
        return doc_to_article(doc, id=document.id, title=document.title, published=document.published,
                              lang=document.lang, url=document.url, source=document.source)
    except Exception as error:  # noqa: BLE001 — recorded with its reason, the batch goes on
        log.exception("analysis failed for %s", document.source)
        return Skip(document.source, f"analysis failed: {type(error).__name__}: {error}", id=document.id)
