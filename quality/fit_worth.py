"""Fit the "worth asking" model on readers' labels (ranking.py's second model).

    .venv/bin/python quality/fit_worth.py [--write]

Readers rate samples drawn by `make eval` (build/quality/sample-N.json, rated into
ratings-N.json with ../shared/eval/READER.md's brief). Each rated question whose fact
the generator still proposes becomes one example: the fact's features (ranking.py),
labelled by the reader's worth_asking. A logistic regression over a handful of
article-level features (what the fact is, how central its sentence is, whether it is
one item of a list, how likely people are to ask about it) is fitted and checked by
leaving one sample out at a time; --write adds it to quizapp/domain/data/ranking.json.

The labels stay in build/ (they quote the development articles, which the product
must not ship); the weights file records which samples they came from.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from quizapp.domain.generator import analyse_article
from quizapp.domain.ranking import FEATURES, WEIGHTS, WORTH_FEATURES, feature_table

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "build" / "quality"


def rated_examples() -> list[tuple[int, list[float], int]]:
    """(sample seed, worth features, label) for every rated question the generator
    still proposes."""
    out = []
    analyses: dict[str, tuple] = {}
    for ratings_path in sorted(LABELS.glob("ratings-*.json")):
        seed = int(ratings_path.stem.split("-")[1])
        sample = json.loads((LABELS / f"sample-{seed}.json").read_text(encoding="utf-8"))
        ratings = json.loads(ratings_path.read_text(encoding="utf-8"))
        banks = json.loads((LABELS / f"banks-{seed}.json").read_text(encoding="utf-8"))
        for question, rating in zip(sample, ratings, strict=True):
            if question["type"] == "true_false":
                continue
            text = banks[question["article"]]["article"]
            if text not in analyses:
                analysis = analyse_article(text)
                table = feature_table(
                    analysis.facts,
                    analysis.sentences,
                    analysis.title,
                    analysis.references.article_sentences,
                )
                analyses[text] = (analysis, table)
            analysis, table = analyses[text]
            fact = next(
                (
                    f
                    for f in analysis.facts
                    if f.sentence.text == question["source_sentence"]
                    and f.text == question["answer"]
                ),
                None,
            )
            if fact is None:
                continue  # the generator no longer proposes this fact
            values = dict(zip(FEATURES, table[id(fact)], strict=True))
            values["asked"] = _logit(fact.asked)
            label = int(rating["worth_asking"])
            out.append((seed, [values[name] for name in WORTH_FEATURES], label))
    return out


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--C", type=float, default=0.3)
    args = parser.parse_args()
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.preprocessing import StandardScaler

    rows = rated_examples()
    if len(rows) < 30:
        print(f"only {len(rows)} rated questions in {LABELS}: have readers rate samples first")
        return 0
    seeds = sorted({r[0] for r in rows})
    x = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows])
    held: list[float] = [0.0] * len(rows)
    for seed in seeds:  # leave one sample out
        train = [i for i, r in enumerate(rows) if r[0] != seed]
        test = [i for i, r in enumerate(rows) if r[0] == seed]
        if len(set(y[train])) < 2:
            continue
        scaler = StandardScaler().fit(x[train])
        fit = LogisticRegression(C=args.C, max_iter=5000).fit(scaler.transform(x[train]), y[train])
        for i, p in zip(test, fit.predict_proba(scaler.transform(x[test]))[:, 1], strict=True):
            held[i] = float(p)
    print(
        f"{len(rows)} rated questions from samples {seeds}, {y.mean():.2f} worth asking; "
        f"left-one-sample-out AUC {roc_auc_score(y, held):.3f} "
        f"(the SQuAD model's probability alone: {roc_auc_score(y, x[:, 0]):.3f})"
    )
    scaler = StandardScaler().fit(x)
    fit = LogisticRegression(C=args.C, max_iter=5000).fit(scaler.transform(x), y)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    weights = fit.coef_[0] / scale
    intercept = float(fit.intercept_[0] - np.sum(fit.coef_[0] * scaler.mean_ / scale))
    for name, w in sorted(zip(WORTH_FEATURES, weights, strict=True), key=lambda nw: -abs(nw[1])):
        print(f"  {name:26} {w:+.3f}")
    if args.write:
        data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
        data["worth"] = {
            "about": "Readers' worth_asking labels on generated questions "
            "(quality/fit_worth.py; ../shared/eval/READER.md's brief).",
            "samples": seeds,
            "labels": len(rows),
            "held_out_auc": round(float(roc_auc_score(y, held)), 4),
            "features": list(WORTH_FEATURES),
            "weights": [round(float(w), 6) for w in weights],
            "intercept": round(intercept, 6),
        }
        WEIGHTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
