# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
# Both create .venv (once), install backbreak with its development tools, then run.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint unit qt desktop bench bundle icons screenshots translations clean

$(STAMP): pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 14) else "backbreak needs CPython 3.11 to 3.13; set PYTHON=/path/to/python3.x")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/backbreak

lint: $(STAMP)
	$(BIN)/ruff check backbreak tests tools setup.py packaging
	$(BIN)/ruff format --check backbreak tests tools setup.py packaging
	$(BIN)/mypy
	$(BIN)/mypy packaging/linux packaging/pyinstaller/build.py tools
	$(BIN)/lint-imports

# The whole suite: lint, then unit, qt and desktop tests. Desktop tests start their own
# Xvfb, window manager, tray host, notification daemon and session bus (tests/desktop/session.py).
test: lint
	$(BIN)/python -m pytest tests

unit: $(STAMP)
	$(BIN)/python -m pytest tests/unit

qt: $(STAMP)
	$(BIN)/python -m pytest tests/qt

desktop: $(STAMP)
	$(BIN)/python -m pytest tests/desktop

# Figures, not pass/fail: prints measurements and ratios against peers.
bench: $(STAMP)
	$(BIN)/python -m tests.bench

# The one-folder bundle (PyInstaller) from a wheel of the tree, packed as a tarball: build/bundle/.
bundle: $(STAMP)
	$(BIN)/python packaging/pyinstaller/build.py --tarball

# After a change to assets/icons/backbreak.svg: the hicolor PNGs under packaging/linux/icons.
icons: $(STAMP)
	$(BIN)/python packaging/linux/render_icons.py

# After a change to a window: the AppStream screenshots under packaging/linux/screenshots.
screenshots: $(STAMP)
	$(BIN)/python packaging/linux/screenshots.py

# After a change to any text backbreak says (or to a routine's words): refresh the templates, merge every
# language's catalogue with them (new texts empty, changed ones fuzzy), compile the .mo files.
translations: $(STAMP)
	$(BIN)/python -m tools.catalogues

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
