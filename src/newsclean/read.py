"""Stage 1, read: find the inputs, read their bytes (gzip included) and decode them to text.

Decoding order: a byte-order mark wins; then strict UTF-8 (most of the web); then the charset an
HTML page declares, if the bytes really decode with it; then charset-normalizer's detection.
Binary files (images, PDFs, archives saved as ``.html``) are refused with a reason.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DecodeError, ReadError, TooLargeError

# File name endings we clean; anything else under a folder is skipped (and counted).
DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text")
GZIP_SUFFIX = ".gz"
# Bytes sniffed from files without extension to decide whether they are documents.
SNIFF_BYTES = 4096

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of the binary formats most often found saved under a wrong name.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"\x7fELF", "an executable"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARED = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# UTF-16 without a BOM or ASCII: at least this share of NUL bytes (a space every ~15 characters gives
# ~3%), and this share of printable characters once decoded (random bytes give ~60%, text 100%).
UTF16_MIN_NULS = 0.02
UTF16_MIN_PRINTABLE = 0.98
_ASCII_MARKUP = re.compile(rb"\s*<[!?A-Za-z]")
# Mess ratio (charset-normalizer's) above which a declared charset is checked against detection: text
# in its right charset scores < 0.01, cp1252 pages declared koi8-r or iso-8859-5 0.09-0.1, CJK read
# as a single-byte charset > 0.6 (measured on the test pages of tests/test_hostile.py).
MAX_DECLARED_MESS = 0.05
MESS_SAMPLE = 32768
_NON_ASCII = re.compile("[^\x00-\x7f]")
# Share of control characters (other than tab/newline/CR/form feed) above which bytes are binary.
MAX_CONTROL_SHARE = 0.05
# Control characters other than tab, newline, vertical tab, form feed and CR; and the replacement
# character that undecodable bytes became.
_BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def decode(data: bytes, source: str = "-") -> str:
    """Decode the bytes of a document to text, or raise DecodeError saying why not."""
    if not data:
        return ""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"not a text document: looks like {what}", source)
    utf16 = _sniff_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _decode_declared(data)
        if declared is None:
            text = _decode_detected(data, source)
        elif _mess(declared) > MAX_DECLARED_MESS:
            # a declaration that lies, yet decodes (any byte is a letter in koi8-r or cp1252): the
            # detected charset wins if its text is less of a mess
            try:
                detected = _decode_detected(data, source)
            except DecodeError:
                detected = declared
            text = detected if _mess(detected) < _mess(declared) else declared
        else:
            text = declared
    _refuse_binary(text, source)
    return text


def _mess(text: str) -> float:
    """charset-normalizer's mess ratio of the text from its first non-ASCII character: ~0 for text in
    the right charset, 0.1 and more for the letters of the wrong one (cp1252 read as koi8-r)."""
    first = _NON_ASCII.search(text)
    if first is None:
        return 0.0
    from charset_normalizer.md import mess_ratio

    return float(mess_ratio(text[first.start() : first.start() + MESS_SAMPLE], 1.0))


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte of ASCII text is NUL; text in another script (Cyrillic,
    Greek, Arabic...) has NULs only at its spaces and punctuation, but decodes to printable text."""
    head = data[:2000]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    if head.count(0) < UTF16_MIN_NULS * len(head) or _ASCII_MARKUP.match(head):
        # NUL bytes are what UTF-16 of any text with spaces has, and UTF-8 text has not; and a page that
        # opens with a tag in single bytes ("<!DOCTYPE html>") is not UTF-16, whatever NULs follow
        return None
    head = head[: len(head) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue  # lone surrogates: binary data, or the other byte order
        printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r")
        if printable >= UTF16_MIN_PRINTABLE * len(text):
            return encoding
    return None


def _decode_declared(data: bytes) -> str | None:
    match = _DECLARED.search(data[:SNIFF_BYTES * 4]) or _XML_DECLARED.search(data[:SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec in ("latin-1", "iso8859-1"):
        codec = "cp1252"  # what browsers do: WHATWG maps latin-1 labels to windows-1252
    try:
        # strict: a declaration that lies (say "utf-8" over cp1252 bytes) must not win
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_detected(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    # preemptive_behaviour off: the declared charset, if any, was tried already
    best = from_bytes(data[: 1024 * 1024], preemptive_behaviour=False).best()
    if best is None or best.encoding is None:
        raise DecodeError("not a text document: no charset decodes it", source)
    return data.decode(best.encoding, errors="replace")


def _refuse_binary(text: str, source: str) -> None:
    sample = text[:8192]
    if not sample:
        return
    controls = len(_BINARY_CHARS.findall(sample))
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise DecodeError("not a text document: binary content", source)


# ---------------------------------------------------------------------------------------------
# Files and folders


@dataclass(frozen=True)
class Input:
    """One input found on disk (or stdin, path ``None``), with its path relative to its root."""

    path: Path | None
    relative: Path
    skipped: str = ""  # why this file is not cleaned ("" = it is)

    @property
    def source(self) -> str:
        return "-" if self.path is None else str(self.path)


def read_bytes(path: Path | None, max_bytes: int = 0, stdin: object = None) -> bytes:
    """The bytes of one input, gunzipped when it is gzip, never more than ``max_bytes`` (0: no cap)."""
    source = "-" if path is None else str(path)
    try:
        if path is None:
            stream = stdin if stdin is not None else os.fdopen(os.dup(0), "rb")
            raw = _read_capped(stream, max_bytes, source)
        else:
            with open(path, "rb") as fh:
                raw = _read_capped(fh, max_bytes, source)
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", source) from exc
    if raw[:2] == b"\x1f\x8b":
        return gunzip(raw, max_bytes, source)
    return raw


def _read_capped(stream: Any, max_bytes: int, source: str) -> bytes:
    data = stream.read(max_bytes + 1) if max_bytes else stream.read()
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    if max_bytes and len(data) > max_bytes:
        raise TooLargeError(f"larger than the size cap of {max_bytes} bytes (--max-bytes)", source)
    return bytes(data)


def gunzip(raw: bytes, max_bytes: int, source: str) -> bytes:
    """Decompress gzip data, refusing to inflate past ``max_bytes`` (gzip bombs)."""
    out = bytearray()
    data = raw
    try:
        while data:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            limit = (max_bytes + 1 - len(out)) if max_bytes else 0
            out += inflater.decompress(data, limit) if limit else inflater.decompress(data)
            if max_bytes and len(out) > max_bytes:
                raise TooLargeError(f"decompresses to more than the size cap of {max_bytes} bytes (--max-bytes)",
                                    source)
            if not inflater.eof:
                out += inflater.flush()
                if not inflater.eof:
                    raise ReadError("corrupt gzip: truncated data", source)
            data = inflater.unused_data  # concatenated gzip members
            if data and data[:2] != b"\x1f\x8b":
                break  # trailing garbage after the last member: ignore, as gzip(1) does
    except zlib.error as exc:
        raise ReadError(f"corrupt gzip: {exc}", source) from exc
    return bytes(out)


def iter_inputs(paths: Iterable[str]) -> Iterator[Input]:
    """Expand paths (``-`` is stdin) and folders (recursively, sorted) into inputs.

    Files of other types found in folders are yielded with ``skipped`` set, so they can be counted.
    Symlinked folders are not followed into a loop.
    """
    for arg in paths:
        if arg == "-":
            yield Input(None, Path("stdin"))
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield Input(path, Path(path.name))


def walk_folders(root: Path) -> Iterator[tuple[str, list[str]]]:
    """``os.walk`` following symlinks but never into a loop, in sorted order: (folder, file names)."""
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:
            dirnames[:] = []  # a symlink loop: been here already
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames.sort()
        yield dirpath, sorted(filenames)


def _walk(root: Path) -> Iterator[Input]:
    for dirpath, filenames in walk_folders(root):
        for name in filenames:
            path = Path(dirpath) / name
            why = special_file(path) or ("" if is_document_name(path) else _skip_reason(path))
            yield Input(path, path.relative_to(root), skipped=why)


def special_file(path: Path) -> str:
    """Why a file found in a folder is no document although it may be named like one: a FIFO would
    block its reader forever, a device (``/dev/zero``, ``/dev/urandom``) never ends. "" for regular
    files, and for those that cannot be examined (the reader reports why)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return ""
    if stat.S_ISREG(mode):
        return ""
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special")
    return f"not a regular file ({kind})"


def is_document_name(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
        if "." not in name:
            return True
    return name.endswith(DOCUMENT_SUFFIXES)


def _skip_reason(path: Path) -> str:
    if path.name.startswith("."):
        return "hidden file"
    if path.suffix == "" and _looks_textual(path):
        return ""
    return f"not a document type ({path.suffix or 'no extension, binary content'})"


def _looks_textual(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return True  # let the reader report the error
    if not head.strip():
        return True
    try:
        decode(head, str(path))
    except DecodeError:
        return False
    return True


def output_relative(relative: Path, suffix: str) -> Path:
    """``ki/a.html.gz`` -> ``ki/a`` + suffix: the input's extension(s) replaced by the format's."""
    name = relative.name
    lowered = name.lower()
    if lowered.endswith(GZIP_SUFFIX):
        name, lowered = name[: -len(GZIP_SUFFIX)], lowered[: -len(GZIP_SUFFIX)]
    for ext in DOCUMENT_SUFFIXES:
        if lowered.endswith(ext):
            name = name[: -len(ext)]
            break
    return relative.with_name((name or "document") + suffix)
