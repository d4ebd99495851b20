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
from .errors import NotFound, VeilleError
from .ingest import RawDocument, Skip, iter_documents, read_jsonl, read_text_file
from .model import Article
from .settings import Settings

SOME_FAILED = 3


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
    with open_store(settings.db_path) as store:
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
    for row in results:
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else
                   f"{row['id']}\t{row.get('published') or ''}\t{row.get('title') or ''}\n    {row.get('snippet', '')}")
    if not results and not as_json:
        click.echo("no match", err=True)


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
