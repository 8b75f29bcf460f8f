"""The SPIKON API error codes, and the exception a handler raises to answer with one."""

from __future__ import annotations

ERROR_NAMES: dict[int, str] = {
    -1: "Unknown method",
    -2: "API key missing",
    -3: "Unknown API key",
    -4: "API turned off",
    -5: "IP address not whitelisted",
    -6: "Wrong value for parameter",
    -7: "Parameter missing",
    -8: "No elements found",
    -9: "Not ready",
    -10: "Already exist",
    -11: "Forbidden",
    -12: "Data in wrong format",
    -1000: "General failure, please contact service!",
}


class ApiError(Exception):
    """An answer with the error envelope: `code` from ERROR_NAMES and an optional `desc`."""

    def __init__(self, code: int, desc: str | None = None) -> None:
        super().__init__(f"{code} {ERROR_NAMES[code]}" + (f" ({desc})" if desc else ""))
        self.code = code
        self.desc = desc

    @property
    def name(self) -> str:
        return ERROR_NAMES[self.code]


def missing(parameter: str) -> ApiError:
    """-7: the documentation says `desc` holds the missing parameter's name, so it is just that."""
    return ApiError(-7, parameter)


def wrong(parameter: str, why: str) -> ApiError:
    """-6: `desc` is "<parameter>: <why>", so a reader can tell which parameter is wrong."""
    return ApiError(-6, f"{parameter}: {why}")


def not_found(what: str, ident: object) -> ApiError:
    """-8 in the documentation's wording, e.g. "Could not find phonebook with id = '123'"."""
    return ApiError(-8, f"Could not find {what} with id = '{ident}'")
