"""The article as paragraphs of segments, with the questions' source sentences marked.

Plain data for the template, which escapes every piece of text it prints.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    anchor: str | None  # "s-<start>" for a source sentence, None for plain text


def article_paragraphs(text: str, sentence_spans: set[tuple[int, int]]) -> list[list[Segment]]:
    paragraphs: list[list[Segment]] = []
    pos = 0
    spans = sorted(sentence_spans)
    for block in text.split("\n\n"):
        start = text.index(block, pos)
        end = start + len(block)
        pos = end
        segments: list[Segment] = []
        cursor = start
        for s, e in spans:
            if s < start or e > end or s < cursor:
                continue
            if s > cursor:
                segments.append(Segment(text[cursor:s], None))
            segments.append(Segment(text[s:e], f"s-{s}"))
            cursor = e
        if cursor < end:
            segments.append(Segment(text[cursor:end], None))
        paragraphs.append(segments)
    return paragraphs
