# Every target installs into .venv/ at the repo root first (only python3 + pip are assumed).
PY := .venv/bin/python
UV := .venv/bin/uv
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: install run test lint fmt check train eval bench fuzz load i18n

.venv/.installed: pyproject.toml uv.lock
	test -x $(PY) || python3 -m venv .venv
	test -x $(UV) || $(PY) -m pip install --quiet --disable-pip-version-check uv
	$(UV) sync --frozen --inexact --quiet
	touch $@

install: .venv/.installed

# Local demo mode: built-in mailbox, locally signed requests, the sidebar simulator at /.
run: install
	HOST=$(HOST) PORT=$(PORT) INTRO_DEMO=1 $(PY) -m uvicorn app.main:app --host $(HOST) --port $(PORT)

lint: install
	$(PY) -m ruff check app devkit tests scripts
	$(PY) -m ruff format --check app devkit tests scripts
	$(PY) -m mypy

fmt: install
	$(PY) -m ruff format app devkit tests scripts
	$(PY) -m ruff check --fix app devkit tests scripts

test: lint
	$(PY) -m pytest -q

check: test

# Card text catalogues (README "Translating card text"): extract app/cards/locale/messages.pot,
# update each language's .po, compile the committed .mo files.
i18n: install
	$(PY) -m scripts.i18n

# Fit the introduction signals' weights and the sentence ask model (scikit-learn, a dev
# dependency) into app/core/intro/weights.json and app/core/checks/ask_weights.json, and the
# request signals' weights into app/core/intro/request_weights.json, and the reply signals'
# (a reply without its introduction) into app/core/intro/reply_weights.json;
# deterministic, offline.
train: install
	$(PY) -m scripts.train_intro
	$(PY) -m scripts.train_asks
	$(PY) -m scripts.train_requests
	$(PY) -m scripts.train_replies

# Fails first when the committed weights are stale, then prints cross-validated figures.
eval: install
	$(PY) -m scripts.train_intro --check
	$(PY) -m scripts.train_asks --check
	$(PY) -m scripts.train_requests --check
	$(PY) -m scripts.train_replies --check
	$(PY) -m scripts.eval

bench: install
	$(PY) -m scripts.bench

# `make bench` report figures; `make fuzz` and `make load` exit 1 on any failure.
fuzz: install
	$(PY) -m scripts.fuzz

load: install
	$(PY) -m scripts.load
