"""The whole picture of the generator's questions on the development material.

    make eval                     # everything below; about five minutes on 2 CPUs
    .venv/bin/python quality/eval.py [--squad N] [--no-squad] [--sample SEED] [--out DIR]

Reads ../shared/eval (not part of a user's clone; without it this prints why and exits
0) and prints, with the graders that live there:

1. every keyed news story: key coverage in the bank's head, on-key share and the
   hygiene checks of grade_bank.py, facts and questions per 100 words, time;
2. SQuAD (squad_grade.py, run on `quizapp generate`): recall, precision and
   agreement, macro means over the articles the ranking was fitted on and, apart,
   over the ones it was not (quality/ranker_split.py);
3. a fresh random sample for a reader (../shared/eval/READER.md): 40 questions drawn from the
   first 20 of several banks, written out with the whole banks beside them. The seed
   is printed; pass it back with --sample to draw the same sample again.

Figures only; nothing here is asserted (tests/test_eval_articles.py asserts hygiene).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType

from quizapp.domain.generator import generate_bank

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ranker_split import squad_half  # noqa: E402

HYGIENE = {  # grade_bank.py's bars
    "grounded": lambda v: v == 1.0,
    "answer_in_source": lambda v: v >= 0.98,
    "giveaway": lambda v: v == 0,
    "mcq_ok": lambda v: v == 1.0,
    "kind_match": lambda v: v >= 0.95,
    "duplicates": lambda v: v == 0,
    "trivial": lambda v: v == 0,
}
SAMPLE_SIZE = 40
HEAD = 20  # a 20-question "best first" quiz: what the reader rates


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EVAL / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def words(text: str) -> int:
    return len(text.split())


def keyed_articles() -> list[dict]:
    grader = load("grade_bank")
    generate_bank("Warm up. The gazetteers load once, before anything is timed.")
    rows = []
    for path in sorted((EVAL / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        key = json.loads((EVAL / "keys" / f"{path.stem}.json").read_text(encoding="utf-8"))
        start = time.perf_counter()
        bank = generate_bank(text)
        seconds = time.perf_counter() - start
        questions = bank.to_dict()["questions"]
        result = grader.grade(text, questions, key)
        failed = [name for name, ok in HYGIENE.items() if not ok(result[name])]
        rows.append(
            {
                "name": path.stem,
                "words": words(text),
                "facts": bank.facts,
                "questions": len(questions),
                "seconds": seconds,
                "failed": failed,
                **{k: result[k] for k in ("coverage", "coverage_all", "on_key", "missed")},
            }
        )
    return rows


def print_keyed(rows: list[dict]) -> None:
    print("== keyed news stories (grade_bank.py) ==")
    print(
        f"{'article':20} {'words':>5} {'facts':>5} {'qs':>4} {'f/100w':>6} {'ms':>5} "
        f"{'cover':>5} {'all':>5} {'onkey':>5}  hygiene"
    )
    for r in rows:
        print(
            f"{r['name']:20} {r['words']:5d} {r['facts']:5d} {r['questions']:4d} "
            f"{100 * r['facts'] / r['words']:6.1f} {1000 * r['seconds']:5.0f} "
            f"{r['coverage']:5.2f} {r['coverage_all']:5.2f} {r['on_key']:5.2f}  "
            f"{'ok' if not r['failed'] else 'FAILS ' + ','.join(r['failed'])}"
        )
    cover = [r["coverage"] for r in rows]
    total = {k: sum(r[k] for r in rows) for k in ("words", "facts", "questions", "seconds")}
    print(
        f"keys: coverage mean={statistics.mean(cover):.3f} worst={min(cover):.2f} "
        f"on_key mean={statistics.mean(r['on_key'] for r in rows):.3f} "
        f"facts/100 words={100 * total['facts'] / total['words']:.1f} "
        f"questions/100 words={100 * total['questions'] / total['words']:.1f} "
        f"ms/1000 words={1e6 * total['seconds'] / total['words']:.0f} "
        f"hygiene failures={sum(bool(r['failed']) for r in rows)}"
    )


def squad(limit: int) -> None:
    grader = load("squad_grade")
    data = json.loads((EVAL / "squad" / "dev-v1.1.json").read_text(encoding="utf-8"))["data"]
    if limit:
        data = data[:limit]
    cmd = f"{Path(sys.executable).parent / 'quizapp'} generate {{file}} --format json"
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(2) as pool:
        rows = list(pool.map(lambda a: grader.grade_article(a, cmd, Path(tmp)), data))
    seconds = time.perf_counter() - start
    errors = [r for r in rows if "error" in r]
    for r in errors:
        print(f"  {r['title']}: ERROR {r['error']}")
    print("== SQuAD (squad_grade.py): what people chose to ask ==")
    for half in ("fitted", "held out", "all"):
        ok = [
            r
            for r in rows
            if "error" not in r and (half == "all" or squad_half(r["title"]) == half)
        ]
        if not ok:
            continue
        print(
            f"squad {half:9} recall={statistics.mean(r['recall'] for r in ok):.3f} "
            f"precision={statistics.mean(r['precision'] for r in ok):.3f} "
            f"agreement={statistics.mean(r['agreement'] for r in ok):.3f} articles={len(ok)}"
        )
    total_words = sum(words(p["context"]) for art in data for p in art["paragraphs"])
    total_questions = sum(r["bank"] for r in rows if "error" not in r)
    print(
        f"squad questions/100 words={100 * total_questions / total_words:.1f} "
        f"wall time={seconds:.0f} s for {len(data)} articles (2 at a time, each a new process)"
    )


def squad_text(article: dict) -> str:
    """A SQuAD article as the grader writes it: title, then its paragraphs."""
    title = article["title"].replace("_", " ")
    paragraphs = [re.sub(r"\s+", " ", p["context"]).strip() for p in article["paragraphs"]]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def reader_sample(seed: int, out: Path, news: int = 6, wiki: int = 4) -> Path:
    """Banks for a seeded choice of articles; 40 questions from their first 20 each."""
    rng = random.Random(seed)
    stories = sorted((EVAL / "articles").glob("*.txt"))
    chosen = [(p.stem, p.read_text(encoding="utf-8")) for p in rng.sample(stories, news)]
    data = json.loads((EVAL / "squad" / "dev-v1.1.json").read_text(encoding="utf-8"))["data"]
    held_out = [a for a in data if squad_half(a["title"]) == "held out"]
    for article in rng.sample(held_out, wiki):
        # a Wikipedia article is long; a reader gets its first sections, as a user
        # pasting a textbook section would
        text = squad_text(article)
        paragraphs = text.split("\n\n")
        cut, size = [], 0
        for p in paragraphs:
            if size > 1500:
                break
            cut.append(p)
            size += words(p)
        chosen.append((article["title"], "\n\n".join(cut) + "\n"))
    out.mkdir(parents=True, exist_ok=True)
    pool = []
    banks = {}
    for name, text in chosen:
        bank = generate_bank(text).to_dict()
        banks[name] = {"article": text, "questions": bank["questions"]}
        for rank, q in enumerate(bank["questions"][:HEAD], start=1):
            pool.append(
                {
                    "article": name,
                    "rank": rank,
                    "type": q["type"],
                    "prompt": q["prompt"],
                    "answer": q["answer"],
                    "choices": q["choices"],
                    # a typed answer is graded right in these forms too: without them a
                    # reader takes "Learmount" to refuse "David Learmount"
                    "accepted": q["accepted"],
                    "source_sentence": q["source_sentence"],
                }
            )
    sample = rng.sample(pool, min(SAMPLE_SIZE, len(pool)))
    sample.sort(key=lambda q: (q["article"], q["rank"]))
    path = out / f"sample-{seed}.json"
    path.write_text(json.dumps(sample, indent=1, ensure_ascii=False), encoding="utf-8")
    (out / f"banks-{seed}.json").write_text(
        json.dumps(banks, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--squad", type=int, default=0, help="only the first N SQuAD articles")
    parser.add_argument("--no-squad", action="store_true")
    parser.add_argument("--no-keys", action="store_true")
    parser.add_argument("--sample", type=int, default=None, help="the reader sample's seed")
    parser.add_argument("--no-sample", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "quality")
    args = parser.parse_args()
    if not (EVAL / "grade_bank.py").exists():
        print(f"skipped: {EVAL} is not here (it is not part of a user's clone)")
        return 0
    if not args.no_keys:
        print_keyed(keyed_articles())
    if not args.no_squad:
        squad(args.squad)
    if not args.no_sample:
        seed = args.sample if args.sample is not None else random.SystemRandom().randrange(10**6)
        path = reader_sample(seed, args.out)
        print(f"== reader sample: seed {seed}: {path} (banks beside it)")
        print(f"   give it to a reader with the brief in {EVAL / 'READER.md'}, word for word")
    return 0


if __name__ == "__main__":
    sys.exit(main())
