"""Fit the answer ranking (quizapp/domain/ranking.py) on what people chose to ask.

    .venv/bin/pip install -c requirements.lock -e '.[fit]'   # scikit-learn, once
    .venv/bin/python quality/fit_ranker.py [--write]

For every SQuAD v1.1 dev article in the "fitted" half (quality/ranker_split.py), the
generator proposes its candidates and its gates pass some; each passed candidate
in a sentence that crowd workers asked about is labelled 1 when its text matches one
of their answers there (squad_grade.py's matching: SQuAD normalisation, exact or
token F1 >= 0.6), 0 otherwise. A logistic regression (scikit-learn, a development
dependency only) is fitted on the generator's own features; its weights, folded back
to the raw features, are what ranking.py reads with plain Python.

Printed: the fit's log loss and AUC on the held-out half, and how often the top
candidate of an asked sentence is one people chose (the quantity squad_grade.py's
agreement measures), against the same figure for kind order alone. --write writes
quizapp/domain/data/ranking.json with the attribution SQuAD's licence asks for.
Skips with a message where ../shared is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

from quizapp.domain.generator import analyse_article
from quizapp.domain.ranking import FEATURES, WEIGHTS, feature_table

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval import squad_text  # noqa: E402
from ranker_split import squad_half  # noqa: E402

ATTRIBUTION = (
    "Fitted on the SQuAD v1.1 development set (the articles quality/ranker_split.py calls "
    "'fitted'): Pranav Rajpurkar, Jian Zhang, Konstantin Lopyrev, Percy Liang. 2016. "
    "SQuAD: 100,000+ Questions for Machine Comprehension of Text. EMNLP 2016, pp. "
    "2383-2392. Licence of the data: CC BY-SA 4.0."
)


def load_grader():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("squad_grade", EVAL / "squad_grade.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def examples(  # type: ignore[no-untyped-def]
    article: dict, grader, every_sentence: bool = True
) -> list[tuple[int, list[float], int, bool]]:
    """(sentence id, features, label, asked) for each candidate: label 1 when people
    chose it, asked when people asked anything about its sentence. With
    `every_sentence` the sentences nobody asked about count too (their candidates 0),
    so that the model learns which sentences are worth a question, not only which of
    a sentence's spans."""
    paragraphs = [grader.squash(p["context"]) for p in article["paragraphs"]]
    humans: dict[int, list[tuple[int, int, list[str]]]] = defaultdict(list)
    for i, p in enumerate(article["paragraphs"]):
        ctx = p["context"]
        for qa in p["qas"]:
            a0 = qa["answers"][0]
            pre = grader.squash(ctx[: a0["answer_start"]])
            start = len(pre) + (1 if pre and ctx[: a0["answer_start"]][-1:].isspace() else 0)
            end = start + len(grader.squash(a0["text"]))
            humans[i].append((start, end, [a["text"] for a in qa["answers"]]))
    analysis = analyse_article(squad_text(article))
    table = feature_table(
        analysis.facts,
        analysis.sentences,
        analysis.title,
        analysis.references.article_sentences,
    )
    by_sentence = defaultdict(list)
    for f in analysis.facts:
        by_sentence[f.sentence.index].append(f)
    out = []
    for s in analysis.sentences:
        loc = grader.locate(s.text, paragraphs)
        if loc is None:
            continue
        pi, s0, s1 = loc
        answers = [t for h0, h1, texts in humans[pi] if s0 <= h0 and h1 <= s1 + 1 for t in texts]
        if not answers and not every_sentence:
            continue  # nobody asked about this sentence: no label for its candidates
        sid = hash((article["title"], s.index))
        for f in by_sentence[s.index]:
            label = int(any(grader.match(f.text, a) for a in answers))
            out.append((sid, table[id(f)], label, bool(answers)))
    return out


def top1(rows: list[tuple[int, list[float], int, bool]], scores: list[float]) -> float:
    """Share of asked sentences whose best-scored candidate is one people chose."""
    best: dict[int, tuple[float, int]] = {}
    for (sid, _x, y, asked), s in zip(rows, scores, strict=True):
        if asked and (sid not in best or s > best[sid][0]):
            best[sid] = (s, y)
    return sum(y for _, y in best.values()) / max(1, len(best))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation")
    args = parser.parse_args()
    if not (EVAL / "squad_grade.py").exists():
        print(f"skipped: {EVAL} is not here (it is not part of a user's clone)")
        return 0
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss, roc_auc_score
    from sklearn.preprocessing import StandardScaler

    grader = load_grader()
    data = json.loads((EVAL / "squad" / "dev-v1.1.json").read_text(encoding="utf-8"))["data"]
    halves: dict[str, list] = {"fitted": [], "held out": []}
    for article in data:
        halves[squad_half(article["title"])].extend(examples(article, grader))
    train, test = halves["fitted"], halves["held out"]
    x_train = np.array([r[1] for r in train])
    y_train = np.array([r[2] for r in train])
    x_test = np.array([r[1] for r in test])
    y_test = np.array([r[2] for r in test])
    scaler = StandardScaler().fit(x_train)
    fit = LogisticRegression(C=args.C, max_iter=5000).fit(scaler.transform(x_train), y_train)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    weights = fit.coef_[0] / scale
    intercept = float(fit.intercept_[0] - np.sum(fit.coef_[0] * scaler.mean_ / scale))
    p_test = 1 / (1 + np.exp(-(x_test @ weights + intercept)))
    kind_only = [
        sum(x[i] * (len(FEATURES) - i) for i in range(11)) for x in x_test
    ]  # a fixed kind order: money first ... phrases last
    print(f"candidates: fitted {len(train)} ({y_train.mean():.2f} asked), held out {len(test)}")
    print(
        f"held out: log loss {log_loss(y_test, p_test):.3f} "
        f"(base rate {log_loss(y_test, np.full(len(y_test), y_train.mean())):.3f}), "
        f"AUC {roc_auc_score(y_test, p_test):.3f}"
    )
    print(
        f"held out: top candidate of an asked sentence is one people chose: "
        f"{top1(test, list(p_test)):.3f} (kind order alone: {top1(test, kind_only):.3f})"
    )
    for name, w in sorted(zip(FEATURES, weights, strict=True), key=lambda nw: -abs(nw[1]))[:12]:
        print(f"  {name:26} {w:+.3f}")
    if args.write:
        WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
        WEIGHTS.write_text(
            json.dumps(
                {
                    "about": "quizapp/domain/ranking.py reads this; quality/fit_ranker.py "
                    "rebuilds it.",
                    "source": ATTRIBUTION,
                    "fitted_on": f"{len(train)} candidates of asked sentences, "
                    f"{len(halves['fitted'])} rows",
                    "held_out_auc": round(float(roc_auc_score(y_test, p_test)), 4),
                    "features": list(FEATURES),
                    "weights": [round(float(w), 6) for w in weights],
                    "intercept": round(intercept, 6),
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {WEIGHTS}")
    if not math.isfinite(intercept):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
