# The two commands: `make run` (the demo on the bundled data) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8501
MIRROR_PORT ?= 8765

.PHONY: run test install chromium screenshots bench reliability lint format clean

# A fresh venv with every pinned package; re-made when the pins change.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/spacerace demo --port $(PORT) --mirror-port $(MIRROR_PORT)

# The browser tests drive Debian's Chromium; install it when it is missing (CI runs as root).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

test: install chromium
	$(BIN)/python -m pytest

# The README's pictures: every page of the running dashboard on the demo warehouse, as the
# browser tests see it.
screenshots: install chromium
	SPACERACE_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/views -k browser

bench: install
	$(BIN)/python -m bench

# Kill-and-resume trials and a schedule killed at random while the dashboard is read (about
# ten minutes); the README's reliability figures come from it.
reliability: install
	$(BIN)/python -m bench.reliability

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) warehouse.duckdb warehouse.duckdb.* .spacerace exports
