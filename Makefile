# Quick start: `make demo` and `make test`. Both create .venv themselves.
# The interpreter of .venv: the distribution's optimised CPython when it fits, else python3 (scripts/pick_python.sh).
PYTHON ?= $(shell sh scripts/pick_python.sh)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# The rules compiled with mypyc (scripts/compile_rules.py); rebuilt whenever a rule module changes.
NATIVE := core/extraction/native-build.json

.PHONY: demo test lint typecheck unit bench clean serve compile

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 needed, found " + sys.version.split()[0])'
	@echo "making $(VENV) with $(PYTHON) (Python $$($(PYTHON) -c 'import platform; print(platform.python_version())'))"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

$(NATIVE): $(STAMP) $(wildcard core/extraction/*.py core/extraction/*.c core/extraction/*.h)
	$(PY) scripts/compile_rules.py

compile: $(NATIVE)

demo: $(STAMP)
	$(VENV)/bin/wiedervorlage demo

lint: $(STAMP)
	$(VENV)/bin/ruff check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy core

unit: $(NATIVE)
	$(PY) -m pytest -q

test: lint typecheck unit

serve: $(NATIVE)
	$(VENV)/bin/wiedervorlage serve

bench: $(NATIVE)
	$(PY) benchmarks/extract.py
	$(PY) benchmarks/ingest.py

clean:
	rm -f core/extraction/*.so $(NATIVE)
	rm -rf build $(VENV) demo-work .prefect .pytest_cache .mypy_cache .ruff_cache
