"""Where the API lives: the default base URL and the check every base URL passes.

Only https is accepted, except plain http to this computer (localhost,
127.0.0.0/8, ::1), where the sandbox runs; the key must never travel
unencrypted over a network.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit, urlunsplit

from spikon_tui.api.apikey import ApiKey
from spikon_tui.api.errors import ValidationError
from spikon_tui.i18n import _

DEFAULT_BASE_URL = "https://panel.spikon.pl/api/"


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    if host.rstrip(".").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(url: object, *, api_key: ApiKey | None = None) -> str:
    """Validate a base URL and return it ending in `/`.

    Only https is accepted, except plain http to this computer (localhost,
    127.0.0.0/8, ::1), where the sandbox runs.
    """
    malformed = _("The base URL must be a URL such as https://panel.spikon.pl/api/.")
    if not isinstance(url, str) or not url.strip():
        raise ValidationError("base_url", malformed)
    text = url.strip()
    if api_key is not None and api_key.reveal() and api_key.reveal() in text:
        raise ValidationError("base_url", _("The base URL must not contain the API key."))
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise ValidationError("base_url", malformed) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host:
        raise ValidationError("base_url", malformed)
    if parts.username is not None or parts.password is not None:
        raise ValidationError(
            "base_url", _("The base URL must not contain a user name or password.")
        )
    if parts.query or parts.fragment:
        raise ValidationError("base_url", _("The base URL must not contain a query (?...) or #."))
    if scheme == "http" and not is_loopback(host):
        raise ValidationError(
            "base_url",
            _(
                "The base URL must start with https:// ({url} would send the API key "
                "unencrypted). Plain http:// is allowed only for this computer "
                "(localhost, 127.x.x.x, ::1)."
            ).format(url=text),
        )
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((scheme, parts.netloc, path, "", ""))
