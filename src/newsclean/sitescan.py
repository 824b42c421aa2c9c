"""The first pass of a batch run with ``--site-lines``: read every text dump of the batch (files, and
the text records of JSON Lines streams) and count its long lines per site (``sitelines``).

A document's site is the host of its URL when it has one (a stream record's url field), else the
folder holding it (a crawl folder per site is the usual layout), else the stream it came in.
HTML pages are not read here: their article comes from trafilatura and the rendered page, whose
lines this pass does not have.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from .detect import detect_kind
from .errors import NewscleanError
from .models import Kind
from .read import decode, iter_inputs, read_bytes, special_file
from .sitelines import SiteLines
from .streams import Fields, StreamFormat, iter_lines, open_binary, parse_line, stream_format

# An archived copy's URL holds the page's own: web.archive.org/web/20200105123456/https://example.com/a
_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(.+)$", re.I)


def site_of(url: str | None, container: str) -> str:
    """The site a document belongs to: its URL's host ("www." aside; an archived copy's, the archived
    page's), else ``container`` (its folder or stream). A URL that does not parse names no site.

    >>> site_of("http://web.archive.org/web/2020id_/https://www.example.com/a", "raw"), site_of(None, "raw")
    ('example.com', 'raw')
    >>> site_of("http://[::1/broken", "raw")
    'raw'
    """
    if url and (archived := _ARCHIVED.match(url)):
        url = archived.group(1) if "://" in archived.group(1) else "http://" + archived.group(1)
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:  # "http://[::1/x": an unclosed IPv6 bracket
        host = ""
    return host.removeprefix("www.") or container


def folder_site(path: Path | None) -> str:
    """The site of a file without a URL: the folder holding it, however the path was written."""
    return "-" if path is None else os.path.realpath(path.parent)


def scan_sites(paths: Sequence[str], fields: Fields, max_bytes: int = 0, forced: StreamFormat | None = None,
               kind: Kind | None = None) -> dict[str, frozenset[int]]:
    """Per site, the keys of the long lines that several of its text dumps hold: the inputs the batch
    cleans (``batch._Planner.items``: streams by name or ``forced``, documents of ``kind`` or detected),
    regular files only. Unreadable inputs are passed over (the cleaning pass reports them); stdin and
    pipes are not read (they can be read only once)."""
    counts = SiteLines()
    for _ in count_sites(counts, paths, fields, max_bytes, forced, kind):
        pass
    return counts.repeated()


def count_sites(counts: SiteLines, paths: Sequence[str], fields: Fields, max_bytes: int = 0,
                forced: StreamFormat | None = None, kind: Kind | None = None) -> Iterator[int]:
    """Add the batch's text dumps to ``counts`` (what ``scan_sites`` reads), yielding the number of
    documents read so far after each one (for a progress display)."""
    read = 0
    for inp in iter_inputs(paths):
        if inp.path is None or special_file(inp.path):
            continue
        hidden = inp.path.name.startswith(".")
        fmt = forced or (None if hidden else stream_format(inp.path))
        try:
            if fmt is StreamFormat.JSONL:
                for _ in _scan_stream(inp.path, fields, max_bytes, counts):
                    read += 1
                    yield read
            elif fmt is None and not inp.skipped:
                text = decode(read_bytes(inp.path, max_bytes), inp.source)
                if (kind or detect_kind(text)) is Kind.TEXT:
                    counts.add(folder_site(inp.path), text)
                read += 1
                yield read
        except (NewscleanError, OSError):
            continue


def _scan_stream(path: Path, fields: Fields, max_bytes: int, counts: SiteLines) -> Iterator[None]:
    """Count the text records of a JSON Lines stream; yields after each line read."""
    with open_binary(path) as stream:
        for source, line in iter_lines(stream, str(path), max_bytes):
            yield None
            if line is None:
                continue
            try:
                record = parse_line(line, fields, source)
            except NewscleanError:
                continue
            if record.kind is Kind.TEXT and isinstance(record.data, str):
                counts.add(site_of(record.url, str(path)), record.data)
