"""Which addresses may be fetched: http(s) on public hosts, plus the hosts a user allows.

The rule exists so that a URL in a feed, a sitemap or a redirect cannot make the pipeline read
from the machine it runs on or from a private network (server-side request forgery). Loopback and
private hosts are reachable only when listed in `settings.allow_hosts` (`WARTA_ALLOW_HOSTS`),
which is how the tests reach their 127.0.0.1 server.

This module does no I/O: the caller passes the addresses a host name resolves to
(`sources.http` resolves them just before connecting), so the rule can be tested offline.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https")
# Names that always point at the machine itself, whatever DNS says.
LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


class Refused(ValueError):
    """A URL the policy does not let the pipeline fetch; the message says why."""


def host_of(url: str) -> str:
    """The lower-case host of a URL, without brackets or port."""
    return (urlsplit(url).hostname or "").lower()


def is_allowed_host(host: str, port: int | None, allow_hosts: Iterable[str]) -> bool:
    """True when `host` (or `host:port`) is in the user's allow list. Entries are host names, IP
    addresses, `host:port`, or a leading-dot domain (`.example.org`: the domain and its subdomains)."""
    for entry in allow_hosts:
        entry = entry.strip().lower()
        if not entry:
            continue
        if entry.startswith(".") and (host == entry[1:] or host.endswith(entry)):
            return True
        if entry == host or (port is not None and entry in (f"{host}:{port}", f"[{host}]:{port}")):
            return True
    return False


def non_public_reason(address: str) -> str | None:
    """Why an IP address is not a public one, or None when it is."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for attribute, words in (
        ("is_loopback", "a loopback address"),
        ("is_private", "a private address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_reserved", "a reserved address"),
        ("is_unspecified", "an unspecified address"),
    ):
        if getattr(ip, attribute):
            return f"{address} is {words}"
    if not ip.is_global:
        return f"{address} is not a public address"
    return None


def check_url(url: str, allow_hosts: Iterable[str] = (), addresses: Iterable[str] | None = None) -> None:
    """Raise `Refused` unless `url` may be fetched.

    `addresses` are what the host resolves to; when None only the URL itself is judged (a literal
    IP or a local name is checked, other names pass until they are resolved)."""
    allow_hosts = tuple(allow_hosts)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise Refused(f"not a valid URL: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise Refused(f"scheme {scheme or '(none)'!r} is not allowed; only http and https are fetched")
    host = (parts.hostname or "").lower()
    if not host:
        raise Refused("URL has no host")
    if parts.username is not None or parts.password is not None:
        # Credentials in a URL from a feed are a trick to disguise the host.
        raise Refused("URLs with credentials are not fetched")
    if is_allowed_host(host, port, allow_hosts):
        return
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        raise Refused(f"host {host} is this machine; allow it in settings.allow_hosts to fetch it")
    literal = non_public_reason(host) if _is_ip(host) else None
    if literal:
        raise Refused(f"{literal}; allow it in settings.allow_hosts to fetch it")
    for address in addresses or ():
        reason = non_public_reason(address)
        if reason:
            raise Refused(f"host {host} resolves to {reason}; allow it in settings.allow_hosts to fetch it")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
