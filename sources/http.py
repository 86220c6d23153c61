"""The one module that touches the network: an httpx client with the manners of a polite crawler.

- time-outs on every request; tries again on 5xx, 429, time-outs and dropped connections, after
  exponential backoff with jitter (parse errors are never retried: they are not in this module);
- one request per host per `per_host_delay_s` (or the robots.txt Crawl-delay when longer);
- robots.txt honoured (RFC 9309: a 4xx robots.txt allows everything, an unreachable one nothing);
- conditional GET (If-None-Match / If-Modified-Since) for feeds and sitemaps;
- bodies larger than `max_bytes` refused while streaming, before they fill memory;
- redirects followed by hand, so that every hop passes `sources.policy` (a public page cannot
  redirect the pipeline to 127.0.0.1) and robots.txt;
- each host name is resolved once per hop, its addresses are checked against the policy, and the
  connection goes to a checked address (`_PinnedBackend`): httpx never resolves the name again,
  so a name that answers a public address to the check and 127.0.0.1 to the connect (DNS
  rebinding) cannot reach the machine. The Host header and TLS SNI keep the name;
- an overall deadline per fetch (`deadline_s`, retries and waits included) and per run
  (`stage_deadline_s`, for one Fetcher): a server that drips one byte every few seconds never
  trips the per-read time-out, so every socket read and write is bounded by what is left.

`decode_html` (bytes + declared charset → text) is pure and also used for WARC records.
"""

from __future__ import annotations

import codecs
import random
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from sources.policy import Refused, check_url

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 512_000  # Google's limit for robots.txt is 500 KiB
MAX_CRAWL_DELAY_S = 60.0


class FetchError(Exception):
    """A URL that could not be fetched; `reason` is what goes into the failures table."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class FetchConfig:
    """The knobs, as plain values (built from `warta.settings.Settings` by `from_settings`)."""

    timeout_s: float = 20.0
    attempts: int = 3
    backoff_s: float = 1.0
    backoff_max_s: float = 60.0
    max_bytes: int = 5_000_000
    per_host_delay_s: float = 1.0
    user_agent: str = "warta/0.1"
    allow_hosts: tuple[str, ...] = ()
    respect_robots: bool = True
    deadline_s: float = 60.0  # one fetch, all attempts and waits included
    stage_deadline_s: float = 1800.0  # every fetch of one Fetcher (one run's fetch stage)

    @classmethod
    def from_settings(cls, settings: object) -> FetchConfig:
        return cls(
            timeout_s=settings.timeout_s,  # type: ignore[attr-defined]
            attempts=max(1, settings.fetch_attempts),  # type: ignore[attr-defined]
            backoff_s=settings.backoff_s,  # type: ignore[attr-defined]
            backoff_max_s=settings.backoff_max_s,  # type: ignore[attr-defined]
            max_bytes=settings.max_bytes,  # type: ignore[attr-defined]
            per_host_delay_s=settings.per_host_delay_s,  # type: ignore[attr-defined]
            user_agent=settings.user_agent,  # type: ignore[attr-defined]
            allow_hosts=tuple(settings.allow_hosts),  # type: ignore[attr-defined]
            respect_robots=settings.respect_robots,  # type: ignore[attr-defined]
            deadline_s=settings.fetch_deadline_s,  # type: ignore[attr-defined]
            stage_deadline_s=settings.fetch_stage_deadline_s,  # type: ignore[attr-defined]
        )


@dataclass(frozen=True)
class Response:
    """A response read in full. `status` is 200-class, or 304 for an unchanged conditional GET."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: httpx.Headers
    body: bytes
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def media_type(self) -> str:
        """`text/html` from `text/html; charset=utf-8`; empty when the server sent none."""
        return media_type(self.headers.get("content-type"))

    @property
    def charset(self) -> str | None:
        return declared_charset(self.headers.get("content-type"))


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def declared_charset(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1).lower() if match else None


