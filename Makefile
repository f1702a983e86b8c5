# Two commands for a newcomer: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test examples template clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Rebuild the template and the example returns from the ruleset, then show what the rules say about them.
demo: $(STAMP)
	$(BIN)/council-templates build
	$(BIN)/council-ruleset show
	$(BIN)/council-templates examples

test: $(STAMP)
	$(BIN)/python -m pytest -q

template examples: $(STAMP)
	$(BIN)/council-templates build

clean:
	rm -rf $(VENV) out
