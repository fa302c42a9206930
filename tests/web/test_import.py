import io

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from quizapp.extensions import db
from quizapp.models import Article, Bank, Question
from tests.builders import SAMPLE_ARTICLE, SECOND_ARTICLE, login, make_user


def stored() -> tuple[int, int, int]:
    return tuple(
        db.session.scalar(select(func.count()).select_from(m)) for m in (Article, Bank, Question)
    )


@pytest.fixture()
def signed_in(client):
    make_user()
    login(client)
    return client


def test_import_needs_an_account(client):
    response = client.get("/import")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


def test_pasted_article_becomes_a_bank(signed_in):
    response = signed_in.post("/import", data={"text": SAMPLE_ARTICLE, "visibility": "private"})
    assert response.status_code == 302
    bank = db.session.scalar(select(Bank))
    assert response.headers["Location"].endswith(f"/banks/{bank.id}")
    assert bank.name == "Harbour city opens record solar farm"
    assert len(bank.questions) > 20


def test_uploaded_markdown_with_a_title_override(signed_in):
    data = {
        "title": "My library notes",
        "file": (io.BytesIO(("# Library reopens\n\n" + SECOND_ARTICLE).encode()), "lib.md"),
        "visibility": "public",
    }
    response = signed_in.post("/import", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    bank = db.session.scalar(select(Bank))
    assert bank.name == "My library notes"
    assert bank.visibility.value == "public"


def test_uploaded_html_loses_its_scripts(signed_in):
    html = (
        "<html><head><title>Library reopens</title><script>steal()</script></head><body>"
        "<article><h1>Library reopens</h1>"
        + "".join(f"<p>{line}</p>" for line in SECOND_ARTICLE.splitlines()[2:])
        + "</article></body></html>"
    )
    data = {"file": (io.BytesIO(html.encode()), "page.html"), "visibility": "private"}
    assert (
        signed_in.post("/import", data=data, content_type="multipart/form-data").status_code == 302
    )
    article = db.session.scalar(select(Article))
    assert "steal()" not in article.text
    assert "Eastbrook Central Library" in article.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "Paste an article or choose a file"),
        ({"text": "Too short."}, "at least 20"),
        (
            {
                "text": "Le conseil municipal a approuvé un nouveau budget lundi après un "
                "long débat. Le maire a déclaré que le plan financerait les écoles et les routes."
            },
            "not in English",
        ),
        ({"file": (io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"), "x.txt")}, "binary"),
        ({"file": (io.BytesIO(b""), "x.txt")}, "The file is empty"),
        (
            {"file": (io.BytesIO(b"hello"), "x.docx")},
            "Upload an article (.txt, .md, .html, .pdf) or a bank",
        ),
        ({"file": (io.BytesIO(b"%PDF-1.4 broken"), "x.pdf")}, "could not be read"),
    ],
)
def test_bad_input_gets_a_message_and_stores_nothing(signed_in, data, message):
    response = signed_in.post(
        "/import", data={"visibility": "private", **data}, content_type="multipart/form-data"
    )
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert stored() == (0, 0, 0)


def post_big(client, data):
    """Post a multipart body encoded in memory: werkzeug's test client spools a body this
    big to a temporary file that it leaves open."""
    boundary, body = encode_multipart(data)
    return client.post(
        "/import", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )


def test_a_huge_upload_is_refused(signed_in):
    big = FileStorage(io.BytesIO(b"word " * (2 * 1024 * 1024)), "big.txt")  # 10 MB
    response = post_big(signed_in, {"file": big})
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)
    assert stored() == (0, 0, 0)


def test_an_oversized_article_within_the_request_limit_is_refused(signed_in):
    text = ("The council met on Monday and agreed a budget of $4m for 2025. " * 40000).encode()
    response = post_big(signed_in, {"file": FileStorage(io.BytesIO(text), "long.txt")})
    assert "the limit is 2 MB" in response.get_data(as_text=True)
    assert stored() == (0, 0, 0)


