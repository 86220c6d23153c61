"""A real HTTP server on 127.0.0.1 with scripted answers and a request counter.

Each path has a list of replies, served in order; the last one repeats. Paths without a script
answer 404 (robots.txt included, which RFC 9309 reads as "everything allowed"). A reply can also
drop the connection with a TCP reset, hang longer than the client waits, drip its body one byte
every `drip_s` seconds (which no per-read time-out catches), or promise more body than it sends.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal

from warta.settings import PROJECT_ROOT

SAMPLES = PROJECT_ROOT / "corpus" / "samples"


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes | str = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    action: Literal["reply", "reset", "hang", "drip", "truncate"] = "reply"
    hang_s: float = 0.0
    drip_s: float = 2.0
    # Conditional GET: a request carrying the same validator gets 304.
    etag: str | None = None
    last_modified: str | None = None
    send_length: bool = True

    def data(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


def html(body: str, charset: str = "utf-8") -> Reply:
    return Reply(body=body.encode(charset), content_type=f"text/html; charset={charset}")


@dataclass
class LoopbackServer:
    """`with LoopbackServer() as web: web.route("/a", Reply(...)); httpx.get(web.url("/a"))`."""

    routes: dict[str, list[Reply]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    request_headers: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._served: Counter[str] = Counter()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, *replies: Reply) -> str:
        with self.lock:
            self.routes[path] = list(replies)
            self._served[path] = 0
        return self.url(path)

    def requests(self, path: str) -> int:
        return self.hits[path]

    def total(self, exclude: tuple[str, ...] = ("/robots.txt",)) -> int:
        return sum(n for p, n in self.hits.items() if p not in exclude)

    def reset_counts(self) -> None:
        with self.lock:
            self.hits.clear()
            self.request_headers.clear()

    def _next(self, path: str) -> Reply | None:
        with self.lock:
            self.hits[path] += 1
            replies = self.routes.get(path)
            if not replies:
                return None
            index = min(self._served[path], len(replies) - 1)
            self._served[path] += 1
            return replies[index]


def _handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
            pass  # keep test output clean

        def do_GET(self) -> None:  # noqa: N802 - stdlib name
            with server.lock:
                server.request_headers.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            reply = server._next(self.path.split("?", 1)[0])
            with contextlib.suppress(OSError):  # the client gave up (time-out tests): nothing to do
                self._answer(reply)

        def _answer(self, reply: Reply | None) -> None:
            if reply is None:
                self._send(404, b"not found", "text/plain")
                return
            if reply.action == "reset":
                # SO_LINGER 0 turns close() into a TCP RST: what a crashing proxy does.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return
            if reply.action == "hang":
                time.sleep(reply.hang_s)
            if reply.action == "drip":
                self._drip(reply)
                return
            if reply.action == "truncate":
                # Content-Length promises more than comes before the connection closes.
                self._send(reply.status, reply.data(), reply.content_type, reply, length=len(reply.data()) + 1000)
                self.close_connection = True
                return
            if (reply.etag and self.headers.get("If-None-Match") == reply.etag) or (
                reply.last_modified and self.headers.get("If-Modified-Since") == reply.last_modified
            ):
                self._send(304, b"", None, reply)
                return
            self._send(reply.status, reply.data(), reply.content_type, reply)

        def _drip(self, reply: Reply) -> None:
            body = reply.data()
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type or "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for i in range(len(body)):
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                time.sleep(reply.drip_s)  # the client gives up: the next write fails and ends this

        def _send(self, status: int, body: bytes, content_type: str | None, reply: Reply | None = None,
                  length: int | None = None) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            if reply is not None:
                for name, value in reply.headers:
                    self.send_header(name, value)
                if reply.etag:
                    self.send_header("ETag", reply.etag)
                if reply.last_modified:
                    self.send_header("Last-Modified", reply.last_modified)
            if status != 304 and (reply is None or reply.send_length):
                self.send_header("Content-Length", str(len(body) if length is None else length))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def finish(self) -> None:
            with contextlib.suppress(OSError):  # the socket was reset on purpose
                super().finish()

    return Handler


def sample_pages() -> list[tuple[str, str]]:
    """(name, html) of the sample corpus pages: corpus/samples/html when it has pages, otherwise
    the scraped texts of corpus/samples/text wrapped in a plain article page."""
    pages = sorted((SAMPLES / "html").glob("*.htm*"))
    if pages:
        return [(p.stem, p.read_text(encoding="utf-8")) for p in pages]
    out = []
    for path in sorted((SAMPLES / "text").glob("*.txt")):
        paragraphs = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        title = paragraphs[0][:80]
        body = "\n".join(f"<p>{_escape(p)}</p>" for p in paragraphs)
        out.append(
            (
                path.stem,
                "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                f"<title>{_escape(title)}</title></head><body><article><h1>{_escape(title)}</h1>"
                f"{body}</article></body></html>",
            )
        )
    return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rss(base: str, paths: list[str], title: str = "Berita") -> str:
    """An RSS 2.0 feed whose items link to `base + path`."""
    items = "".join(
        f"<item><title>Artikel {i}</title><link>{base}{p}</link>"
        f"<pubDate>Fri, 09 Feb 2024 0{i % 10}:30:00 +0700</pubDate><guid>{base}{p}</guid></item>"
        for i, p in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>{base}/</link><description>d</description>{items}</channel></rss>"
    )


def sitemap(base: str, paths: list[str]) -> str:
    urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
