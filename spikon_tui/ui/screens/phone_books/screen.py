"""Phone books: the books on the left, the chosen book's entries on the right.

Entries are filtered as you type (name or number, Polish letters optional) and
sorted by clicking a column header; a book of 50,000 entries stays instant
because the entries table only renders the rows on screen.

Every request runs in a worker that only posts a message; the handlers below
are the one place that turns a failure into words (`describe_error`). A failed
refresh keeps what is on screen and says how old it is.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from spikon_tui.api.models import DeletedItem, PhoneBook, PhoneBookElement
from spikon_tui.contacts.numbers import display_number, match_key
from spikon_tui.i18n import N_, _, ngettext
from spikon_tui.phone_books.deleting import DeleteReport, delete_entries
from spikon_tui.ui.contact_names import contact_names
from spikon_tui.ui.dialogs.call import call_number
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.phone_book_loads import BooksLoaded, EntriesLoaded, fetch_books, fetch_entries
from spikon_tui.ui.requests import Failed, Outcome, run_request
from spikon_tui.ui.screens.base import MainScreen
from spikon_tui.ui.screens.phone_books.dialogs import AddBookDialog, AddEntryDialog, EditEntryDialog
from spikon_tui.ui.typed_app import spikon_app, spikon_client
from spikon_tui.ui.widgets.filter_box import FilterBox
from spikon_tui.ui.widgets.freshness import FreshnessLabel
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.title_bar import TitleBar
from spikon_tui.ui.widgets.virtual_table import Column, ContactSearch, Row, VirtualTable

if TYPE_CHECKING:
    from spikon_tui.phone_books.editing import Replaced


def entry_row(entry: PhoneBookElement, fallback_key: int) -> Row:
    """The table row of an entry (its number grouped for reading); entries SPIKON sent
    without an id get a made-up key."""
    key = entry.id if entry.id is not None else f"no-id-{fallback_key}"
    number_order = match_key(entry.number) or entry.number
    return Row(
        key=key,
        cells=(entry.name, display_number(entry.number)),
        sort_values=(entry.name.casefold(), number_order),
    )


def _grouped(count: int) -> str:
    """12345 -> "12 345": thousands apart with a space, in every language."""
    return f"{count:,}".replace(",", " ")


def count_text(shown: int, total: int) -> str:
    """The count line: "60 entries", or "2 of 60 entries" while a filter hides some."""
    if shown == total:
        text = ngettext("{count} entry", "{count} entries", total)
        return text.format(count=_grouped(total))
    # English says "entries" even for a total of 1 ("0 of 1 entries"); Polish declines.
    text = ngettext("{shown} of {total} entries", "{shown} of {total} entries", total)
    return text.format(shown=_grouped(shown), total=_grouped(total))


class PhoneBooksScreen(MainScreen):
    TITLE = N_("Phone books")
    HELP = N_("""
The phone books of your account. Pick a book on the left; its entries show on
the right. Type to find an entry: the filter box takes what you type as soon as
the screen opens. Several words must all match, in any order, with or without
Polish letters ("chmielewski lodz" finds "Bartosz Chmielewski (Łódź)"); a
number matches however it is written ("528 160" and "+48 528 160" find
528 160 736). The best matches (the name starting with what you typed) come
first. [b]down[/b] or [b]enter[/b] goes to the list, where the keys below act;
[b]/[/b] comes back to the filter.

[b]escape[/b] clears the filter, then goes to the list, then clears the selection.

[b]n[/b] adds an entry, [b]e[/b] corrects the selected one (SPIKON has no update:
the corrected entry is added first, then the old one deleted; if that delete
fails, both stay and you are offered to try again), [b]b[/b] adds a book (names
are unique, at most 25 characters). Numbers are stored as SPIKON documents them
(a Polish number as its 9 digits) and shown grouped for reading.

[b]space[/b] selects the entry under the cursor, [b]shift+up[/b]/[b]shift+down[/b]
extend the selection, [b]ctrl+a[/b] selects every entry shown. [b]delete[/b]
removes the selected entries (or the one under the cursor) after one question
naming how many; [b]m[/b] writes them an SMS. In the list of books,
[b]delete[/b] removes the book; [b]shift+delete[/b] does that anywhere. The main
book (id 0) cannot be deleted.

