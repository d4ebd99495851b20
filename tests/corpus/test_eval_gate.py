"""The eval gate: dev-set figures recorded in eval_baseline.json may only go up (skipped without ../shared/)."""
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "eval" / "dev"
BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))
TOLERANCE = 0.0005  # the scorer rounds to three decimals


@pytest.fixture(scope="module")
def figures(nlp, tmp_path_factory):
    if not (GOLD / "putin-kim-vostochny.fr.gold.json").exists():
        pytest.skip("../shared/eval/dev is not beside this checkout")
    sys.path.insert(0, str(ROOT / "bench"))
    import eval_dev

    predictions = eval_dev.predict(GOLD, tmp_path_factory.mktemp("eval") / "dev.pred.jsonl")
    return eval_dev.score(GOLD, predictions)


@pytest.mark.parametrize("area,name", [(a, n) for a, values in BASELINE.items() if not a.startswith("_")
                                       and not a.endswith("_max") for n in values])
def test_eval_gate_figure_does_not_drop(figures, area, name):
    assert figures[area][name] >= BASELINE[area][name] - TOLERANCE, (area, name, figures[area][name])


@pytest.mark.parametrize("area,name", [(a[:-4], n) for a, values in BASELINE.items() if a.endswith("_max")
                                       for n in values])
def test_eval_gate_count_does_not_rise(figures, area, name):
    assert figures[area][name] <= BASELINE[f"{area}_max"][name], (area, name, figures[area][name])
