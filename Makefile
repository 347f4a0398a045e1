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
	@# Tesseract read in this process (tesserocr), built on the system's own libtesseract so that it
	@# reads exactly as the command does; without libtesseract-dev the reader runs the command (slower).
	$(PY) -m pip install --quiet --no-binary tesserocr -e '.[ocr]' \
	  || echo "tesserocr was not built (apt-get install libtesseract-dev libleptonica-dev pkg-config): Tesseract runs as a command"
	touch $@

install: $(VENV)/.installed

# Tesseract OCR for scanned certificates, and its library's headers for the in-process binding
# (Debian/Ubuntu). On macOS: `brew install tesseract`.
system-deps:
	@if command -v tesseract >/dev/null 2>&1 && pkg-config --exists tesseract lept 2>/dev/null; then \
	  echo "tesseract: $$(tesseract --version 2>&1 | head -1)"; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq tesseract-ocr libtesseract-dev libleptonica-dev pkg-config >/dev/null; \
	elif command -v tesseract >/dev/null 2>&1; then echo "tesseract: $$(tesseract --version 2>&1 | head -1) (run as a command)"; \
	else echo "Tesseract is not installed: scanned certificates will go to review. On macOS: brew install tesseract"; fi

demo: system-deps install
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(PY) samples/run_demo.py --out $(DEMO) --today $(TODAY)

test: system-deps install
	$(PY) -m pytest -q

test-fast: install
	$(PY) -m pytest -q -m "not slow and not postgres"

bench: system-deps install
	$(PY) bench/run.py $(ONLY) $(if $(SCALE),--scale=$(SCALE)) $(if $(PARTS),--only=$(PARTS))

# Certificate reading quality on the generated corpus (bench/certcorpus), tuned and held-out sets.
# Options through ARGS, e.g. make quality ARGS="--set tuned --misses"; see bench/quality.py --help.
quality: system-deps install
	$(PY) bench/quality.py $(ARGS)

# Rebuild the expected exports beside the samples; read the diff line by line before committing.
golden: install
	$(PY) samples/run_demo.py --golden --today $(TODAY)

samples: install
	$(PY) samples/make_samples.py

clean:
	rm -rf $(VENV) $(DEMO) build *.egg-info .pytest_cache
