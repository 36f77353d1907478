# Two commands set everything up on a fresh Debian machine:
#   make serve   - build both languages and serve them on http://127.0.0.1:8000/
#   make test    - install what the tests need, build, and run the whole suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JOBS   ?= 2

.PHONY: serve build test test-fast js-check imports bench clean deps browser-deps node-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

deps: $(STAMP)

# Debian's Chromium (Playwright cannot download its own browser here), fonts
# for WeasyPrint, a JRE for the HTML validator, the PDF readers the worksheet tests
# draw with (poppler, MuPDF, qpdf), LibreOffice's Writer and Calc for reopening the
# DOCX/ODT and XLSX files; then the npm tools (node-deps: pdf.js, the fourth reader, among them).
browser-deps: node-deps
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v mutool >/dev/null 2>&1 || missing="$$missing mupdf-tools"; \
	command -v qpdf >/dev/null 2>&1 || missing="$$missing qpdf"; \
	[ -e /usr/lib/libreoffice/program/libswlo.so ] || missing="$$missing libreoffice-writer-nogui"; \
	[ -e /usr/lib/libreoffice/program/libsclo.so ] || missing="$$missing libreoffice-calc-nogui"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing Debian packages:$$missing (install them as root)" >&2; exit 1; fi; \
	fi

# The npm tools from the lock file: the test readers, xmldom for the JS unit tests, and fflate,
# whose vendored copy a test checks against this one.
node-deps:
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --silent --no-audit --no-fund; fi

# Our scripts: Node's own parser on each (the build parses them with tree-sitter, without
# Node), then their unit tests in tests/js/ if there are any. The test files are named, not
# the folder: Node 22 and later no longer search a folder given to --test.
js-check: node-deps
	find overrides/assets/javascripts -name '*.js' -print0 | xargs -0 -n 1 node --check
	@tests="$$(find tests/js -name '*.test.js' -o -name '*.test.mjs' -o -name '*.test.cjs' 2>/dev/null | sort)"; \
	if [ -n "$$tests" ]; then echo node --test $$tests; node --test $$tests; fi

build: $(STAMP)
	$(BIN)/python -m scripts.build

serve: $(STAMP)
	$(BIN)/python -m scripts.serve

# The layers of smartcity/ and "only the adapter imports mkdocs/material" (pyproject.toml).
imports: $(STAMP)
	$(BIN)/lint-imports --no-cache

test: $(STAMP) browser-deps js-check imports
	$(BIN)/python -m scripts.build
	$(BIN)/python -m pytest -n $(JOBS) --dist loadgroup

test-fast: $(STAMP) js-check imports
	SC_TEST_FAST=1 $(BIN)/python -m pytest -m "not browser and not build"

bench: $(STAMP) browser-deps
	$(BIN)/python -m scripts.bench

clean:
	rm -rf site .cache
