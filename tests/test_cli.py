import json
from pathlib import Path

from quizapp.cli import main

SEED = Path(__file__).resolve().parent.parent / "seeds" / "china-llm-race.txt"


def test_generate_json_from_a_file(tmp_path, sample_article):
    path = tmp_path / "article.txt"
    path.write_text(sample_article)
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["generate", str(path), "--limit", "10"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["title"] == "Harbour city opens record solar farm"
    assert len(data["questions"]) == 10
    first = data["questions"][0]
    for field in (
        "type",
        "prompt",
        "answer",
        "choices",
        "explanation",
        "source_sentence",
        "fact_kind",
        "difficulty",
    ):
        assert field in first


def test_generate_text_from_stdin(sample_article):
    from click.testing import CliRunner

    result = CliRunner().invoke(
        main,
        ["generate", "-", "--format", "text", "--types", "multiple_choice", "--limit", "3"],
        input=sample_article,
    )
    assert result.exit_code == 0, result.output
    assert "1. [multiple choice]" in result.output
    assert "A) " in result.output


def test_generate_refuses_empty_input_with_one_line():
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["generate", "-"], input="")
    assert result.exit_code == 1
    assert "empty" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_generate_rejects_unknown_types(sample_article):
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["generate", "-", "--types", "essay"], input=sample_article)
    assert result.exit_code == 2
    assert "essay" in result.output


def test_seed_article_makes_a_bank():
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["generate", str(SEED)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["title"].startswith("China races")
    assert len(data["questions"]) >= 100


def test_generate_refuses_a_huge_file_quickly(tmp_path):
    from click.testing import CliRunner

    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write(b"word " * (11 * 1024 * 1024))  # 55 MB
    result = CliRunner().invoke(main, ["generate", str(path)])
    assert result.exit_code == 1
    assert "limit" in result.output


def test_generate_refuses_non_english():
    from click.testing import CliRunner

    french = (
        "Le conseil municipal a approuvé un nouveau budget lundi après un long débat. "
        "Le maire a déclaré que le plan financerait les écoles et les routes pendant cinq ans."
    )
    result = CliRunner().invoke(main, ["generate", "-"], input=french)
    assert result.exit_code == 1
    assert "English" in result.output


def test_generate_rewords_with_a_configured_model(model_server, monkeypatch, sample_article):
    from click.testing import CliRunner

    monkeypatch.setenv("QUIZAPP_LLM_URL", f"http://127.0.0.1:{model_server.server_address[1]}/v1")
    monkeypatch.setenv("QUIZAPP_LLM_MODEL", "stand-in")
    result = CliRunner().invoke(main, ["generate", "-"], input=sample_article)
    assert result.exit_code == 0, result.output
    assert model_server.requests
    prompts = [q["prompt"] for q in json.loads(result.output)["questions"]]
    assert any("which" in p and p.endswith("?") for p in prompts)  # the stand-in's wording

    monkeypatch.setenv("QUIZAPP_LLM_URL", "ftp://model")
    refused = CliRunner().invoke(main, ["generate", "-"], input=sample_article)
    assert refused.exit_code == 2 and "QUIZAPP_LLM_URL" in refused.output
