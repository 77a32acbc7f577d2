"""Build ``examples/articles/newsroom-crawl.warc.gz``, the bundled WARC fixture.

The two news pages live only in this script (not as loose files under
``examples/articles/``, where an ingest run over the folder would read them
twice). Every article is invented for testing; outlets and people are fictional.

The output is deterministic: WARC-Date and WARC-Record-ID are fixed, the gzip
members come from zlib (mtime 0) and the one gzip-encoded HTTP body is written
with ``mtime=0``, so re-running yields identical bytes on the same zlib build.

The archive holds, in order: a ``warcinfo`` record, a ``request`` and a
``response`` for page 0 (HTML, UTF-8), a ``response`` for ``robots.txt``
(text/plain, not an article) and a ``response`` for page 1 (HTML with
``Content-Encoding: gzip``, so a reader must use ``content_stream()``).

Usage::

    python scripts/make_fixture_warc.py            # (re)write the fixture
    python scripts/make_fixture_warc.py --check    # compare with the file, list records
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "examples" / "articles" / "newsroom-crawl.warc.gz"
_ID_NAMESPACE = uuid.UUID("6f1c1f57-5a0e-4d36-9b55-3c1a2f0e8d11")

PAGE_0 = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Russia accuses NATO of 'provocation' after jets intercept transport plane
over Baltic | Northern Dispatch</title>
<meta property="og:site_name" content="Northern Dispatch">
<meta property="article:published_time" content="2024-06-07T16:20:00+03:00">
<link rel="canonical"
href="https://northerndispatch.example/baltic/2024/06/07/russia-nato-intercept">
</head>
<body>
<header><a class="logo" href="/">Northern Dispatch</a>
<nav><a href="/baltic">Baltic</a> <a href="/nordic">Nordic</a> <a
href="/defence">Defence</a>
<a href="/opinion">Opinion</a></nav></header>
<main>
<article>
<h1>Russia accuses NATO of 'provocation' after jets intercept transport plane over
Baltic</h1>
<p class="byline">By Liis Tamm</p>
<figure><img src="/media/il76.jpg" alt="">
<figcaption>A Russian transport plane photographed by an allied jet over the Baltic
Sea on June 6. [Handout/Estonian Defence Forces]</figcaption></figure>
<p>TALLINN &#8212; Russia on Friday accused NATO of a &#8220;dangerous
provocation&#8221; after fighter jets based in Estonia intercepted a Russian
military transport plane over the Baltic Sea, and warned that it would escort future
flights with its own fighters.</p>
<p>The Russian Defense Ministry said the aircraft was flying &#8220;in strict
accordance with international rules&#8221; from St Petersburg to Kaliningrad when
two alliance jets approached it at close range.</p>
<p>NATO said the interception was routine. An alliance spokeswoman, Karin Holm, said
the Russian plane had its transponder switched off and had not filed a flight plan.
&#8220;Our pilots did exactly what they are trained to do: identify, escort,
report,&#8221; she said.</p>
<p>According to Estonia&#8217;s defence forces, it was the 31st such interception
this year. Estonian officials said that the so-called &#8220;Kaliningrad
shuttle&#8221;, a series of Russian flights along the Gulf of Finland, had become
almost weekly.</p>
<p>The Kremlin went further. Its spokesman said the flights would continue and that
Moscow &#8220;reserves the right to respond&#8221; to any attempt to block them.</p>
<p>Estonia&#8217;s foreign minister, Kadri Sepp, summoned the Russian charg&#233;
d&#8217;affaires in Tallinn on Friday afternoon. She later told reporters that
Russia&#8217;s behaviour was &#8220;predictable and deliberate&#8221; and that
Estonia would ask allies for additional air-defence units.</p>
<p>Finland and Sweden, which joined NATO in 2023 and 2024, said they would hold
consultations with the Baltic states next week.</p>
</article>
</main>
<footer><p>&#169; 2024 Northern Dispatch</p><p><a href="/privacy">Privacy</a> <a
href="/cookies">Cookie settings</a></p></footer>
</body>
</html>
"""

