"""Who may call the API: the account's key, its on/off switch and its IP whitelist."""

from __future__ import annotations

import hmac
import ipaddress
import random
import string
import threading
from collections.abc import Iterable

from spikon_tui.sandbox.errors import ApiError

_KEY_ALPHABET = string.ascii_letters + string.digits

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def generated_key(rng: random.Random) -> str:
    """A key that is obviously the sandbox's: "sandbox-" and 24 letters or digits."""
    return "sandbox-" + "".join(rng.choice(_KEY_ALPHABET) for _ in range(24))


class AccessControl:
    """Checks a caller in the documented order: -2 missing, -3 unknown, -4 off, -5 whitelist."""

    def __init__(self, api_key: str, whitelist: Iterable[str], key_rng: random.Random) -> None:
        self._lock = threading.Lock()
        self._key: str | None = api_key
        self._key_rng = key_rng
        self.enabled = True
        self._whitelist: tuple[Network, ...] = ()
        self.set_whitelist(whitelist)

    @property
    def api_key(self) -> str | None:
        """The valid key, or None after `revoke_key`."""
        return self._key

    def revoke_key(self) -> None:
        with self._lock:
            self._key = None

    def rotate_key(self) -> str:
        """A new valid key (the old one becomes unknown), as the panel does when regenerating."""
        with self._lock:
            self._key = generated_key(self._key_rng)
            return self._key

    def set_whitelist(self, addresses: Iterable[str]) -> None:
        """Addresses or networks ("10.0.0.1", "192.168.0.0/24"); empty means everyone."""
        networks = tuple(
            ipaddress.ip_network(address.strip(), strict=False) for address in addresses
        )
        with self._lock:
            self._whitelist = networks

    @property
    def whitelist(self) -> tuple[str, ...]:
        return tuple(str(network) for network in self._whitelist)

    def check(self, key: str | None, peer: str) -> None:
        if not key:
            raise ApiError(-2)
        valid = self._key
        if valid is None or not hmac.compare_digest(key.encode(), valid.encode()):
            raise ApiError(-3)
        if not self.enabled:
            raise ApiError(-4)
        whitelist = self._whitelist
        if whitelist and not _listed(peer, whitelist):
            raise ApiError(-5, f"Requests from {peer} are not accepted")


def _listed(peer: str, whitelist: tuple[Network, ...]) -> bool:
    try:
        address = ipaddress.ip_address(peer.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in network for network in whitelist)
