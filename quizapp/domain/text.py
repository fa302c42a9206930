"""Article text: normalisation, boilerplate removal and sentence splitting.

Everything downstream points into the cleaned text by character offsets, so the
cleaned text is what a bank stores as its article and every source sentence is an
exact slice of it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
        "\u00ad": "",
    }
)

# Paragraphs that belong to the page around an article, not to the article.
_BOILERPLATE = re.compile(
    r"""(?ix)
    copyright\b | \(c\)\s*\d{4} | ©\s*\d{4} | all\s+rights\s+reserved
    | \bclick\s+here\b | \bsign\s+up\b | \bsubscribe\b | \bnewsletter\b
    | \bfollow\s+us\b | \bread\s+more\b | ^advertisement | \bshare\s+this\b
    | \bthis\s+(?:article|story)\s+(?:originally\s+)?(?:appeared|was\s+(?:first\s+)?published)
    | ^(?:additional\s+)?reporting\s+by\b | ^source:\s | ^(?:photo|image|picture|credit)s?:
    | \bphoto:\s | \balt= | \bget\s+the\s+answers\s+with\b
    | \bcookies?\s+policy\b | \bterms\s+of\s+(?:use|service)\b
    """
)
# Scraper metadata glued to the start of a text, e.g. "date 2023-12-09 At a ...".
_LEADING_METADATA = re.compile(
    r"^\s*(?:date|published|updated|posted)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ][\d:.+Z-]+)?\s+",
    re.IGNORECASE,
)
# the end of a sentence may carry Wikipedia's page references ("gravitational.:2–10:79")
_PAGES = r"(?::\d{1,4}(?:[–-]\d{1,4})?(?:,\d{1,4})*)*"
_SENTENCE_END = re.compile(rf"""[.!?]+["')\]]*{_PAGES}(?=\s)|[.!?]+["')\]]*{_PAGES}$""")
# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sir st jr sr rev gen col lt sgt capt cmdr gov sen rep hon
    inc ltd co corp plc llc bros dept univ assn no nos vol vols fig figs approx est
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    vs etc al e.g i.e u.s u.k u.n a.m p.m ft mt ave blvd""".split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: an exact slice text[start:end] of the cleaned article."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int


def normalise(text: str) -> str:
    """Unicode NFC, straight quotes, single spaces, paragraphs separated by a blank line."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    # a typewriter's dash, "IDs---the" or "IDs -- the": one dash, not part of a word
    text = re.sub(r"(?<=\w)-{2,3}(?=\w)|[ \t]-{2,3}[ \t]", " — ", text)
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"[ \t]+", " ", line).strip() for line in block.split("\n")]
        joined = " ".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def is_boilerplate(paragraph: str) -> bool:
    return bool(_BOILERPLATE.search(paragraph))


def clean_article(raw: str) -> str:
    """The article as a learner should read it: normalised, boilerplate dropped."""
    text = _LEADING_METADATA.sub("", normalise(raw))
    kept = [p for p in text.split("\n\n") if not is_boilerplate(p)]
    return "\n\n".join(kept)


# a credit line naming the publication the article comes from (the boilerplate
# clean_article drops: "This article originally appeared on ...")
_CREDIT = re.compile(
    r"(?i:\bthis\s+(?:article|story)\s+(?:originally\s+)?"
    r"(?:appeared|was\s+(?:first\s+)?published)\s+(?:on|in)\s+(?:the\s+)?)"
    r"(?P<name>[A-Z][\w&'.-]*(?:\s[A-Z][\w&'.-]*)*)(?:\s\((?P<short>[A-Z]{2,8})\))?"
)


def publishers(raw: str) -> frozenset[str]:
    """The publication a syndicated article names in its credit line ("This article
    originally appeared on the South China Morning Post (SCMP)"), and its initials:
    the boilerplate clean_article drops says whose paper the story is. One scan of the
    raw text: the credit line's own words mark it, with no paragraphs to rebuild."""
    return frozenset(
        n.rstrip(".")
        for m in _CREDIT.finditer(raw)
        for n in (m.group("name"), m.group("short"))
        if n
    )


def split_title(text: str) -> tuple[str | None, str]:
    """Split off a headline: a short first paragraph with no closing full stop."""
    first, sep, rest = text.partition("\n\n")
    words = first.split()
    if sep and 0 < len(words) <= 20 and not re.search(r"[.!?:;,]$", first):
        return first, rest
    return None, text


def word_occurrences(
    text: str, phrase: str, ignore_case: bool = False, *, hyphen_joins: bool = False
) -> int:
    """How often `phrase` occurs in `text` as whole words (with `hyphen_joins`, not as
    part of a hyphenated word either: "H100" is not in "H100-based"). With str.find
    rather than a regex made for each phrase: thousands of distinct patterns flush the
    re module's cache of 512, and every fixed pattern of the generator is compiled
    again."""
    if not phrase:
        return 0
    if ignore_case:
        text, phrase = text.lower(), phrase.lower()
    joiners = "_-" if hyphen_joins else "_"
    count = start = 0
    while (at := text.find(phrase, start)) >= 0:
        end = at + len(phrase)
        before_ok = at == 0 or not (text[at - 1].isalnum() or text[at - 1] in joiners)
        after_ok = end == len(text) or not (text[end].isalnum() or text[end] in joiners)
        count += before_ok and after_ok
        start = at + 1
    return count


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Split cleaned text into sentences, never across paragraphs.

    A regex splitter with an abbreviation list rather than pysbd: on the development
    articles it handles quotes ('...," said X.') and initials as well, and it is an
    order of magnitude faster, which the 100,000-word budget needs.
    """
    sentences: list[Sentence] = []
    pos = 0
    for paragraph_no, paragraph in enumerate(text.split("\n\n")):
        start = text.index(paragraph, pos) if paragraph else pos
        pos = start + len(paragraph)
        for s, e in _sentence_bounds(paragraph):
            piece = paragraph[s:e]
            if piece.strip():
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        text=piece,
                        start=offset + start + s,
                        end=offset + start + e,
                        paragraph=paragraph_no,
                    )
                )
    return sentences


def _sentence_bounds(paragraph: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.end()
        if not _ends_sentence(paragraph, match.start(), end):
            continue
        bounds.append((start, end))
        start = end
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    if start < len(paragraph):
        bounds.append((start, len(paragraph)))
    return [(s, e) for s, e in bounds if e > s]


# lower-case letters that abbreviate before a full stop: circa, versus, page, note ...
_ABBREVIATING = frozenset("cvpnfl")


def _ends_sentence(paragraph: str, stop: int, end: int) -> bool:
    punct = paragraph[stop:end]
    following = paragraph[end:].lstrip()
    if not following:
        return True
    if punct.startswith(".") and "..." not in punct:
        word = re.search(r"([\w.]+)$", paragraph[:stop])
        token = word.group(1).lower() if word else ""
        if token in _ABBREVIATIONS or token.rstrip(".") in _ABBREVIATIONS:
            return False
        letter = word.group(1) if word else ""
        if len(letter) == 1 and letter.isalpha() and (letter.isupper() or letter in _ABBREVIATING):
            # an initial ("J. K. Rowling") or an abbreviation ("c. 1850", "Smith v. Jones");
            # another lower-case letter names a thing ("chlorophyll a. Phycobilins ...")
            return False
    first = following[0]
    # A sentence starts with a capital, a digit or an opening quote/bracket.
    if first.islower():
        return False
    return not (first in ",;:)" or (first in "\"'" and len(following) > 1 and following[1] in ",;"))
