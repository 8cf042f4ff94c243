# Connecteur: one command to run the site, one to run every test.
#   make run    set up, build the site, serve it on http://127.0.0.1:8000
#   make test   set up, then run the whole suite (lint, types, unit, plugin, Pyodide parity, real browser)
#   make site   set up, then build the site into site/ with --strict
#   make bench  run the benchmarks (see benchmarks/README.md)
#   make lock   re-resolve requirements-dev.txt, the hash-pinned lock make setup installs
#   make model  retrain the sentence-role model from model/sentences/ (see model/README.md)
#   make realcv  cross-validate the role model on the real sentences it trains on (model/realcv.py)
#   make messages  extract the strings to translate, update each language's .po, compile the .mo
# PYTHON=/path/to/python3.12 overrides the interpreter search (scripts/find-python).

SHELL := /bin/bash
VENV  := .venv
BIN   := $(VENV)/bin
HOST  ?= 127.0.0.1
PORT  ?= 8000
export NO_MKDOCS_2_WARNING := 1

LOCK  := requirements-dev.txt
UV_VERSION := 0.13.9

.PHONY: setup run serve site test lint unit browser bench model realcv clean lock messages

setup: $(VENV)/.installed node_modules/.installed

# The virtual environment is rebuilt when the project's dependencies change. Every package comes
# from the lock, each checked against its sha256 (--require-hashes): CI installs exactly what was
# tested. The project itself is then installed without dependencies and without build isolation,
# so that its build backend (setuptools) is the locked one too.
$(VENV)/.installed: pyproject.toml $(LOCK) scripts/find-python
	@py="$$(scripts/find-python)" || exit 1; \
	 if [ ! -x $(BIN)/python ] || ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	   rm -rf $(VENV); echo "Creating $(VENV) with $$py"; "$$py" -m venv $(VENV) || exit 1; \
	 fi
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

# Re-resolve the lock from pyproject.toml's [dev] extra and the versions in constraints.txt, for
# every Python from 3.12 and every platform (--universal: one file, with markers), plus the build
# backend. uv runs from its own virtual environment (.lock-tools), not the project's.
lock:
	@py="$$(scripts/find-python)" || exit 1; \
	 [ -x .lock-tools/bin/uv ] && .lock-tools/bin/uv --version | grep -q " $(UV_VERSION)" || \
	 { rm -rf .lock-tools && "$$py" -m venv .lock-tools && \
	   .lock-tools/bin/python -m pip install --quiet uv==$(UV_VERSION); } || exit 1
	echo 'setuptools>=77  # the build backend (pyproject.toml [build-system])' | \
	  .lock-tools/bin/uv pip compile pyproject.toml - --extra dev -c constraints.txt \
	  --universal --python-version 3.12 --generate-hashes --quiet \
	  --custom-compile-command "make lock" -o $(LOCK)

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
	$(BIN)/mypy

test: setup
	@scripts/ensure-chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

unit: setup
	$(BIN)/python -m pytest -m "not browser and not node"

browser: setup
	@scripts/ensure-chromium
	$(BIN)/python -m pytest -m "browser"

# The sentence-role model (checker/data/roles.bin), trained from model/sentences/ (deterministic),
# then its calibration on the held-out sentences (model/reliability.py: soft gates read probabilities).
model: setup
	$(BIN)/python model/train.py --report
	$(BIN)/python model/reliability.py

# The role model on real sentences: out-of-fold precision and recall over the real sentences
# `make model` trains on, in folds by page, for each variant of model/realcv.py (not in make test:
# about 35 trainings of a minute each, two at a time).
realcv: setup
	$(BIN)/python model/realcv.py

# The gettext catalogues (checker/locale/): Babel extracts the marked strings into connecteur.pot,
# merges each language's connecteur.po with it, and compiles connecteur.mo (ARCHITECTURE.md,
# "Messages and their catalogues"). Deterministic: a test fails when a committed file is stale.
messages: setup
	$(BIN)/python scripts/messages.py

bench: setup
	@scripts/ensure-chromium
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site .pytest_cache build dist *.egg-info .lock-tools
