# Connecteur: one command to run the site, one to run every test.
#   make run    set up, build the site, serve it on http://127.0.0.1:8000
#   make test   set up, then run the whole suite (lint, unit, plugin, Pyodide parity, real browser)
#   make site   set up, then build the site into site/ with --strict
#   make bench  run the benchmarks (see benchmarks/README.md)
#   make model  retrain the sentence-role model from model/sentences/ (see model/README.md)
# PYTHON=/path/to/python3.12 overrides the interpreter search (scripts/find-python).

SHELL := /bin/bash
VENV  := .venv
BIN   := $(VENV)/bin
HOST  ?= 127.0.0.1
PORT  ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup run serve site test lint unit browser bench model clean

setup: $(VENV)/.installed node_modules/.installed

# The virtual environment is rebuilt when the project's dependencies change.
$(VENV)/.installed: pyproject.toml constraints.txt scripts/find-python
	@py="$$(scripts/find-python)" || exit 1; \
	 if [ ! -x $(BIN)/python ] || ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	   rm -rf $(VENV); echo "Creating $(VENV) with $$py"; "$$py" -m venv $(VENV) || exit 1; \
	 fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $@

# The pinned Pyodide runtime (and the browser-test corpora), from package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

site: setup
	$(BIN)/mkdocs build --strict

# Built for the address it is served on: Material's instant navigation (and so the one shared
# Python runtime per tab) only works on the origin of site_url. SITE_URL=... overrides it.
run: export SITE_URL ?= http://$(HOST):$(PORT)/
run: site
	@echo "Serving $(SITE_URL) (Ctrl-C to stop)"
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

serve: run

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: setup
	@scripts/ensure-chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

unit: setup
	$(BIN)/python -m pytest -m "not browser and not node"

browser: setup
	@scripts/ensure-chromium
	$(BIN)/python -m pytest -m "browser"

# The sentence-role model (checker/data/roles.json), trained from model/sentences/ (deterministic).
model: setup
	$(BIN)/python model/train.py --report

bench: setup
	@scripts/ensure-chromium
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site .pytest_cache build dist *.egg-info
