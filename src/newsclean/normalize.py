"""Stage 4, normalize: make kept text clean Unicode, and record every kind of change made.

- mojibake repair (ftfy, whose detector only fixes text it is confident was mis-decoded),
- control characters and invisible junk (zero-width spaces, soft hyphens) removed,
- Unicode NFC, so that equal text compares equal,
- whitespace: runs of spaces collapsed, paragraphs separated by exactly one blank line.

Every function here is idempotent: normalizing normalized text changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import ftfy
from ftfy.badness import is_bad
from ftfy.chardata import CONTROL_CHARS, HTML_ENTITY_RE, LIGATURES

from .models import Change

# Curly quotes, full-width CJK punctuation and ligature-free text are the author's choice: we keep them.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_line_breaks=True,
    normalization="NFC",
    explain=True,
)
_FTFY_NO_MOJIBAKE = _FTFY._replace(unescape_html=False, fix_encoding=False, decode_inconsistent_utf8=False,
                                   fix_c1_controls=False, restore_byte_a0=False, replace_lossy_sequences=False)
# Invisible characters that only get in the way: zero-width space, soft hyphen, word joiner, BOM.
# ZWJ/ZWNJ (U+200C/U+200D) are kept: Persian, Indic scripts and emoji need them.
_INVISIBLE = re.compile("[\u200b\u00ad\u2060\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Horizontal whitespace but the plain space (as a regex class). Each run of spaces becomes one plain
# space: only the runs this changes are matched (two or more spaces, or one other), not every space.
_OTHER_SPACES = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f"[ {_OTHER_SPACES}]{{2,}}|[{_OTHER_SPACES}]")
# ftfy looks for mojibake with one big regular expression over the whole text (~1 ms for an article),
# and some of its fixers translate the whole text character by character. Both are skipped when
# they are sure to change nothing, so the result is always ftfy's own (tests/test_normalize.py checks
# this on generated text):
# - every sequence the detector looks for is a few characters long and holds a non-ASCII character,
#   so only the text around non-ASCII runs is searched; text with HTML entities (ftfy's own pattern,
#   so a bare "&" is no entity), terminal escapes or surrogates (which other fixers turn into new
#   characters) always gets the full detector, and the control characters ftfy removes (which would
#   join their neighbours) are removed before looking;
# - the control-character and ligature fixers only run when the text holds such characters.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
MOJIBAKE_CONTEXT = 6  # characters kept on each side of a non-ASCII run (ftfy's sequences are <= 4)
_FTFY_CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(CONTROL_CHARS)) + "]")
_FTFY_LIGATURES = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(LIGATURES)) + "]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def may_be_mojibake(text: str) -> bool:
    """False only when ftfy's mojibake step (``ftfy.badness.is_bad``) is sure to find nothing to fix."""
    if "\x1b" in text or _SURROGATE.search(text):
        return True
    probe = text.translate(CONTROL_CHARS) if _FTFY_CONTROLS.search(text) else text
    if _may_hold_entity(probe):
        return True
    pieces = [probe[max(m.start() - MOJIBAKE_CONTEXT, 0):m.end() + MOJIBAKE_CONTEXT]
              for m in _NON_ASCII_RUN.finditer(probe)]
    return bool(pieces) and is_bad("\n".join(pieces))


def _may_hold_entity(probe: str) -> bool:
    """Whether ftfy's HTML unescaping may change the text (control characters removed): it holds an
    entity (``HTML_ENTITY_RE``: "&amp;", "&#233;"), or will once its ligatures are split ("&de\ufb01;").
    A bare "&" ("Q&A", "AT&T") is left as it is."""
    if "&" not in probe:
        return False
    if _FTFY_LIGATURES.search(probe):
        probe = probe.translate(LIGATURES)
    return HTML_ENTITY_RE.search(probe) is not None


def _ftfy_config(text: str, repair_mojibake: bool) -> ftfy.TextFixerConfig:
    """ftfy's configuration for ``text``, without the steps that cannot change it."""
    config = _FTFY if repair_mojibake else _FTFY_NO_MOJIBAKE
    if _SURROGATE.search(text) or (repair_mojibake and may_be_mojibake(text)):
        return config
    return config._replace(fix_encoding=False, remove_control_chars=bool(_FTFY_CONTROLS.search(text)),
                           fix_latin_ligatures=bool(_FTFY_LIGATURES.search(text)))


def normalize_text(text: str, repair_mojibake: bool = True, keep_newlines: bool = False) -> tuple[str, list[Change]]:
    """Normalize a title or paragraph (or, with ``keep_newlines``, paragraphs joined by newlines);
    returns the text and the changes made.

    >>> normalize_text("Caf\\u00c3\\u00a9  au\\u00a0lait")[0]
    'Café au lait'
    """
    changes: Counter[str] = Counter()
    fixed, explanation = ftfy.fix_and_explain(text, _ftfy_config(text, repair_mojibake))
    for step in explanation or ():
        changes[f"ftfy:{step.parameter}"] += 1
    for pattern, reason in ((_CONTROL, "control-characters"), (_INVISIBLE, "invisible-characters")):
        fixed, n = pattern.subn("", fixed)
        if n:
            changes[reason] += n
    parts = [part.strip() for part in _SPACES.sub(" ", unicodedata.normalize("NFC", fixed)).split("\n")]
    fixed = "\n".join(parts) if keep_newlines else " ".join(p for p in parts if p)
    return fixed, [Change(reason, n) for reason, n in sorted(changes.items())]


def normalize_paragraphs(paragraphs: list[str], repair_mojibake: bool = True) -> tuple[list[str], list[Change]]:
    """Normalize each paragraph; drop those that become empty. Line breaks inside one become spaces."""
    # one ftfy call for the whole text (its per-call overhead dominates on short paragraphs); the
    # paragraph separator survives every fix, as no fixer touches a lone newline
    joined = "\n".join(p.replace("\n", " ") for p in paragraphs)
    fixed, changes = normalize_text(joined, repair_mojibake, keep_newlines=True)
    return [p for p in fixed.split("\n") if p], changes


# UTF-8 read as Latin-1 inside the page itself (a CMS that double-encoded its text: "Investorâ\x80\x99s"):
# the continuation bytes 0x80-0x9F become C1 control characters, which trafilatura deletes before the
# text reaches ``normalize_text``, leaving "Investorâs" that no repair can undo. So in an HTML page each
# run of a lead character and its continuations holding a C1 control is decoded back first. Text never
# holds C1 controls otherwise (they are invisible and mean nothing), so the pattern cannot misfire on
# legitimate Latin-1 text; a run that is not valid UTF-8 is left as it is.
_C1_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]{1,3}")
_C1 = re.compile("[\u0080-\u009f]")


def repair_c1_mojibake(text: str) -> tuple[str, list[Change]]:
    """``text`` with its UTF-8-read-as-Latin-1 runs that hold a C1 control decoded back.

    >>> repair_c1_mojibake("Investor\\u00e2\\u0080\\u0099s Guide \\u00e2\\u0080\\u0094 caf\\u00e9")[0]
    'Investor’s Guide — café'
    """
    if not _C1.search(text):
        return text, []
    count = 0

    def decoded(match: re.Match[str]) -> str:
        nonlocal count
        run = match.group()
        if not _C1.search(run):
            return run
        try:
            fixed = run.encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            return run
        count += 1
        return fixed

    fixed = _C1_MOJIBAKE.sub(decoded, text)
    return fixed, [Change("ftfy:utf-8-as-latin-1", count)] if count else []
