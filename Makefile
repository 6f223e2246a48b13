# Every target sets itself up: a fresh machine needs only Python 3.11 and make.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := book

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PORT ?= 8000
LAB_PORT ?= 8888

.PHONY: environment setup book pdf test fuzz bench bench-pages serve lab ledger lint browser clean

environment:  ## stop at once on a wrong Python or a read-only checkout, saying what to do
	@bash scripts/check-environment.sh $(PYTHON) $(VENV)

$(INSTALLED): requirements.lock pyproject.toml | environment
	@bash scripts/install-environment.sh $(PYTHON) $(VENV)

setup: environment $(INSTALLED)  ## create .venv and install the locked dependencies

book: setup  ## build the HTML book into _build/html
	$(BIN)/python -m bytebook build

pdf: environment browser setup  ## build the book and print it to _build/pdf/book.pdf
	$(BIN)/python -m bytebook pdf

JOBS ?= $(shell echo $$(( $$(nproc) + 1 )))
test: environment browser setup  ## run the whole test suite (builds the book if needed) in JOBS workers, one more than the cores
	$(BIN)/python -m pytest -n $(JOBS) --dist worksteal

fuzz: setup  ## write many random cells into every data file (longer than make test's run)
	$(BIN)/python -m pytest tests/test_fuzz.py --fuzz-examples=$(or $(EXAMPLES),1000)

bench: environment browser setup  ## measure builds (RUNS=3 clean ones), rebuilds, pages in Chromium; SCALE=4 adds a 4x book
	$(BIN)/python -m bytebook bench --runs $(or $(RUNS),3) --scale $(or $(SCALE),1)

bench-pages: environment browser setup  ## only the chart pages in Chromium, on the built book (AGAINST=<html folder> beside it, LOADS=5)
	$(BIN)/python -m bytebook bench --pages --loads $(or $(LOADS),5) $(if $(AGAINST),--against $(AGAINST))

browser:  ## make sure Debian's Chromium and a CJK font are present
	@bash scripts/ensure-system-packages.sh

serve:  ## serve the built book on http://127.0.0.1:$(PORT)
	@test -f _build/html/index.html || { echo "no book yet: run 'make book' first"; exit 1; }
	@echo "serving the book on http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings
lab: setup  ## open the chapters as notebooks in JupyterLab on http://127.0.0.1:$(LAB_PORT)
	@mkdir -p $(LAB_SETTINGS) && cp scripts/lab-overrides.json $(LAB_SETTINGS)/overrides.json
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) \
		--ServerApp.port_retries=0 --ServerApp.root_dir=. --LabApp.extension_manager=readonly \
		$(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

ledger: setup  ## print the claims ledger as CSV
	@$(BIN)/python -m bytebook ledger

lint: setup  ## run ruff on the package, the tests, the scripts and the pages' code cells
	$(BIN)/ruff check src tests scripts
	$(BIN)/python scripts/lint_pages.py

clean:  ## remove the built book and its execution cache
	rm -rf _build
