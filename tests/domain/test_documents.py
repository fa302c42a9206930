import io
import zlib

import pytest

from quizapp.domain.documents import (
    InputError,
    markdown_to_document,
    read_document,
    read_upload,
)

ENGLISH = (
    "The city council approved a new budget on Monday after a long debate. "
    "The mayor said the plan would fund schools, roads and parks for the next five years."
)


def test_plain_text_with_front_matter():
    data = f"---\ntitle: Budget day\npublisher: The Gazette\n---\n{ENGLISH}".encode()
    doc = read_document(data, "a.txt")
    assert doc.title == "Budget day"
    assert doc.publisher == "The Gazette"
    assert doc.text.strip() == ENGLISH


def test_markdown_loses_its_markup():
    data = f"# Budget day\n\n**{ENGLISH}** See [the plan](http://x.test).".encode()
    doc = read_document(data, "a.md")
    assert doc.title == "Budget day"
    assert "**" not in doc.text and "http" not in doc.text
    assert "the plan" in doc.text


def test_html_keeps_the_article_and_drops_scripts():
    html = (
        "<html><head><title>Budget day</title><script>alert('x')</script></head>"
        "<body><nav>Home | News</nav><article><h1>Budget day</h1>"
        f"<p>{ENGLISH}</p><p>{ENGLISH}</p></article><footer>Copyright</footer></body></html>"
    )
    doc = read_document(html.encode(), "page.html")
    assert "alert" not in doc.text
    assert "city council approved" in doc.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        (b"Too short to ask about.", "at least"),
        (
            "Le conseil municipal a approuvé un nouveau budget lundi après un long débat. "
            "Le maire a déclaré que le plan financerait les écoles, les routes et les parcs "
            "pendant les cinq prochaines années.".encode(),
            "not in English",
        ),
    ],
)
def test_bad_input_gets_a_clear_reason(data, message):
    with pytest.raises(InputError, match=message):
        read_document(data, "x.txt")


def test_oversized_input_is_refused_before_reading_it_all():
    with pytest.raises(InputError, match="limit"):
        read_document(b"word " * 1000, "x.txt", max_bytes=1000)


def test_latin1_text_is_decoded():
    doc = read_document(ENGLISH.replace("mayor", "maire café").encode("latin-1"), "x.txt")
    assert "café" in doc.text


def test_stray_control_characters_past_the_sniffed_start_are_dropped():
    # one NUL after the first 8 kB passes the binary check; PostgreSQL could not store it
    data = (ENGLISH + " ") * 60 + "The vote\x00 was close\x07.\n\tA new\x0cpage."
    doc = read_document(data.encode(), "a.txt")
    assert "The vote was close." in doc.text
    assert "\t" in doc.text and "\x0c" in doc.text  # whitespace controls stay
    assert not any(c in doc.text for c in "\x00\x07")


