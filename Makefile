# cec-batch: `make demo` runs the sample world end to end; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
CEC    := $(VENV)/bin/cec-batch
DEMO   := demo
TODAY  := 2026-11-15

.PHONY: install system-deps demo test test-fast bench quality golden samples clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Tesseract OCR for scanned certificates (Debian/Ubuntu). On macOS: `brew install tesseract`.
system-deps:
	@if command -v tesseract >/dev/null 2>&1; then echo "tesseract: $$(tesseract --version 2>&1 | head -1)"; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq tesseract-ocr >/dev/null; \
	else echo "Tesseract is not installed: scanned certificates will go to review. On macOS: brew install tesseract"; fi

demo: install system-deps
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(PY) samples/run_demo.py --out $(DEMO) --today $(TODAY)

test: install system-deps
	$(PY) -m pytest -q

test-fast: install
	$(PY) -m pytest -q -m "not slow and not postgres"

bench: install system-deps
	$(PY) bench/run.py $(ONLY) $(if $(SCALE),--scale=$(SCALE)) $(if $(PARTS),--only=$(PARTS))

# Certificate reading quality on the generated corpus (bench/certcorpus), tuned and held-out sets.
# Options through ARGS, e.g. make quality ARGS="--set tuned --misses"; see bench/quality.py --help.
quality: install system-deps
	$(PY) bench/quality.py $(ARGS)

# Rebuild the expected exports beside the samples; read the diff line by line before committing.
golden: install
	$(PY) samples/run_demo.py --golden --today $(TODAY)

samples: install
	$(PY) samples/make_samples.py

clean:
	rm -rf $(VENV) $(DEMO) build *.egg-info .pytest_cache
