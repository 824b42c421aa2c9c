"""The errors newsclean raises: one base class and a few nouns.

Every error carries the ``source`` it concerns (a path, ``-`` for stdin, or a record id) and a short
human ``reason``, so the CLI can print ``source: reason`` and go on with the batch.
"""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""

    def __init__(self, reason: str, source: str = "-") -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class ReadError(NewscleanError):
    """The input could not be read (missing, unreadable, corrupt gzip, over the size cap)."""


class TooLargeError(ReadError):
    """The input is over the size cap (``--max-bytes``), before or after gunzip: refused, not cleaned."""


class DecodeError(NewscleanError):
    """The bytes are not text in any charset we can recognise (binary files, images, archives)."""


class NoArticleError(NewscleanError):
    """The document was read, but no article text was found in it."""


class WriteError(NewscleanError):
    """The output could not be written."""