def test_importing_twice_leads_to_the_first_bank(signed_in):
    signed_in.post("/import", data={"text": SAMPLE_ARTICLE, "visibility": "private"})
    response = signed_in.post("/import", data={"text": SAMPLE_ARTICLE, "visibility": "private"})
    bank = db.session.scalar(select(Bank))
    assert response.headers["Location"].endswith(f"/banks/{bank.id}")
    assert stored()[:2] == (1, 1)


def test_a_double_submitted_import_leads_to_the_first_bank(signed_in, monkeypatch):
    """The second submit checks for the article before the first has committed it
    (generating takes seconds), then collides with it on insert: it must end where a
    later import would, at the first bank, and store nothing twice."""
    from quizapp.services import imports

    checked = imports.stored_article
    calls = []

    def not_yet_committed(session, digest, owner):  # type: ignore[no-untyped-def]
        calls.append(digest)
        if len(calls) == 2:  # the second request's first look: the first is mid-import
            return None
        return checked(session, digest, owner)

    monkeypatch.setattr(imports, "stored_article", not_yet_committed)
    signed_in.post("/import", data={"text": SAMPLE_ARTICLE, "visibility": "private"})
    response = signed_in.post("/import", data={"text": SAMPLE_ARTICLE, "visibility": "private"})
    bank = db.session.scalar(select(Bank))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/banks/{bank.id}")
    assert stored()[:2] == (1, 1)


def make_pdf(paragraphs: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Library reopens")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(4)
    return bytes(pdf.output())


def test_uploaded_pdf_becomes_a_bank(signed_in):
    lines = [line for line in SECOND_ARTICLE.splitlines()[2:] if line]
    data = {"file": (io.BytesIO(make_pdf(lines)), "library.pdf"), "visibility": "private"}
    response = signed_in.post("/import", data=data, content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)
    bank = db.session.scalar(select(Bank))
    assert bank.name == "Library reopens"
    assert "Heritage Lottery Fund" in bank.article.text
    assert any(q.answer == "£2.3m" for q in bank.questions)


def test_uploading_a_quizlet_csv_makes_a_bank(signed_in):
    data = {
        "file": (
            io.BytesIO(
                b"term,definition\nmitochondria,powerhouse of the cell\nATP,energy currency\n"
            ),
            "bio.csv",
        ),
        "visibility": "private",
    }
    response = signed_in.post(
        "/import", data=data, content_type="multipart/form-data", follow_redirects=True
    )
    assert "Imported 2 questions." in response.get_data(as_text=True)
    assert stored()[1:] == (1, 2)


def test_a_malformed_bank_upload_stores_nothing(signed_in):
    data = {"file": (io.BytesIO(b"{broken"), "bank.json"), "visibility": "private"}
    response = signed_in.post("/import", data=data, content_type="multipart/form-data")
    assert "malformed" in response.get_data(as_text=True)
    assert stored() == (0, 0, 0)


def test_an_upload_over_the_limit_is_refused_with_its_true_size(signed_in):
    three_mb = FileStorage(io.BytesIO(b"word " * (3 * 1024 * 1024 // 5) + b"w"), "big.txt")
    response = post_big(signed_in, {"file": three_mb})
    assert response.status_code == 422
    assert "The file is 3.0 MB; the limit is 2 MB" in response.get_data(as_text=True)
    assert stored() == (0, 0, 0)


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16"])
def test_uploads_in_other_encodings_keep_their_letters(signed_in, encoding):
    text = SAMPLE_ARTICLE + "\nThe mayor, Ana Muñoz, paid £300 for the first panel.\n"
    upload = FileStorage(io.BytesIO(text.encode(encoding)), "article.txt")
    response = signed_in.post(
        "/import",
        data={"file": upload, "visibility": "private"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    article = db.session.scalar(select(Article))
    assert "Ana Muñoz, paid £300" in article.text
