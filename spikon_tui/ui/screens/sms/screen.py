"""SMS: compose and send a message, then follow every message sent until its final state.

The form (`sms_compose.ComposeForm`) checks the documented limits as you type.
Sending asks first, naming the recipients and the number of SMS parts; the form
is locked while SPIKON answers, so one press sends once. A failure leaves the
form as typed. When the answer is lost on the way, nobody knows whether the SMS
went out: the screen says so, lists the attempt as "unknown", and the next send
of the same message warns that the recipients may get it twice.

Sent messages are kept per profile on disk (`spikon_tui.sms.store`). Messages
whose state can still change are checked with sms/state, soon after sending and
then less often (`spikon_tui.sms.follow`); checking pauses while the screen is
hidden and resumes when it is shown again. Recipients are named as the list names
them: by the phone books' name for the number when it has one (`contact_names`).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from dataclasses import dataclass
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, Input, Select, TextArea

from spikon_tui.api.errors import NotFoundError, SpikonError, ValidationError
from spikon_tui.api.models import SmsSent, SmsState
from spikon_tui.i18n import N_, _, ngettext
from spikon_tui.sms import follow
from spikon_tui.sms.draft import Draft, confirm_question, sent_records, unknown_records
from spikon_tui.sms.plain_letters import plain_letters
from spikon_tui.sms.sent import SentMessage
from spikon_tui.sms.states import Tone
from spikon_tui.sms.store import SentStore, StoreError
from spikon_tui.sms.unsent import UnsentSms, keep_unsent, load_unsent
from spikon_tui.ui.contact_names import contact_names
from spikon_tui.ui.dialogs.call import call_number
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.poll_scheduler import PollScheduler, only_dialogs_above
from spikon_tui.ui.requests import Failed, Outcome, run_request
from spikon_tui.ui.screens.base import ESCAPE_ACTION, MainScreen
from spikon_tui.ui.screens.sms.compose import DEFAULT_SENDER, REMEMBERED_SENDER, ComposeForm
from spikon_tui.ui.screens.sms.details import SmsDetailsDialog
from spikon_tui.ui.screens.sms.pick import Picked, PickRecipientsDialog
from spikon_tui.ui.screens.sms.sent_list import SentList, recipient
from spikon_tui.ui.typed_app import spikon_app, spikon_client
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.title_bar import TitleBar
from spikon_tui.ui.widgets.virtual_table import VirtualTable

PARALLEL_CHECKS = 4
UNSENT_KEPT_AFTER = 0.5
"""Seconds after the last change to the form before the unsent SMS is written to disk."""
"""sms/state requests in flight at once during one round."""
LISTED_IN_TOAST = 3

_ROW_ACTIONS = frozenset({"details", "call_recipient", "use_again", "remove"})
"""Actions on the highlighted sent message: offered while the list has the focus."""


@dataclass(frozen=True)
class CheckResult:
    key: str
    state: SmsState | None = None
    error: Exception | None = None


class SmsScreen(MainScreen):
    TITLE = N_("SMS")
    HELP = N_("""
Send SMS and see what became of them.

[b]Compose.[/b] Choose the sender name recipients see (with [b]2way[/b] they can
reply), type one or more Polish numbers of 9 digits separated by commas (+48 is
accepted), or press [b]ctrl+o[/b] to pick them from a phone book. The counter
under the message shows characters and SMS parts: 160 characters fit in one SMS
(153 a part when longer); one Polish letter, typographic quote or emoji makes the
whole message Unicode, 70 characters (67 a part). ^ { } [ ] ~ | \\ and € count as
two. [b]ctrl+g[/b] replaces Polish letters with plain ones (ctrl+z undoes).
SPIKON takes at most 918 characters.

[b]Send[/b] ([b]ctrl+s[/b]) asks first, naming the recipients and the number of SMS.
If SPIKON refuses, the reason shows under the form and everything typed stays.
If the answer is lost on the way, nobody knows whether the SMS went out: the
list shows it as "outcome unknown", and sending it again warns you first.

