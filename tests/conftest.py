from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden from the current output (review the diff before committing).")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file())


SEED = SAMPLES / "text" / "kyiv-independent-dump.txt"


def seed_as_markdown(above_headline: tuple[str, ...] = (), after: dict[str, list[str]] | None = None,
                     body_link: str = "") -> str:
    """The seed dump written as a markdown converter writes a page: its headline a level-1 heading
    (with ``above_headline`` before it), its short lines links in a list; ``after`` puts lines after
    the line starting with each key, ``body_link`` makes that word of the body a link."""
    lines: list[str] = []
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        if line.startswith("Top diplomats"):
            lines += [*above_headline, "# " + line]
        elif line.strip() and len(line.split()) <= 6:
            lines.append(f"* [{line}](https://news.example/{len(lines)}/)")
        else:
            lines.append(line.replace(f" {body_link} ", f" [{body_link}](https://news.example/{body_link}/) ")
                         if body_link else line)
        for start, extra in (after or {}).items():
            if line.startswith(start):
                lines += extra
    return "\n".join(lines)
