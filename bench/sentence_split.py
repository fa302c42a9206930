"""Our sentence splitter against pysbd: accuracy on hard cases, and speed.

Prints figures; asserts nothing. The cases are the shapes news text takes that
trip splitters up (quotes with attributions, titles and initials, decimals,
ellipses, abbreviations). Speed is given as a ratio of the two, measured in the
same run on the same text.

    .venv/bin/python bench/sentence_split.py
"""

from __future__ import annotations

import time
from pathlib import Path

import pysbd

from quizapp.domain.text import clean_article, split_sentences

CASES: list[list[str]] = [
    ['"We are comfortable with the price," said the chief executive.', "Shares fell."],
    ["Mr. Smith met Dr. Jones on Monday.", "They talked."],
    ["J. K. Rowling wrote it in 1997.", "It sold well."],
    ["Growth was 4.5% in 2004.", "It may slow."],
    ["The U.S. economy grew.", "Europe did not."],
    ["Prices rose... and then fell.", "Nobody knew why."],
    ['He said: "It is over.', 'We lost."'],
    ["Shares in Acme Inc. rose 3%.", "Rivals fell."],
    ["Is it true?", "Yes, it is."],
    ["The price paid...the key here has been speed.", "We won."],
    ["It cost $3.3bn (£1.8bn) in total.", "The deal closed in April."],
    ["Visitors arrived at 9 a.m. on Monday.", "They left at noon."],
    ['"Mentally they are stronger," the 36-year-old said.', "He is now in Qatar."],
    ["St. Mary's church opened in 1850.", "It closed in 1990."],
    ["Sales rose 3 per cent vs. last year.", "Costs fell."],
]


def ours(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def main() -> None:
    segmenter = pysbd.Segmenter(language="en", clean=False)

    def theirs(text: str) -> list[str]:
        return [s.strip() for s in segmenter.segment(text) if s.strip()]

    right = {"quizapp": 0, "pysbd": 0}
    for expected in CASES:
        text = " ".join(expected)
        for name, split in (("quizapp", ours), ("pysbd", theirs)):
            got = split(text)
            if got == expected:
                right[name] += 1
            else:
                print(f"  {name:8} wrong: {got}")
    for name, count in right.items():
        print(f"{name}: {count}/{len(CASES)} hard cases split exactly")

    seed = (Path(__file__).resolve().parent.parent / "seeds" / "china-llm-race.txt").read_text()
    text = clean_article(seed.split("\n---\n", 1)[1]) * 5
    timings = {}
    for name, split in (("quizapp", ours), ("pysbd", theirs)):
        start = time.perf_counter()
        split(text)
        timings[name] = time.perf_counter() - start
    words = len(text.split())
    print(
        f"speed on {words} words: quizapp {timings['quizapp'] * 1000:.1f} ms, "
        f"pysbd {timings['pysbd'] * 1000:.0f} ms "
        f"(pysbd / quizapp = {timings['pysbd'] / timings['quizapp']:.0f}x)"
    )


if __name__ == "__main__":
    main()
