# reportedly: the single entry point for people and CI.
#   make demo    .venv, install, run the pipeline on the bundled fixture articles
#   make test    install dev tools, lint, type-check, the whole test suite
#   make eval    accuracy against ../shared/data (or DATA=path)
#   make bench   speed against bare spaCy on the same text
#   make native  compile the quote stage with mypyc (demo, eval, bench and test do)
# Every target reuses .venv while the pinned requirements are unchanged.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
BIN := $(VENV)/bin
DATA ?= ../shared/data
DEMO_DB ?= demo.duckdb
REQ_HASH := $(shell cat requirements/build.txt requirements/runtime.txt pyproject.toml | cksum | cut -d' ' -f1)
DEV_HASH := $(shell cat requirements/dev.txt | cksum | cut -d' ' -f1)
RUNTIME_STAMP := $(VENV)/.runtime-$(REQ_HASH)
DEV_STAMP := $(VENV)/.dev-$(DEV_HASH)-$(REQ_HASH)
# the compiled quote stage: rebuilt when a source it is compiled from changes;
# reportedly.native ignores it for any source that differs from the build
NATIVE := src/reportedly/native.json
NATIVE_SOURCES := $(filter-out %/__init__.py,$(wildcard src/reportedly/stages/quotes/*.py)) src/reportedly/native.py scripts/build_native.py requirements/native.txt

.PHONY: demo native test test-native lint typecheck unit eval eval-cleaning eval-actors eval-quotes eval-events eval-provenance train-quotes bench lock clean-venv smoke help gazetteer

help:
	@sed -n '2,7p' Makefile

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): | $(VENV)/bin/python
	rm -f $(VENV)/.runtime-*
	$(PIP) install --quiet --require-hashes -r requirements/build.txt
	$(PIP) install --quiet --require-hashes -r requirements/runtime.txt
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(DEV_STAMP): $(RUNTIME_STAMP)
	rm -f $(VENV)/.dev-*
	$(PIP) install --quiet --require-hashes -r requirements/dev.txt
	touch $@

$(NATIVE): $(NATIVE_SOURCES) | $(RUNTIME_STAMP)
	$(PIP) install --quiet --require-hashes -r requirements/native.txt
	$(PY) scripts/build_native.py

native: $(NATIVE)

demo: $(RUNTIME_STAMP) $(NATIVE)
	$(BIN)/reportedly run examples/articles --db $(DEMO_DB) --no-progress
	$(BIN)/reportedly stats --db $(DEMO_DB)
	$(BIN)/reportedly actors --top 15 --db $(DEMO_DB)

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

unit: $(DEV_STAMP)
	$(BIN)/pytest -q -x

# The suite runs twice: on the Python sources (coverage reads them), then on
# the compiled quote stage when it could be built.
test: lint typecheck $(DEV_STAMP) $(NATIVE)
	REPORTEDLY_NATIVE=0 $(BIN)/pytest -q --slow --cov=reportedly --cov-report=term:skip-covered --cov-fail-under=90
	$(MAKE) --no-print-directory test-native

test-native: $(DEV_STAMP) $(NATIVE)
	@if [ -f $(NATIVE) ]; then REPORTEDLY_NATIVE=require $(BIN)/pytest -q --slow; \
	else echo "The quote stage could not be compiled (see above): its compiled pass is skipped."; fi

smoke: $(RUNTIME_STAMP) $(NATIVE)
	$(BIN)/reportedly --help > /dev/null
	$(BIN)/reportedly extract examples/articles/*.txt --format jsonl > /dev/null

eval: eval-cleaning eval-actors eval-quotes eval-events eval-provenance

eval-cleaning: $(RUNTIME_STAMP) $(NATIVE)
	@test -d $(DATA)/quotes || { echo "No data at $(DATA): set DATA=path/to/shared/data"; exit 2; }
	$(BIN)/reportedly eval cleaning $(DATA)/quotes/polnear_train.jsonl $(DATA)/quotes/polnear_dev.jsonl

eval-actors: $(RUNTIME_STAMP) $(NATIVE)
	@test -f $(DATA)/events/plover_gsr_dev.jsonl || { echo "No data at $(DATA): set DATA=path/to/shared/data"; exit 2; }
	$(BIN)/reportedly eval actors $(DATA)/events/plover_gsr_dev.jsonl

eval-quotes: $(RUNTIME_STAMP) $(NATIVE)
	@test -f $(DATA)/quotes/polnear_dev.jsonl || { echo "No data at $(DATA): set DATA=path/to/shared/data"; exit 2; }
	$(BIN)/reportedly eval quotes $(DATA)/quotes/polnear_dev.jsonl

eval-events: $(RUNTIME_STAMP) $(NATIVE)
	@test -f $(DATA)/events/plover_gsr_dev.jsonl || { echo "No data at $(DATA): set DATA=path/to/shared/data"; exit 2; }
	$(BIN)/reportedly eval events $(DATA)/events/plover_gsr_dev.jsonl

# The provenance sets ship with the package: eight development sets (each run
# blind once, then tuned on) and two held-out ones never tuned on, whose
# misses are never printed (reading them would be tuning on them).
PROVENANCE := $(sort $(wildcard src/reportedly/evaluation/data/provenance_*.jsonl))
HELDOUT := $(sort $(wildcard src/reportedly/evaluation/data/provenance_heldout*.jsonl))
eval-provenance: $(RUNTIME_STAMP) $(NATIVE)
	$(BIN)/reportedly eval provenance $(filter-out $(HELDOUT),$(PROVENANCE))
	$(BIN)/reportedly eval provenance --misses 0 $(HELDOUT)

# Retrain the quote stage's packaged weights on PolNeAR train (never a test split).
train-quotes: $(RUNTIME_STAMP)
	$(PY) scripts/train_quotes.py $(DATA)/quotes/polnear_train.jsonl --cache .cache/quotes
	$(PY) scripts/train_context.py $(DATA)/quotes/polnear_train.jsonl --cache .cache/quotes
	$(PY) scripts/train_bounds.py $(DATA)/quotes/polnear_train.jsonl --cache .cache/quotes

bench: $(RUNTIME_STAMP) $(NATIVE)
	$(PY) bench/bench.py $(if $(wildcard $(DATA)/quotes/polnear_dev.jsonl),$(DATA)/quotes/polnear_dev.jsonl,examples/articles)

# Rebuild the packaged actor gazetteer from the Phoenix dictionaries (MIT).
gazetteer: $(RUNTIME_STAMP)
	$(PY) scripts/build_gazetteer.py $(DATA)/actors/phoenix src/reportedly/actors/data

# Re-pin every dependency with hashes (needs the package registry).
lock: | $(VENV)/bin/python
	$(PIP) install --quiet pip-tools
	$(BIN)/pip-compile -q --generate-hashes --no-emit-index-url --no-emit-find-links --allow-unsafe --strip-extras -o requirements/build.txt requirements/build.in
	$(BIN)/pip-compile -q --generate-hashes --no-emit-index-url --no-emit-find-links --allow-unsafe --strip-extras -o requirements/runtime.txt pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --no-emit-index-url --no-emit-find-links --allow-unsafe --strip-extras -o requirements/dev.txt requirements/dev.in
	$(BIN)/pip-compile -q --generate-hashes --no-emit-index-url --no-emit-find-links --allow-unsafe --strip-extras -o requirements/native.txt requirements/native.in

clean-venv:
	rm -rf $(VENV)
