"""Call history: order a report of past calls, wait while SPIKON generates it, then read it.

SPIKON does not answer call history questions at once: call_list/order queues a
report, call_list/list says when it is generated, call_list/show returns its
calls. This screen hides that dance. The orders view holds the order form, a
progress line while SPIKON works (call_list/list is checked with backoff, the
waits from `POLL_DELAYS` on the session clock, like "how long") and the earlier
reports with their age and state. When a report is ready it opens in the report
view: filter, sort, totals, CSV export, the recording link, call back.

Callers and callees are named from the phone books (`contact_names`): a report
is built with the names known then, and built again off the UI thread whenever
the phone books finish loading (`ReportRenamed`).

Every request runs in a worker that only posts a message; the handlers below
turn failures into words (`describe_error`). An order is sent once per press,
never again by itself: when its answer is lost the form says the outcome is
unknown and the list of reports shows whether it arrived.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Static

from spikon_tui.api.errors import NotReadyError, SpikonError
from spikon_tui.api.models import CallListOrder, CallListStatus, PhoneAccount
from spikon_tui.calls.csv_export import describe_os_error
from spikon_tui.calls.ledger import ReportEntry, ReportLedger, ReportState
from spikon_tui.calls.order import OrderRequest, default_date_range
from spikon_tui.contacts.directory import NameDirectory
from spikon_tui.i18n import N_, _
from spikon_tui.ui.contact_names import contact_names
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.poll_scheduler import only_dialogs_above
from spikon_tui.ui.requests import Failed, Outcome, Succeeded, run_request
from spikon_tui.ui.screens.base import ESCAPE_ACTION, ESCAPE_BINDINGS, MainScreen
from spikon_tui.ui.screens.call_history.form import CallOrderForm
from spikon_tui.ui.screens.call_history.progress import ReportProgress
from spikon_tui.ui.screens.call_history.report import CallReportView, LoadedReport
from spikon_tui.ui.screens.call_history.reports import ReportsTable, contents_text, report_row
from spikon_tui.ui.typed_app import spikon_app, spikon_client
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.title_bar import TitleBar
from spikon_tui.ui.widgets.virtual_table import VirtualTable

LEDGER_FILE = "call_reports.json"
"""The profile's file (in `Session.data_dir`) remembering the reports this app ordered."""

ORDERS_VIEW = "orders-view"
REPORT_VIEW = "report-view"

_ORDERS_ACTIONS = frozenset({"order", "open_report", "refresh"})
_REPORT_ACTIONS = frozenset({"focus_filter", "call_back", "copy_link", "export"})


