# Vitrine. `make serve` and `make test` each set up whatever is missing first.
SHELL := bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup browser serve build models bench test test-py test-js typecheck clean

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

setup: $(BIN)/.installed node_modules/.installed  ## create .venv and node_modules

browser: $(BIN)/.installed  ## find (or install) the Chromium the browser tests drive
	$(BIN)/python -m tests.browser.chromium --ensure

serve: setup  ## build models and serve the site with live reload
	@echo "Vitrine: serving on http://$(ADDR)/ (gallery: http://$(ADDR)/gallery/); Ctrl+C stops"
	$(BIN)/vitrine serve --dev-addr $(ADDR)

build: setup  ## build models and the site into site/
	$(BIN)/vitrine build

bench: setup browser  ## measure every model in Chromium vs native onnxruntime (Performance page)
	$(BIN)/vitrine bench

typecheck: node_modules/.installed  ## tsc --checkJs over js_runtime/ (DOM) and worker/ (WebWorker)
	npm run --silent typecheck
	npm run --silent typecheck:worker

models: setup  ## build changed models into exported_models/ (no site)
	$(BIN)/vitrine build --models-only

test-js: models  ## node --test: runtime modules, manifest schema, onnxruntime-web parity on the real build
	node --test tests/js/

test-py: setup browser  ## pytest: unit, build and browser tests
	$(BIN)/python -m pytest

test: typecheck test-js test-py  ## everything CI runs

clean:  ## remove build outputs (keeps .venv and node_modules)
	rm -rf site exported_models/*/ exported_models/manifest.json