@dataclass
class _HostThrottle:
    """Spaces requests to one host: each request books the next free slot, so threads queue up."""

    next_slot: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, host: str, delay_s: float, sleep: Callable[[float], None]) -> None:
        with self.lock:
            now = time.monotonic()
            slot = max(now, self.next_slot.get(host, now))
            self.next_slot[host] = slot + delay_s
        if slot > now:
            sleep(slot - now)


class Fetcher:
    """GET with retries, throttling, robots.txt, redirects checked against the policy, a size limit.

    One Fetcher serves a whole run (it keeps connections, robots.txt files and per-host slots);
    it is safe to share between threads. `transport` and `resolve` are the seams tests may replace
    (`resolve` is the name lookup; tests of DNS rebinding replace it, as DNS cannot be served on
    loopback). With a `transport` of their own, address pinning and the read deadline are theirs.
    """

    def __init__(
        self,
        config: FetchConfig,
        *,
        transport: httpx.BaseTransport | None = None,
        resolve: Callable[[str, int], list[str]] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self._pins = _Pins()
        self._stage_deadline = time.monotonic() + config.stage_deadline_s
        self._client = httpx.Client(
            timeout=httpx.Timeout(config.timeout_s),
            headers={"User-Agent": config.user_agent},
            follow_redirects=False,  # by hand: every hop is checked (see module docstring)
            transport=transport or _PinnedTransport(_PinnedBackend(self._pins)),
            # Proxies from the environment would route around the host policy.
            trust_env=False,
        )
        self._resolve = resolve or _resolve
        self._sleep = sleep
        self._throttle = _HostThrottle()
        self._robots: dict[str, RobotFileParser | str] = {}
        self._robots_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # public ---------------------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The response to GET `url`, or `FetchError` with the reason. A 304 to a conditional GET
        is a response (`not_modified`), not an error."""
        conditional: dict[str, str] = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        deadline = min(time.monotonic() + self.config.deadline_s, self._stage_deadline)
        if self._stage_deadline <= time.monotonic():
            raise FetchError(url, f"not fetched: the run's fetch deadline of {self.config.stage_deadline_s:g} s "
                                  "had passed (WARTA_FETCH_STAGE_DEADLINE_S)")
        _deadline.value = deadline
        try:
            return self._attempts(url, conditional, deadline)
        finally:
            _deadline.value = None

    def _attempts(self, url: str, conditional: dict[str, str], deadline: float) -> Response:
        last_reason = ""
        for attempt in range(1, self.config.attempts + 1):
            retry_after: float | None = None
            try:
                response = self._follow(url, conditional)
            except httpx.TimeoutException:
                if time.monotonic() >= deadline:
                    raise FetchError(url, self._deadline_reason()) from None
                last_reason = f"timed out after {self.config.timeout_s:g} s"
            except httpx.TransportError as exc:
                last_reason = _transport_reason(exc)
            else:
                if response.status not in RETRY_STATUSES:
                    if response.status >= 400:
                        raise FetchError(url, f"HTTP {response.status}")
                    return Response(
                        response.url, response.final_url, response.status, response.headers,
                        response.body, attempt,
                    )
                last_reason = f"HTTP {response.status}"
                retry_after = _retry_after(response.headers.get("retry-after"))
            if attempt < self.config.attempts:
                wait = self._backoff(attempt, retry_after)
                if time.monotonic() + wait >= deadline:
                    raise FetchError(url, f"{last_reason}; no time left for attempt {attempt + 1} within "
                                          f"the {self.config.deadline_s:g} s deadline")
                self._sleep(wait)
        if last_reason.startswith("HTTP"):
            raise FetchError(url, f"{last_reason} after {self.config.attempts} attempts")
        raise FetchError(url, f"{last_reason} ({self.config.attempts} attempts)")

    # internals ------------------------------------------------------------------------------

    def _deadline_reason(self) -> str:
        if self._stage_deadline <= time.monotonic():
            return (f"the run's fetch deadline of {self.config.stage_deadline_s:g} s passed "
                    "(WARTA_FETCH_STAGE_DEADLINE_S)")
        return (f"no complete answer within the {self.config.deadline_s:g} s deadline "
                "(WARTA_FETCH_DEADLINE_S); the server sends too slowly")

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        base = min(self.config.backoff_s * 2 ** (attempt - 1), self.config.backoff_max_s)
        delay = base * (1 + random.random() * 0.5)  # jitter: clients that failed together spread out
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.config.backoff_max_s))
        return delay

    def _follow(self, url: str, headers: dict[str, str]) -> Response:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self._check(current)
            response = self._get_once(current, headers)
            location = response.headers.get("location")
            if response.status in REDIRECT_STATUSES and location:
                current = urljoin(current, location.strip())
                continue
            return Response(url, current, response.status, response.headers, response.body)
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _check(self, url: str) -> None:
        """Policy and robots.txt for one hop; both raise FetchError (never retried)."""
        parts = urlsplit(url)
        try:
            check_url(url, self.config.allow_hosts)  # the URL alone: scheme, literal IPs, local names
            host = (parts.hostname or "").lower()
            if not _is_literal_ip(host):
                try:
                    addresses = self._resolve(host, parts.port or 443)
                except OSError as exc:
                    raise FetchError(url, f"cannot resolve host {host}: {exc}") from exc
                if not addresses:
                    raise FetchError(url, f"cannot resolve host {host}: no address")
                if not _allowed(host, parts.port, self.config.allow_hosts):
                    check_url(url, self.config.allow_hosts, addresses)
                # The connection goes to these checked addresses and nowhere else.
                self._pins.set(host, addresses)
        except Refused as exc:
            raise FetchError(url, f"refused by policy: {exc}") from exc
        if self.config.respect_robots and not self._robots_allow(url):
            raise FetchError(url, "disallowed by robots.txt")

    def _get_once(self, url: str, headers: dict[str, str], max_bytes: int | None = None) -> Response:
        """One GET, body streamed up to the size limit. Transport errors propagate (retryable)."""
        limit = max_bytes or self.config.max_bytes
        host = urlsplit(url).netloc.lower()
        self._throttle.wait(host, self._delay_for(url), self._sleep)
        with self._client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(url, f"larger than {limit} bytes (Content-Length {declared})")
            chunks: list[bytes] = []
            size = 0
            if response.status_code not in REDIRECT_STATUSES and response.status_code != 304:
                # iter_bytes decompresses: the limit is on what we would hold, which also stops
                # a small gzip body that inflates to gigabytes.
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(url, f"larger than {limit} bytes")
                    chunks.append(chunk)
            return Response(url, url, response.status_code, response.headers, b"".join(chunks))

    def _delay_for(self, url: str) -> float:
        delay = self.config.per_host_delay_s
        robots = self._robots.get(_origin(url))
        if isinstance(robots, RobotFileParser):
            crawl_delay = robots.crawl_delay(self._agent())
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), MAX_CRAWL_DELAY_S))
        return delay

    def _agent(self) -> str:
        return self.config.user_agent.split("/", 1)[0].strip() or "*"

    def _robots_allow(self, url: str) -> bool:
        origin = _origin(url)
        with self._robots_lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
        robots = self._robots[origin]
        if robots == "allow":
            return True
        if robots == "deny":
            return False
        assert isinstance(robots, RobotFileParser)
        return robots.can_fetch(self._agent(), url)

    def _load_robots(self, origin: str) -> RobotFileParser | str:
        robots_url = f"{origin}/robots.txt"
        try:
            response = self._get_once(robots_url, {}, max_bytes=ROBOTS_MAX_BYTES)
        except FetchError:
            return "allow"  # too big to be a real robots.txt; RFC 9309 lets us parse a prefix, we skip it
        except httpx.HTTPError:
            return "deny"  # unreachable: RFC 9309 says assume complete disallow
        if response.status >= 500:
            return "deny"
        if response.status >= 300:
            return "allow"  # 4xx (and unfollowed redirects): no usable robots.txt, so no rules
        parser = RobotFileParser(robots_url)
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser


# address pinning and deadlines, below httpx ------------------------------------------------------

# The deadline of the fetch running on this thread (monotonic seconds), read by every socket call.
_deadline = threading.local()


def _remaining(timeout: float | None) -> float | None:
    """`timeout` cut to what is left of this thread's fetch deadline; raises when none is left."""
    deadline = getattr(_deadline, "value", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the fetch deadline passed")
    return left if timeout is None else min(timeout, left)


@dataclass
class _Pins:
    """host name -> the addresses the policy checked for it, the only ones a connection may use."""

    addresses: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def set(self, host: str, addresses: list[str]) -> None:
        with self.lock:
            self.addresses[host] = list(addresses)

    def get(self, host: str) -> list[str]:
        host = host.strip("[]").lower()
        if _is_literal_ip(host):
            return [host]  # a literal address was checked as written
        with self.lock:
            pinned = self.addresses.get(host)
        if not pinned:
            raise httpcore.ConnectError(f"{host} was not resolved and checked before connecting")
        return pinned


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write ends by the fetch deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _remaining(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None,  # noqa: ANN001 - httpcore's signature
                  timeout: float | None = None) -> httpcore.NetworkStream:
        # SNI and certificate checks use the host name httpcore passes, not the pinned address.
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _remaining(timeout)))

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects to the checked address of a host instead of resolving its name again."""

    def __init__(self, pins: _Pins) -> None:
        self._pins = pins
        self._backend = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:  # noqa: ANN001 - httpcore's signature
        error: Exception | None = None
        for address in self._pins.get(host):
            try:
                stream = self._backend.connect_tcp(address, port, _remaining(timeout), local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            return _DeadlineStream(stream)
        assert error is not None
        raise error

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options=None) -> httpcore.NetworkStream:  # noqa: ANN001
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's own transport (its error mapping and streaming) over a pool that uses `_PinnedBackend`."""

    def __init__(self, backend: _PinnedBackend) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                             network_backend=backend)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _allowed(host: str, port: int | None, allow_hosts: tuple[str, ...]) -> bool:
    from sources.policy import is_allowed_host

    return is_allowed_host(host, port, allow_hosts)


