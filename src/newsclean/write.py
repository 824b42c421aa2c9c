"""Stage 6, write: serialise a cleaned Document as text, dated text, JSON, JSON Lines or Markdown.

Every writer is a pure function Document -> str; the CLI decides where the string goes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from enum import Enum
from typing import Any

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