class CallHistoryScreen(MainScreen):
    TITLE = N_("Call history")
    HELP = N_("""
SPIKON prepares call history as reports. Choose which calls you want in the form
(incoming, outgoing or both; the first and last day, at most 100 days apart,
the last 7 days at first; recorded calls only; one number, as caller or callee)
and press [b]Order report[/b], [b]ctrl+o[/b] or [b]enter[/b] in a field. SPIKON
takes a little while to generate a report: the line under the form shows how
long you have waited, and the report opens by itself when it is ready.
[b]escape[/b] stops waiting; the report stays in the list.

Earlier reports are listed with their age and state. SPIKON keeps a report for a
month; older ones are marked gone (opening one puts its choices back in the
form, to order it again). A report ordered outside this app shows "≥" before its
age: it is at least that old. [b]enter[/b] or [b]o[/b] opens the selected report,
[b]r[/b] reloads the list.

In a report, type in the filter box ([b]/[/b], or just type a number) to find
calls by number, date or state; click a column header or press [b]s[/b] to sort.
The line under the table totals the calls shown. [b]e[/b] exports the calls
shown, in the order shown, to a CSV file; [b]l[/b] copies the selected call's
recording link to the clipboard (this works over SSH in most terminals);
[b]c[/b] or [b]enter[/b] calls the other party back: your phone rings first.
[b]escape[/b] goes back to the list of reports.
""")
    CHANGES = frozenset({"order", "call_back"})
    BINDINGS = [
        Binding("ctrl+o", "order", N_("Order")),
        Binding("o", "open_report", N_("Open")),
        Binding("r", "refresh", N_("Refresh")),
        # A class's bindings of a key replace its base's: the rule's, then stop waiting.
        *ESCAPE_BINDINGS,
        Binding("escape", "stop_waiting", N_("Stop waiting")),
        Binding("slash", "focus_filter", N_("Filter")),
        Binding("c", "call_back", N_("Call back")),
        Binding("e", "export", N_("Export")),
        Binding("l", "copy_link", N_("Copy link")),
    ]

    POLL_DELAYS: ClassVar[Sequence[float]] = (1.0, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0, 30.0)
    """Seconds before each check while a report is generated: soon at first, then less
    often; the last one repeats for as long as the wait lasts."""

    TICK_SECONDS: ClassVar[float] = 1.0
    """How often the ages of reports are rewritten (their values follow the clock)."""

    @dataclass
    class ReportRenamed(Message):
        """`report` built again, as `renamed`, with the phone-book names loaded since."""

        report: LoadedReport
        renamed: LoadedReport

    def __init__(self) -> None:
        super().__init__()
        self.ledger = ReportLedger()
        self.view = ORDERS_VIEW
        self.ordering = False
        """True while call_list/order is on its way: the form cannot send again."""
        self.loading_report: int | None = None
        """The report whose calls are being fetched."""
        self.report: LoadedReport | None = None
        """The report last opened (kept, so opening it again is instant)."""
        self.own_numbers: frozenset[str] = frozenset()
        self._list_state = "loading"  # "loading", "loaded" or "failed"
        self._told_save_error = False
        self._own_numbers_asked = False
        self._ages_timer: Timer | None = None

    # -- building ------------------------------------------------------------------------

    @property
    def clock(self) -> float:
        return spikon_app(self).session.clock()

    def compose(self) -> ComposeResult:
        first_day, last_day = default_date_range(self.clock)
        yield TitleBar()
        with ContentSwitcher(initial=ORDERS_VIEW, id="history-views"):
            with Vertical(id=ORDERS_VIEW):
                yield CallOrderForm(first_day, last_day, id="order-form")
                yield ReportProgress(
                    spikon_app(self).session.clock, self.POLL_DELAYS, id="order-progress"
                )
                yield Static(_("Earlier reports"), classes="section-title")
                yield ReportsTable(id="reports")
            yield CallReportView(id=REPORT_VIEW)
        yield KeysFooter()

    @property
    def form(self) -> CallOrderForm:
        return self.query_one(CallOrderForm)

    @property
    def reports_table(self) -> ReportsTable:
        return self.query_one("#reports", ReportsTable)

    @property
    def report_view(self) -> CallReportView:
        return self.query_one(CallReportView)

    @property
    def progress(self) -> ReportProgress:
        return self.query_one(ReportProgress)

    def on_mount(self) -> None:
        session = spikon_app(self).session
        data_dir = session.data_dir
        self.ledger = ReportLedger.load(
            None if data_dir is None else Path(data_dir) / LEDGER_FILE, now=session.clock()
        )
        # A damaged list set aside is said here; a folder that cannot be read or written
        # is said once, when the list is saved.
        if self.ledger.set_aside and self.ledger.problem:
            self.notify(self.ledger.problem, title=_("Call reports"), severity="warning")
        self._show_reports()
        self._ages_timer = self.set_interval(self.TICK_SECONDS, self._tick)
        self.query_one("#order-direction").focus()
        self.list_reports()
        contact_names(self.app).subscribe(self, self._names_loaded)

    # -- which keys apply ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.offers(action):
            return False
        if action == ESCAPE_ACTION:  # the report view's filter, then back to the orders
            return super().check_action(action, parameters)
        if action in _ORDERS_ACTIONS:
            return self.view == ORDERS_VIEW
        if action == "stop_waiting":
            return self.view == ORDERS_VIEW and self.progress.waiting_for is not None
        if action in _REPORT_ACTIONS:
            return self.view == REPORT_VIEW
        return True

    def _switch_to(self, view: str) -> None:
        self.view = view
        self.query_one(ContentSwitcher).current = view
        self.refresh_bindings()

    # -- the list of reports -------------------------------------------------------------

    def action_refresh(self) -> None:
        self.list_reports()

    def list_reports(self) -> None:
        run_request(
            self,
            spikon_client(self).call_list_list,
            self._reports_listed,
            group="call-history-list",
            exclusive=True,
            exit_on_error=False,
        )

    def _reports_listed(self, outcome: Outcome[list[CallListStatus]]) -> None:
        if isinstance(outcome, Failed):
            if self._list_state != "loaded":
                self._list_state = "failed"
                self._show_reports()
            self.notify(
                describe_error(outcome.error),
                title=_("Could not load the list of reports"),
                severity="error",
            )
            return
        self._list_state = "loaded"
        self.ledger.note_listed(outcome.result, self.clock)
        self._show_reports()
        self._tell_save_error()

    def _show_reports(self) -> None:
        now = self.clock
        table = self.reports_table
        rows = [report_row(entry, now) for entry in self.ledger.entries()]
        if table.row_count:
            table.update_rows(rows)
        elif rows:
            table.set_rows(rows)
        if self._list_state == "failed" and not rows:
            table.empty_text = _("The list of reports could not be loaded; r tries again.")
        elif self._list_state == "loading" and not rows:
            table.empty_text = _("Loading the list of reports…")
        else:
            table.empty_text = _("No reports yet: fill in the form above and press ctrl+o.")

    def _tell_save_error(self) -> None:
        error = self.ledger.save_error
        if error is None or self._told_save_error:
            return
        self._told_save_error = True
        path = self.ledger.path or LEDGER_FILE
        self.notify(
            _("{error} The reports' ages and contents are kept for this run only.").format(
                error=describe_os_error(error, path)
            ),
            title=_("Earlier reports not remembered"),
            severity="warning",
        )

    def _tick(self) -> None:
        self._show_reports()  # the ages

    # -- ordering -------------------------------------------------------------------------

    @on(CallOrderForm.Submitted)
    def _form_submitted(self, event: CallOrderForm.Submitted) -> None:
        event.stop()
        self.action_order()

    def action_order(self) -> None:
        if self.ordering:
            return
        request = self.form.check_and_point()
        if request is None:
            return
        self.ordering = True
        self.form.set_sending(True)
        self.send_order(request)

    def send_order(self, request: OrderRequest) -> None:
        """call_list/order, once: it is never retried (the client knows), never cancelled."""
        client = spikon_client(self)
        run_request(
            self,
            lambda: client.call_list_order(
                dir=int(request.direction),
                date_start=request.date_start,
                date_end=request.date_end,
                with_records_only=int(request.records_only),
                number=request.number or None,
            ),
            partial(self._order_finished, request),
            group="call-history-order",
            exit_on_error=False,
        )

    def _order_finished(self, request: OrderRequest, outcome: Outcome[CallListOrder]) -> None:
        self.ordering = False
        if isinstance(outcome, Failed):
            error = outcome.error
            unknown = isinstance(error, SpikonError) and error.outcome_unknown
            self.form.set_sending(False, label=_("Order again") if unknown else _("Order report"))
            self.form.show_problem(describe_error(error))
            if unknown:
                self.list_reports()  # shows whether the order arrived after all
            return
        self.form.set_sending(False)
        self.form.show_problem("")
        report_id = outcome.result.call_list_id
        self.ledger.note_ordered(report_id, request, self.clock)
        self._tell_save_error()
        self._show_reports()
        self.reports_table.move_cursor_to_key(report_id)
        self._start_waiting(report_id)

    # -- waiting while SPIKON generates ---------------------------------------------------

    def _start_waiting(self, report_id: int) -> None:
        entry = self.ledger.get(report_id)
        self.progress.wait_for(report_id, since=entry.ordered_at if entry else None)

    def on_report_progress_listed(self, message: ReportProgress.Listed) -> None:
        self._reports_listed(Succeeded(message.statuses))

    def on_report_progress_generated(self, message: ReportProgress.Generated) -> None:
        report_id = message.report_id
        if self.view == ORDERS_VIEW and self.loading_report is None:
            self._load(report_id)
        else:
            self.progress.say(
                _("Report #{report_id} is ready: select it below and press enter.").format(
                    report_id=report_id
                )
            )
            self.notify(
                _("Report #{report_id} is ready.").format(report_id=report_id),
                title=_("Call history"),
            )

    def action_stop_waiting(self) -> None:
        if self.progress.stop() is not None:
            self.list_reports()

    # -- opening a report -----------------------------------------------------------------

    @on(VirtualTable.RowSelected, "#reports")
    def _report_chosen(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        self.action_open_report()

    def action_open_report(self) -> None:
        key = self.reports_table.cursor_row_key
        entry = self.ledger.get(key) if isinstance(key, int) else None
        if entry is None:
            self.notify(_("Select a report in the list first."), severity="warning")
            return
        self.open_report(entry)

    def open_report(self, entry: ReportEntry) -> None:
        if not entry.listed:
            self._report_gone(entry)
            return
        if self.report is not None and self.report.report_id == entry.id:
            self._show_report(self.report)
            return
        if entry.state(self.clock) is ReportState.GENERATING:
            self._start_waiting(entry.id)
            return
        self._load(entry.id)

    def _report_gone(self, entry: ReportEntry) -> None:
        text = _(
            "Report #{report_id} is gone: SPIKON keeps reports for a month after generating them."
        ).format(report_id=entry.id)
        if entry.request is not None:
            self.form.fill(entry.request)
            text += " " + _("Its choices are back in the form: ctrl+o orders it again.")
        else:
            text += " " + _("Order a new one with the form.")
        self.notify(text, title=_("Report gone"), severity="warning")

    def _load(self, report_id: int) -> None:
        self.loading_report = report_id
        self.progress.say(_("Loading report #{report_id}…").format(report_id=report_id))
        self.load_report(report_id)

    def load_report(self, report_id: int) -> None:
        client, app = spikon_client(self), self.app

        async def load() -> LoadedReport:
            calls = await client.call_list_show(call_list_id=report_id)
            names = contact_names(app).directory
            # 50,000 rows take a moment to prepare: not on the thread that paints.
            return await asyncio.to_thread(LoadedReport.build, report_id, calls, names)

        run_request(
            self,
            load,
            partial(self._report_loaded, report_id),
            group="call-history-load",
            exclusive=True,
            exit_on_error=False,
        )

    def _report_loaded(self, report_id: int, outcome: Outcome[LoadedReport]) -> None:
        if report_id != self.loading_report:
            return
        self.loading_report = None
        if isinstance(outcome, Failed):
            if isinstance(outcome.error, NotReadyError):
                self._start_waiting(report_id)
                return
            self.progress.say(
                _("Report #{report_id} could not be loaded: {error}").format(
                    report_id=report_id, error=describe_error(outcome.error)
                ),
                error=True,
            )
            return
        report = outcome.result
        self.report = report
        self.ledger.note_loaded(report_id, len(report.calls), self.clock)
        self._show_reports()
        self.progress.say("")
        self._show_report(report)
        self._ask_own_numbers()
        self._names_loaded(contact_names(self.app).directory)  # loaded while it was built?

    def _show_report(self, report: LoadedReport) -> None:
        entry = self.ledger.get(report.report_id)
        request = entry.request if entry is not None else None
        view = self.report_view
        heading = _("Report #{report_id}").format(report_id=report.report_id)
        title = f"{heading} · {contents_text(entry) if entry else ''}"
        self._switch_to(REPORT_VIEW)
        if view.report is not report:
            view.show(report, title.rstrip(" ·"), request.direction if request else None)
        if request is not None and request.records_only and not report.calls:
            view.table.empty_text = _(
                "This report has no calls. It holds only calls with a recording: order "
                "again without “Recorded calls only” to see every call."
            )
        view.table.focus()

    def can_go_back(self) -> bool:
        return self.view == REPORT_VIEW

    def go_back(self) -> None:
        """From a report to the orders view (the form and the earlier reports)."""
        self._switch_to(ORDERS_VIEW)
        self.reports_table.focus()

    # -- the phone-book names of callers and callees -------------------------------------

    def _names_loaded(self, names: NameDirectory) -> None:
        report = self.report
        if report is not None and report.names is not names:
            self.rename_report(report, names)

    @work(exclusive=True, group="call-history-names", exit_on_error=False)
    async def rename_report(self, report: LoadedReport, names: NameDirectory) -> None:
        renamed = await asyncio.to_thread(report.with_names, names)
        self.post_message(self.ReportRenamed(report, renamed))

    def on_call_history_screen_report_renamed(self, message: ReportRenamed) -> None:
        if self.report is not message.report:
            return  # another report was opened meanwhile
        self.report = message.renamed
        if self.report_view.report is message.report:
            self.report_view.rename(message.renamed)

    # -- the account's own numbers (to tell who to call back) ----------------------------

    def _ask_own_numbers(self) -> None:
        if not self._own_numbers_asked:
            self._own_numbers_asked = True
            self.load_own_numbers()

    def load_own_numbers(self) -> None:
        run_request(
            self,
            spikon_client(self).phone_account_list,
            self._own_numbers_loaded,
            group="call-history-accounts",
            exit_on_error=False,
        )

    def _own_numbers_loaded(self, outcome: Outcome[list[PhoneAccount]]) -> None:
        if isinstance(outcome, Failed):  # without them, call back guesses the caller
            self._own_numbers_asked = False
            return
        accounts = outcome.result
        numbers = {account.number for account in accounts}
        numbers |= {account.internal for account in accounts if account.internal}
        self.own_numbers = frozenset(numbers)

    # -- actions on the calls of a report ---------------------------------------------------

    def action_focus_filter(self) -> None:
        self.report_view.focus_filter()

    @on(VirtualTable.RowSelected, "#report-calls")
    def _call_chosen(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        self.action_call_back()

    def action_call_back(self) -> None:
        self.report_view.call_back(self.own_numbers)

    def action_copy_link(self) -> None:
        self.report_view.copy_link()

    def action_export(self) -> None:
        self.report_view.export(self.clock)

    # -- visibility -----------------------------------------------------------------------

    def on_screen_suspend(self) -> None:
        if not only_dialogs_above(self):
            self.progress.pause()  # no checks while out of sight
            if self._ages_timer is not None:
                self._ages_timer.pause()

    def on_screen_resume(self) -> None:
        if self._ages_timer is not None:
            self._ages_timer.resume()
            self._show_reports()
        self.progress.resume()
