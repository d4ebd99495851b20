"""Throughput of veille's analysis against the bare spaCy pipeline, on the same texts, in the same run.

    python bench/throughput.py [--repeat N] [FILES_OR_DIRS ...]

Defaults to examples/ plus the shared dev set when present. Prints articles/s and tokens/s for both, the
ratio, and the share of time each veille component takes (spaCy's own components included).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from veille.analyze import analyze_documents  # noqa: E402
from veille.ingest import RawDocument, iter_documents  # noqa: E402
from veille.nlp.pipeline import MODELS, load_pipeline  # noqa: E402

DEFAULT_INPUTS = [ROOT / "examples", ROOT.parent / "shared" / "eval" / "dev"]


def texts_from(paths: list[Path]) -> list[str]:
    docs = [d for d in iter_documents(str(p) for p in paths if p.exists()) if isinstance(d, RawDocument)]
    return [d.text for d in docs]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def component_times(nlp, texts: list[str]) -> dict[str, float]:
    """Seconds spent in each pipeline component, one document at a time."""
    spent: dict[str, float] = defaultdict(float)
    for text in texts:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - start
    return spent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    texts = texts_from(args.inputs or DEFAULT_INPUTS) * args.repeat
    bare = spacy.load(MODELS["fr"])
    veille_nlp = load_pipeline("fr")
    tokens = sum(len(doc) for doc in bare.pipe(texts[:len(texts) // args.repeat])) * args.repeat  # warms up too
    list(veille_nlp.pipe(texts[:len(texts) // args.repeat]))  # the same warm-up for veille, so neither pays it
    bare_s = timed(lambda: list(bare.pipe(texts)))
    documents = [RawDocument(id=str(n), text=t, source=str(n)) for n, t in enumerate(texts)]
    veille_s = timed(lambda: list(analyze_documents(documents, nlp=veille_nlp)))
    print(f"{len(texts)} articles, {tokens:,} tokens")
    print(f"bare {MODELS['fr']:18} {len(texts) / bare_s:7.2f} articles/s {tokens / bare_s:9.0f} tokens/s")
    print(f"veille analyze     {len(texts) / veille_s:7.2f} articles/s {tokens / veille_s:9.0f} tokens/s")
    print(f"ratio veille/bare time: {veille_s / bare_s:.3f}")
    spent = component_times(veille_nlp, texts)
    spacy_s = sum(v for k, v in spent.items() if not k.startswith("veille_"))
    for name, seconds in spent.items():
        print(f"  {name:18} {seconds:7.3f} s  {seconds / spacy_s:6.1%} of spaCy's components")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
