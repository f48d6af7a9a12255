# The two commands of the README: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/majlis

.PHONY: run test lint typecheck unit unit-postgres bench models messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	MAJLIS_DEMO=$${MAJLIS_DEMO:-true} $(BIN)/majlis run

test: $(VENV)/.installed-test lint typecheck unit unit-postgres

lint: $(VENV)/.installed-test
	$(BIN)/ruff check majlis tests bench

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy majlis

unit: $(VENV)/.installed-test
	@scripts/ensure-chromium
	$(BIN)/pytest

# The same suite on PostgreSQL when one answers (CI starts one); the browser test ran above.
unit-postgres: $(VENV)/.installed-test
	@if $(BIN)/python scripts/pg_answers.py "$(PG_URL)"; then \
		DATABASE_URL="$(PG_URL)" $(BIN)/pytest -m "not browser" -p no:cacheprovider; \
	else echo "PostgreSQL does not answer at $(PG_URL): PostgreSQL run skipped"; fi

bench: $(VENV)/.installed-test
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# Retrain the shipped models from ../shared/data (see docs/models/).
models: $(VENV)/.installed-test
	$(BIN)/majlis train sentiment
	$(BIN)/majlis train spam

messages: $(VENV)/.installed-test
	$(BIN)/python scripts/compile_messages.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
