"""Why the generator asks what it asks: every candidate of an article and its fate.

    .venv/bin/python quality/why.py ARTICLE.txt            # each sentence, its candidates
    .venv/bin/python quality/why.py ARTICLE.txt --key KEY  # only the key's facts: asked,
                                                           # refused (and why) or never found

For looking at one article while changing the method; the figures that decide
whether a change is kept come from `make eval` over all of them.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from quizapp.domain.generator import analyse_article, generate_bank


def norm(text: str) -> str:
    return re.sub(r"[^\w%$£€.]+", " ", text.lower().replace(",", "")).strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("article", type=Path)
    parser.add_argument("--key", type=Path)
    args = parser.parse_args()
    raw = args.article.read_text(encoding="utf-8")
    analysis = analyse_article(raw)
    bank = generate_bank(raw)
    rank = {}
    for n, q in enumerate(bank.questions):
        rank.setdefault((q.sentence_start, norm(q.answer)), (n, q.type))
    if args.key:
        for item in json.loads(args.key.read_text(encoding="utf-8")):
            answers = {norm(item["answer"]), *(norm(a) for a in item.get("alternatives", []))}
            found = [
                f
                for f in analysis.candidates
                if f.sentence.text == item["sentence"] and norm(f.text) in answers
            ]
            if not found:
                same = [f.text for f in analysis.candidates if f.sentence.text == item["sentence"]]
                print(f"NOT FOUND  {item['answer']!r:28} candidates: {same}")
                continue
            f = found[0]
            where = rank.get((f.sentence.start, norm(f.text)))
            fate = (
                f"asked #{where[0]} ({where[1]})"
                if where
                else analysis.refusals.get(id(f), f"not asked (score {f.score:.2f})")
            )
            print(f"{item['answer']!r:38} {f.kind:7} {fate}")
        return
    for s in analysis.sentences:
        print(f"\n[{s.index}] {s.text}")
        for f in analysis.candidates:
            if f.sentence is s:
                where = rank.get((s.start, norm(f.text)))
                fate = f"#{where[0]} {where[1]}" if where else analysis.refusals.get(id(f), "-")
                print(f"    {f.text!r:32} {f.kind:7} {f.score:5.2f}  {fate}")


if __name__ == "__main__":
    main()
