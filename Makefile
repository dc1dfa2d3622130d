# jitasa_qgis — run `make run` to try it, `make test` to check it. See README.md.
SHELL := /bin/bash
PY := .venv/bin/python
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
ZIP := dist/jitasa_qgis-$(VERSION).zip
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup test run demo stop package i18n bench lint clean ts

setup:
	@bash tools/setup.sh

i18n/jitasa_th.qm: i18n/jitasa_th.ts
	@lrelease -silent i18n/jitasa_th.ts -qm i18n/jitasa_th.qm

i18n: setup i18n/jitasa_th.qm

test: setup i18n
	@$(PY) -m pytest -q $(PYTEST_ARGS)

# Not yet in .ci/run: the tree is formatted once, in a commit of its own, before `ruff format --check` gates.
lint: setup
	@.venv/bin/ruff check .
	@.venv/bin/ruff format --check .

package: setup i18n
	@$(PY) tools/package.py --out $(ZIP)

run: package
	@$(PY) tools/devstore.py run --zip $(ZIP)

demo: setup i18n
	@$(PY) tools/devstore.py demo

stop:
	@/usr/bin/python3 tools/devstore.py stop

bench: setup
	@bash bench/ortools_venv.sh
	@$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf dist out .pytest_cache i18n/*.qm

# Refresh i18n/jitasa_th.ts from the sources (keeps existing translations); then translate what is new.
ts:
	@bash tools/update_ts.sh
