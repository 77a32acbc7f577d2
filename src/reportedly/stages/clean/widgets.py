"""Widget rules: site furniture, comment-section markers and link lists.

Context-free like ``rules``: each reads one trimmed line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import SMALL_WORDS

_FURNITURE_PHRASES = r"""
all\s+news|latest\s+news|top\s+news|more\s+news|news\s+feed|home(?:page)?|menu|main\s+menu|
navigation|search|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|
share|shares|share\s+this(?:\s+(?:article|story|post|page))?|share\s+(?:on|via)\s+\w+|
share\s+(?:the\s+)?article|tweet|print|print\s+this(?:\s+(?:article|page|story))?|
e-?mail(?:\s+this(?:\s+(?:article|story))?)?|facebook|twitter|whatsapp|linkedin|
pinterest|reddit|telegram|vk|copy\s+link|link\s+copied|save|save\s+(?:article|story)|
bookmark|listen(?:\s+to\s+this\s+(?:article|story))?|font\s+size|text\s+size|a\+?\s*a-?|
advertisement|advertising|advert|ad|ads|sponsored(?:\s+(?:content|links?|stories))?|
promoted(?:\s+(?:content|stories))?|paid\s+(?:content|post)|partner\s+content|
(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?advertisement)?|
continue\s+reading(?:\s+(?:below|the\s+main\s+story))?|scroll\s+to\s+continue(?:\s+with\s+content)?|
skip\s+ad|read\s+more|read\s+more\s+here|read\s+the\s+rest(?:\s+here)?|read\s+it\s+all\s+here|
read\s+the\s+full\s+(?:story|article|report|text|statement|interview)(?:\s+here)?|
read\s+full\s+(?:story|article)|click\s+here(?:\s+to\s+.{1,60})?|see\s+(?:also|more)|view\s+more|
show\s+more|load\s+more|related|related\s+(?:articles?|stories|content|news|posts|topics|coverage|links|reading)|
recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|
top\s+stories|editor'?s\s+picks|you\s+(?:may|might)\s+also\s+like|don'?t\s+miss|also\s+read|
subscribe(?:\s+(?:now|today|here))?|subscribe\s+to\s+.{1,60}|sign\s+up(?:\s+(?:now|here|today))?|
sign\s+up\s+(?:for|to)\s+.{1,60}|newsletters?|log\s*in|sign\s+in|register|create\s+(?:an\s+)?account|
get\s+(?:the|our)\s+.{1,60}\s+(?:in|to)\s+your\s+inbox|enter\s+your\s+e-?mail(?:\s+address)?|
your\s+e-?mail(?:\s+address)?(?:\s+will\s+not\s+be\s+published.{0,80})?|e-?mail\s+address|thank\s+you\s+for\s+(?:subscribing|signing\s+up)|
join\s+our\s+mailing\s+list|(?:we|this\s+(?:site|website))\s+uses?\s+cookies.{0,200}|
accept(?:\s+all)?(?:\s+cookies)?|(?:manage\s+)?cookie\s+(?:policy|settings|preferences|consent)|
privacy\s+(?:policy|settings|notice)|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|
all\s+rights\s+reserved.{0,80}|(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*(?:[0-9]{4}|by)).{0,100}|
do\s+you\s+like\s+this\s+(?:article|story)|did\s+you\s+(?:like|enjoy)\s+this\s+(?:article|story)|
was\s+this\s+(?:article|story|page|information)\s+(?:helpful|useful)|
did\s+you\s+find\s+this\s+(?:article\s+)?(?:helpful|useful)|rate\s+this\s+(?:article|story)|
yes\s*/?\s*no|follow\s+us(?:\s+on\s+.{1,40})?|like\s+us\s+on\s+facebook|
join\s+us\s+on\s+.{1,30}|download\s+(?:our|the)\s+(?:free\s+)?app.{0,60}|
tags?|topics?|keywords|filed\s+under|categories|photo\s+gallery|view\s+gallery|gallery|
photos|videos?|watch\s+(?:the\s+)?video|image\s+[0-9]+\s+of\s+[0-9]+|[0-9]+\s+of\s+[0-9]+|
[0-9]+\s*/\s*[0-9]+|media\s+playback\s+is\s+unsupported\s+on\s+your\s+device|
[0-9]+\s+min(?:ute)?s?\s+read|reading\s+time.{0,20}|abstract|full\s+text|
comments?|[0-9]+\s+comments?|comments?\s*\(\s*[0-9]+\s*\)|no\s+comments(?:\s+yet)?|
(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)(?:\s+cancel\s+reply)?|
add\s+comment|
post\s+comment|submit(?:\s+comment)?|reply|report(?:\s+(?:abuse|comment))?|cancel\s+reply|
comment\s+policy.*|\*?\s*(?:denotes|indicates)\s+(?:a\s+)?required\s+field.*|
required\s+fields\s+are\s+marked.*|your\s+(?:comment|name|e-?mail)\s*\*?|name\s*\*|
e-?mail\s*\*|website|(?:load|show|view|hide)\s+(?:all\s+|more\s+)?comments|
comments\s+are\s+closed.*|be\s+the\s+first\s+to\s+comment.*|
join\s+the\s+(?:discussion|conversation)|you\s+must\s+be\s+logged\s+in.{0,80}|
(?:[0-9]+\s+)?characters?\s+(?:remaining|left).{0,20}|sort\s+by.{0,30}|newest|oldest|
top\s+comments|reader\s+comments|[0-9]+\s+(?:likes?|replies|reply|responses?)|like|dislike|
upvote|downvote|flag|permalink|embed
"""
_FURNITURE = re.compile(
    r"(?ix)^[\s\"'“”‘’«»\[\]()*•·|>#-]*(?:"
    + _FURNITURE_PHRASES
    + r")[\s\"'“”‘’«»\[\]()*•·|:.!?…-]*$"
)
_FURNITURE_PREFIX = re.compile(
    r"""(?ix)^[\s"'“”‘’]*(?:tags?|topics?|keywords|filed\s+under|categories|read\s+more|
    read\s+also|also\s+read|see\s+also|related|more\s+on\s+this|recommended|read\s+next)
    \s*[:|»>]\s*.{1,150}$"""
)
_LIKE_PAGE = re.compile(
    r"(?i)\b(?:like|follow)\s+(?:the|our|us\s+on)\s+(?:facebook\s+)?page\s*[:.!]?\s*$"
    r"|\blike\s+us\s+on\s+facebook\b"
)
_NO_WORDS = re.compile(r"[^\w\"'“”‘’«»„]+")
_CSS = re.compile(
    r"^[.#]?[\w-]+(?:\s+[.#]?[\w-]+)*\s*\{$|^[a-z][a-z-]*\s*:\s*[\w#%.,()\s-]{1,40};$|^\{$"
)


def is_furniture(text: str) -> bool:
    """A site widget, menu, share or sign-up line, separator, or page code."""
    if len(text) > 300:
        return False
    if _NO_WORDS.fullmatch(text) or _CSS.match(text):
        return True
    if _FURNITURE.match(text) or _FURNITURE_PREFIX.match(text):
        return True
    return len(text) <= 120 and bool(_LIKE_PAGE.search(text))


@dataclass(frozen=True, slots=True, kw_only=True)
class CommentMarker:
    """A line that opens a reader-comment section, with the count it states."""

    count: int | None


_COMMENT_MARKER = re.compile(
    r"""(?ix)^[\W_]*(?:
        (?P<n1>[0-9]{1,5})\s+(?:comments?|responses?|replies|reader\s+comments?)
        (?:\s+(?:on|to)\s+.{1,150})?
      | (?:reader\s+|readers['’]?\s+|user\s+|your\s+)?comments?
        (?:\s*[(\[:]\s*(?P<n2>[0-9]{1,5})\s*[)\]]?)?
      | (?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)
        (?:\s+cancel\s+reply)?
      | (?:show|view|load|read)\s+(?:all\s+)?(?:(?P<n3>[0-9]{1,5})\s+)?comments?
      | comment\s+policy\b.*
      | join\s+the\s+(?:discussion|conversation)
    )[\W_]*$"""
)


def comment_marker(text: str) -> CommentMarker | None:
    """The comment-section marker this line is, if it is one."""
    if len(text) > 200:
        return None
    match = _COMMENT_MARKER.match(text)
    if match is None:
        return None
    number = match.group("n1") or match.group("n2") or match.group("n3")
    return CommentMarker(count=int(number) if number else None)


_RELATED = re.compile(
    r"""(?ix)^[\W_]*(?:
        related(?:\s+(?:articles?|stories|content|news|posts|coverage|links|reading|topics))?
      | read\s+(?:more|also|next) | also\s+read | see\s+also | further\s+reading
      | more\s+(?:stories|news|articles|from\s+.{1,40}|on\s+this\s+(?:story|topic))
      | recommended(?:\s+(?:for\s+you|stories|articles))?
      | most\s+(?:read|popular|viewed|shared)
      | trending(?:\s+now)? | top\s+stories | latest\s+(?:news|stories|articles)
      | you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in) | don['’]?t\s+miss
      | editor['’]?s\s+picks | popular\s+(?:stories|articles|now) | in\s+other\s+news
    )[\W_]*$"""
)


def is_related_marker(text: str) -> bool:
    """A line announcing a list of links to other stories."""
    return len(text) <= 80 and bool(_RELATED.match(text))


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_headline(text: str) -> bool:
    """A short line in headline case ("Senate Passes Budget After Long Night")."""
    if len(text) > 150:
        return False
    words = [w for w in _WORD.findall(text) if w.lower() not in SMALL_WORDS]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.8 * len(words)
