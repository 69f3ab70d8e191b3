# Two entry points: `make demo` and `make test`. Both create .venv and install treve into it first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test lint bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
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
