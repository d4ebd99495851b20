"""Score veille on the shared gold set: analyse its inputs, write predictions, run the shared scorer.

    python bench/eval_dev.py [GOLD_DIR] [--verbose] [--json]

GOLD_DIR defaults to ../shared/eval/dev. Predictions go to bench/out/dev.pred.jsonl.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "dev"


def predict(gold_dir: Path, out: Path) -> Path:
    from veille.analyze import analyze_documents
    from veille.ingest import read_jsonl
    from veille.ingest.records import Skip
    import io

    scorer = gold_dir.parent / "score.py"
    inputs = subprocess.run([sys.executable, str(scorer), "inputs", str(gold_dir)], check=True,
                            capture_output=True, text=True).stdout
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for article in analyze_documents(read_jsonl(io.StringIO(inputs), "dev")):
            if isinstance(article, Skip):  # scored as an empty prediction, so a crash shows as lost recall
                sys.stderr.write(f"skipped {article.source}: {article.reason}\n")
                continue
            f.write(article.model_dump_json() + "\n")
    return out


def score(gold_dir: Path, predictions: Path, *flags: str) -> dict:
    scorer = gold_dir.parent / "score.py"
    run = subprocess.run([sys.executable, str(scorer), "score", str(gold_dir), str(predictions), "--json", *flags],
                         check=True, capture_output=True, text=True)
    if "--verbose" in flags:
        sys.stderr.write(run.stderr)
    return json.loads(run.stdout)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    gold_dir = Path(args[0]) if args else DEFAULT_GOLD
    predictions = predict(gold_dir, ROOT / "bench" / "out" / "dev.pred.jsonl")
    result = score(gold_dir, predictions, *[a for a in argv if a == "--verbose"])
    if "--json" in argv:
        print(json.dumps(result, ensure_ascii=False))
    else:
        for area, values in result.items():
            print(f"{area:10} {values}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
