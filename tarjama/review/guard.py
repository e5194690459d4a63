"""Who may talk to the review server: the Host a request names, and where a POST comes from.

CSRF tokens stop a foreign page from posting blind, but not DNS rebinding: a page on
evil.example that re-points its own name at 127.0.0.1 reads our pages as same-origin, token
and all. Checking the Host header against the names this server answers to closes that; the
Origin and Sec-Fetch-Site headers that browsers send on every POST close cross-site posts.
"""

from __future__ import annotations

import socket
from typing import Iterable
from urllib.parse import urlsplit

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
WILDCARDS = ("", "0.0.0.0", "::")


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def host_names(bind: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The names a browser may use to reach a server bound to `bind`: loopback always, the
    bound address, and for a wildcard bind this machine's names and addresses."""
    names = set(LOOPBACK_NAMES)
    if bind in WILDCARDS:
        hostname = socket.gethostname()
        names |= {hostname, socket.getfqdn()}
        try:
            names |= set(socket.gethostbyname_ex(hostname)[2])
        except OSError:
            pass
    else:
        names.add(_bracketed(bind))
    names |= {_bracketed(name) for name in extra}
    return frozenset(name.lower() for name in names if name)


def split_host(value: str) -> tuple[str, str | None]:
    """'name:port' -> (name, port); IPv6 literals keep their brackets."""
    value = value.strip().lower()
    if value.startswith("["):
        name, _, rest = value.partition("]")
        return name + "]", rest[1:] if rest.startswith(":") else None
    name, sep, port = value.rpartition(":")
    return (name, port) if sep else (value, None)


def host_allowed(value: str, names: frozenset[str], port: int | None) -> bool:
    name, given = split_host(value)
    if name not in names:
        return False
    # Port unknown (the in-process test client): the name alone decides.
    return port is None or (given or "80") == str(port)


def post_allowed(origin: str | None, fetch_site: str | None, host: str) -> bool:
    """A POST must come from our own pages. Browsers send Origin on every POST (and
    Sec-Fetch-Site where they support it); a client that sends neither is not a browser
    page and still needs the CSRF token."""
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return False
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()


def link_host(bind: str, names: frozenset[str]) -> str:
    """The host to print in the link to open: one that the Host check lets through, so the
    link works as printed. For a wildcard bind, this machine's first address a browser on
    another machine can use (not loopback), else its name."""
    if bind not in WILDCARDS:
        return _bracketed(bind)
    hostname = socket.gethostname()
    try:
        addresses = socket.gethostbyname_ex(hostname)[2]
    except OSError:
        addresses = []
    for candidate in [*addresses, socket.getfqdn(), hostname]:
        if candidate and candidate.lower() in names and not _is_loopback_address(candidate):
            return candidate.lower()
    return "localhost"


def _is_loopback_address(name: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return name == "localhost"
