# Two commands for a newcomer: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench examples template clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Rebuild the template and example returns from the ruleset, then validate them as the performance team would.
# validate exits 1 because the examples hold deliberate faults; 2 or more is a real failure.
demo: $(STAMP)
	$(BIN)/council-templates build
	cd examples && ../$(BIN)/validate 'returns/*.xlsx' --format html --output ../out/validation.html \
		--error-report ../out/error_report.xlsx --annotate ../out/annotated; test $$? -le 1
	cd examples && ../$(BIN)/validate 'returns/*.xlsx'; test $$? -le 1
	@echo "Reports: out/validation.html, out/error_report.xlsx, out/annotated/"

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py --returns 1000

test: $(STAMP)
	$(BIN)/python -m pytest -q

template examples: $(STAMP)
	$(BIN)/council-templates build

clean:
	rm -rf $(VENV) out
