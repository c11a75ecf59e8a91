# Roundtable: `make run` to try it, `make test` to check it.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
TEMPLATES := templates $(wildcard */templates)
export DJANGO_DEBUG ?= true

.PHONY: run test test-fast lint format bench browser browser-ready install migrations-check vendor clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock ".[dev]"
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --with-demo-users
	@echo "Roundtable is at http://127.0.0.1:8000 (stop it with Ctrl+C)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The whole suite: lint, template indentation, the apps' import contracts, migrations, every test but the browser ones, then the browser ones.
# Chromium is checked first, so a machine without it installs it (or says how) before anything runs.
test: install browser-ready
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djhtml --check $(TEMPLATES)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n 2 -m "not browser"
	$(MAKE) browser

# The crawl runs in a session of its own: its live server must be the first, sharing the crawl's connection.
browser: install browser-ready
	$(BIN)/pytest -m browser -p no:xdist --ignore=tests/browser/test_crawl.py
	$(BIN)/pytest -m browser -p no:xdist tests/browser/test_crawl.py

# Installs Chromium and the other system packages when this user may (root with apt-get), else stops.
browser-ready:
	@bash scripts/system_packages.sh --browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml $(TEMPLATES)

# Figures as JSON, on a database of its own (set BENCH_DATABASE_URL for PostgreSQL): query counts and
# in-process times at scales 1 and 10, then each page under gunicorn beside a hello-world Django view.
# BENCH_ARGS passes options on, e.g. `make bench BENCH_ARGS=--quick`, `BENCH_ARGS="--scale 1"`, or
# `BENCH_ARGS="--scale 10 --reuse-data --page meeting_detail"` to measure chosen pages on the data already loaded.
BENCH_ARGS ?=
bench: install
	@DATABASE_URL=$${BENCH_DATABASE_URL:-sqlite:///$(CURDIR)/bench.sqlite3} $(BIN)/python manage.py migrate --noinput -v0
	@DATABASE_URL=$${BENCH_DATABASE_URL:-sqlite:///$(CURDIR)/bench.sqlite3} $(BIN)/python manage.py bench --i-know-this-empties-the-database $(BENCH_ARGS)

vendor:
	bash scripts/vendor_frontend.sh

clean:
	rm -rf $(VENV) db.sqlite3* bench.sqlite3* staticfiles .test-media media
