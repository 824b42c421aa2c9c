"""The system under test: ``newsclean.clean`` (or any module with the same contract) as an extractor."""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Callable
from pathlib import Path

from .peers import Extractor, output

SRC = Path(__file__).resolve().parent.parent / "src"


def _import(module: str):
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module or not (SRC / module).exists():
            raise
        sys.path.insert(0, str(SRC))  # not installed: use the repo's src/
        return importlib.import_module(module)


def load_target(module: str = "newsclean") -> Callable[[str], Extractor]:
    """``make(kind)`` giving an extractor that calls ``module.clean(data, kind=kind[, url=url])``.

    The module's ``NewscleanError`` (nothing found) gives an empty output; any other exception is left
    to the runner, which records it as an error.
    """
    mod = _import(module)
    clean = mod.clean
    nothing_found = getattr(mod, "NewscleanError", ())
    params = inspect.signature(clean).parameters.values()
    takes_url = any(p.name == "url" or p.kind is inspect.Parameter.VAR_KEYWORD for p in params)

    def make(kind: str) -> Extractor:
        def extract(data, url=None):
            kwargs = {"kind": kind}
            if takes_url and url:
                kwargs["url"] = url
            try:
                doc = clean(data, **kwargs)
            except nothing_found:
                return output()
            return output(doc.text, doc.title, list(doc.authors or []), doc.date)

        return extract

    return make
