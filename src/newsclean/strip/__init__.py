"""Stage 3, strip: find the article in a document and say, for every line, what became of it.

``text`` finds it in a plain-text dump from the text alone; ``html`` asks trafilatura and then
applies the same line rules to what trafilatura kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Line, Role


@dataclass(frozen=True)
class Stripped:
    """What a stripper found: every raw line with its role, and hints for the metadata stage."""

    lines: tuple[Line, ...]
    # Metadata the stripper found on its way (the HTML metadata, a seed-000 header, ...).
    hints: dict[str, object] = field(default_factory=dict)

    @property
    def paragraphs(self) -> list[str]:
        return [ln.text for ln in self.lines if ln.role.kept]

    def with_role(self, role: Role) -> list[str]:
        return [ln.text for ln in self.lines if ln.role is role]
