# Two commands from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: install run serve test lint format bench bench-reviews clean
WORKERS ?= 2
THREADS ?= 4

# Reinstall only when the dependencies change.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

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
		--access-logfile - --error-logfile - wsgi:app

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

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

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache .hypothesis
