"""How fast the generator is, and whether its cost grows linearly with the text.

Prints figures; asserts nothing. Each figure is also given as a ratio to a baseline
measured in the same run (splitting the same text into sentences), because these
machines are shared and absolute times move with the load.

    .venv/bin/python bench/generate_speed.py
"""

from __future__ import annotations

import re
import string
import time
from pathlib import Path

from quizapp.domain import syntax, tagging
from quizapp.domain.generator import generate_bank
from quizapp.domain.text import clean_article, split_sentences

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "china-llm-race.txt"


def best_of(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        forget_sentences()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def forget_sentences() -> None:
    """Each run starts as a new article's would: the sentence shapes the generator
    caches (so that an article is tagged once, not once per stage) are dropped, or
    every run after the first would time a text already tagged."""
    syntax._analyse.cache_clear()
    tagging._tag_cached.cache_clear()


def body_of_seed() -> str:
    text = SEED.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1] if text.startswith("---") else text


def synthetic_article(seed: str, target_words: int) -> str:
    """The seed's paragraphs repeated to about target_words, each copy with its own
    years and its own names ("Baidu" becomes "Baiduab"), as a long real text has
    thousands of names: with the same few names repeated, a step that compared every
    name with every other looked linear here and took minutes on a book."""
    paragraphs = [p for p in seed.split("\n\n") if p.strip()]
    parts: list[str] = []
    n = words = 0
    while words < target_words:
        copy = n // len(paragraphs)
        suffix = string.ascii_lowercase[copy % 26] + string.ascii_lowercase[copy // 26 % 26]
        p = paragraphs[n % len(paragraphs)].replace("2023", str(1900 + copy % 120))
        p = re.sub(r"\b([A-Z][a-z]{2,})\b", lambda m, s=suffix: m.group(1) + s, p)
        parts.append(p)
        words += len(p.split())
        n += 1
    return "\n\n".join(parts)


def main() -> None:
    seed = body_of_seed()
    start = time.perf_counter()
    generate_bank(seed)  # loads the gazetteers once
    cold = time.perf_counter() - start

    seed_words = len(seed.split())
    big = synthetic_article(seed, 300_000)
    big_words = len(big.split())
    # growth is measured on one kind of text at two sizes: the seed itself is cheaper per
    # word than its renamed copies (their invented names are unknown words that the
    # tagger and the name finder work harder on), so seed against copies would mix the
    # cost of the text with the cost of its length
    small = synthetic_article(seed, seed_words)
    small_words = len(small.split())

    baseline_seed = best_of(lambda: split_sentences(clean_article(seed)), 20)
    seed_time = best_of(lambda: generate_bank(seed), 5)
    baseline_big = best_of(lambda: split_sentences(clean_article(big)), 3)
    small_time = best_of(lambda: generate_bank(small), 3)
    big_time = best_of(lambda: generate_bank(big), 1)
    per_word_small = small_time / small_words
    per_word_big = big_time / big_words

    print(f"seed article: {seed_words} words")
    print(f"  first call (loads gazetteers): {cold * 1000:.0f} ms")
    print(f"  generate:  {seed_time * 1000:.1f} ms  (target < 500 ms)")
    print(
        f"  baseline (clean + split only): {baseline_seed * 1000:.2f} ms; "
        f"generate = {seed_time / baseline_seed:.0f}x baseline"
    )
    print(f"{big_words} words:")
    print(f"  generate:  {big_time:.2f} s  (target < 20 s; a web import has TIMEOUT=180 s)")
    print(
        f"  baseline (clean + split only): {baseline_big * 1000:.0f} ms; "
        f"generate = {big_time / baseline_big:.0f}x baseline"
    )
    ratio = per_word_big / per_word_small
    print(
        f"linearity: time per word at {big_words} words / at {small_words} words of the "
        f"same renamed copies = {ratio:.2f} (linear = 1.0; the bar is <= 1.5)"
    )
    print(
        f"  per word: {per_word_small * 1e6:.1f} us (small), {per_word_big * 1e6:.1f} us "
        f"(large), {seed_time / seed_words * 1e6:.1f} us (the seed itself)"
    )


if __name__ == "__main__":
    main()
