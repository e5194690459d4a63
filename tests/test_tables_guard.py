"""The review server's guard as tables: the names a server answers to, a Host header taken
apart, and which POSTs a browser page of ours may send."""

from __future__ import annotations

import socket

import pytest

from tarjama.review.guard import LOOPBACK_NAMES, host_allowed, host_names, post_allowed, split_host

LOOPBACK = set(LOOPBACK_NAMES)


@pytest.mark.parametrize("bind,extra,names", [
    ("127.0.0.1", (), LOOPBACK),
    ("192.0.2.7", (), LOOPBACK | {"192.0.2.7"}),
    ("::1", (), LOOPBACK),
    ("fe80::1", (), LOOPBACK | {"[fe80::1]"}),
    ("[fe80::1]", (), LOOPBACK | {"[fe80::1]"}),
    ("127.0.0.1", ("Review.LAN", "2001:db8::5", ""), LOOPBACK | {"review.lan", "[2001:db8::5]"}),
])
def test_the_names_a_server_answers_to(bind, extra, names):
    assert host_names(bind, extra) == frozenset(names)


@pytest.mark.parametrize("bind", ["0.0.0.0", "::", ""])
def test_a_wildcard_bind_answers_to_this_machine_s_names_and_addresses(bind):
    machine = {socket.gethostname(), socket.getfqdn()}
    try:
        machine |= set(socket.gethostbyname_ex(socket.gethostname())[2])
    except OSError:  # a machine whose own name does not resolve has only its names
        pass
    assert host_names(bind) == frozenset(LOOPBACK | {n.lower() for n in machine if n})


@pytest.mark.parametrize("value,parts", [
    ("localhost", ("localhost", None)),
    ("LocalHost:8080", ("localhost", "8080")),
    (" review.lan:80 ", ("review.lan", "80")),
    ("[::1]", ("[::1]", None)),
    ("[::1]:8080", ("[::1]", "8080")),
    ("[::1]junk", ("[::1]", None)),
    ("[fe80::1]:9", ("[fe80::1]", "9")),
    ("a:b:8080", ("a:b", "8080")),
])
def test_a_host_header_taken_apart(value, parts):
    assert split_host(value) == parts


NAMES = frozenset(LOOPBACK | {"review.lan"})


@pytest.mark.parametrize("value,port,ok", [
    ("localhost:8080", 8080, True), ("LOCALHOST:8080", 8080, True), ("localhost:8081", 8080, False),
    ("localhost", 80, True), ("localhost", 8080, False), ("localhost:80", 80, True),
    ("[::1]:8080", 8080, True), ("review.lan:8080", 8080, True), ("evil.example:8080", 8080, False),
    ("localhost:1234", None, True), ("evil.example", None, False), ("localhost.evil.example:8080", 8080, False),
])
def test_host_allowed(value, port, ok):
    assert host_allowed(value, NAMES, port) is ok


@pytest.mark.parametrize("origin,fetch_site,host,ok", [
    (None, None, "127.0.0.1:8080", True),  # not a browser page: the CSRF token decides
    (None, "none", "127.0.0.1:8080", True),  # typed or bookmarked
    (None, "same-origin", "127.0.0.1:8080", True),
    (None, "same-site", "127.0.0.1:8080", False),
    (None, "cross-site", "127.0.0.1:8080", False),
    ("http://127.0.0.1:8080", "same-origin", "127.0.0.1:8080", True),
    ("https://review.lan", "same-origin", "review.lan", True),
    ("HTTPS://Review.LAN:8443", None, "review.lan:8443", True),
    ("http://review.lan:8443", None, "Review.LAN:8443", True),
    ("http://127.0.0.1:8081", "same-origin", "127.0.0.1:8080", False),
    ("http://evil.example", None, "127.0.0.1:8080", False),
    ("ftp://127.0.0.1:8080", None, "127.0.0.1:8080", False),
    ("null", None, "127.0.0.1:8080", False),
])
def test_post_allowed(origin, fetch_site, host, ok):
    assert post_allowed(origin, fetch_site, host) is ok
