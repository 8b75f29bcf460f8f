"""A stored key goes only to the address its profile names.

`spikon-tui login --base-url URL` checks a key against URL and stores it for
the profile, and the profile remembers URL as its `base_url` (config.toml).
From then on the key stored for that profile (in the keyring or the key file)
is handed out only for that address: `--base-url` pointing elsewhere gets no
stored key, and a sentence saying why, so a key checked against a test server
can never be sent to the production host, nor the other way round.

A key in `SPIKON_API_KEY` is the caller's choice for this run and goes where
the command line says.
"""

from __future__ import annotations

from dataclasses import replace

from spikon_tui.credentials import KeyLookup, KeySource, lookup_key
from spikon_tui.i18n import _

STORED = (KeySource.KEYRING, KeySource.FILE)


def same_address(first: str, second: str) -> bool:
    """Whether two base URLs name the same API (case of scheme and host, final '/' aside)."""

    def canonical(url: str) -> str:
        scheme, _sep, rest = url.strip().partition("://")
        host, _slash, path = rest.partition("/")
        return f"{scheme.lower()}://{host.lower()}/{path.rstrip('/')}"

    return canonical(first) == canonical(second)


def lookup_key_for(profile: str, base_url: str, home_url: str) -> KeyLookup:
    """`lookup_key(profile)`, with a stored key kept back unless `base_url` is `home_url`."""
    lookup = lookup_key(profile)
    if lookup.source not in STORED or same_address(base_url, home_url):
        return lookup
    reason = _(
        "the key stored for profile {profile} is for {home}, so it is not sent to {url}; "
        "to use {url}, log in to it under a profile of its own "
        "(spikon-tui --profile NAME --base-url {url} login)"
    ).format(profile=repr(profile), home=home_url, url=base_url)
    return replace(lookup, key=None, source=KeySource.NONE, notes=[*lookup.notes, reason])
