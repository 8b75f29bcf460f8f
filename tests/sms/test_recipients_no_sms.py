"""Recipients that cannot receive an SMS (landlines, free-phone lines) are named in a
warning, never refused."""

from __future__ import annotations

from spikon_tui.sms.recipients import no_sms_warning, numbers_without_sms, parse_recipients


def test_landlines_are_found_in_the_order_typed_each_once() -> None:
    text = "501 234 567, 22 123 45 67; 800 123 456, +48 221234567"
    assert numbers_without_sms(text) == ("221234567", "800123456")
    assert parse_recipients(text).numbers == ("501234567", "221234567", "800123456")


def test_mobiles_unknown_ranges_and_unfinished_numbers_are_not_warned_of() -> None:
    assert numbers_without_sms("501234567, 601 234 567, 721 000 111") == ()
    assert numbers_without_sms("900123456, 391234567") == (), "not known: no warning"
    assert numbers_without_sms("22 123 45, abc") == (), "still being typed"
    assert no_sms_warning("501234567") is None
    assert no_sms_warning("") is None


def test_the_warning_names_the_numbers_grouped_for_reading() -> None:
    assert no_sms_warning("501234567, 221234567") == (
        "22 123 45 67 is not a mobile number: it cannot receive an SMS."
    )
    assert no_sms_warning("221234567, 800123456, 12 345 67 89") == (
        "22 123 45 67, 800 123 456, 12 345 67 89 are not mobile numbers: "
        "they cannot receive an SMS."
    )
