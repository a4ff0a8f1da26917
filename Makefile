# `make run`: set up and ingest the shipped corpus into ./minutes.db (SQLite).
# `make test`: set up and run the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///minutes.db

.PHONY: install run check test bench corpus clean

install: $(VENV)/.installed

$(VENV)/.installed: setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: install
	$(BIN)/minutes ingest corpus/papers --db $(DB)
	$(BIN)/minutes summary --db $(DB)
	$(BIN)/minutes actions --open --by-owner --db $(DB)
	@echo
	@echo "To browse it: $(BIN)/minutes serve --db $(DB)   then open http://127.0.0.1:8000/"
	@echo "(put minutes on your PATH with: export PATH=\"$(CURDIR)/$(BIN):\$$PATH\")"

# Style (ruff) and types (mypy) of the package; mypy sees it as minutes.* through a link.
check: install
	$(BIN)/ruff check extract models web pipeline.py
	mkdir -p build/typecheck && ln -sfn ../.. build/typecheck/minutes
	$(BIN)/mypy -p minutes.extract -p minutes.models -p minutes.web -m minutes.pipeline

test: check
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python scripts/benchmark.py

corpus: install
	$(BIN)/python -m pip install --quiet -e '.[corpus]'
	$(BIN)/python scripts/make_corpus.py

clean:
	rm -rf $(VENV) minutes.db *.egg-info
