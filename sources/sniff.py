"""The one HTML sniffer: does a body (local file, fetched page, WARC record) hold an HTML page?"""

from __future__ import annotations

import re

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Tags an HTML page or fragment opens with; a binary file named `.html` has none of them.
_HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6])[\s>/]",
                       re.IGNORECASE)
SNIFF_BYTES = 4096


def looks_like_html(head: bytes, media_type: str = "") -> bool:
    """True when the declared media type is HTML, or, with none declared, when the first bytes
    read as markup: no NUL byte (binary) and an HTML tag early on."""
    if media_type:
        return media_type in HTML_TYPES
    head = head[:SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has NUL bytes by nature
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return b"\x00" not in head and _HTML_TAG.search(head) is not None
