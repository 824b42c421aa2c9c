"""Stage 6, write: serialise a cleaned Document as text, dated text, JSON, JSON Lines or Markdown.

Every writer is a pure function Document -> str; the caller decides where the string goes. Files are
written atomically (a temporary name, then a rename), so no reader ever sees half an output.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import IO, Any

from .errors import WriteError
from .models import Document

SCHEMA_VERSION = 1
_DATED_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2}|unknown)(?:\s+(.+?))?\s*$")


class Format(str, Enum):
    TEXT = "text"
    DATED = "dated"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"

    @property
    def suffix(self) -> str:
        return {"text": ".txt", "dated": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md"}[self.value]


def to_dict(doc: Document) -> dict[str, Any]:
    """The JSON record of a document (schema documented in the README)."""
    m = doc.metadata
    return {
        "text": doc.text,
        "title": m.title,
        "authors": list(m.authors),
        "date": m.date,
        "modified": m.modified,
        "url": m.url,
        "site": m.site,
        "language": m.language,
        "description": m.description,
        "tags": list(m.tags),
        "image": m.image,
        "word_count": doc.word_count,
        "reading_time": doc.extra.get("stated_reading_time") or doc.reading_time,
        "source": doc.source,
        "kind": doc.kind.value,
        "captions": list(doc.captions),
        "removed": [{"text": r.text, "reason": r.reason} for r in doc.removed],
        "changes": [{"reason": c.reason, "count": c.count} for c in doc.changes],
    }


def write_text(doc: Document) -> str:
    return doc.text + "\n"


def write_dated(doc: Document) -> str:
    """``date YYYY-MM-DD Title``, a blank line, the body (the user's clean-corpus shape)."""
    day = (doc.metadata.date or "")[:10] or "unknown"
    title = doc.metadata.title or ""
    return f"date {day} {title}".rstrip() + "\n\n" + doc.text + "\n"


def write_json(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n"


def write_jsonl(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False) + "\n"


def write_markdown(doc: Document) -> str:
    """YAML front matter (every string JSON-quoted, which is valid YAML) and the body."""
    record = to_dict(doc)
    lines = ["---"]
    for key in ("title", "authors", "date", "url", "site", "language", "description", "tags", "image",
                "word_count", "reading_time", "source", "kind", "captions"):
        value = record[key]
        if value is None or value == []:
            continue
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + doc.text + "\n"


WRITERS: dict[Format, Callable[[Document], str]] = {
    Format.TEXT: write_text,
    Format.DATED: write_dated,
    Format.JSON: write_json,
    Format.JSONL: write_jsonl,
    Format.MARKDOWN: write_markdown,
}


def render(doc: Document, fmt: Format) -> str:
    return WRITERS[fmt](doc)


# ---------------------------------------------------------------------------------------------
# Files

# Temporary files are ``.<target name>.<random>.tmp`` beside the target (the same file system, so the
# rename is atomic); one left by a killed run is recognised by this and removed by the next run.
_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def write_atomically(target: Path, content: str, inputs: Iterable[str] = ()) -> None:
    """Write via a temporary file and a rename: no half-written output, never over an input."""
    with AtomicFile(target, inputs) as fh:
        fh.write(content)


_CREATE_MODE = 0o666  # what open() asks for; the umask takes its share, as for any new file


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class AtomicFile:
    """A text file written under a temporary name and renamed to ``target`` only when the ``with``
    block ends without an exception; otherwise the temporary file is removed."""

    def __init__(self, target: Path, inputs: Iterable[str] = ()) -> None:
        if any(Path(p).exists() and target.exists() and os.path.samefile(p, target) for p in inputs):
            raise WriteError("refusing to overwrite an input file", str(target))
        self.target = target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            os.fchmod(fd, _CREATE_MODE & ~_current_umask())  # mkstemp's 0600 would ignore the umask
            self._fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise WriteError(f"cannot write: {exc.strerror or exc}", str(target)) from exc

    def __enter__(self) -> IO[str]:
        return self._fh

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()

    def write(self, text: str) -> None:
        try:
            self._fh.write(text)
        except OSError as exc:
            self.abort()
            raise WriteError(f"cannot write: {exc.strerror or exc}", str(self.target)) from exc

    def commit(self) -> None:
        try:
            self._fh.close()
            os.replace(self._tmp, self.target)
        except OSError as exc:
            self.abort()
            raise WriteError(f"cannot write: {exc.strerror or exc}", str(self.target)) from exc

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self._fh.close()
        Path(self._tmp).unlink(missing_ok=True)


def remove_temporaries(target: Path) -> None:
    """Remove the temporary files a killed writer of ``target`` left behind."""
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    prefix = f".{target.name}."
    for name in names:
        if name.startswith(prefix) and _TEMPORARY.match(name):
            (target.parent / name).unlink(missing_ok=True)


def sweep_temporaries(folder: Path) -> int:
    """Remove every temporary output file under ``folder`` (left by a run that was killed); how many."""
    removed = 0
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in filenames:
            if _TEMPORARY.match(name):
                try:
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
                except OSError:
                    pass
    return removed