def _one_page_pdf(content: bytes, stream_filter: bytes = b"") -> bytes:
    """A minimal PDF whose only page draws `content`, as a hostile file would."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s >>\nstream\n" % (len(content), stream_filter) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@pytest.mark.parametrize(
    "pdf",
    [
        # 100 MB of page content in 100 kB: pypdf stops at its limit (LimitReachedError)
        _one_page_pdf(zlib.compress(b"BT (x) Tj ET\n" + b" " * 100_000_000, 9),
                      b"/Filter /FlateDecode"),
        _one_page_pdf(b"BT /F1 12 Tf [" + b"[" * 100_000 + b"] TJ ET"),  # RecursionError
        _one_page_pdf(b"garbage", b"/Filter /JBIG2Decode"),  # DependencyError: no jbig2dec
    ],
    ids=["decompression bomb", "arrays 100,000 deep", "JBIG2 without its decoder"],
)  # fmt: skip
def test_hostile_pdfs_could_not_be_read_rather_than_crash(pdf):
    with pytest.raises(InputError, match="The PDF could not be read"):
        read_document(pdf, "x.pdf")


@pytest.mark.parametrize(
    ("unit", "count"),
    [("![a", 1_000), ("[a](", 2_000), ("*a ", 5_000), ("<", 10_000)],
    ids=repr,
)
def test_unclosed_markdown_marks_cost_linear_time(unit, count):
    """Regexes with an unbounded part per opening mark were quadratic: 200,000 of
    them took minutes. Eight times the marks must cost about eight times the time (a
    ratio measured in the same run, so a slow machine does not matter), not 64."""
    import time

    def seconds(count: int) -> float:  # the best of three: a shared machine is noisy
        text = unit * count + "\n\n" + ENGLISH
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            markdown_to_document(text)
            best = min(best, time.perf_counter() - started)
        return best

    seconds(1_000)  # the parser's first use loads its rules
    # linear is 8x; the parser's emphasis pass is a little worse (~12x measured);
    # the quadratic regexes were 64x: a wide margin both ways on a noisy machine
    ratio = seconds(8 * count) / seconds(count)
    assert ratio < 30, f"8x the marks cost {ratio:.1f}x the time"


def test_markdown_prose_survives_and_its_markup_goes():
    text = (
        "# Budget day\n\nThe *council* met [on Monday](http://x.test) and\n"
        "approved it.\n\n```\ncode = 1\n```\n\n- a list item\n\n> a quote\n\n"
        "![chart](chart.png) <span>tagged</span>"
    )
    doc = markdown_to_document(text)
    assert doc.title == "Budget day"
    assert "The council met on Monday and approved it." in doc.text
    assert "a list item" in doc.text and "a quote" in doc.text and "tagged" in doc.text
    assert not any(s in doc.text for s in ("code = 1", "chart", "http", "*", "<span>"))


def test_a_tag_with_thousands_of_attributes_costs_no_more_than_a_short_one():
    """lxml checks each attribute against the others: 100,000 on one tag took 78 s.
    Such a tag is dropped before parsing; the article around it stays."""
    import time

    def page(attributes: int) -> str:
        attrs = " ".join(f"a{i}=1" for i in range(attributes))
        return f"<html><body><div {attrs}></div><article><p>{ENGLISH}</p></article></body></html>"

    def seconds(attributes: int) -> float:
        html, best = page(attributes), float("inf")
        for _ in range(2):
            started = time.perf_counter()
            doc = read_document(html.encode(), "page.html")
            best = min(best, time.perf_counter() - started)
        assert "city council approved" in doc.text
        return best

    seconds(10)  # trafilatura's first use loads its models
    ratio = seconds(20_000) / seconds(5_000)
    assert ratio < 10, f"4x the attributes cost {ratio:.1f}x the time"


def test_a_short_text_is_counted_in_words():
    with pytest.raises(InputError, match=r"^The text has 1 word; an article needs at least 20\."):
        read_document(b"Hello.", "note.txt")
    with pytest.raises(InputError, match=r"^The text has 2 words;"):
        read_document(b"Hello there.", "note.txt")


@pytest.mark.parametrize(
    ("encoding", "line"),
    [
        ("latin-1", "Muñoz paid £300."),
        ("cp1252", "Muñoz paid £300 for the café’s “new” sign."),
    ],
)
def test_western_text_with_few_accents_is_not_read_as_a_baltic_code_page(encoding, line):
    doc = read_document(f"{ENGLISH}\n{line}".encode(encoding), "x.txt")
    assert line in doc.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le", "utf-32", "utf-8-sig"])
def test_unicode_text_with_a_byte_order_mark_is_read(encoding):
    text = ENGLISH + "\nMuñoz paid £300."
    data = text.encode(encoding)
    if encoding in ("utf-16-be", "utf-16-le"):  # these codecs write no mark themselves
        data = ("\ufeff" + text).encode(encoding)
    doc = read_document(data, "x.txt")
    assert "Muñoz paid £300." in doc.text
    assert not doc.text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("size", "message"),
    [
        (3 * 1024 * 1024, "The file is 3.0 MB; the limit is 2 MB of text."),
        (2 * 1024 * 1024 + 1, "The file is 2.000001 MB; the limit is 2 MB of text."),
        (50 * 1024 * 1024, "The file is 50.0 MB; the limit is 2 MB of text."),
    ],
)
def test_a_file_over_the_limit_is_refused_with_its_true_size(size, message):
    upload = io.BytesIO(b"word " * (size // 5) + b"w" * (size % 5))
    with pytest.raises(InputError) as refused:
        read_document(read_upload(upload, "big.txt"), "big.txt")
    assert str(refused.value) == message
