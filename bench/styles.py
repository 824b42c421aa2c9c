"""Dump styles the bench folder does not hold, made from its HTML pages, and newsclean scored on them.

The bench has each page as a browser's select-all dump and a block-per-line dump. Users also feed
newsclean what text-mode browsers and converters give: ``w3m -dump`` and ``lynx -dump -nolist``
(indented, hard-wrapped at 80 columns), ``lynx -dump`` with its numbered links and reference list,
the browser dump re-wrapped at 72 columns (e-mail, ``fold``), and markdown (html2text, if installed:
``pip install html2text``; it is GPL-licensed, so only this command uses it). Each style is made once
per page into ``bench/results/styles/`` and scored with the set's own metric, newsclean beside
keeping every line and jusText on the lines, with the browser dump of the same pages as reference;
newsclean's title, author and date are scored too where the gold has them (not aeb).

    python -m bench.styles [--bench-dir ../shared/bench] [--sets aeb,wcxb-dev,traf] [--limit 150]
                           [--styles w3m,lynx,lynx-refs,wrap72,markdown,markdown78,gettext,gettext-nl]

Three more: html2text's markdown at its default width (``markdown78``, wrapped at 78 columns) and a
scraper's ``get_text()`` (``gettext``: BeautifulSoup's text of the page without scripts and styles,
the source's own line breaks and indentation kept; ``gettext-nl``: ``get_text("\n", strip=True)``,
each text node on its own line).

``make bench-styles`` installs w3m and lynx first (Debian packages) when they are missing.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

from newsclean.errors import NewscleanError
from newsclean.pipeline import clean
from newsclean.read import decode

from . import data, peers, scoring

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / "results" / "styles"
TOOL_TIMEOUT = 60  # seconds for one page through w3m or lynx
WRAP_WIDTH = 72
_CHARSET = '<meta charset="utf-8">'


def _tool(cmd: list[str]) -> Callable[[str], str]:
    def run(html: str) -> str:
        with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8", delete=False) as fh:
            fh.write(_CHARSET + html)  # the text is decoded already: say so, whatever the page declared
        try:
            done = subprocess.run([*cmd, fh.name], capture_output=True, timeout=TOOL_TIMEOUT)
            return done.stdout.decode("utf-8", "replace")
        finally:
            Path(fh.name).unlink()
    return run


def _markdown(html: str, width: int = 0) -> str:
    import html2text  # type: ignore[import-not-found]

    converter = html2text.HTML2Text()
    converter.body_width = width  # 0: unwrapped; html2text's own default is 78
    return converter.handle(html)


def _reader(html: str) -> str:
    """What a reader service gives (Jina Reader's format): a header of the page's <title>, address and
    declared publication time, then the page as markdown (html2text's here)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""

    def first(path: str) -> str:
        found = tree.xpath(path)
        return " ".join(str(found[0]).split()) if found else ""
    url = first('//link[@rel="canonical"]/@href') or first('//meta[@property="og:url"]/@content')
    head = [f"Title: {first('//title/text()')}", f"URL Source: {url}"]
    published = first('//meta[@property="article:published_time"]/@content')
    if published:
        head.append(f"Published Time: {published}")
    return "\n\n".join(head) + "\n\nMarkdown Content:\n" + _markdown(html)


def _get_text(html: str, separator: str = "", strip: bool = False) -> str:
    """What a scraper's ``BeautifulSoup(html).get_text()`` gives: every text node as the page's
    source has it, its indentation and line breaks included, scripts and styles left out; with
    ``separator="\n", strip=True`` (the other common call) each text node on a line of its own,
    so that a link inside a paragraph cuts it into three lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return soup.get_text(separator, strip=strip)


def _rewrap(browser_dump: str) -> str:
    return "\n".join("\n".join(textwrap.wrap(line, WRAP_WIDTH)) if line.strip() else ""
                     for line in browser_dump.split("\n"))


# style -> (what it needs, how it is made from the decoded HTML or, for "wrap72", the browser dump)
MAKERS: dict[str, tuple[str, Callable[[str], str]]] = {
    "w3m": ("w3m", _tool(["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "80"])),
    "lynx": ("lynx", _tool(["lynx", "-dump", "-nolist", "-width=80", "-assume_charset=utf-8",
                            "-display_charset=utf-8"])),
    "lynx-refs": ("lynx", _tool(["lynx", "-dump", "-width=100", "-assume_charset=utf-8",
                                 "-display_charset=utf-8"])),
    "wrap72": ("", _rewrap),
    "markdown": ("html2text", _markdown),
    "markdown78": ("html2text", lambda html: _markdown(html, 78)),
    "reader": ("html2text", _reader),
    "gettext": ("", _get_text),
    "gettext-nl": ("", lambda html: _get_text(html, "\n", strip=True)),
}


def available(style: str) -> bool:
    need = MAKERS[style][0]
    if not need:
        return True
    if need == "html2text":
        try:
            import html2text  # type: ignore[import-not-found]  # noqa: F401
        except ImportError:
            return False
        return True
    return shutil.which(need) is not None


def made_dump(bench: Path, name: str, page: data.Page, style: str) -> str:
    """The page in ``style``, made once and kept in CACHE."""
    path = CACHE / style / name / f"{page.id}.txt.gz"
    if path.exists():
        return gzip.decompress(path.read_bytes()).decode("utf-8")
    if style == "wrap72":
        text = _rewrap(_text(data.read_input(data.input_path(bench, name, "dump-browser", page.id))))
    else:
        html = decode(data.read_input(data.input_path(bench, name, data.HTML, page.id)), page.id)
        text = MAKERS[style][1](html)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    return text


def _text(raw: bytes | str) -> str:
    return raw if isinstance(raw, str) else raw.decode("utf-8", "replace")


def _newsclean(text: str, url: str | None) -> dict:
    try:
        doc = clean(text, kind="text", url=url)
    except NewscleanError:
        return peers.output()
    meta = doc.metadata
    return peers.output(doc.text, meta.title, list(meta.authors), meta.date)


SYSTEMS: dict[str, Callable[[str, str | None], dict]] = {
    "newsclean": _newsclean,
    "keep-all": lambda text, url: peers.output(text),
    "justext-lines": lambda text, url: peers.justext_lines(text),
}


def meta_cells(pages: list[data.Page], outs: list[dict]) -> str:
    """newsclean's title / author / date accuracy over the pages whose gold has the field."""
    cells = []
    for field in data.META_FIELDS:
        known = [(p, out) for p, out in zip(pages, outs, strict=True) if p.gold.get(field)]
        hits = sum(scoring.meta_match(field, p.gold[field], out[field]) for p, out in known)
        cells.append(f"{hits / len(known):.3f}" if known else "-")
    return " / ".join(cells)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--sets", default=",".join(data.SETS))
    ap.add_argument("--limit", type=int, default=150, help="pages per set (0: all)")
    ap.add_argument("--styles", default=",".join(MAKERS))
    args = ap.parse_args()
    styles = [s for s in args.styles.split(",") if s]
    for style in styles:
        if style not in MAKERS:
            sys.exit(f"unknown style {style!r}; known: {', '.join(MAKERS)}")
        if not available(style):
            print(f"skipping {style}: {MAKERS[style][0]} is not installed", file=sys.stderr)
    styles = [s for s in styles if available(s)]
    print(f"{'set':9} {'style':10} " + " ".join(f"{name:>22}" for name in SYSTEMS)
          + "   (P / R / F1; pages F1<0.5)   newsclean title / author / date")
    for name in args.sets.split(","):
        pages = data.load_gold(args.bench_dir, name, args.limit or None)
        for style in ["browser", *styles]:
            texts = [_text(data.read_input(data.input_path(args.bench_dir, name, "dump-browser", p.id)))
                     if style == "browser" else made_dump(args.bench_dir, name, p, style) for p in pages]
            cells, meta = [], ""
            for system_name, system in SYSTEMS.items():
                outs = [system(t, p.url) for p, t in zip(pages, texts, strict=True)]
                scored = [scoring.set_page(name, p.gold, out["text"]) for p, out in zip(pages, outs, strict=True)]
                agg = scoring.set_aggregate(name, scored)
                bad = sum(1 for s in scored if s["f1"] < 0.5)
                cells.append(f"{agg['p']:.3f}/{agg['r']:.3f}/{agg['f1']:.3f} {bad:3d}")
                if system_name == "newsclean":
                    meta = meta_cells(pages, outs)
            print(f"{name:9} {style:10} " + " ".join(f"{c:>22}" for c in cells) + f"   {meta}", flush=True)


if __name__ == "__main__":
    main()
