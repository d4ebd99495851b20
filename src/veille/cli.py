"""The `veille` command: a thin shell over the library that prints results and maps errors to exit codes.

Exit codes: 0 success; 1 an input or store error (one line on standard error, naming the input); 2 usage;
3 a batch finished but some inputs failed (each reported on standard error, and recorded by `ingest`).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Iterable, Optional

import click

from .analyze import analyze_documents
from .errors import InputError, NotFound, VeilleError
from .ingest import RawDocument, Skip, iter_documents, read_jsonl, read_text_file
from .model import Article
from .settings import Settings

SOME_FAILED = 3
ENTITY_TYPES = ("PER", "ORG", "LOC")  # the types linked across articles
AMBIGUOUS_SHOWN = 10  # candidates listed when a name matches several entities


class VeilleGroup(click.Group):
    """Turns veille's errors into one clean line and exit code 1, as datasette and sqlite-utils do."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except VeilleError as error:
            click.echo(f"veille: error: {error}", err=True)
            ctx.exit(1)


@click.group(cls=VeilleGroup)
@click.version_option(package_name="veille")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help="SQLite store (default data/veille.db).")
@click.option("--model", help="spaCy model to use instead of the language's default.")
@click.pass_context
def main(ctx: click.Context, db: Optional[Path], model: Optional[str]) -> None:
    """veille: who said what, about whom, when, and how sure, in French news."""
    ctx.obj = Settings.load(db=db, model=model)


def echo_rows(rows: list[dict], as_json: bool, empty: str, line) -> None:
    """One JSON object or one formatted line per row; `empty` on stderr when there is nothing."""
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else line(row))
    if not rows and not as_json:
        click.echo(empty, err=True)


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--published", help="Publication date, YYYY-MM-DD (times are resolved against it).")
@click.option("--id", "article_id", help="Id to give the article (default: the file name).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--input", "input_path", type=click.Path(dir_okay=False, allow_dash=True),
              help="JSONL batch: one {\"id\", \"text\", \"published\"?, \"lang\"?, \"title\"?} per line; - for stdin.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Where the batch's JSONL goes; - for stdout.")
@click.pass_obj
def analyze(settings: Settings, file, published, article_id, fmt, input_path, output_path) -> None:
    """Analyse one article FILE (- for stdin), or a JSONL batch with --input."""
    if bool(file) == bool(input_path):
        raise click.UsageError("give either FILE or --input")
    if input_path:
        failed = analyze_batch(settings, input_path, output_path)
        sys.exit(SOME_FAILED if failed else 0)
    document = read_stdin_text() if file == "-" else read_text_file(Path(file))
    document.published = published or document.published
    document.id = article_id or document.id
    result = next(analyze_documents([document], nlp=pipeline(settings), max_chars=settings.max_chars))
    if isinstance(result, Skip):
        raise result.error or VeilleError(detail=result.reason)
    click.echo(result.model_dump_json(indent=2) if fmt == "json" else as_text(result))


def read_stdin_text() -> RawDocument:
    return RawDocument(id="stdin", text=open_text("-", "r").read(), source="-")


def analyze_batch(settings: Settings, input_path: str, output_path: str) -> int:
    """Write one Article line per analysable input line; report the others. Returns how many failed."""
    with open_text(input_path, "r") as source, open_text(output_path, "w") as out:
        documents = read_jsonl(source, "-" if input_path == "-" else input_path)
        failed = 0
        for result in analyze_documents(documents, nlp=pipeline(settings), max_chars=settings.max_chars):
            if isinstance(result, Skip):
                failed += 1
                click.echo(f"veille: skipped {result.source}: {result.reason}", err=True)
            else:
                out.write(result.model_dump_json() + "\n")
    return failed


def open_text(path: str, mode: str) -> IO[str]:
    """A file, or standard input/output for `-` (left open)."""
    return click.open_file(path, mode, encoding="utf-8", errors="replace" if mode == "r" else "strict")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.pass_obj
