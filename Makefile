# Two entry points for a fresh machine (Python 3.11): `make site` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: site build test test-fast install install-test browser bench

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY)
	$(PY) -m pip install --quiet -c constraints.txt -e .

install-test: $(PY)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'

# Debian's Chromium for the browser tests (no browser download), and axe-core (MPL-2.0,
# from the npm registry) for the accessibility test.
AXE := .cache/axe/node_modules/axe-core/axe.min.js
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@test -f $(AXE) || { command -v npm >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }; npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@4.14.1 >/dev/null; }

site: install
	$(VENV)/bin/mkdocs serve

build: install
	$(VENV)/bin/mkdocs build --strict

# ruff and mypy, configured in pyproject.toml; `make test` runs them before the tests.
.PHONY: lint
lint: install-test
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/ruff format --check generator tests
	$(VENV)/bin/mypy generator

test: install-test browser lint
	$(PY) -m pytest -q

# Under a minute: every test but those marked slow (builds of all the seeds or a site, corpus
# scores and their pinned gates, long generated runs, browsers). `make test` runs them all.
test-fast: install-test
	$(PY) -m pytest -q -m "not slow"

# Benchmark at 1,000 seeds (minutes); figures go to bench/results.md.
bench: install
	$(VENV)/bin/briefings bench -n 1000
