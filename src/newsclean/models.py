"""The records that flow through the pipeline: frozen dataclasses and Enums, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .textutil import count_words


class Kind(str, Enum):
    """What kind of document an input is."""

    HTML = "html"
    TEXT = "text"


class Role(str, Enum):
    """What became of one line of the raw document."""

    BODY = "body"  # kept in the article text
    HEADING = "heading"  # kept: a subheading inside the article
    TITLE = "title"  # the headline: moved to metadata
    BYLINE = "byline"  # author / date line: moved to metadata
    CAPTION = "caption"  # an image caption: kept apart from the body, listed in `captions`
    REMOVED = "removed"  # boilerplate: dropped, with a reason

    @property
    def kept(self) -> bool:
        return self._value_ in _KEPT_VALUES  # (a set of strings: ~5x faster than comparing members)


# The values of the roles whose lines are kept in the article text.
_KEPT_VALUES = frozenset({Role.BODY.value, Role.HEADING.value})


@dataclass(frozen=True)
class Line:
    """One line of the raw document (its rendered text for HTML) and what became of it.

    ``reason`` says why the line got its role: for removed lines the rule that removed it
    (``lexicon:newsletter``, ``repeated-in-page``, ``after-article:news-feed``, ...).
    """

    text: str
    role: Role
    reason: str = ""


@dataclass(frozen=True)
class Removal:
    """One removed line and why it was removed (the JSON ``removed`` list)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Change:
    """One change the normalize stage made to kept text, and why."""

    reason: str
    count: int = 1


@dataclass(frozen=True)
class Options:
    """Everything that changes how a document is cleaned. Built in one place by the CLI.

    Attributes:
        input_format: force the kind of input; ``None`` detects it from the content.
        url: the document's URL when the caller knows it (overrides what the page says).
        date_hint: an ISO date that anchors relative dates ("2 hours ago") in plain text.
        repair_mojibake: repair text decoded with the wrong charset (ftfy), where that is safe.
        max_bytes: inputs larger than this are refused (0 = no limit).
        max_depth: HTML tags nested deeper than this are dropped before parsing, their text kept
            (libxml2 would drop the rest of the page at 256 levels; values above 250 act as 250).
        max_lines: documents with more lines than this (a text dump's lines, an HTML page's rendered
            lines) are refused (0 = no limit): cleaning time grows with lines, ~1 ms each.
    """

    input_format: Kind | None = None
    url: str | None = None
    date_hint: str | None = None
    repair_mojibake: bool = True
    max_bytes: int = 64 * 1024 * 1024  # a news page is < 5 MB; 64 MB leaves room for huge dumps
    # real pages nest 20-60 levels deep; 200 is far above that and safely under libxml2's 256
    max_depth: int = 200
    # 3x the longest of the 1,882 benchmark pages' dumps (6,546 lines): at ~1 ms a line, a document
    # at the cap still cleans within the default 30 s batch --timeout
    max_lines: int = 20_000


@dataclass(frozen=True)
class Metadata:
    """What we know about the article besides its text."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    modified: str | None = None
    url: str | None = None
    site: str | None = None
    language: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None


@dataclass(frozen=True)
class Document:
    """A cleaned document: the article text, its metadata, and the record of what was done."""

    text: str
    metadata: Metadata
    source: str = "-"
    kind: Kind = Kind.TEXT
    captions: tuple[str, ...] = ()
    lines: tuple[Line, ...] = ()
    changes: tuple[Change, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    # Convenience accessors for the most used metadata fields.
    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def authors(self) -> list[str]:
        return list(self.metadata.authors)

    @property
    def date(self) -> str | None:
        return self.metadata.date

    @property
    def removed(self) -> list[Removal]:
        return [Removal(ln.text, ln.reason) for ln in self.lines if ln.role is Role.REMOVED]

    @property
    def word_count(self) -> int:
        return count_words(self.text)

    @property
    def reading_time(self) -> int:
        """Minutes at 230 words a minute (the common adult reading speed), at least 1 for any text."""
        return max(1, round(self.word_count / WORDS_PER_MINUTE)) if self.text else 0


WORDS_PER_MINUTE = 230  # typical adult silent reading speed, as used by most news sites' "N min read"