def ingest(settings: Settings, paths: tuple[str, ...]) -> None:
    """Analyse and store text files, directories and JSONL files; re-ingesting changes nothing."""
    from .store import open_store

    added = unchanged = failed = 0
    with open_store(settings.db_path, aliases=alias_rules(settings.aliases)) as store:
        for result in analyze_documents(iter_documents(paths), nlp=pipeline(settings), max_chars=settings.max_chars):
            if isinstance(result, Skip):
                failed += 1
                store.record_failure(result.source, result.reason)
                click.echo(f"veille: skipped {result.source}: {result.reason}", err=True)
            elif store.add(result):
                added += 1
            else:
                unchanged += 1
    click.echo(f"{added} added, {unchanged} unchanged, {failed} failed → {settings.db_path}")
    sys.exit(SOME_FAILED if failed else 0)


@main.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per result.")
@click.pass_obj
def search(settings: Settings, words: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search over stored articles."""
    from .store import open_store

    with open_store(settings.db_path) as store:
        results = store.search(" ".join(words), limit=limit)
    echo_rows(results, as_json, "no match", lambda row: f"{row['id']}\t{row.get('published') or ''}\t"
              f"{row.get('title') or ''}\n    {row.get('snippet', '')}")


@main.command()
@click.argument("article_id")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
@click.pass_obj
def show(settings: Settings, article_id: str, fmt: str) -> None:
    """Show one stored article."""
    from .store import open_store

    with open_store(settings.db_path) as store:
        article = store.get(article_id)
    if article is None:
        raise NotFound(id=article_id)
    click.echo(article.model_dump_json(indent=2) if fmt == "json" else as_text(article))


@main.command()
@click.pass_obj
def failures(settings: Settings) -> None:
    """List the inputs that could not be analysed, with their reasons."""
    from .store import open_store

    with open_store(settings.db_path) as store:
        for row in store.failures():
            click.echo(f"{row['at']}\t{row['source']}\t{row['reason']}")


def alias_rules(path: Optional[Path]):
    """The alias file's rules (VEILLE_ALIASES), or None when there is none."""
    from .store import load_aliases

    return load_aliases(path) if path else None


@main.command()
@click.option("--type", "etype", type=click.Choice(ENTITY_TYPES), help="Only people, organisations or places.")
@click.option("--q", help="Only names containing this (accents and case ignored).")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per entity.")
@click.pass_obj
def entities(settings: Settings, etype: Optional[str], q: Optional[str], limit: int, as_json: bool) -> None:
    """List the people, organisations and places across stored articles, most written about first."""
    from .store import open_store

    with open_store(settings.db_path) as store:
        rows = store.entities(type=etype, q=q, limit=limit)
    echo_rows(rows, as_json, "no entity", lambda row: f"{row['id']}\t{row['type']}\t{row['name']}\t"
              f"{row['n_articles']} articles\t{row['n_quotes']} quotes")


@main.command()
@click.argument("ref")
@click.option("--type", "etype", type=click.Choice(ENTITY_TYPES), help="When REF is a name: its type.")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
@click.pass_obj
def entity(settings: Settings, ref: str, etype: Optional[str], fmt: str) -> None:
    """Show one entity (REF: its id, or a name): aliases, quotes, articles, who it appears with."""
    from .store import entity_profile, open_store

    with open_store(settings.db_path) as store:
        profile = entity_profile(store, find_entity(store, ref, etype))
    click.echo(json.dumps(profile, ensure_ascii=False, indent=2) if fmt == "json" else entity_text(profile))


def find_entity(store, ref: str, etype: Optional[str]) -> int:
    """The id REF names: an id, else the one entity whose name is REF, else the only entity whose name holds it."""
    from .store import EntityNotFound, parse_identity_id
    from .store.names import normalise

    identity_id = parse_identity_id(ref)
    if identity_id is not None:
        if store.entity(identity_id) is None:
            raise EntityNotFound(id=ref)
        return identity_id
    found = store.entities(type=etype, q=ref, limit=AMBIGUOUS_SHOWN)
    exact = [e for e in found if normalise(e["name"], e["type"]) == normalise(ref, e["type"])]
    if len(exact) == 1 or len(found) == 1:
        return (exact or found)[0]["id"]
    if not found:
        raise InputError(source=ref, reason="no entity of that name")
    names = ", ".join(f"{e['id']} {e['name']} ({e['type']})" for e in exact or found)
    raise InputError(source=ref, reason=f"several entities match: {names}; give an id")


def entity_text(profile: dict) -> str:
    """An entity profile for reading: who, their quotes, the articles, who else is named with them."""
    e = profile["entity"]
    lines = [f"{e['name']}  ({e['type']}{', ' + e['country'] if e['country'] else ''})  id {e['id']}",
             f"{e['n_articles']} articles, {e['n_mentions']} mentions, {e['n_quotes']} quotes"]
    if e["aliases"]:
        lines.append("Also: " + ", ".join(e["aliases"]))
    lines += section("Quotes", [f"{q['published'] or 'undated'}  {q['article_id']}  {q['mode']:8} "
                                f"{'[' + q['cue'] + '] ' if q['cue'] else ''}{shorten(q['text'])}"
                                for q in profile["quotes"]])
    lines += section("Articles", [f"{a['published'] or 'undated'}  {a['id']}  {a['title'] or ''}  "
                                  f"({a['mentions']} mentions, {a['n_quotes']} quotes)" for a in profile["articles"]])
    lines += section("Appears with", [f"{o['id']}\t{o['type']}\t{o['name']}  ({o['n_articles']} articles)"
                                      for o in profile["co_occurring"]])
    return "\n".join(lines)


def section(title: str, rows: list[str]) -> list[str]:
    return ["", f"{title}:"] + [f"  {row}" for row in rows or ["none"]]


@main.command()
@click.option("--aliases", "aliases_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Alias file (YAML or CSV) to apply (default VEILLE_ALIASES).")
@click.pass_obj
def relink(settings: Settings, aliases_path: Optional[Path]) -> None:
    """Link every stored entity to identities again: after editing the alias file, or upgrading veille."""
    from .store import open_store

    rules = alias_rules(aliases_path or settings.aliases)
    with open_store(settings.db_path, aliases=rules) as store:
        counts = store.relink()
    click.echo(f"{counts['links']} entities linked to {counts['identities']} identities"
               + (f" ({rules.describe()})" if rules else ""))


@main.command()
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (default 8000).")
@click.pass_obj
def serve(settings: Settings, host: Optional[str], port: Optional[int]) -> None:
    """Serve the web UI and JSON API."""
    import uvicorn

    from .web import create_app_from_path

    uvicorn.run(create_app_from_path(settings.db_path), host=host or settings.host, port=port or settings.port)


@main.command()
@click.option("--events", "records", flag_value="events", default=True,
              help="PLOVER events, one row each, in a POLECAT-like layout (the default).")
@click.option("--claims", "records", flag_value="claims", help="Claims with their factuality and source chain.")
@click.option("--quotes", "records", flag_value="quotes", help="Quotations with their speaker and cue.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]),
              help="Output format (default: from OUTPUT's extension, else jsonl).")
@click.argument("output", required=False, default="-", type=click.Path(dir_okay=False, allow_dash=True))
@click.pass_obj
def export(settings: Settings, records: str, fmt: Optional[str], output: str) -> None:
    """Export the stored articles' events, claims or quotes to OUTPUT (- for stdout)."""
    from .exporters import export as write_records
    from .store import open_store

    fmt = fmt or ("csv" if output.lower().endswith(".csv") else "jsonl")
    with open_store(settings.db_path) as store, open_text(output, "w") as out:
        written = write_records(store.iter_articles(), records, fmt, out)
    click.echo(f"{written} {records} → {output}", err=True)


@main.command()
def schema() -> None:
    """Print the JSON schema of the Article record."""
    click.echo(json.dumps(Article.model_json_schema(), indent=2, ensure_ascii=False))


def pipeline(settings: Settings):
    from .nlp.pipeline import load_pipeline

    return load_pipeline("fr", settings.model)


def as_text(article: Article) -> str:
    """A human-readable summary: entities, then quotes with speaker, cue and mode."""
    lines = [f"{article.title or article.id}  ({article.published or 'undated'})", "", "Entities:"]
    lines += [f"  {e.type:4} {e.name}" + (f"  ({', '.join(e.aliases)})" if e.aliases else "")
              for e in article.entities]
    lines += ["", "Quotes:"]
    for q in article.quotes:
        cue = f" [{q.cue.text}]" if q.cue else ""
        lines.append(f"  {q.type:8} {q.mode:8} {q.speaker.name or '?'}{cue}: {shorten(q.text)}")
    return "\n".join(lines)


def shorten(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def run(argv: Optional[Iterable[str]] = None) -> None:
    main(args=list(argv) if argv is not None else None)
