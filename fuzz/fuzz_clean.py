"""Coverage-guided fuzzing of ``newsclean.clean`` with atheris (libFuzzer for Python).

    make fuzz FUZZ_SECONDS=300         # or: python fuzz/fuzz_clean.py fuzz/corpus fuzz/seeds -max_total_time=300

Each input is raw bytes; its first byte picks how they are given to ``clean``: as bytes or as text
(decoded as UTF-8 with surrogate escapes, as the CLI would never do but a library caller might), with
the kind detected, forced to HTML or forced to text. Anything but a NewscleanError is a crash:
libFuzzer writes the input to ``fuzz/crashes/`` and stops. Keep each one as a regression test in
``tests/test_fuzz_regressions.py`` (or a small file under ``tests/data/fuzz/``), then fix it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsclean"]):
    import newsclean
    from newsclean.errors import NewscleanError

KINDS = (None, "html", "text")
# Small caps keep every execution quick (libFuzzer's -timeout catches the slow ones): the fuzzer
# looks for crashes, the size caps have their own tests.
OPTIONS = newsclean.Options(max_bytes=1 << 20, max_lines=2_000)


def run_one(data: bytes) -> None:
    """Clean one fuzzer input; NewscleanError is an answer, anything else propagates (a crash)."""
    if not data:
        return
    mode, body = data[0], data[1:]
    kind = KINDS[mode % 3]
    payload: bytes | str = body.decode("utf-8", "surrogateescape") if mode & 4 else body
    if isinstance(payload, str) and mode & 8:
        payload = body.decode("latin-1")  # every byte a character: controls, C1, NUL
    try:
        doc = newsclean.clean(payload, source="fuzz", kind=kind, options=OPTIONS)
    except NewscleanError:
        return
    for fmt in newsclean.Format:
        newsclean.render(doc, fmt)


def main() -> None:
    newsclean.clean("Warm-up sentence that loads the models and the tables once.\n")  # not in timing
    atheris.Setup(sys.argv, lambda data: run_one(bytes(data)))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
