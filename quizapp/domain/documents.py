"""Uploaded bytes -> article text, or a clear reason why not.

Accepts plain text, Markdown, HTML (the article is extracted from the page) and PDF.
Refuses empty, binary, oversized and non-English input with one-line messages that
the web form, the API and the command line show as they are.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from quizapp.wording import counted

if TYPE_CHECKING:
    from markdown_it.token import Token

MAX_BYTES = 2 * 1024 * 1024  # an article, not a book: 2 MB is ~300,000 words
PDF_MAX_BYTES = 4 * MAX_BYTES  # PDFs carry fonts and images
MIN_WORDS = 20
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # all but \t \n \f \r


class InputError(ValueError):
    """The input cannot become a bank; str(error) is the message to show."""


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    source: str | None = None


def read_upload(stream: BinaryIO, filename: str = "") -> bytes:
    """The bytes of an article file, reading at most one byte more than the largest
    allowed (a PDF's) however big the file is. A file past that is refused with its true
    size where the stream can tell it (a file on disk, a spooled upload)."""
    data = stream.read(PDF_MAX_BYTES + 1)
    if len(data) <= PDF_MAX_BYTES:
        return data  # read_document checks it against the limit of its kind
    try:
        stream.seek(0, io.SEEK_END)
        size = max(stream.tell(), len(data))
    except (AttributeError, OSError, ValueError):  # a pipe: only a lower bound is known
        size = len(data)
    if filename.lower().endswith(".pdf") or data[:5] == b"%PDF-":
        raise too_large(size, PDF_MAX_BYTES, "PDF")
    raise too_large(size)


def too_large(size: int, max_bytes: int = MAX_BYTES, what: str = "file") -> InputError:
    """The refusal of a `size`-byte file over `max_bytes`, saying its size truthfully."""
    megabytes = f"{size / 1_048_576:.1f}"
    if float(megabytes) * 1_048_576 <= max_bytes:  # 2 MB and a few bytes is not "2.0 MB"
        megabytes = f"{size / 1_048_576:.6f}".rstrip("0")
    limit = f"{max_bytes / 1_048_576:g} MB" + (" of text" if what == "file" else "")
    return InputError(f"The {what} is {megabytes} MB; the limit is {limit}.")


# byte-order marks, longest first: UTF-32's little-endian one begins with UTF-16's
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# English in a legacy encoding is nearly always Windows-1252 or Latin-1: where one of
# them reads as cleanly as charset-normalizer's first guess, it is the right one (its
# guess for "Muñoz paid £300" was Baltic cp1257: "Muņoz paid Ģ300")
_WESTERN = ("cp1252", "latin_1")


def decode(data: bytes, *, max_bytes: int = MAX_BYTES) -> str:
    if not data.strip():
        raise InputError("The file is empty.")
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(f"The file is not valid {encoding.upper()} text.") from None
    elif b"\x00" in data[:8192]:
        raise InputError("The file looks binary, not text. Upload .txt, .md or .html.")
    else:
        text = _decode_unmarked(data)
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 20000):
        raise InputError("The file looks binary, not text. Upload .txt, .md or .html.")
    # a few strays in real text (a NUL past the sniffed start, a form feed's cousins) are
    # invisible and meaningless, and PostgreSQL cannot store a NUL: drop them
    return _STRAY_CONTROLS.sub("", text)


def _decode_unmarked(data: bytes) -> str:
    """Text without a byte-order mark: UTF-8, or what charset-normalizer finds."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError("The file is not readable text in any known encoding.")
    western = [m for m in matches if m.encoding in _WESTERN and m.chaos <= best.chaos]
    return str(western[0] if western else best)


def read_document(data: bytes, filename: str = "", *, max_bytes: int = MAX_BYTES) -> Document:
    """Bytes as uploaded -> a Document with the article's plain text and metadata."""
    name = filename.lower()
    if name.endswith(".pdf") or data[:5] == b"%PDF-":
        doc = pdf_to_document(data, max_bytes=max_bytes)
        check_article(doc.text)
        return doc
    text = decode(data, max_bytes=max_bytes)
    if name.endswith((".html", ".htm")) or (not name and _looks_like_html(text)):
        doc = html_to_document(text)
    elif name.endswith((".md", ".markdown")):
        doc = markdown_to_document(text)
    else:
        doc = text_to_document(text)
    check_article(doc.text)
    return doc


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<p>" in head and "</p>" in head)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end() :]


def text_to_document(text: str) -> Document:
    meta, body = _front_matter(text)
    return Document(
        text=body,
        title=meta.get("title"),
        publisher=meta.get("publisher"),
        date=meta.get("date"),
        source=meta.get("source"),
    )


def markdown_to_document(text: str) -> Document:
    """The prose of a Markdown file: paragraphs, headings, list items and quotes keep
    their text, links their words; code, images and HTML tags go.

    A CommonMark parser (markdown-it-py) reads it. The regexes it replaces were
    quadratic on unclosed marks: 200,000 "*a " or "[a](" took minutes, so a small
    upload could hold a worker until its timeout.
    """
    from markdown_it import MarkdownIt

    meta, body = _front_matter(text)
    title = meta.get("title")
    blocks: list[str] = []
    heading = ""
    for token in MarkdownIt("commonmark").parse(body):
        if token.type == "heading_open":
            heading = token.tag
        elif token.type == "heading_close":
            heading = ""
        elif token.type == "inline":
            words = _inline_text(token.children or []).strip()
            if heading == "h1" and not title:
                title = words
            if words:
                blocks.append(words)
        elif token.type == "html_block":
            blocks.append(_soup_text(token.content))
    return Document(
        text="\n\n".join(b for b in blocks if b),
        title=title or None,
        publisher=meta.get("publisher"),
        date=meta.get("date"),
        source=meta.get("source"),
    )


def _inline_text(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")  # a line break inside a paragraph is no sentence break
        # images (their alt text) and inline HTML tags are not the article's prose
    return "".join(parts)


def html_to_document(html: str) -> Document:
    """The article in a web page: trafilatura finds the body; BeautifulSoup is the fallback."""
    import trafilatura

    html = _without_oversized_tags(html)
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    meta = trafilatura.extract_metadata(html)
    if not text or len(text.split()) < MIN_WORDS:
        text = _soup_text(html)
    return Document(
        text=text,
        title=meta.title if meta else None,
        publisher=meta.sitename if meta else None,
        date=meta.date if meta else None,
        source=meta.url if meta else None,
    )


# no real element carries kilobytes of attributes; a tag with 100,000 of them made
# lxml (which checks each against the others) and htmldate take 78 s on 1 MB
_MAX_TAG_CHARS = 8192


def _without_oversized_tags(html: str) -> str:
    """The page without tags longer than _MAX_TAG_CHARS, found in one linear scan."""
    kept, position = [], 0
    while (start := html.find("<", position)) >= 0:
        end = html.find(">", start)
        if end < 0:
            break
        if end - start > _MAX_TAG_CHARS and html[start + 1 : start + 2].isalpha():
            kept.append(html[position:start])
        else:
            kept.append(html[position : end + 1])
        position = end + 1
    kept.append(html[position:])
    return "".join(kept)


def pdf_to_document(data: bytes, *, max_bytes: int = MAX_BYTES) -> Document:
    """The text layer of a PDF; a scanned PDF without one gets a clear message."""

    from pypdf import PdfReader

    if not data.strip():
        raise InputError("The file is empty.")
    if len(data) > 4 * max_bytes:  # PDFs carry fonts and images: allow more bytes
        raise too_large(len(data), 4 * max_bytes, "PDF")
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or None
    except Exception as error:
        # A hostile or broken PDF makes pypdf fail in many ways: PdfReadError, a
        # decompression bomb's LimitReachedError, RecursionError on nested arrays,
        # DependencyError for a JBIG2 image, and plain TypeErrors. However it fails,
        # the PDF could not be read, and the user is told so.
        raise InputError(f"The PDF could not be read ({type(error).__name__}: {error}).") from None
    text = "\n\n".join(pages)
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)  # words hyphenated at line ends
    if not text.strip():
        raise InputError("The PDF has no text layer (a scan?): paste its text instead.")
    if len(text.encode()) > max_bytes:
        raise InputError(f"The PDF holds more than {max_bytes / 1_048_576:.0f} MB of text.")
    return Document(text=text, title=str(title) if title else None)


def _soup_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = [el.get_text(" ", strip=True) for el in root.find_all(["h1", "h2", "h3", "p", "li"])]
    text = "\n\n".join(b for b in blocks if b)
    return text or root.get_text("\n\n", strip=True)


def check_article(text: str) -> None:
    """Raise InputError unless `text` is English prose long enough to ask about."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < MIN_WORDS:
        raise InputError(
            f"The text has {counted(len(words), 'word')}; an article needs at least {MIN_WORDS}."
        )
    language = detect_language(text)
    if language != "en":
        raise InputError(
            f"The text looks like it is not in English (detected: {language}); "
            "quizapp generates questions from English articles only."
        )


def detect_language(text: str) -> str:
    import py3langid

    sample = text[:20000]
    lang, _ = py3langid.classify(sample)
    return str(lang)
