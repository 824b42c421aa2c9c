"""The recipe: read -> detect -> strip -> normalize -> metadata. Each stage is one module."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from . import metadata
from .detect import detect_kind
from .errors import NoArticleError, TooLargeError
from .models import Change, Document, Kind, Line, Metadata, Options, Role
from .normalize import normalize_paragraphs, normalize_text, repair_c1_mojibake
from .read import decode
from .sitelines import drop_site_lines
from .strip import Stripped
from .strip.html import strip_html
from .strip.sanitize import drop_internal_subset
from .strip.text import strip_text

DEFAULT_OPTIONS = Options()
# Cleaning is repeated on its own output until nothing more is removed (idempotence): two extra
# rounds are always enough in practice, the bound only guards against oscillation.
MAX_FIXPOINT_ROUNDS = 3


def clean(data: bytes | str, *, source: str = "-", kind: Kind | str | None = None, url: str | None = None,
          options: Options = DEFAULT_OPTIONS, site_lines: frozenset[int] = frozenset()) -> Document:
    """Clean one document: the article text, its metadata, and what was removed and why.

    ``data`` is the raw page (bytes in any charset, or text), HTML or a plain-text dump. ``kind``
    forces the input kind (else ``options.input_format``, else detected). ``site_lines`` are the keys
    (``sitelines.line_key``) of the lines other documents of the same site repeat: in a text dump they
    are removed from the article (learning from the batch, ``sitelines``). Raises a NewscleanError
    (DecodeError, NoArticleError) naming ``source`` when no article can be had.
    """
    if options.max_bytes and len(data) > options.max_bytes:
        raise TooLargeError(f"larger than the size cap of {options.max_bytes} bytes (--max-bytes)", source)
    text = decode(data, source) if isinstance(data, bytes) else data
    kind = Kind(kind) if kind else options.input_format or detect_kind(text)
    given_url = url or options.url
    url = given_url if _parses(given_url) else None  # (a broken one is recorded, never read)
    if kind is Kind.HTML:
        repaired: list[Change] = []
        if options.repair_mojibake:
            text, repaired = repair_c1_mojibake(text)
        stripped = strip_html(drop_internal_subset(text), url=url, source=source, max_depth=options.max_depth,
                              max_lines=options.max_lines)
        paragraphs, changes = normalize_paragraphs(stripped.paragraphs, options.repair_mojibake)
        changes = repaired + changes
    else:
        _check_lines(sum(1 for line in text.splitlines() if line and not line.isspace()), options, source)
        try:
            stripped, paragraphs, changes = _strip_to_fixpoint(text, options.repair_mojibake, options.max_lines,
                                                                     url, site_lines)
        except TooLargeError as error:  # a run-on page cut into more sentences than the cap
            raise TooLargeError(error.reason, source) from None
    if not paragraphs:
        raise NoArticleError("no article text found", source)
    body = "\n\n".join(paragraphs)
    extra: dict[str, object] = {}
    if kind is Kind.HTML:
        meta = metadata.from_html(stripped, body, url)
    else:
        meta, extra = metadata.from_text(stripped, body, url)
    if meta.title:
        meta = replace(meta, title=normalize_text(meta.title, options.repair_mojibake)[0] or None)
    if given_url and url is None:
        meta = replace(meta, url=given_url)
    captions = _captions(stripped, options.repair_mojibake)
    return Document(text=body, metadata=meta, source=source, kind=kind, captions=captions,
                    lines=stripped.lines, changes=tuple(changes), extra=extra)


def _parses(url: str | None) -> bool:
    """Can the stages read ``url``? ("http://[::1/x", an unclosed IPv6 bracket, cannot.)"""
    try:
        urlsplit(url or "")
    except ValueError:
        return False
    return True


def _check_lines(count: int, options: Options, source: str) -> None:
    if options.max_lines and count > options.max_lines:
        raise TooLargeError(f"{count} lines, more than the cap of {options.max_lines} (max_lines)", source)


def _strip_to_fixpoint(text: str, repair_mojibake: bool, max_lines: int = 0, url: str | None = None,
                       site_lines: frozenset[int] = frozenset()) -> tuple[Stripped, list[str], list[Change]]:
    """Strip, then strip the (normalized) result again until a round removes nothing more.

    Lines a later round removes are marked removed in the first round's record, with that round's
    reason, so the record still covers every input line. Also returns the kept lines normalized,
    and the changes that made, as the last round computed them. The page's ``url`` (when known)
    helps the first round find the headline; the lines of ``site_lines`` go in the first round.
    """
    stripped = drop_site_lines(strip_text(text, max_lines=max_lines, url=url, site_lines=site_lines), site_lines)
    lines = list(stripped.lines)
    normalized: list[str] | None = None
    changes: list[Change] = []
    for _ in range(MAX_FIXPOINT_ROUNDS):
        kept = [i for i, ln in enumerate(lines) if ln.role.kept]
        normalized, changes = normalize_paragraphs([lines[i].text for i in kept], repair_mojibake)
        if len(normalized) != len(kept):
            break  # a paragraph normalized to nothing: no 1:1 mapping, and nothing left to decide
        again = strip_text("\n\n".join(normalized))
        if len(again.lines) != len(kept) or all(ln.role.kept for ln in again.lines):
            break
        for i, line in zip(kept, again.lines, strict=True):
            if not line.role.kept:
                lines[i] = Line(lines[i].text, Role.REMOVED, line.reason or "second-pass")
        normalized = None  # this round removed lines: what was normalized is no longer the body
    result = Stripped(tuple(lines), stripped.hints)
    if normalized is None:
        normalized, changes = normalize_paragraphs(result.paragraphs, repair_mojibake)
    return result, normalized, changes


def _captions(stripped: Stripped, repair_mojibake: bool) -> tuple[str, ...]:
    found = stripped.with_role(Role.CAPTION) + list(stripped.hints.get("captions", []))  # type: ignore[call-overload]
    out: list[str] = []
    for caption in found:
        text = normalize_text(caption, repair_mojibake)[0]
        if text and text not in out:
            out.append(text)
    return tuple(out)


__all__ = ["clean", "Document", "Metadata", "Options", "Kind"]