PAGE_1 = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>China sanctions three US defense firms over Taiwan arms sale - Meridian
Daily</title>
<meta property="og:site_name" content="Meridian Daily">
<link rel="canonical"
href="https://meridiandaily.example/asia/china-sanctions-us-defense-firms">
</head>
<body>
<div id="cookie-banner">We use cookies to improve your experience.
<button>Accept</button></div>
<nav class="nav"><a href="/">Home</a> <a href="/asia">Asia</a> <a
href="/world">World</a>
<a href="/markets">Markets</a></nav>
<div class="container">
<article class="post">
<h1 class="headline">China sanctions three US defense firms over Taiwan arms
sale</h1>
<div class="meta">Meridian Daily staff &#183; <time
datetime="2024-08-19T10:02:00+08:00">August 19, 2024</time></div>
<div class="sharebar"><a href="#">Share</a> <a href="#">Tweet</a> <a
href="#">Email</a></div>
<p>BEIJING &#8212; China said on Monday it would impose sanctions on three American
defense companies and freeze their assets in the country, in retaliation for a
planned $500 million sale of air-defense equipment to Taiwan.</p>
<p>The Chinese Ministry of Commerce said that the companies had been added to its
&#8220;unreliable entity list&#8221; and would be barred from trading with Chinese
firms.</p>
<p>&#8220;The United States has once again seriously violated its
commitments,&#8221; Foreign Ministry spokeswoman Gao Ming said at a daily briefing.
&#8220;China will take resolute and forceful measures to defend its
sovereignty.&#8221;</p>
<p>Washington rejected the move. A State Department spokesman said the sale was
consistent with long-standing US policy and that the United States would &#8220;not
be intimidated.&#8221;</p>
<p>Taiwan&#8217;s defense ministry thanked Washington for its support and said the
equipment would be delivered within two years.</p>
<p>Analysts in Beijing said the sanctions were largely symbolic. A scholar at a
Beijing university, who asked not to be named because of the sensitivity of the
subject, said that the firms &#8220;do almost no business in China anyway&#8221; and
that Beijing wanted &#8220;to be seen to act.&#8221;</p>
<p>&#8220;Taipei understands the message,&#8221; he said. &#8220;Whether Washington
does is another question.&#8221;</p>
<div class="ad">Advertisement</div>
<div class="related"><h3>Related</h3><ul><li><a
href="/asia/taiwan-strait-drills">Taiwan reports Chinese drills near
Kinmen</a></li></ul></div>
</article>
</div>
<footer>Meridian Daily &#169; 2024 &#183; <a href="/terms">Terms</a></footer>
</body>
</html>
"""

ROBOTS = "User-agent: *\nDisallow: /search\nDisallow: /admin/\n"


@dataclass(frozen=True, slots=True, kw_only=True)
class _Page:
    url: str
    date: str
    body: bytes
    headers: tuple[tuple[str, str], ...]


def _record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(_ID_NAMESPACE, name)}>"


def _pages() -> tuple[_Page, ...]:
    page_1 = PAGE_1.encode("utf-8")
    return (
        _Page(
            url="https://northerndispatch.example/baltic/2024/06/07/russia-nato-intercept",
            date="2024-06-07T14:05:11Z",
            body=PAGE_0.encode("utf-8"),
            headers=(
                ("Content-Type", "text/html; charset=utf-8"),
                ("Server", "nginx"),
                ("Date", "Fri, 07 Jun 2024 14:05:11 GMT"),
            ),
        ),
        _Page(
            url="https://northerndispatch.example/robots.txt",
            date="2024-06-07T14:05:12Z",
            body=ROBOTS.encode("ascii"),
            headers=(
                ("Content-Type", "text/plain"),
                ("Date", "Fri, 07 Jun 2024 14:05:12 GMT"),
            ),
        ),
        _Page(
            url="https://meridiandaily.example/asia/china-sanctions-us-defense-firms",
            date="2024-08-19T03:10:45Z",
            body=gzip.compress(page_1, compresslevel=9, mtime=0),
            headers=(
                ("Content-Type", "text/html; charset=UTF-8"),
                ("Content-Encoding", "gzip"),
                ("Vary", "Accept-Encoding"),
                ("Date", "Mon, 19 Aug 2024 03:10:45 GMT"),
            ),
        ),
    )


def build_warc() -> bytes:
    """Return the bytes of the fixture WARC (gzip-compressed, one member a record)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    info = b"software: reportedly scripts/make_fixture_warc.py\r\n" + (
        b"description: invented articles for testing; not a real crawl\r\n"
    )
    info_headers = StatusAndHeaders(
        "",
        [
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", _record_id("warcinfo")),
            ("WARC-Filename", "newsroom-crawl.warc.gz"),
            ("WARC-Date", "2024-06-07T14:05:10Z"),
        ],
        protocol="WARC/1.0",
    )
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(info),
            length=len(info),
            warc_headers=info_headers,
            warc_content_type="application/warc-fields",
        )
    )
    for index, page in enumerate(_pages()):
        response_id = _record_id(f"response {page.url}")
        if index == 0:
            host = page.url.split("/")[2]
            path = "/" + page.url.split("/", 3)[3]
            request_headers = StatusAndHeaders(
                f"GET {path} HTTP/1.1",
                [("Host", host), ("User-Agent", "fixture-crawler/1.0")],
                is_http_request=True,
            )
            writer.write_record(
                writer.create_warc_record(
                    page.url,
                    "request",
                    http_headers=request_headers,
                    warc_headers_dict={
                        "WARC-Record-ID": _record_id(f"request {page.url}"),
                        "WARC-Date": page.date,
                        "WARC-Concurrent-To": response_id,
                    },
                )
            )
        http_headers = StatusAndHeaders(
            "200 OK",
            [*page.headers, ("Content-Length", str(len(page.body)))],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                page.url,
                "response",
                payload=io.BytesIO(page.body),
                length=len(page.body),
                http_headers=http_headers,
                warc_headers_dict={
                    "WARC-Record-ID": response_id,
                    "WARC-Date": page.date,
                },
            )
        )
    return out.getvalue()


def describe(data: bytes) -> list[str]:
    """One line per record of a WARC: type, target URI, content type, body size."""
    from warcio.archiveiterator import ArchiveIterator

    lines = []
    for record in ArchiveIterator(io.BytesIO(data)):
        uri = record.rec_headers.get_header("WARC-Target-URI") or "-"
        content_type = "-"
        if record.http_headers is not None:
            content_type = record.http_headers.get_header("Content-Type") or "-"
        body = record.content_stream().read()
        lines.append(
            f"{record.rec_type:9} {uri} {content_type} {len(body)} bytes"
            f" {record.rec_headers.get_header('WARC-Record-ID')}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Write the fixture, or with ``--check`` compare it with a fresh build."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the file differs from a fresh build",
    )
    args = parser.parse_args(argv)
    data = build_warc()
    if args.check:
        current = args.output.read_bytes() if args.output.exists() else b""
        for line in describe(current or data):
            print(line)
        if current != data:
            print(f"{args.output} differs from a fresh build; re-run without --check")
            return 1
        print(f"{args.output} is up to date ({len(data)} bytes)")
        return 0
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
