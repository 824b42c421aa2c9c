# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make demo   — create .venv, install newsclean, clean the bundled samples/ into demo-out/
#   make test   — create .venv, install newsclean with its dev tools, run pytest, ruff and mypy
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
BENCH_DIR ?= ../shared/bench

.PHONY: setup demo test lint bench clean-venv browser

$(BIN)/newsclean: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# the pip bundled with Python 3.11 (23.2.1) mis-resolves lxml[html_clean]: upgrade it first
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $@

setup: $(BIN)/newsclean

demo: setup
	$(BIN)/newsclean clean samples -o demo-out --format dated
	@echo "--- demo-out/text/kyiv-independent-dump.txt"
	@cat demo-out/text/kyiv-independent-dump.txt
	@echo "--- what was removed from it, and why (first 25 lines):"
	@$(BIN)/newsclean diff samples/text/kyiv-independent-dump.txt --only-removed | head -25

# The HTML report tests open `newsclean diff --html` pages in a headless chromium (Debian's package).
# Installed here when missing and we are root; elsewhere those tests skip and say why.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium for the HTML report tests"; \
		(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) >/dev/null \
		|| echo "chromium could not be installed: the browser tests will be skipped"; \
	fi

test: setup browser
	$(BIN)/python -m pytest
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m bench.run --bench-dir $(BENCH_DIR)

clean-venv:
	rm -rf $(VENV)

# The batch benchmark (bench/batch.py, a command, not a test): newsclean against trafilatura on the pages of
# $(BENCH_DIR), and the peak memory on a 200 MB JSON Lines stream, which needs /usr/bin/time (Debian's
# package `time`: installed here when it is missing and we are root).
.PHONY: bench-batch
bench-batch: setup
	@if [ ! -x /usr/bin/time ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y time) >/dev/null; fi
	$(BIN)/python bench/batch.py --bench-dir $(BENCH_DIR)

# Dump styles the bench folder does not hold (bench/styles.py, a command, not a test): w3m and lynx dumps
# of its pages, lynx's numbered links, re-wrapped and markdown dumps; w3m and lynx (Debian's packages)
# are installed here when missing and we are root.
.PHONY: bench-styles
bench-styles: setup
	@if { [ ! -x /usr/bin/w3m ] || [ ! -x /usr/bin/lynx ]; } && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y w3m lynx) >/dev/null; fi
	$(BIN)/python -m bench.styles --bench-dir $(BENCH_DIR)

# Pages from outside the bench folder (bench/unseen.py, a command, not a test): newspaper4k's test pages
# (its sdist, fetched from PyPI once into bench/results/unseen/), as HTML and as w3m and lynx dumps.
.PHONY: bench-unseen
bench-unseen: setup
	@if { [ ! -x /usr/bin/w3m ] || [ ! -x /usr/bin/lynx ]; } && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y w3m lynx) >/dev/null; fi
	$(BIN)/python -m bench.unseen

# Red-team probes (bench/probes.py): text dumps in scripts the bench barely has, with gold bodies.
.PHONY: bench-probes
bench-probes: setup
	for set in "" second third fourth fifth; do echo "== bench/probes/$$set"; \
		$(BIN)/python -m bench.probes --dir bench/probes/$$set || exit 1; done

# Coverage-guided fuzzing of newsclean.clean with atheris (a command, not a test): FUZZ_SECONDS of it,
# the corpus kept in fuzz/corpus/ (seeded from samples/), any crashing input written to fuzz/crashes/.
FUZZ_SECONDS ?= 300
.PHONY: fuzz
fuzz: setup
	@$(BIN)/python -c 'import atheris' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[fuzz]'
	@mkdir -p fuzz/corpus fuzz/crashes
	@cp -n samples/html/* samples/text/* fuzz/corpus/ 2>/dev/null || true
	$(BIN)/python fuzz/fuzz_clean.py fuzz/corpus -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=3072 \
		-max_len=16384 -dict=fuzz/clean.dict -artifact_prefix=fuzz/crashes/ -print_final_stats=1
