# One-command entry points. `make demo` runs a full incident offline; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install demo test unit integration lint bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q -U pip
	@$(BIN)/python -m pip install -q -e '.[dev,integrations,serve,browser,postgres]'
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

## demo: a full incident on the embedded sandbox with the offline engine (no API key needed)
demo: install
	$(BIN)/aiops respond --scenario pool-leak-payment --approve all

## test: unit tests, then integration tests against real servers that ci/servers.sh installs and starts
## (installed first, so the unit tests that check files with a server's own tool, promtool, run too)
test: install
	./ci/servers.sh install
	$(BIN)/python -m pytest tests/unit -q
	./ci/servers.sh start
	AIOPS_INTEGRATION=1 $(BIN)/python -m pytest tests/integration -q -m integration; \
	  status=$$?; ./ci/servers.sh stop; exit $$status

unit: install
	$(BIN)/python -m pytest tests/unit -q

lint: install
	$(BIN)/ruff check src tests benchmarks

## bench: every benchmark, printing ratios against references measured in the same run
bench: install
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) .aiops .pytest_cache .ruff_cache build src/*.egg-info
