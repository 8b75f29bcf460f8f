"""Phone books: the main book, adding and deleting books and entries, realistic contents."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from spikon_tui.sandbox import Sandbox, SandboxConfig
from tests.sandbox.helpers import Api, FakeClock


def _books(api: Api) -> dict[str, str]:
    body = api.ok("phone_book/list")["phone-books"]
    return {book["id"]: book["name"] for key, book in body.items() if key != "count"}


def _entries(api: Api, book_id: object) -> list[dict[str, str]]:
    body = api.ok("phone_book/show", {"phone_book_id": book_id})["phone-book-elements"]
    entries = [body[f"phone-book-element-{n}"] for n in range(1, int(body["count"]) + 1)]
    assert len(body) == len(entries) + 1
    return entries


def test_the_account_starts_with_the_main_book_and_a_few_more(api: Api) -> None:
    books = _books(api)
    assert list(books.items())[0] == ("0", "Książka główna")
    assert set(books.values()) >= {"Klienci VIP", "Dostawcy"}
    assert len(_entries(api, 0)) == 150  # the fixture's `contacts`


def test_default_size_is_2000_contacts(clock: FakeClock) -> None:
    with Sandbox(SandboxConfig(clock=clock, calls=0)) as sandbox:
        api = Api(sandbox)
        entries = _entries(api, 0)
        assert len(entries) == 2000
        names = [entry["name"] for entry in entries]
        assert len(set(names)) > 1000
        assert any(re.search(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]", name) for name in names)
        assert any(re.search(r"Sp\. z o\.o\.|S\.A\.|PHU|FHU", name) for name in names)
        numbers = [entry["number"] for entry in entries]
        assert all(re.fullmatch(r"[1-9]\d{8}", number) for number in numbers)
        mobiles = sum(number[0] in "5678" for number in numbers)
        assert 0.5 < mobiles / len(numbers) < 0.9
        api.close()


def test_entry_ids_are_unique_across_books(api: Api) -> None:
    ids = [entry["id"] for book in _books(api) for entry in _entries(api, book)]
    assert len(ids) == len(set(ids))


def test_add_and_delete_a_book(api: Api) -> None:
    added = api.ok("phone_book/add", {"phone_book_name": "Hurtownie & Składy"})
    book = added["phone-books"]["phone_book"]
    assert book["name"] == "Hurtownie & Składy"
    assert _books(api)[book["id"]] == "Hurtownie & Składy"
    assert _entries(api, book["id"]) == []
    xml = api.xml("phone_book/list")
    assert "Hurtownie & Składy" in [element.findtext("name") for element in xml]
    deleted = api.ok("phone_book/delete", {"phone_book_id": book["id"]})
    assert deleted == {"phone-books": {"phone_book": {"id": book["id"], "state": "deleted"}}}
    assert book["id"] not in _books(api)
    assert api.error("phone_book/show", {"phone_book_id": book["id"]})["id"] == "-8"
    again = api.ok("phone_book/add", {"phone_book_name": "Hurtownie & Składy"})
    assert int(again["phone-books"]["phone_book"]["id"]) > int(book["id"])  # ids are not reused


def test_add_and_delete_an_entry(api: Api) -> None:
    params = {"phone_book_id": 2, "phone_book_element_name": "Zakład <Szewski> \"Kopyto\"",
              "phone_book_element_number": "+48 58 123 45 67"}  # fmt: skip
    added = api.ok("phone_book_element/add", params)["phone-book-elements"]["phone_book_element"]
    assert added["name"] == params["phone_book_element_name"]
    assert added["number"] == "+48 58 123 45 67"
    assert _entries(api, 2)[-1] == added
    root = api.xml("phone_book/show", {"phone_book_id": 2})
    last = root[-1]
    assert last.findtext("name") == params["phone_book_element_name"]
    deleted = api.ok("phone_book_element/delete", {"phone_book_element_id": added["id"]})
    assert deleted == {
        "phone-book-elements": {"phone_book_element": {"id": added["id"], "state": "deleted"}}
    }
    assert added not in _entries(api, 2)
    again = api.error("phone_book_element/delete", {"phone_book_element_id": added["id"]})
    assert again["desc"] == f"Could not find phonebook element with id = '{added['id']}'"


def test_deleting_a_book_takes_its_entries(api: Api) -> None:
    entry = _entries(api, 1)[0]
    api.ok("phone_book/delete", {"phone_book_id": 1})
    assert (
        api.error("phone_book_element/delete", {"phone_book_element_id": entry["id"]})["id"] == "-8"
    )


def test_xml_escapes_markup(api: Api) -> None:
    api.ok("phone_book/add", {"phone_book_name": "<b>&amp;</b>"})
    response = api.post("phone_book/list", fmt=1)
    assert b"&lt;b&gt;&amp;amp;&lt;/b&gt;" in response.content
    names = [element.findtext("name") for element in ET.fromstring(response.content)]
    assert "<b>&amp;</b>" in names