def _is_literal_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _resolve(host: str, port: int) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _transport_reason(exc: httpx.TransportError) -> str:
    chain: list[BaseException] = [exc]
    while chain[-1].__cause__ or chain[-1].__context__:
        nxt = chain[-1].__cause__ or chain[-1].__context__
        assert nxt is not None
        if nxt in chain:
            break
        chain.append(nxt)
    text = " ".join(str(e) for e in chain).lower()
    if any(isinstance(e, ConnectionResetError) for e in chain) or "reset by peer" in text:
        return "connection reset"
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in text:
        return "connection refused"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"server broke the protocol: {exc}"
    return f"network error: {exc or type(exc).__name__}"


# decoding ---------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']""", re.IGNORECASE)
# Browsers (WHATWG Encoding) read these labels as windows-1252, and so do Indonesian sites that
# declare latin-1 while writing curly quotes and dashes.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252"}


def _codec(label: str | bytes | None) -> str | None:
    if not label:
        return None
    name = (label.decode("ascii", "ignore") if isinstance(label, bytes) else label).strip().lower()
    if name in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(body: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text of an HTML (or XML) body, and the encoding used.

    Order: byte-order mark, the charset the server declared, the document's own `<meta charset>` or
    XML declaration, UTF-8, charset detection; a label that does not decode cleanly is passed over.
    Never fails: the last resort is cp1252 with replacement characters."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(name, errors="replace"), name
    head = body[:4096]
    sniffed = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    candidates = [_codec(declared), _codec(sniffed.group(1) if sniffed else None), "utf-8"]
    for name in candidates:
        if name is None:
            continue
        try:
            return body.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    if "utf-8" in (candidates[0], candidates[1]):
        # Declared UTF-8 with a stray byte or two (a pasted cp1252 quote) is still UTF-8.
        text = body.decode("utf-8", errors="replace")
        if text.count("\ufffd") <= max(3, len(text) // 1000):
            return text, "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        name = _codec(best.encoding) or best.encoding
        try:
            return body.decode(name), name
        except (UnicodeDecodeError, LookupError):
            pass
    return body.decode("cp1252", errors="replace"), "cp1252"