[b]i[/b] imports a CSV file (UTF-8 or Excel's Windows-1250, any delimiter,
Polish or English headers) or vCards into the book: a preview shows what will
be added, updated or skipped as a duplicate, then a progress bar you can
cancel, then a report of the rows refused and why. Running it again never adds
an entry twice. [b]x[/b] exports the book as CSV or vCard (.vcf).

[b]c[/b] or [b]enter[/b] calls the selected entry: your phone account rings
first, then SPIKON dials the number. [b]k[/b] calls any number you type.

[b]r[/b] loads the books and entries again; when that fails, what is on screen
stays and the line under the books says how old it is.
""")
    CHANGES = frozenset(
        {
            "add_entry",
            "edit_entry",
            "add_book",
            "call_entry",
            "call_number",
            "sms_selected",
            "delete_entry",
            "delete_book",
            "import_file",
        }
    )
    BINDINGS = [
        Binding("slash", "focus_filter", N_("Filter")),
        Binding("n", "add_entry", N_("New entry")),
        Binding("e", "edit_entry", N_("Edit")),
        Binding("b", "add_book", N_("New book")),
        Binding("c", "call_entry", N_("Call")),
        Binding("k", "call_number", N_("Dial")),
        Binding("m", "sms_selected", N_("SMS")),
        Binding("delete", "delete_entry", N_("Delete entry")),
        Binding("shift+delete", "delete_book", N_("Delete book")),
        Binding("i", "import_file", N_("Import")),
        Binding("x", "export_book", N_("Export")),
        Binding("r", "refresh", N_("Refresh")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.books: dict[int, PhoneBook] = {}
        self.entries: dict[int, dict[Hashable, PhoneBookElement]] = {}
        self.loaded_at: dict[int, float] = {}
        self.current_book_id: int | None = None
        self._shown_book_id: int | None = None  # the book whose entries the table holds
        self._entries_failed: set[int] = set()  # books whose entries never loaded
        self._books_failed = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal():
            with Vertical(id="books-pane"):
                yield Static(_("Phone books"), classes="section-title")
                yield OptionList(id="books")
                yield FreshnessLabel(spikon_app(self).session.clock, id="books-freshness")
            with Vertical(id="entries-pane"):
                yield FilterBox(placeholder=_("Type to find a name or a number"), id="filter")
                yield Static("", id="entries-status")
                yield VirtualTable(
                    [
                        Column("name", _("Name"), flex=True, min_width=12),
                        Column("number", _("Number")),
                    ],
                    search=ContactSearch(name_column="name", number_column="number"),
                    selectable=True,
                    id="entries",
                )
        yield KeysFooter()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#entries", VirtualTable)

    @property
    def freshness(self) -> FreshnessLabel:
        return self.query_one("#books-freshness", FreshnessLabel)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#filter", Input)

    def on_mount(self) -> None:
        self._update_empty_text()
        self.filter_box.focus()  # typing finds an entry at once
        self.reload(None)

    # -- loading ---------------------------------------------------------------

    def action_refresh(self) -> None:
        self.freshness.mark_loading()
        self.reload(self.current_book_id)

    @work(exclusive=True, group="books")
    async def reload(self, book_id: int | None) -> None:
        """The list of books, then (if it still exists) the entries of `book_id`."""
        books = await fetch_books(self)
        if books is not None and book_id is not None and any(b.id == book_id for b in books):
            await fetch_entries(self, book_id)

    @work(exclusive=True, group="entries")
    async def load_entries(self, book_id: int) -> None:
        await fetch_entries(self, book_id)

    def on_phone_book_books_loaded(self, message: BooksLoaded) -> None:
        if message.error is not None:
            self.freshness.mark_failed()
            if self.books:
                title = _("Could not refresh the phone books")
            else:
                title = _("Could not load the phone books")
                self._books_failed = True
                self._set_status(_("The phone books could not be loaded; r tries again."))
                self._update_empty_text()
            self.notify(describe_error(message.error), title=title, severity="error")
            return
        self._books_failed = False
        self.books = {book.id: book for book in message.books}
        for gone in [book_id for book_id in self.entries if book_id not in self.books]:
            del self.entries[gone]
            self.loaded_at.pop(gone, None)
        self._sync_book_options()
        if self.current_book_id in self.books:
            self._update_status()
        elif self.books:
            main = PhoneBook.MAIN_BOOK_ID
            self._select_book(main if main in self.books else next(iter(self.books)))

    def _sync_book_options(self) -> None:
        """Bring the list of books in line with `self.books` by id, never rebuilding it."""
        options = self.query_one("#books", OptionList)
        present = {option.id for option in options.options}
        wanted = {str(book.id): book for book in self.books.values()}
        for option_id in present - wanted.keys():
            if option_id is not None:
                options.remove_option(option_id)
        for option_id, book in wanted.items():
            if option_id not in present:
                options.add_option(Option(book.name, id=option_id))
            elif options.get_option(option_id).prompt != book.name:
                options.replace_option_prompt(option_id, book.name)

    def _select_book(self, book_id: int) -> None:
        self.current_book_id = book_id
        options = self.query_one("#books", OptionList)
        index = options.get_option_index(str(book_id))
        if options.highlighted != index:
            options.highlighted = index
        self._show_entries()
        if book_id in self.loaded_at:
            self.freshness.mark_updated(at=self.loaded_at[book_id])
            self.freshness.mark_loading()
        else:
            self.freshness.forget()
        self.load_entries(book_id)

    @on(OptionList.OptionHighlighted, "#books")
    def _book_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.highlighted_option is not event.option:
            return  # the highlight moved on since this message was sent
        book_id = int(event.option.id or 0)
        if book_id != self.current_book_id and book_id in self.books:
            self._select_book(book_id)

    @on(OptionList.OptionSelected, "#books")
    def _book_selected(self) -> None:
        self.table.focus()

    def on_phone_book_entries_loaded(self, message: EntriesLoaded) -> None:
        book_id = message.book_id
        if book_id not in self.books:
            return  # deleted meanwhile
        current = book_id == self.current_book_id
        if message.error is not None:
            if not current:
                return  # nobody is looking at it; the next selection loads it again
            self.freshness.mark_failed()
            self.notify(
                describe_error(message.error),
                title=_("Could not load the entries"),
                severity="error",
            )
            if book_id not in self.entries:
                self._entries_failed.add(book_id)
                self._update_empty_text()
                self._set_status(_("The entries could not be loaded; r tries again."))
            return
        self._entries_failed.discard(book_id)
        self.entries[book_id] = {
            entry_row(entry, index).key: entry for index, entry in enumerate(message.entries)
        }
        self.loaded_at[book_id] = spikon_app(self).session.clock()
        if current:
            self._show_entries()
            self.freshness.mark_updated(at=self.loaded_at[book_id])

    def _show_entries(self) -> None:
        """Show the current book's entries: a new book starts at the top, the same book
        is updated by key so the cursor and scroll stay where the user left them."""
        table = self.table
        entries = self._current_entries()
        rows = [entry_row(entry, index) for index, entry in enumerate(entries.values())]
        if self._shown_book_id == self.current_book_id and table.row_count:
            table.update_rows(rows)
        else:
            table.set_rows(rows)
            self._shown_book_id = self.current_book_id
        self._update_empty_text()
        self._update_status()

    # -- filter ----------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.table.set_filter(event.value)
        self._update_empty_text()
        self._update_status()

    # Focus moves at once (Screen.set_focus), not after the queued keys as Widget.focus()
    # would: a key typed right after down or / reaches the widget the user moved to.
    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.table)

    def action_focus_filter(self) -> None:
        self.set_focus(self.filter_box)

    def _update_empty_text(self) -> None:
        table = self.table
        book_id = self.current_book_id
        if table.filter_text.strip() and book_id in self.entries:
            text = _("No entries match “{text}”").format(text=table.filter_text.strip())
        elif self._books_failed and book_id is None:
            text = _("The phone books could not be loaded; r tries again.")
        elif book_id in self._entries_failed:
            text = _("The entries could not be loaded; r tries again.")
        elif book_id not in self.entries:
            text = _("Loading entries…")
        else:
            text = _("This book has no entries yet; n adds one.")
        table.empty_text = text

    def _update_status(self) -> None:
        book = self._current_book()
        if book is None:
            return
        if book.id not in self.entries:
            self._set_status(_("{book} · loading…").format(book=book.name))
            return
        table = self.table
        text = f"{book.name} · {count_text(table.visible_row_count, table.row_count)}"
        if table.selected_count:
            text += " · " + _("{count} selected").format(count=table.selected_count)
        self._set_status(text)

    @on(VirtualTable.SelectionChanged, "#entries")
    def _selection_changed(self) -> None:
        self._update_status()

    def _set_status(self, text: str) -> None:
        # One line of fixed height: a new text never needs a new layout.
        self.query_one("#entries-status", Static).update(text, layout=False)

    # -- actions ---------------------------------------------------------------

    def _current_book(self) -> PhoneBook | None:
        return self.books.get(self.current_book_id) if self.current_book_id is not None else None

    def _current_entry(self) -> tuple[Hashable, PhoneBookElement] | None:
        if self._shown_book_id != self.current_book_id:
            return None
        key = self.table.cursor_row_key
        entry = self._current_entries().get(key)
        return None if entry is None else (key, entry)

    def _current_entries(self) -> dict[Hashable, PhoneBookElement]:
        """The loaded entries of the book on screen (none while no book is chosen)."""
        book_id = self.current_book_id
        return {} if book_id is None else self.entries.get(book_id, {})

    def action_add_book(self) -> None:
        def added(book: PhoneBook | None) -> None:
            if book is None:
                return
            self.books[book.id] = book
            self.entries[book.id] = {}
            self.loaded_at[book.id] = spikon_app(self).session.clock()
            self._sync_book_options()
            self._select_book(book.id)
            self.notify(_("Phone book “{book}” added.").format(book=book.name))

        self.app.push_screen(AddBookDialog(), added)

    def action_add_entry(self) -> None:
        book = self._current_book()
        if book is None:
            self.notify(_("Choose a phone book first."), severity="warning")
            return

        def added(entry: PhoneBookElement | None) -> None:
            if entry is None:
                return
            contact_names(self.app).invalidate()  # other screens name this number now
            book_entries = self.entries.setdefault(book.id, {})
            row = entry_row(entry, len(book_entries))
            book_entries[row.key] = entry
            if self._shown_book_id == book.id and self.current_book_id == book.id:
                self.table.update_rows([row], remove_missing=False)
                self.table.move_cursor_to_key(row.key)
                self._update_empty_text()
                self._update_status()
            self.notify(
                _("{name} ({number}) added to “{book}”.").format(
                    name=entry.name, number=display_number(entry.number), book=book.name
                )
            )

        self.app.push_screen(AddEntryDialog(book), added)

    def action_edit_entry(self) -> None:
        book = self._current_book()
        current = self._current_entry()
        if book is None or current is None:
            self.notify(_("Select an entry first."), severity="warning")
            return
        key, entry = current
        if entry.cannot_delete_reason is not None:  # the old one could never be removed
            self.notify(_(entry.cannot_delete_reason), severity="warning")
            return

        def saved(replaced: Replaced | None) -> None:
            if replaced is not None:
                self._entry_replaced(book, key, entry, replaced)

        self.app.push_screen(EditEntryDialog(book, entry), saved)

    def _entry_replaced(
        self, book: PhoneBook, old_key: Hashable, old: PhoneBookElement, replaced: Replaced
    ) -> None:
        contact_names(self.app).invalidate()
        book_entries = self.entries.setdefault(book.id, {})
        new_row = entry_row(replaced.new, len(book_entries))
        book_entries[new_row.key] = replaced.new
        if replaced.delete_error is None:
            book_entries.pop(old_key, None)
        if book.id == self.current_book_id:
            self._show_entries()
            self.table.move_cursor_to_key(new_row.key)
        if replaced.delete_error is None:
            self.notify(
                _("{name} ({number}) saved.").format(
                    name=replaced.new.name, number=display_number(replaced.new.number)
                )
            )
            return
        question = _(
            "The corrected entry was added, but the old one could not be deleted: {reason}\n\n"
            "Both “{old}” and “{new}” are in the book now. Try deleting the old one again?"
        ).format(reason=describe_error(replaced.delete_error), old=old.name, new=replaced.new.name)

        def retry(yes: bool | None) -> None:
            if yes:
                self.delete_entry(book.id, old_key, old)

        self.app.push_screen(
            ConfirmDialog(question, yes_label=_("Delete the old one"), danger=True), retry
        )

    def _selected_entries(self) -> list[PhoneBookElement]:
        """The selected entries of the book on screen, in the table's order."""
        selected = self.table.selected_keys
        return [entry for key, entry in self._current_entries().items() if key in selected]

    def _delete_selected(self, book: PhoneBook, chosen: list[PhoneBookElement]) -> None:
        kept = [entry for entry in chosen if entry.can_delete]
        if not kept:
            self.notify(_(PhoneBookElement.NO_ID_REASON), severity="warning")
            return
        question = ngettext(
            "Delete {count} selected entry from “{book}”?",
            "Delete {count} selected entries from “{book}”?",
            len(kept),
        ).format(count=len(kept), book=book.name)
        if len(kept) < len(chosen):
            question += "\n" + _("Entries without an id are left: SPIKON cannot delete them.")

        def confirmed(yes: bool | None) -> None:
            if yes:
                client = spikon_client(self)
                run_request(
                    self,
                    lambda: delete_entries(client, kept),
                    partial(self._entries_deleted, book),
                    group="delete",
                )

        self.app.push_screen(ConfirmDialog(question, yes_label=_("Delete"), danger=True), confirmed)

    def _entries_deleted(self, book: PhoneBook, outcome: Outcome[DeleteReport]) -> None:
        if isinstance(outcome, Failed):
            self.notify(describe_error(outcome.error), severity="error")
            return
        report = outcome.result
        if report.deleted:
            contact_names(self.app).invalidate()
        gone = {entry.id for entry in report.deleted}
        book_entries = self.entries.get(book.id, {})
        for key in [key for key, entry in book_entries.items() if entry.id in gone]:
            del book_entries[key]
        if book.id == self.current_book_id:
            self._show_entries()
        deleted = ngettext(
            "{count} entry deleted.", "{count} entries deleted.", len(report.deleted)
        ).format(count=len(report.deleted))
        if not report.failed and report.stopped_by is None:
            self.notify(deleted)
            return
        lines = [deleted]
        for entry, error in report.failed[:5]:
            lines.append(f"{entry.name}: {describe_error(error)}")
        if report.stopped_by is not None:
            lines.append(
                ngettext(
                    "Stopped, {count} left: {reason}",
                    "Stopped, {count} left: {reason}",
                    report.untried,
                ).format(count=report.untried, reason=describe_error(report.stopped_by))
            )
        self.notify("\n".join(lines), title=_("Not all entries were deleted"), severity="error")

    def action_import_file(self) -> None:
        book = self._current_book()
        if book is None:
            self.notify(_("Choose a phone book first."), severity="warning")
            return

        def finished() -> None:
            contact_names(self.app).invalidate()
            if self.current_book_id == book.id:
                self.freshness.mark_loading()
                self.load_entries(book.id)

        from spikon_tui.ui.screens.phone_books.import_flow import ask_and_import

        ask_and_import(self, book, finished)

    def action_export_book(self) -> None:
        book = self._current_book()
        if book is None:
            self.notify(_("Choose a phone book first."), severity="warning")
            return
        from spikon_tui.ui.screens.phone_books.export import ask_and_export

        ask_and_export(self, book)

    async def action_sms_selected(self) -> None:
        chosen = self._selected_entries()
        if not chosen:
            current = self._current_entry()
            chosen = [] if current is None else [current[1]]
        if not chosen:
            self.notify(_("Select an entry first."), severity="warning")
            return
        picked = {entry.number: entry.name for entry in chosen}
        await spikon_app(self).open_sms_to(picked)

    def action_delete_entry(self) -> None:
        if self.query_one("#books", OptionList).has_focus:
            self.action_delete_book()  # delete in the list of books means the book
            return
        book = self._current_book()
        chosen = self._selected_entries() if book is not None else []
        if book is not None and chosen:
            self._delete_selected(book, chosen)
            return
        current = self._current_entry()
        if book is None or current is None:
            self.notify(_("Select an entry first."), severity="warning")
            return
        key, entry = current
        if entry.cannot_delete_reason is not None:
            self.notify(_(entry.cannot_delete_reason), severity="warning")
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete_entry(book.id, key, entry)

        question = _("Delete {name} ({number}) from “{book}”?").format(
            name=entry.name, number=display_number(entry.number), book=book.name
        )
        self.app.push_screen(ConfirmDialog(question, yes_label=_("Delete"), danger=True), confirmed)

    def delete_entry(self, book_id: int, key: Hashable, entry: PhoneBookElement) -> None:
        entry_id = entry.id
        if entry_id is None:  # refused before asking: cannot_delete_reason
            return
        client = spikon_client(self)
        run_request(
            self,
            lambda: client.phone_book_element_delete(phone_book_element_id=entry_id),
            partial(self._entry_deleted, book_id, key, entry),
            group="delete",
        )

    def _entry_deleted(
        self, book_id: int, key: Hashable, entry: PhoneBookElement, outcome: Outcome[DeletedItem]
    ) -> None:
        if isinstance(outcome, Failed):
            self.notify(
                describe_error(outcome.error),
                title=_("Could not delete {name}").format(name=entry.name),
                severity="error",
            )
            return
        contact_names(self.app).invalidate()
        self.entries.get(book_id, {}).pop(key, None)
        if book_id == self.current_book_id:
            self._show_entries()
        self.notify(
            _("{name} ({number}) deleted.").format(
                name=entry.name, number=display_number(entry.number)
            )
        )

    def action_delete_book(self) -> None:
        book = self._current_book()
        if book is None:
            self.notify(_("Choose a phone book first."), severity="warning")
            return
        if book.is_main:
            self.notify(
                _(
                    "“{book}” is the account's main phone book; SPIKON does not allow "
                    "deleting it. You can delete its entries one by one."
                ).format(book=book.name),
                title=_("The main book cannot be deleted"),
                severity="warning",
            )
            return
        entries = self.entries.get(book.id)
        if entries is None:
            question = _("Delete the phone book “{book}” and all its entries?").format(
                book=book.name
            )
        elif entries:
            count = count_text(len(entries), len(entries))
            question = _("Delete the phone book “{book}” and its {count}?").format(
                book=book.name, count=count
            )
        else:
            question = _("Delete the empty phone book “{book}”?").format(book=book.name)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete_book(book)

        self.app.push_screen(
            ConfirmDialog(question, yes_label=_("Delete book"), danger=True), confirmed
        )

    def delete_book(self, book: PhoneBook) -> None:
        client = spikon_client(self)
        run_request(
            self,
            lambda: client.phone_book_delete(phone_book_id=book.id),
            partial(self._book_deleted, book),
            group="delete",
        )

    def _book_deleted(self, book: PhoneBook, outcome: Outcome[DeletedItem]) -> None:
        if isinstance(outcome, Failed):
            self.notify(
                describe_error(outcome.error),
                title=_("Could not delete “{book}”").format(book=book.name),
                severity="error",
            )
            return
        contact_names(self.app).invalidate()
        self.books.pop(book.id, None)
        self.entries.pop(book.id, None)
        self.loaded_at.pop(book.id, None)
        self._sync_book_options()
        if self.current_book_id == book.id and self.books:
            main = PhoneBook.MAIN_BOOK_ID
            self._select_book(main if main in self.books else next(iter(self.books)))
        self.notify(_("Phone book “{book}” deleted.").format(book=book.name))

    @on(VirtualTable.RowSelected, "#entries")
    def _entry_selected(self) -> None:
        self.action_call_entry()

    def action_call_entry(self) -> None:
        current = self._current_entry()
        if current is None:
            self.notify(
                _("Select an entry first, or press k to call any number."), severity="warning"
            )
            return
        _key, entry = current
        call_number(self.app, entry.number, who=entry.name)

    def action_call_number(self) -> None:
        call_number(self.app)
