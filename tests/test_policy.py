"""Which addresses may be fetched: http(s) on public hosts, loopback only through the allow list."""

from __future__ import annotations

import pytest

from sources.policy import Refused, check_url


@pytest.mark.parametrize(
    "url",
    ["https://www.liputan6.com/news/read/1", "http://93.184.216.34/a", "https://[2606:4700::1111]/"],
)
def test_public_http_urls_pass(url):
    check_url(url)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "scheme 'file' is not allowed"),
        ("ftp://example.com/a", "scheme 'ftp' is not allowed"),
        ("gopher://example.com/", "scheme 'gopher' is not allowed"),
        ("http:///nohost", "URL has no host"),
        ("http://127.0.0.1:8000/a", "127.0.0.1 is a loopback address"),
        ("http://localhost/a", "host localhost is this machine"),
        ("http://api.localhost/a", "host api.localhost is this machine"),
        ("http://10.0.0.5/a", "10.0.0.5 is a private address"),
        ("http://192.168.1.1/", "192.168.1.1 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a"),  # cloud metadata
        ("http://[::1]/", "::1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]/", "127.0.0.1 is a loopback address"),
        ("http://0.0.0.0/", "0.0.0.0 is a"),
        ("http://user:pw@example.com/", "credentials"),
        ("http://example.com:99999/", "not a valid URL"),
    ],
)
def test_other_addresses_are_refused_with_a_reason(url, reason):
    with pytest.raises(Refused, match=reason.replace("[", r"\[").replace(".", r"\.")):
        check_url(url)


def test_a_name_that_resolves_to_a_private_address_is_refused():
    with pytest.raises(Refused, match="host intranet.example resolves to 10.1.1.1 is a private address"):
        check_url("http://intranet.example/", addresses=["93.184.216.34", "10.1.1.1"])
    check_url("http://news.example/", addresses=["93.184.216.34"])


@pytest.mark.parametrize(
    ("allow", "url"),
    [
        (["127.0.0.1"], "http://127.0.0.1:8000/a"),
        (["127.0.0.1:8000"], "http://127.0.0.1:8000/a"),
        (["localhost"], "http://localhost:5000/feed"),
        ([".corp.example"], "http://news.corp.example/"),
        (["::1"], "http://[::1]:8080/"),
    ],
)
def test_the_allow_list_lets_loopback_and_private_hosts_in(allow, url):
    check_url(url, allow, addresses=["10.0.0.1"])


def test_the_allow_list_is_exact():
    with pytest.raises(Refused):
        check_url("http://127.0.0.1:9000/a", ["127.0.0.1:8000"])
    with pytest.raises(Refused):
        check_url("http://127.0.0.2/a", ["127.0.0.1"])
    # Even an allowed host is fetched over http(s) only.
    with pytest.raises(Refused, match="scheme"):
        check_url("file://127.0.0.1/etc/passwd", ["127.0.0.1"])


def test_allow_hosts_comes_from_the_environment(monkeypatch):
    from warta.settings import Settings

    monkeypatch.setenv("WARTA_ALLOW_HOSTS", '["127.0.0.1", "localhost"]')
    assert Settings().allow_hosts == ["127.0.0.1", "localhost"]
