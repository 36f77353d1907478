# Two commands set everything up on a fresh Debian machine:
#   make serve   - build both languages and serve them on http://127.0.0.1:8000/
#   make test    - install what the tests need, build, and run the whole suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JOBS   ?= 2

.PHONY: serve build test test-fast bench clean deps browser-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

deps: $(STAMP)

# Debian's Chromium (Playwright cannot download its own browser here), fonts
# for WeasyPrint, a JRE for the HTML validator, and the npm test tools.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core default-jre-headless >/dev/null; \
	  else echo "chromium or java missing: install Debian's chromium and default-jre-headless as root" >&2; exit 1; fi; \
	fi
	@if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then npm ci --silent --no-audit --no-fund; fi

build: $(STAMP)
	$(BIN)/python -m scripts.build

serve: $(STAMP)
	$(BIN)/python -m scripts.serve

test: $(STAMP) browser-deps
	$(BIN)/python -m scripts.build
	$(BIN)/python -m pytest -n $(JOBS) --dist loadgroup

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not build"

bench: $(STAMP) browser-deps
	$(BIN)/python -m scripts.bench

clean:
	rm -rf site .cache
