"""Stream inputs: JSON Lines exports and WARC files, read record by record (never whole).

A JSON Lines record holds the page in an HTML field or a text field, with optional url and id fields;
the defaults (``html``, ``text``, ``url``, ``id``) fit Hugging Face datasets and datatrove exports, and
the url and id are also looked for under ``metadata`` (where datatrove keeps them). A WARC response
record with an HTML payload is one document; its id and url are the WARC-Record-ID and
WARC-Target-URI. Every document record gives one JSON Lines output record that carries its id and url;
a record that could not be cleaned gives a record with empty text and an ``error``.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO, Any

from .errors import ReadError
from .models import Document, Kind, Metadata
from .write import to_dict

GZIP_MAGIC = b"\x1f\x8b"
# Content types of WARC response payloads that are web pages (others are skipped and counted).
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Reading granularity when skipping the rest of an over-long JSON line.
CHUNK_BYTES = 1 << 20


class StreamFormat(str, Enum):
    JSONL = "jsonl"
    WARC = "warc"


_SUFFIXES = {".jsonl": StreamFormat.JSONL, ".ndjson": StreamFormat.JSONL, ".warc": StreamFormat.WARC}


def stream_format(path: Path) -> StreamFormat | None:
    """The stream format a file name says (``a.jsonl``, ``b.ndjson.gz``, ``c.warc.gz``), else None."""
    name = path.name.lower().removesuffix(".gz")
    for suffix, fmt in _SUFFIXES.items():
        if name.endswith(suffix):
            return fmt
    return None


def output_name(relative: Path) -> Path:
    """``crawl/CC-1.warc.gz`` -> ``crawl/CC-1.jsonl``: the stream's name with its extensions replaced."""
    name = relative.name
    lowered = name.lower().removesuffix(".gz")
    name = name[: len(lowered)]
    for suffix in _SUFFIXES:
        if lowered.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return relative.with_name((name or "stream") + ".jsonl")


@dataclass(frozen=True)
class Fields:
    """Where a JSON Lines record keeps its page: dotted paths (``metadata.url``) are followed."""

    text: str = "text"
    html: str = "html"
    url: str = "url"
    id: str = "id"


@dataclass(frozen=True)
class Record:
    """One document of a stream, ready to clean."""

    source: str  # ``path:N``: the line number (JSON Lines) or record number (WARC), from 1
    data: bytes | str
    kind: Kind | None
    url: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class Oversize:
    """A record over the size cap: reported and skipped."""

    source: str
    reason: str


@dataclass(frozen=True)
class NotDocument:
    """A WARC response that is not a web page (an image, a PDF, a redirect): skipped and counted."""

    source: str
    reason: str


def open_binary(path: Path | None, stdin: IO[bytes] | None = None) -> IO[bytes]:
    """The stream's bytes, gunzipped on the fly when they are gzip (by content, not by name)."""
    raw: Any = stdin if path is None and stdin is not None else open(path or 0, "rb")  # noqa: SIM115
    buffered: Any = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
    if buffered.peek(2)[:2] == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[return-value]
    return buffered


# ---------------------------------------------------------------------------------------------
# JSON Lines


def iter_lines(stream: IO[bytes], source: str, max_bytes: int) -> Iterator[tuple[str, bytes | None]]:
    """``(path:N, line)`` for each non-blank line; ``line`` is None when it is over ``max_bytes``
    (the rest of it is skipped without being held in memory)."""
    number = 0
    try:
        while True:
            line = stream.readline(max_bytes + 1) if max_bytes else stream.readline()
            if not line:
                return
            number += 1
            if max_bytes and len(line) > max_bytes and not line.endswith(b"\n"):
                while True:  # skip to the end of this line
                    rest = stream.readline(CHUNK_BYTES)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield f"{source}:{number}", None
            elif line.strip():
                yield f"{source}:{number}", line
    except (OSError, EOFError, zlib.error) as exc:
        raise ReadError(f"cannot read the stream after line {number}: {exc}", source) from exc


