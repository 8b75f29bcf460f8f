"""Office work on the phone-books screen against a real sandbox: type to find at once, the
Escape rule, edit (add first, then delete), select several and delete or SMS them,
import with a preview and a report, export to CSV and vCard."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Button, Input

from spikon_tui.sandbox import Sandbox
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.dialogs.save import SaveDialog
from spikon_tui.ui.screens.phone_books.dialogs import EditEntryDialog
from spikon_tui.ui.screens.phone_books.import_preview import ImportPreview
from spikon_tui.ui.screens.phone_books.import_run import ImportRun
from spikon_tui.ui.screens.sms.screen import SmsScreen
from tests.ui.conftest import SIZE, settle, table_lines, text_of, toast_text, wait_until
from tests.ui.test_phone_book_flows import (
    books_app,
    entries,
    open_books,
    server_entries,
    shown_rows,
    status,
)

DELETE = "phone_book_element/delete"


async def test_typing_goes_to_the_filter_at_once_and_escape_clears_before_it_leaves(
    make_app,
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        box = screen.query_one("#filter", Input)
        assert box.has_focus
        await pilot.press(*"makowska lodz")
        await pilot.pause()
        assert box.value == "makowska lodz"
        assert [name for name, _ in shown_rows(screen)] == ["Urszula Makowska (Łódź)"]
        footer = text_of(screen.query_one("KeysFooter"))
        assert "New entry" not in footer, "letters type while the filter has focus"

        await pilot.press("escape")  # 1: the filter's text goes, the focus stays
        assert box.value == "" and box.has_focus
        assert len(shown_rows(screen)) == 60
        await pilot.press("escape")  # 2: an empty filter hands the keys to the list
        assert entries(screen).has_focus
        assert "New entry" in text_of(screen.query_one("KeysFooter"))
        await pilot.press("n")  # now a letter is an action, not text
        await pilot.pause()
        assert box.value == ""
        assert app.screen.__class__.__name__ == "AddEntryDialog"


async def test_a_number_is_found_however_it_is_written(make_app, sandbox: Sandbox) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        name, number = server_entries(sandbox, 0)[5]
        digits = "".join(ch for ch in number if ch.isdigit())[-9:]
        for typed in (f"{digits[:3]} {digits[3:6]}", f"+48 {digits[:3]} {digits[3:6]}"):
            screen.query_one("#filter", Input).value = typed
            await pilot.pause()
            assert name in [row_name for row_name, _ in shown_rows(screen)], typed


async def test_edit_adds_the_corrected_entry_then_deletes_the_old_and_keeps_the_cursor(
    make_app, sandbox: Sandbox
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        table = entries(screen)
        table.focus()
        await pilot.press("down", "down")
        old = screen.entries[0][table.cursor_row_key]
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditEntryDialog)
        name = dialog.query_one("#entry-name", Input)
        assert name.value == old.name
        name.value = old.name + " Jr"
        number = dialog.query_one("#entry-number", Input)
        number.value = "+48 600 100 200"
        await pilot.click("#submit")
        await settle(pilot)
        on_server = server_entries(sandbox, 0)
        assert (old.name + " Jr", "600100200") in on_server, "stored as SPIKON documents it"
        assert (old.name, old.number) not in on_server
        cursor_entry = screen.entries[0][table.cursor_row_key]
        assert cursor_entry.name == old.name + " Jr"
        painted = "\n".join(table_lines(table))
        assert f"{old.name} Jr" in painted and "600 100 200" in painted, "grouped for reading"


async def test_a_failed_delete_after_an_edit_keeps_both_and_offers_to_retry(
    make_app, sandbox: Sandbox
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        table = entries(screen)
        table.focus()
        old = screen.entries[0][table.cursor_row_key]
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#entry-name", Input).value = "Poprawiona Nazwa"
        sandbox.faults.error_next(DELETE, code=-1, desc="Internal error")
        await pilot.click("#submit")
        await settle(pilot)
        names = [entry_name for entry_name, _ in server_entries(sandbox, 0)]
        assert old.name in names and "Poprawiona Nazwa" in names, "nothing lost"
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        assert "Both" in text_of(question.query_one(".dialog-text"))
        await pilot.press("y")
        await settle(pilot)
        names = [entry_name for entry_name, _ in server_entries(sandbox, 0)]
        assert old.name not in names and "Poprawiona Nazwa" in names


async def test_select_several_then_one_question_naming_the_count_deletes_them(
    make_app, sandbox: Sandbox
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        table = entries(screen)
        table.focus()
        await pilot.press("space", "down", "shift+down")
        await pilot.pause()
        assert len(table.selected_keys) == 3
        assert status(screen).endswith("· 3 selected")
        chosen = {screen.entries[0][key].name for key in table.selected_keys}
        await pilot.press("delete")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        assert "3 selected entries" in text_of(question.query_one(".dialog-text"))
        await pilot.press("y")
        await settle(pilot)
        left = {entry_name for entry_name, _ in server_entries(sandbox, 0)}
        assert left.isdisjoint(chosen) and len(left) == 57
        assert len(shown_rows(screen)) == 57
        assert "3 entries deleted" in toast_text(app)


async def test_escape_clears_the_selection_before_anything_else(make_app) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        table = entries(screen)
        table.focus()
        await pilot.press("ctrl+a")
        assert len(table.selected_keys) == 60
        await pilot.press("escape")
        assert table.selected_keys == frozenset()
        assert app.screen is screen


async def test_the_selection_becomes_the_recipients_of_an_sms(make_app) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        table = entries(screen)
        table.focus()
        await pilot.press("space", "down", "space")
        numbers = [screen.entries[0][key].number for key in table.selected_keys]
        await pilot.press("m")
        await settle(pilot)
        sms = app.screen
        assert isinstance(sms, SmsScreen)
        recipients = sms.query_one("#recipients", Input).value
        for number in numbers:
            assert number[-9:] in recipients.replace(" ", "")


CSV_CP1250 = (
    "Imię i nazwisko;Telefon\r\n"
    "Paweł Żółć (Łódź);+48 600 111 222\r\n"
    "Anna Nowak;600-111-333\r\n"
    "Anna Nowak bis;0048 600 111 333\r\n"
    "Bez numeru;\r\n"
).encode("cp1250")


async def test_import_previews_runs_and_reports_then_a_second_run_adds_nothing(
    make_app, sandbox: Sandbox, tmp_path: Path
) -> None:
    source = tmp_path / "klienci.csv"
    source.write_bytes(CSV_CP1250)
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        for attempt in (1, 2):
            entries(screen).focus()
            await pilot.press("i")
            await pilot.pause()
            assert isinstance(app.screen, SaveDialog)
            app.screen.query_one(Input).value = str(source)
            await pilot.press("enter")
            await settle(pilot)
            preview = app.screen
            assert isinstance(preview, ImportPreview), toast_text(app)
            counts = text_of(preview.query_one("#import-counts"))
            if attempt == 2:
                assert counts.startswith("0 to add"), counts
                assert preview.query_one("#import", Button).disabled
                await pilot.press("escape")
                break
            assert counts.startswith("2 to add"), counts
            assert "1 refused" in counts
            await pilot.click("#import")
            await pilot.pause()
            run = app.screen
            assert isinstance(run, ImportRun)
            await wait_until(pilot, lambda run=run: run.report is not None, "the report")
            status = text_of(run.query_one("#import-status"))
            assert "added 2" in status and "refused 1" in status
            await pilot.press("escape")
            await settle(pilot)
        numbers = [number for _, number in server_entries(sandbox, 0)]
        assert numbers.count("600111222") == 1 and numbers.count("600111333") == 1
        assert ("Paweł Żółć (Łódź)", "600111222") in server_entries(sandbox, 0)
        assert ("Paweł Żółć (Łódź)", "600111222") in shown_rows(screen), "the book reloaded"


async def test_a_binary_file_is_refused_in_words_and_nothing_is_sent(
    make_app, sandbox: Sandbox, tmp_path: Path
) -> None:
    source = tmp_path / "photo.csv"
    source.write_bytes(bytes(range(256)) * 40)
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        entries(screen).focus()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one(Input).value = str(source)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "Nothing was imported" in toast_text(app)
        assert "photo.csv" in toast_text(app)
        assert sandbox.request_counts.get("phone_book_element/add", 0) == 0


async def test_export_writes_the_book_as_csv_and_as_vcard(
    make_app, sandbox: Sandbox, tmp_path: Path
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        for name in ("book.csv", "book.vcf"):
            entries(screen).focus()
            await pilot.press("x")
            await pilot.pause()
            assert isinstance(app.screen, SaveDialog)
            app.screen.query_one(Input).value = str(tmp_path / name)
            await pilot.press("enter")
            await settle(pilot)
            assert "60 entries written" in toast_text(app)
        csv_text = (tmp_path / "book.csv").read_text("utf-8-sig")
        vcard_text = (tmp_path / "book.vcf").read_text("utf-8")
        for entry_name, number in server_entries(sandbox, 0):
            assert entry_name in csv_text and number in csv_text.replace(" ", "")
            assert f"FN:{entry_name}" in vcard_text
        assert vcard_text.count("BEGIN:VCARD") == 60


async def burst(pilot, *keys: str) -> None:
    """Keys as a fast typist sends them: all queued before the app handles the first."""
    for key in keys:
        character = " " if key == "space" else (key if len(key) == 1 else None)
        pilot.app.post_message(events.Key(key, character))
    await settle(pilot)


async def test_keys_typed_fast_reach_the_list_the_user_moved_to(make_app) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        table = entries(screen)
        box = screen.query_one("#filter", Input)
        await burst(pilot, "s", "k", "a", "down", "space", "down", "space")
        assert box.value == "ska", "the spaces went to the list, not the filter"
        assert table.visible_row_count > 2
        assert table.has_focus and table.selected_count == 2
        await burst(pilot, "escape")
        assert table.selected_count == 0


async def test_a_burst_with_a_tab_in_it_fills_each_field_it_was_typed_for(make_app) -> None:
    """Typed in one burst: "Paweł Żółć (Łódź)", Tab, "12ab" put "12ab" into the name."""
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        await pilot.press("escape")  # the list has the keys
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert dialog.__class__.__name__ == "AddEntryDialog"
        await burst(pilot, *"Paweł Żółć (Łódź)", "tab", *"12ab", "shift+tab")
        name = dialog.query_one("#entry-name", Input)
        assert name.value == "Paweł Żółć (Łódź)"
        assert dialog.query_one("#entry-number", Input).value == "12ab"
        assert dialog.focused is name, "shift+tab in the burst came back to the name"
        assert screen is not app.screen, "still in the dialog"
