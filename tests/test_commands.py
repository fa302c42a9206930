from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Bank
from quizapp.services import accounts
from tests.builders import SAMPLE_ARTICLE, make_bank, make_user


def test_import_prints_the_bank_id_last(app, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(SAMPLE_ARTICLE)
    result = app.test_cli_runner().invoke(args=["import", str(path), "--title", "Solar"])
    assert result.exit_code == 0, result.output
    bank = db.session.scalar(select(Bank))
    assert result.output.strip().splitlines()[-1] == str(bank.id)
    assert bank.name == "Solar" and bank.visibility.value == "public"


def test_import_for_an_owner_is_private(app, tmp_path):
    make_user("ada")
    path = tmp_path / "article.txt"
    path.write_text(SAMPLE_ARTICLE)
    result = app.test_cli_runner().invoke(args=["import", str(path), "--owner", "ada"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(Bank)).visibility.value == "private"


def test_import_refuses_bad_input_and_stores_nothing(app, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    result = app.test_cli_runner().invoke(args=["import", str(path)])
    assert result.exit_code == 1
    assert "empty" in result.output
    assert db.session.scalar(select(func.count()).select_from(Bank)) == 0


def test_seed_twice_then_banks(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed"])
    assert "questions" in first.output
    second = runner.invoke(args=["seed"])
    assert "already imported" in second.output
    listing = runner.invoke(args=["banks"]).output
    assert listing.startswith("1\tChina races")


def test_export_writes_a_file(app, tmp_path):
    runner = app.test_cli_runner()
    runner.invoke(args=["seed"])
    out = tmp_path / "bank.gift"
    result = runner.invoke(args=["export", "1", "--format", "gift", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("// China races")
    assert runner.invoke(args=["export", "99", "--format", "json", "-o", "-"]).exit_code == 1


def test_users_create_reads_the_password_from_stdin(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["users", "create", "grace"], input="long enough pass\n")
    assert result.exit_code == 0, result.output
    user = accounts.find_user(db.session, "grace")
    assert user.check_password("long enough pass")
    assert "long enough pass" not in result.output
    taken = runner.invoke(args=["users", "create", "grace"], input="another password\n")
    assert taken.exit_code == 1 and "taken" in taken.output
    short = runner.invoke(args=["users", "create", "hopper"], input="short\n")
    assert short.exit_code == 1 and "password" in short.output
    assert accounts.find_user(db.session, "hopper") is None


def test_users_delete_asks_then_deletes_the_account_and_its_banks(app):
    ada = make_user("ada")
    make_bank(ada)
    runner = app.test_cli_runner()
    kept = runner.invoke(args=["users", "delete", "ada"], input="n\n")
    assert kept.exit_code == 1 and "Delete ada: 1 bank" in kept.output
    assert accounts.find_user(db.session, "ada") is not None

    result = runner.invoke(args=["users", "delete", "ada", "--yes"])
    assert result.exit_code == 0, result.output
    assert "Deleted ada: 1 bank, 0 quizzes" in result.output
    assert accounts.find_user(db.session, "ada") is None
    assert db.session.scalar(select(func.count()).select_from(Bank)) == 0
    unknown = runner.invoke(args=["users", "delete", "nobody", "--yes"])
    assert unknown.exit_code == 1 and "no user named 'nobody'" in unknown.output


def test_tokens_create_prints_a_working_token_and_revoke_stops_it(app):
    make_user("ada")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["tokens", "create", "ada", "--name", "backup script"])
    assert result.exit_code == 0, result.output
    secret = result.output.strip()
    client = app.test_client()
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/reviews/next", headers=headers).status_code == 200
    revoke = runner.invoke(args=["tokens", "revoke", "ada", secret[:10]])
    assert revoke.exit_code == 0, revoke.output
    assert client.get("/api/v1/reviews/next", headers=headers).status_code == 401
    assert runner.invoke(args=["tokens", "create", "nobody"]).exit_code == 1