def _field(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _label(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)


def identify(record: dict[str, Any], fields: Fields) -> tuple[str | None, str | None]:
    """The record's id and url (also looked for under ``metadata``, as datatrove writes them)."""
    found = []
    for name in (fields.id, fields.url):
        value = _field(record, name)
        if value is None and "." not in name:
            value = _field(record, f"metadata.{name}")
        found.append(_label(value))
    return found[0], found[1]


def parse_line(line: bytes, fields: Fields, source: str) -> Record:
    """One JSON Lines record as a document: the HTML field if it is there and not empty, else the
    text field. Raises ReadError naming what is wrong with the record."""
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ReadError(f"not a JSON record: {exc}", source) from exc
    except RecursionError:  # arrays or objects nested thousands deep
        raise ReadError("not a JSON record: nested too deeply", source) from None
    if not isinstance(record, dict):
        raise ReadError("not a JSON object", source)
    rec_id, url = identify(record, fields)
    for name, kind in ((fields.html, Kind.HTML), (fields.text, Kind.TEXT)):
        value = _field(record, name)
        if isinstance(value, str) and value.strip():
            return Record(source, value, kind, url, rec_id)
    raise ReadError(f"no '{fields.html}' or '{fields.text}' field with text", source)


def identify_line(line: bytes | None, fields: Fields) -> tuple[str | None, str | None]:
    """id and url of a raw line, when it parses (for the output record of a failed document)."""
    if line is None:
        return None, None
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, None
    return identify(record, fields) if isinstance(record, dict) else (None, None)


# ---------------------------------------------------------------------------------------------
# WARC


def iter_warc(stream: IO[bytes], source: str, max_bytes: int) -> Iterator[Record | Oversize | NotDocument]:
    """The HTML response records of a WARC (or WARC.gz) stream, one at a time.

    warcio undoes the HTTP transfer and content encodings (chunked, gzip). The HTTP header's charset
    is used when the payload really decodes with it; else the page's own declaration or detection.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type != "response":
                continue
            where = f"{source}:{number}"
            headers = record.http_headers
            content_type = (headers.get_header("Content-Type") if headers else None) or ""
            mime = content_type.split(";")[0].strip().lower()
            if not mime.startswith(HTML_TYPES):
                yield NotDocument(where, f"not a web page ({mime or 'no content type'})")
                continue
            payload = record.content_stream().read(max_bytes + 1 if max_bytes else -1)
            if max_bytes and len(payload) > max_bytes:
                yield Oversize(where, f"larger than the size cap of {max_bytes} bytes (--max-bytes)")
                continue
            yield Record(where, _decode_declared(payload, content_type), Kind.HTML,
                         record.rec_headers.get_header("WARC-Target-URI"),
                         record.rec_headers.get_header("WARC-Record-ID"))
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        raise ReadError(f"cannot read the WARC after record {number}: {exc}", source) from exc


def _decode_declared(payload: bytes, content_type: str) -> bytes | str:
    """Decode with the HTTP header's charset when there is one and the bytes really are in it."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            try:
                return payload.decode(codecs.lookup(value.strip().strip("\"'")).name)
            except (LookupError, UnicodeDecodeError):
                return payload
    return payload


# ---------------------------------------------------------------------------------------------
# Output records


def output_record(doc: Document, rec_id: str | None, url: str | None) -> str:
    """The JSON line of a cleaned stream record: its id and url, then the usual record."""
    record = {"id": rec_id, **to_dict(doc), "error": None}
    if url:
        record["url"] = url
    return json.dumps(record, ensure_ascii=False) + "\n"


def failure_record(source: str, rec_id: str | None, url: str | None, reason: str) -> str:
    """The JSON line of a stream record that gave no article: same keys, empty text, and why."""
    empty = Document(text="", metadata=Metadata(), source=source)
    record = {"id": rec_id, **to_dict(empty), "kind": None, "error": reason}
    record["url"] = url
    return json.dumps(record, ensure_ascii=False) + "\n"
