"""Running one request in a Textual worker and handing back what it came to.

The UI's rule for the network (ARCHITECTURE.md): a request runs in a worker; the
worker catches every exception and only hands over the result or the error; the
screen's code that receives it, on the screen's own message queue, is the one place
that updates widgets and words the error (`spikon_tui.ui.errors.describe_error`).
`run_request` is that worker, once::

    client = spikon_client(self)
    run_request(
        self,
        lambda: client.phone_book_delete(phone_book_id=book.id),
        partial(self._book_deleted, book),  # (book, outcome) -> None
        group="delete",
    )

    def _book_deleted(self, book: PhoneBook, outcome: Outcome[None]) -> None:
        if isinstance(outcome, Failed):
            self.notify(describe_error(outcome.error), severity="error")
            return
        ...  # outcome.result, typed

`request` is called exactly once, in the worker: nothing is ever retried here (the
client alone decides that, and never for a state-changing call whose outcome is
unknown). `done` runs through `node.call_later`, so like a posted message it runs
after what is already queued and is dropped once the node is gone. A cancelled worker
(an `exclusive` newer request, the screen closing) delivers nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Generic, TypeAlias, TypeVar

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.worker import Worker

ResultT = TypeVar("ResultT")


# Plain classes, not dataclasses: the start screen imports this, and building a dataclass
# costs start-up time.
class Succeeded(Generic[ResultT]):
    """The request's answer."""

    __slots__ = ("result",)

    def __init__(self, result: ResultT) -> None:
        self.result = result

    def __repr__(self) -> str:
        return f"Succeeded({self.result!r})"


class Failed:
    """What the request raised (any `Exception`: a SPIKON error, or a bug worded as one)."""

    __slots__ = ("error",)

    def __init__(self, error: Exception) -> None:
        self.error = error

    def __repr__(self) -> str:
        return f"Failed({self.error!r})"


Outcome: TypeAlias = Succeeded[ResultT] | Failed
"""What a request came to; `isinstance(outcome, Failed)` tells which."""


def run_request(
    node: DOMNode,
    request: Callable[[], Awaitable[ResultT]],
    done: Callable[[Outcome[ResultT]], object],
    *,
    group: str,
    exclusive: bool = False,
    exit_on_error: bool = True,
    name: str = "",
) -> Worker[None]:
    """Run `request()` once in a worker of `node`; then `done(outcome)` on `node`'s queue.

    `group`, `exclusive`, `exit_on_error` and `name` are `node.run_worker`'s (the
    `@work` decorator's). Build `request` on the UI side (read the widgets first);
    it must only send and compute, never touch a widget.
    """

    async def deliver() -> None:
        try:
            result = await request()
        except Exception as error:  # noqa: BLE001 - handed to `done`, which words it
            outcome: Outcome[ResultT] = Failed(error)
        else:
            outcome = Succeeded(result)
        node.call_later(done, outcome)

    return node.run_worker(
        deliver,
        name=name or getattr(getattr(done, "func", done), "__name__", "request"),  # partial
        group=group,
        exclusive=exclusive,
        exit_on_error=exit_on_error,
    )
