"""HTML to Article through trafilatura, with guards trafilatura lacks.

The document text is built as the title, a blank line, the main text, then a
blank line before each reader comment. The title and every comment come back
as ``Region`` hints so the cleaning stage need not rediscover them.

Comments: trafilatura flattens a comment section into one paragraph per line
and drops the boundaries between comments (an author line, a comment and its
second paragraph all look alike). We keep its line structure and make one
comment region per line: every character of the comment section is marked as
comment, no two readers are ever merged into one region, and a multi-paragraph
comment simply gives adjacent regions. Rebuilding comment boundaries from the
page's own markup would mean guessing per-site class names by hand.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from ..records import Article, Failure, Meta, Region, SourceFormat, Span, make_doc_id

logger = logging.getLogger(__name__)

#: libxml2 gives up past 255 nested elements and trafilatura then returns
#: nothing without saying why; refuse a little before that.
MAX_NESTING = 240

#: Tags that never have content, so never nest.
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr", "keygen", "command",
    }
)  # fmt: skip
#: Tags that pages leave open and parsers close at the next sibling.
_SELF_CLOSING_SIBLINGS = frozenset(
    {"p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup"}
)
_TOKEN = re.compile(
    r"<!--.*?-->|<(?:script|style)\b.*?</(?:script|style)\s*>"
    r"|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>",
    re.S | re.I,
)
_HAS_ROOT = re.compile(r"<(?:html|head|body)\b|<!doctype\s+html", re.I)
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def nesting_depth(html: str, *, stop_above: int = MAX_NESTING) -> int:
    """The deepest element nesting in ``html``, as a parser would see it.

    Approximate on purpose (a tolerant tag scan, not a parse), and it stops
    counting as soon as the depth passes ``stop_above``.
    """
    stack: list[str] = []
    deepest = 0
    for match in _TOKEN.finditer(html):
        name = match.group(2)
        if name is None:
            continue  # a comment, script or style block
        name = name.lower()
        if match.group(1):  # a closing tag: pop down to its opening tag
            if name in stack:
                while stack.pop() != name:
                    pass
            continue
        if name in _VOID or match.group(3):
            continue
        if name in _SELF_CLOSING_SIBLINGS and stack and stack[-1] == name:
            stack.pop()
        stack.append(name)
        if len(stack) > deepest:
            deepest = len(stack)
            if deepest > stop_above:
                break
    return deepest


def html_to_article(
    html: str,
    *,
    source: str,
    fmt: SourceFormat,
    url: str | None = None,
) -> Article | Failure:
    """Extract the article in ``html``; a ``Failure`` says why there is none."""
    depth = nesting_depth(html)
    if depth > MAX_NESTING:
        return _failure(
            source,
            f"the HTML nests elements more than {MAX_NESTING} levels deep, which "
            "the HTML parser cannot read (it would silently find no text) — check "
            "that the page is not corrupt, or save the article text as .txt and "
            "ingest that",
        )
    if not _HAS_ROOT.search(html[:4096]):
        # trafilatura rejects a bare fragment such as "<p>...</p>".
        html = f"<html><body><div>{html}</div></body></html>"
    # deferred: trafilatura is slow to import and only HTML needs it
    import trafilatura
    from trafilatura.settings import Document

    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=True
        )
    except Exception as exc:  # trafilatura or lxml failing on odd input
        logger.exception("trafilatura failed on %s", source)
        return _failure(
            source,
            f"trafilatura failed on this page ({type(exc).__name__}: {exc}) — "
            "please report it with the page attached",
        )
    main = (document.text or "").strip() if isinstance(document, Document) else ""
    if not main or not isinstance(document, Document):
        return _failure(
            source,
            "no article text found in the HTML (trafilatura extracted nothing) — "
            "check that the page holds the article itself and not a script-built "
            "shell or an index page",
        )
    title = _clean(document.title)
    text, regions = _build_text(title, main, _comment_lines(document.comments))
    page_url = _clean(document.url) or url
    meta = Meta(
        title=title,
        outlet=_clean(document.sitename) or _hostname(page_url),
        published=_published(document.date),
        url=page_url,
        source=source,
        format=fmt,
    )
    return Article(
        doc_id=make_doc_id(text, page_url), text=text, meta=meta, regions=regions
    )


def _build_text(
    title: str | None, main: str, comments: list[str]
) -> tuple[str, tuple[Region, ...]]:
    parts: list[str] = []
    regions: list[Region] = []
    if title:
        regions.append(Region(kind="title", span=Span(start=0, end=len(title))))
        if main != title and not main.startswith(title + "\n"):
            parts.append(title + "\n\n")
    parts.append(main)
    length = sum(len(part) for part in parts)
    for comment in comments:
        start = length + 2
        parts.append("\n\n" + comment)
        length = start + len(comment)
        regions.append(Region(kind="comment", span=Span(start=start, end=length)))
    return "".join(parts), tuple(regions)


def _comment_lines(comments: str | None) -> list[str]:
    if not comments:
        return []
    return [line.strip() for line in comments.splitlines() if line.strip()]


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _hostname(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if host and host.startswith("www."):
        host = host[4:]
    return host or None


def _published(date: str | None) -> str | None:
    if date and _ISO_DATE.fullmatch(date.strip()):
        return date.strip()
    return None


def _failure(source: str, reason: str) -> Failure:
    return Failure(source=source, stage="ingest", reason=reason)