[b]Sent SMS[/b] are kept for this profile, each with its state: delivered,
undelivered (wrong or unreachable number), error (with SPIKON's reason), no funds,
or still on its way. States are checked by themselves while this screen is shown
(soon after sending, then less often, for three days); [b]ctrl+r[/b] checks every
unfinished message now. In the list, [b]enter[/b] shows a message in full,
[b]c[/b] calls its recipient, [b]u[/b] puts its text back in the form, and
[b]delete[/b] removes it from the list (SPIKON keeps it).
""")
    # The keys of the sent list come first: offered only while the list has the focus,
    # they then stay in sight at 80 columns.
    CHANGES = frozenset({"send", "call_recipient", "use_again", "pick_recipients", "plain_letters"})
    BINDINGS = [
        Binding("enter", "details", N_("Details"), priority=True),
        Binding("c", "call_recipient", N_("Call")),
        Binding("u", "use_again", N_("Use again")),
        Binding("delete", "remove", N_("Remove")),
        Binding("ctrl+s", "send", N_("Send")),
        Binding("ctrl+o", "pick_recipients", N_("Phone book")),
        Binding("ctrl+g", "plain_letters", N_("Plain letters")),
        Binding("ctrl+r", "check_states", N_("Refresh")),
        Binding("slash", "focus_filter", N_("Filter"), show=False),
    ]

    @dataclass
    class StatesChecked(Message):
        results: list[CheckResult]

    sending = False
    """True while sms/send is in flight: nothing can be sent meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.store: SentStore | None = None
        self.scheduler: PollScheduler | None = None
        self._attempts: dict[str, float] = {}  # key -> when a check last failed or ran
        self._check_everything = False
        self._failing = False  # the last round failed; the first failure was told
        self._save_failed = False
        self._unknown_signature: tuple[str, tuple[str, ...], str] | None = None
        self._can_make_plain = False
        self._keep_timer: Timer | None = None
        self._unsent: UnsentSms | None = None  # typed, not yet written

    def compose(self) -> ComposeResult:
        sender = spikon_app(self).session.recall(REMEMBERED_SENDER, DEFAULT_SENDER)
        yield TitleBar()
        with Horizontal(id="sms-body"):
            yield ComposeForm(sender, id="compose")
            yield SentList(spikon_app(self).session.clock, id="sent-pane")
        yield KeysFooter()

    @property
    def form(self) -> ComposeForm:
        return self.query_one(ComposeForm)

    @property
    def sent_list(self) -> SentList:
        return self.query_one(SentList)

    def clock(self) -> float:
        return spikon_app(self).session.clock()

    def on_mount(self) -> None:
        self.store = SentStore(spikon_app(self).session.data_dir, spikon_app(self).session.clock)
        problem = self.store.load()
        if problem:
            self.notify(problem, title=_("Sent SMS"), severity="error", timeout=20)
        self._show_rows()
        self.scheduler = PollScheduler(self, spikon_app(self).session.clock, self._start_round)
        self.scheduler.poll_now()
        self.query_one("#recipients", Input).focus()
        self._restore_unsent()
        if not self.offers("send"):
            self.form.set_locked(True)
            self.form.show_error(_("This session is read-only: no SMS can be sent from it."))

    # -- the SMS being written, kept across a restart (`sms.unsent`) -----------------------

    def _restore_unsent(self) -> None:
        unsent = load_unsent(spikon_app(self).session.data_dir)
        if unsent is None:
            return
        form = self.form
        form.use_again(unsent.sender, unsent.message)
        recipients = self.query_one("#recipients", Input)
        recipients.value = unsent.recipients
        recipients.cursor_position = len(unsent.recipients)
        self.notify(_("The SMS you were writing is back, as you left it."), title=_("SMS"))

    def _typed_now(self) -> None:
        """Keep what is typed a moment after the last change (and when the screen goes)."""
        form = self.form
        self._unsent = UnsentSms(form.sender, form.recipients_text, form.message)
        if self._keep_timer is not None:
            self._keep_timer.stop()
        self._keep_timer = self.set_timer(UNSENT_KEPT_AFTER, self.keep_unsent)

    def keep_unsent(self) -> None:
        unsent, self._unsent = self._unsent, None
        if unsent is None:
            return
        # The draft is a convenience: when it cannot be written, the form still holds the text.
        with contextlib.suppress(OSError):
            keep_unsent(spikon_app(self).session.data_dir, unsent)

    def on_unmount(self) -> None:
        if self._keep_timer is not None:
            self._keep_timer.stop()
        self.keep_unsent()  # what was typed in the last moment before quitting

    # -- visibility --------------------------------------------------------------------

    def on_screen_suspend(self) -> None:
        if self.scheduler is not None and not only_dialogs_above(self):
            self.scheduler.pause()

    def on_screen_resume(self) -> None:
        if self.scheduler is not None:
            self.scheduler.resume()
            self._show_rows()

    @property
    def polling_paused(self) -> bool:
        return self.scheduler is None or self.scheduler.paused

    # -- keys offered ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.offers(action):
            return False
        if action == ESCAPE_ACTION:
            return super().check_action(action, parameters)
        if not self.is_mounted or not self.query(SentList):
            return True
        if action in _ROW_ACTIONS:
            table = self.sent_list.table
            return table.has_focus and table.cursor_row_key is not None
        if action == "plain_letters":
            return self._can_make_plain
        return True

    @on(TextArea.Changed, "#message")
    @on(Input.Changed, "#recipients")
    def _form_changed(self) -> None:
        form = self.form
        form.update_counter()
        self._typed_now()
        if not self.sending:
            form.show_error(form.typed_problem() or "")
        self._update_send_label()
        can_plain = plain_letters(form.message) != form.message
        if can_plain != self._can_make_plain:
            self._can_make_plain = can_plain
            self.refresh_bindings()  # ctrl+g comes or goes

    @on(Select.Changed, "#sender")
    def _sender_changed(self) -> None:
        self._update_send_label()

    def _update_send_label(self) -> None:
        try:
            same = self.form.draft().signature == self._unknown_signature
        except ValidationError:
            same = False
        self.form.set_send_label(_("Send again") if same else _("Send"))

    # -- sending -----------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "send":
            event.stop()
            self.action_send()
        elif event.button.id == "pick":
            event.stop()
            self.action_pick_recipients()

    def action_send(self) -> None:
        if self.sending:
            self.notify(_("The SMS is on its way; wait for SPIKON's answer."), severity="warning")
            return
        try:
            draft = self.form.draft()
        except ValidationError as error:
            self.form.show_problem(error)
            return
        twice = draft.signature == self._unknown_signature
        question = confirm_question(draft, maybe_sent_before=twice)
        self.app.push_screen(
            ConfirmDialog(question, yes_label=_("Send"), danger=twice),
            partial(self._confirmed, draft),
        )

    def _confirmed(self, draft: Draft, yes: bool | None) -> None:
        if not yes or self.sending:
            return
        self.sending = True
        self.form.set_locked(True)
        self.form.show_error(_("Sending…"), progress=True)
        self._send(draft)

    def _send(self, draft: Draft) -> None:
        """sms/send, once (never retried here; not exclusive, so nothing cancels it)."""
        client = spikon_client(self)
        run_request(
            self,
            lambda: client.sms_send(
                from_=draft.sender, to=list(draft.recipients.numbers), message=draft.message
            ),
            partial(self._sent, draft),
            group="sms-send",
        )

    def _sent(self, draft: Draft, outcome: Outcome[SmsSent]) -> None:
        self.sending = False
        form = self.form
        form.set_locked(False)
        now = self.clock()
        spikon_app(self).refresh_balance()  # an SMS costs money, whatever the answer said
        if isinstance(outcome, Failed):
            error = outcome.error
            text = describe_error(error)
            if isinstance(error, SpikonError) and error.outcome_unknown:
                self._unknown_signature = draft.signature
                self._keep(unknown_records(draft, now))
                text += " " + _("The list of sent SMS shows it as “outcome unknown”.")
            form.show_error(text)
            self._update_send_label()
            form.query_one("#send", Button).focus()
            return
        answer = outcome.result
        records = sent_records(draft, answer.ids, now)
        self._unknown_signature = None
        self._keep(records)
        form.clear_after_send()
        self._typed_now()  # sent: the empty form is kept, which removes the draft
        self.keep_unsent()
        self._update_send_label()
        self.sent_list.table.move_cursor_to_key(records[0].key)
        count = len(records)
        to = self._who(records[0]) if count == 1 else _recipients(count)
        self.notify(
            _("SMS sent to {to}; its delivery state shows in the list.").format(to=to),
            title=_("SMS sent"),
        )
        if len(answer.ids) != count:
            self.notify(
                _(
                    "SPIKON returned {ids} ids for {count} recipients, so the "
                    "state of some cannot be followed."
                ).format(ids=len(answer.ids), count=count),
                severity="warning",
            )
        form.query_one("#recipients", Input).focus()
        if self.scheduler is not None:
            self.scheduler.poll_now()

    def _keep(self, records: list[SentMessage]) -> None:
        assert self.store is not None
        self.store.put(records)
        self._save()
        self._show_rows()

    def _save(self) -> None:
        assert self.store is not None
        try:
            self.store.save()
        except StoreError as error:
            if not self._save_failed:
                self.notify(str(error), title=_("Sent SMS not saved"), severity="error", timeout=20)
            self._save_failed = True
        else:
            self._save_failed = False

    def _show_rows(self) -> None:
        if self.store is not None:
            self.sent_list.show(self.store.messages.values())
            if self.sent_list.table.has_focus:
                self.refresh_bindings()  # a first row brings the keys of the list

    # -- following states --------------------------------------------------------------

    def action_check_states(self) -> None:
        assert self.store is not None and self.scheduler is not None
        if not any(record.followable for record in self.store.messages.values()):
            self.notify(_("Every SMS in the list has its final state; there is nothing to check."))
            return
        self._check_everything = True
        self.sent_list.freshness.mark_loading()
        self.scheduler.poll_now()

    def _start_round(self) -> None:
        assert self.store is not None and self.scheduler is not None
        now = self.clock()
        records = self.store.messages.values()
        if self._check_everything:
            targets = [record for record in records if record.followable]
        else:
            targets = follow.due(records, now, self._attempts)
        self._check_everything = False
        if not targets:
            self.scheduler.finished(self._next_delay(now))
            return
        for record in targets:
            self._attempts[record.key] = now
        self._check([(r.key, r.sms_id) for r in targets if r.sms_id is not None])

    def _next_delay(self, now: float) -> float | None:
        """Seconds until the next message is due; None: none is followed (a send asks again)."""
        assert self.store is not None
        due_at = follow.next_due_at(self.store.messages.values(), now, self._attempts)
        return None if due_at is None else max(0.0, due_at - now)

    @work(group="sms-state")
    async def _check(self, targets: list[tuple[str, int]]) -> None:
        spikon = spikon_client(self)
        slots = asyncio.Semaphore(PARALLEL_CHECKS)

        async def check(key: str, sms_id: int) -> CheckResult:
            async with slots:
                try:
                    return CheckResult(key, state=await spikon.sms_state(id=sms_id))
                except Exception as error:  # noqa: BLE001 - shown by on_sms_screen_states_checked
                    return CheckResult(key, error=error)

        results = await asyncio.gather(*(check(key, sms_id) for key, sms_id in targets))
        self.post_message(self.StatesChecked(list(results)))

    def on_sms_screen_states_checked(self, message: StatesChecked) -> None:
        assert self.store is not None and self.scheduler is not None
        now = self.clock()
        changed: list[SentMessage] = []
        became_final: list[SentMessage] = []
        failures: list[Exception] = []
        for result in message.results:
            record = self.store.get(result.key)
            if record is None:
                continue  # removed from the list meanwhile
            updated = self._updated(record, result, now, failures)
            if updated is None:
                continue
            changed.append(updated)
            if record.followable and not updated.followable:
                became_final.append(updated)
        if changed:
            self.store.put(changed)
            self._save()
        self._show_rows()
        self._report_round(failures, len(message.results))
        self._tell_outcomes(became_final)
        self.scheduler.finished(self._next_delay(now))

    @staticmethod
    def _updated(
        record: SentMessage, result: CheckResult, now: float, failures: list[Exception]
    ) -> SentMessage | None:
        if result.state is not None:
            return dataclasses.replace(
                record, state=result.state.state, error=result.state.error, checked_at=now
            )
        if isinstance(result.error, NotFoundError):
            return dataclasses.replace(record, gone=True, checked_at=now)
        if result.error is not None:
            failures.append(result.error)
        return None

    def _report_round(self, failures: list[Exception], attempted: int) -> None:
        freshness = self.sent_list.freshness
        freshness.display = True
        if not failures:
            freshness.mark_updated()
            self._failing = False
            return
        freshness.mark_failed()
        if not self._failing:
            if attempted > 1:
                text = _(
                    "{failed} of {attempted} SMS states could not be checked: {error} "
                    "The last known states stay on screen; checking goes on by itself."
                )
            else:
                text = _(
                    "The SMS states could not be checked: {error} "
                    "The last known states stay on screen; checking goes on by itself."
                )
            self.notify(
                text.format(
                    failed=len(failures), attempted=attempted, error=describe_error(failures[0])
                ),
                title=_("SMS states not checked"),
                severity="warning",
                timeout=12,
            )
        self._failing = True

    def _tell_outcomes(self, records: list[SentMessage]) -> None:
        good = [record for record in records if record.tone is Tone.GOOD]
        bad = [record for record in records if record.tone is not Tone.GOOD]
        if good:
            who = self._who(good[0]) if len(good) == 1 else _recipients(len(good))
            self.notify(_("SMS delivered to {who}.").format(who=who), title=_("SMS delivered"))
        if bad:
            listed = "; ".join(
                f"{self._who(record)}: {record.label}" for record in bad[:LISTED_IN_TOAST]
            )
            if len(bad) > LISTED_IN_TOAST:
                listed += "; " + _("and {count} more").format(count=len(bad) - LISTED_IN_TOAST)
            if len(bad) == 1:
                title = _("SMS not delivered")
            else:
                title = _("{count} SMS not delivered").format(count=len(bad))
            self.notify(f"{listed}.", title=title, severity="error", timeout=15)

    # -- the phone book and the form ----------------------------------------------------

    def action_pick_recipients(self) -> None:
        if self.sending:
            return

        def picked(numbers: Picked | None) -> None:
            if numbers:
                self.form.add_recipients(numbers)
                self.query_one("#message", TextArea).focus()

        self.app.push_screen(PickRecipientsDialog(), picked)

    def action_plain_letters(self) -> None:
        if not self.sending and self.form.make_plain():
            self.notify(_("Polish letters replaced; ctrl+z brings them back."))

    # -- the highlighted sent message ----------------------------------------------------

    def _who(self, record: SentMessage) -> str:
        """The recipient as the list names it (the phone books' name when known)."""
        return recipient(record, contact_names(self.app).directory)

    def _highlighted(self) -> SentMessage | None:
        key = self.sent_list.table.cursor_row_key
        return self.store.get(str(key)) if self.store is not None and key is not None else None

    def action_focus_filter(self) -> None:
        self.query_one("#sent-filter", Input).focus()

    @on(VirtualTable.RowSelected, "#sent")
    def _row_chosen(self) -> None:
        self.action_details()

    def action_details(self) -> None:
        record = self._highlighted()
        if record is None:
            return

        def chosen(choice: str | None) -> None:
            if choice == "call":
                self._call(record)
            elif choice == "reuse":
                self._use_again(record)

        self.app.push_screen(SmsDetailsDialog(record, spikon_app(self).session.clock), chosen)

    def action_call_recipient(self) -> None:
        record = self._highlighted()
        if record is not None:
            self._call(record)

    def _call(self, record: SentMessage) -> None:
        call_number(self.app, record.number, who=record.name)

    def action_use_again(self) -> None:
        record = self._highlighted()
        if record is not None:
            self._use_again(record)

    def _use_again(self, record: SentMessage) -> None:
        if self.sending:
            return
        typed = self.form.message
        if not typed.strip() or typed == record.message:
            self._fill(record)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._fill(record)

        self.app.push_screen(
            ConfirmDialog(
                _(
                    "Replace the message you are typing with this one? (ctrl+z in the message "
                    "brings yours back.)"
                ),
                yes_label=_("Replace"),
            ),
            confirmed,
        )

    def _fill(self, record: SentMessage) -> None:
        self.form.use_again(record.sender, record.message)
        self.query_one("#recipients", Input).focus()

    def action_remove(self) -> None:
        record = self._highlighted()
        if record is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.store is not None:
                self.store.remove(record.key)
                self._save()
                self._show_rows()

        self.app.push_screen(
            ConfirmDialog(
                _(
                    "Remove the SMS to {who} from this list? SPIKON keeps it; only this "
                    "list forgets it."
                ).format(who=self._who(record)),
                yes_label=_("Remove"),
                danger=True,
            ),
            confirmed,
        )


def _recipients(count: int) -> str:
    """'3 recipients', for a toast naming no one."""
    return ngettext("{count} recipient", "{count} recipients", count).format(count=count)
