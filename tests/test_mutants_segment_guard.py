"""translate/segment.py's full stops far into a sentence, and the review guard's link host,
where the session 9 mutation runs (bench/mutation.py segment guard) found them unheld. The
sentences were written for these tests."""

from __future__ import annotations

import socket

import pytest

from tarjama.review.guard import _is_loopback_address, link_host
from translate.segment import split_sentences


@pytest.mark.parametrize("text, sentences", [
    ("Dr. Smith arrived. He spoke.", ["Dr. Smith arrived.", "He spoke."]),  # an abbreviation at the line's start
    # More than the abbreviation window (32 characters) into the sentence: still an abbreviation.
    ("The delegation that arrived yesterday met Dr. Smith there. Then it left.",
     ["The delegation that arrived yesterday met Dr. Smith there.", "Then it left."]),
    # The window starts inside a word longer than itself, and holds the abbreviation too.
    ("They read Supercalifragilisticexpialidocious Dr. Smith wrote. Then left.",
     ["They read Supercalifragilisticexpialidocious Dr. Smith wrote.", "Then left."]),
    # A list number after a first sentence on the same line.
    ("See below. 1. Tanks arrived.", ["See below.", "1. Tanks arrived."]),
])
def test_full_stops_far_into_a_sentence(text, sentences):
    assert split_sentences(text) == sentences


@pytest.mark.parametrize("name, loopback", [
    ("127.0.0.1", True), ("127.0.1.1", True), ("[::1]", True), ("::1", True), ("localhost", True),
    ("LOCALHOST", False),  # names are lower-cased before they get here
    ("box", False), ("10.0.0.5", False), ("[fe80::1]", False),
])
def test_is_loopback_address(name, loopback):
    assert _is_loopback_address(name) is loopback


def test_link_host_of_a_named_bind_is_that_bind():
    assert link_host("127.0.0.1", frozenset()) == "127.0.0.1"
    assert link_host("::1", frozenset()) == "[::1]"


@pytest.fixture
def machine(monkeypatch):
    """This machine as a wildcard bind sees it: a name, a fully qualified name, two addresses."""
    monkeypatch.setattr(socket, "gethostname", lambda: "Box")
    monkeypatch.setattr(socket, "getfqdn", lambda: "BOX.lan")
    def resolve(name):
        if name != "Box":  # only this machine's own name is looked up
            raise socket.gaierror(f"unexpected name {name!r}")
        return name, [], ["127.0.1.1", "192.168.1.5"]

    monkeypatch.setattr(socket, "gethostbyname_ex", resolve)


@pytest.mark.parametrize("names, host", [
    ({"127.0.1.1", "192.168.1.5", "box.lan", "box", "localhost"}, "192.168.1.5"),  # the first not loopback
    ({"127.0.1.1", "box.lan", "box"}, "box.lan"),  # no address allowed: the full name, lower case
    ({"box"}, "box"),
    ({"127.0.1.1"}, "localhost"),  # nothing another machine could use
])
def test_link_host_of_a_wildcard_bind(machine, names, host):
    assert link_host("0.0.0.0", frozenset(names)) == host


def test_link_host_when_the_name_does_not_resolve(machine, monkeypatch):
    def fail(name):
        raise socket.gaierror("no such name")

    monkeypatch.setattr(socket, "gethostbyname_ex", fail)
    assert link_host("0.0.0.0", frozenset({"192.168.1.5", "box.lan"})) == "box.lan"
