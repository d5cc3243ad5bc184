# The two commands of the README: `make run` and `make test`. Both set everything up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: install run test lint types migrate demo

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	bin/run-dev

# Four workers (tests/parallel.py's MAX_WORKERS), whatever the cores: most of the suite's time
# is spent waiting on a browser, a server or a worker process, so two cores run four workers'
# tests in 420 s (2,509 tests, 2026-12-03) where two workers took 637 s. A file's tests stay on one worker, so a module's
# servers start once. --no-loadscope-reorder keeps the order tests/slow_first.py gives: the longest
# files start first instead of last.
# PYTHONDONTWRITEBYTECODE (set on some machines) would make each worker compile every test module
# and its assertion rewrites again (~10 CPU-s a worker); __pycache__ is ignored by git.
# --basetemp keeps the tests' temporary files in the checkout (.test-tmp, emptied at the start of
# each run; not under var/, which the deploy checks treat as the application's own data) instead of
# pytest's numbered folders under /tmp, whose three newest it keeps and the
# rest of which it deletes when a run ends: on a disk mounted with `discard` (these machines') each
# deleted file costs ~6 ms, and a machine's earlier runs left tens of thousands (7,939 files took
# 50 s to delete, 2026-12-07), so a run paid minutes for the runs before it.
test: install
	PYTHONDONTWRITEBYTECODE= $(VENV)/bin/pytest -n 4 --dist loadfile --no-loadscope-reorder --basetemp=.test-tmp

lint: install types
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# mypy with django-stubs (pyproject.toml [tool.mypy]): strict for the parser, services, selectors
# and notification services; any error fails, as in CI.
types: install
	$(VENV)/bin/mypy accounts policy_tasks notifications duban monitoring
