"""Golden outputs: every bundled sample, cleaned, must give exactly its reviewed golden files.

Regenerate with ``pytest tests/test_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclean
from newsclean.diff import format_plain, from_document

from .conftest import GOLDEN, SAMPLES, sample_files

META_FIELDS = ("title", "authors", "date", "site", "language", "captions")


def _check(path: Path, expected: str, update: bool) -> None:
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(expected, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run pytest --update-golden and review it"
    assert path.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: str(p.relative_to(SAMPLES)))
def test_sample_matches_golden(sample: Path, update_golden: bool) -> None:
    doc = newsclean.clean(sample.read_bytes(), source=sample.name)
    stem = GOLDEN / sample.relative_to(SAMPLES).with_suffix("")
    _check(stem.with_suffix(".txt"), newsclean.render(doc, newsclean.Format.TEXT), update_golden)
    record = newsclean.to_dict(doc)
    meta = {k: record[k] for k in META_FIELDS}
    _check(stem.with_suffix(".meta.json"), json.dumps(meta, ensure_ascii=False, indent=2) + "\n", update_golden)
    _check(stem.with_suffix(".diff"), "\n".join(format_plain(from_document(doc))) + "\n", update_golden)
