# Two commands from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: screenshots install run serve test lint format lock audit audit-latest bench bench-reviews bench-reviews-pg bench-load bench-pages eval clean
# Pages are CPU-bound Python: one single-threaded worker per core (at least two, so that
# a long import leaves one free). bench/load.py at 10 clients on 2 CPUs: 1.2-1.5x the
# requests per second of 2 workers per core with half the p99; threads queue on the GIL.
WORKERS ?= $(shell $(PYTHON) -c 'import os; print(max(2, os.cpu_count() or 1))')
THREADS ?= 1
# gunicorn's default of 30 s would kill a worker importing an article near the 2 MB
# limit (bench/generate_speed.py: 300,000 words take about 55 s on 2 loaded CPUs, up
# from 18 s before the grammar-based gates and the fitted rankers; 3x that is the margin)
TIMEOUT ?= 180

# Reinstall only when the dependencies change. requirements.lock pins every package
# to the versions the suite last passed with, so two installs are the same install.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

# after changing dependencies in pyproject.toml: resolve afresh and pin the result
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet -e '.[dev]'
	{ echo "# Exact versions that \`make install\` installs (pip -c), from \`make lock\`; \`make audit\` checks them."; \
	  .venv-lock/bin/python -m pip freeze --exclude-editable; } > requirements.lock
	rm -rf .venv-lock

# known vulnerabilities in the installed (= locked) packages; --strict fails when a
# package cannot be checked, so "no findings" always means "all checked"
audit: install
	$(BIN)/pip-audit --strict --skip-editable --progress-spinner off

# the weaker check when pip-audit's databases are out of reach: PyPI's project pages
# list the advisories of each project's latest release (see .ci/pypi-advisories)
audit-latest:
	$(PYTHON) .ci/pypi-advisories requirements.lock

install: $(STAMP)

# upgrade the database, import the built-in bank (once), serve
run: install
	$(BIN)/quizapp db upgrade
	$(BIN)/quizapp seed
	$(BIN)/quizapp run --host $(HOST) --port $(PORT)

# production: gunicorn with WORKERS processes of THREADS threads, on HOST:PORT;
# SECRET_KEY must be set in the environment (the app refuses to start without it)
serve: install
	$(BIN)/quizapp db upgrade
	$(BIN)/quizapp seed
	QUIZAPP_ENV=production $(BIN)/gunicorn --workers $(WORKERS) --threads $(THREADS) --bind $(HOST):$(PORT) \
		--timeout $(TIMEOUT) --access-logfile - --error-logfile - wsgi:app

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

# full-page screenshots of every main page, light and dark, 1280 and 390 px wide, taken
# by the accessibility scan (tests/browser/test_accessibility.py) as it passes each page
screenshots: install
	mkdir -p build/screenshots
	QUIZAPP_SCREENSHOTS=build/screenshots CI=true $(BIN)/pytest -q tests/browser/test_accessibility.py
	@echo "screenshots in build/screenshots"

lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python bench/generate_speed.py
	$(BIN)/python bench/sentence_split.py

# a million cards and ten million review logs: takes several minutes
bench-reviews: install
	$(BIN)/python bench/review_queue.py

# the same on a throwaway PostgreSQL (installed from apt if missing)
bench-reviews-pg: install
	.ci/with-postgres sh -c 'DATABASE_URL=$$PG_URL $(BIN)/python bench/review_queue.py'

# requests per second and p50/p99 under gunicorn, against a bare Flask app (needs wrk);
# ARGS=--floors adds the layers every page stands on (bench/floors.py)
bench-load: install
	$(BIN)/python bench/load.py $(ARGS)

# where a page's time goes: ms per page in one process against the bare app; add
# ARGS="--profile review" or ARGS=--sql for a profile or the SQL of each page
bench-pages: install
	$(BIN)/python bench/page_costs.py $(ARGS)

# the questions on the development material in ../shared/eval (skips without it): key
# coverage and hygiene, SQuAD recall/precision/agreement, size, time, and a fresh
# random sample for a reader; ARGS="--sample SEED" draws a given sample again
eval: install
	$(BIN)/python quality/eval.py $(ARGS)

clean:
	rm -rf $(VENV) instance build .pytest_cache .ruff_cache .hypothesis
