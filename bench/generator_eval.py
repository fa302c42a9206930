"""The generator on the development articles in ../shared/eval, graded by its script.

Prints each article's coverage and verdict, then (with --sweep) the coverage for a
grid of the ranking's two knobs, to see whether the figures sit on a plateau or on a
spike. Skips with a message where ../shared is absent (a user's clone).

    .venv/bin/python bench/generator_eval.py [--sweep]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from quizapp.domain import generator

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    if not (EVAL / "grade_bank.py").exists():
        print(f"skipped: {EVAL} is not here (it is not part of a user's clone)")
        return
    spec = importlib.util.spec_from_file_location("grade_bank", EVAL / "grade_bank.py")
    assert spec and spec.loader
    grader = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(grader)
    articles = sorted((EVAL / "articles").glob("*.txt"))
    data = {
        a.stem: (
            a.read_text(encoding="utf-8"),
            json.loads((EVAL / "keys" / f"{a.stem}.json").read_text(encoding="utf-8")),
        )
        for a in articles
    }

    def grade_all() -> dict[str, dict]:
        out = {}
        for name, (text, key) in data.items():
            questions = generator.generate_bank(text).to_dict()["questions"]
            out[name] = grader.grade(text, questions, key)
        return out

    for name, r in grade_all().items():
        print(
            f"{name:18} coverage={r['coverage']:.2f} on_key={r['on_key']:.2f} "
            f"questions={r['questions']} missed={r['missed']}"
        )
    if args.sweep:
        print("\nlayer decay x repeat penalty -> coverage per article")
        for repeat in (0.5, 1.0, 1.5, 3.0):
            for decay in (0.6, 0.7, 0.8, 0.9):
                generator._LAYER_DECAY, generator._REPEAT_PENALTY = decay, repeat
                figures = [round(r["coverage"], 2) for r in grade_all().values()]
                mean = sum(figures) / len(figures)
                print(f"  {decay:.2f} x {repeat:.1f}: {figures} mean={mean:.3f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
