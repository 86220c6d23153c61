# The newcomer's two commands: `make run` and `make test`. Only python3 is assumed.
PYTHON ?= python3
VENV := .venv
UV_VERSION := 0.13.9
UV := $(VENV)/bin/uv
PY := $(VENV)/bin/python
DB ?= warehouse/warta.duckdb
INPUT ?= corpus/samples

export PREFECT_SERVER_ANALYTICS_ENABLED := false
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install run test test-fast setup-browser fuzz lint bench clean

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet uv==$(UV_VERSION)

# The stamp makes `make` reinstall only when the lock changes.
$(VENV)/.installed: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --compile-bytecode
	touch $@

# The project's own bytecode, written once: a shell that tells Python not to write it
# (PYTHONDONTWRITEBYTECODE=1) would otherwise have every process of every run (the flow, each
# worker) compile the project's modules again, ~0.25 s of CPU each. Up-to-date files are skipped.
PACKAGES := warta flows sources transforms expectations warehouse reports

install: $(VENV)/.installed
	@$(PY) -m compileall -q $(PACKAGES) >/dev/null

run: install
	$(VENV)/bin/warta run --input $(INPUT) --db $(DB)

# Python may be told not to write bytecode (PYTHONDONTWRITEBYTECODE=1 in some shells); then pytest
# rewrites every test module and the hypothesis package again on each run (~3 s). Tests write it.
test test-fast: export PYTHONDONTWRITEBYTECODE =

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

# Everything but the slow kinds (markers in pyproject.toml): under a minute, for the edit-test loop.
test-fast: install
	$(PY) -m pytest -m "not (server or browser or lock_wait or dask or faults or slow)" --hypothesis-profile=fast $(PYTEST_ARGS)

# Headless Chromium for the browser tests (Debian's package; needs root). Tests never install it.
setup-browser:
	@if command -v chromium >/dev/null 2>&1; then echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" != 0 ]; then echo "run as root: apt-get install -y chromium" >&2; exit 1; \
	else apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; fi

# The fuzz run of the cleaner and the extractors: 10,000 examples, one line out.
fuzz: install
	$(PY) benchmarks/fuzz.py --examples 10000

lint: install
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache
