"""What one request has already worked out, kept for the rest of that request only (issue 19).

One page asks the rules about the same application several times: the application page's
people, steps and findings, the documents' checklist, the fees and the submit gate each
read the application's rows into the rules' Case and evaluate it. ``remember`` lets the
second asker reuse the first answer, within one request.

Why it cannot go stale:

- The memo lives in a context variable that ``RequestMemoMiddleware`` opens empty at the
  start of a request and closes at its end, so nothing outlives a request or crosses to
  another thread or request. Outside a request (tasks, management commands, services called
  from tests) there is no memo and everything is computed each time, unless a caller opens
  one explicitly with ``request_memo()``.
- Every SQL statement of the request's database connection goes through the middleware's
  execute wrapper: anything that is not a plain read (INSERT, UPDATE, DELETE, and also
  BEGIN, SAVEPOINT, RELEASE, ROLLBACK TO) empties the memo before it runs. A POST that
  saves answers, uploads, pays or signs and then shows the page again evaluates the new
  rows. Keying by the application's version instead would miss the rows that change without
  bumping it (a payment, a document, a signature), hence the wrapper; the version is in the
  keys too, as a second guard. Another request's write, committed meanwhile, is not seen
  by this one's later reads of the memo: the request answers from what it read, as a page
  that read its rows once would.
- Inside a transaction (an ``atomic`` block of the code, not the test case's) the request's
  memo neither answers nor keeps anything: a service that locks the application row decides
  on what it reads under the lock, never on an answer computed before it, and nothing
  computed on rows a rollback then takes back can be served afterwards. A service may open
  its own memo under its lock (``memo_scope``), which closes before its transaction ends and
  answers only at that transaction's depth; a write still empties it and every outer memo.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import connection

T = TypeVar("T")


@dataclass
class _Memo:
    # How many of the code's transactions (atomic blocks) were open when the memo was opened:
    # it answers only at that depth (see the module's docstring).
    depth: int
    outer: _Memo | None
    values: dict = field(default_factory=dict)


_memo: ContextVar[_Memo | None] = ContextVar("portique_request_memo", default=None)

# The statements that only read: anything else may change what the memo holds.
_READS = ("select", "explain")


def _depth() -> int:
    # The test case's own atomic blocks (Django marks them) are not the code's transactions.
    return sum(1 for block in connection.atomic_blocks if not block._from_testcase)


def remember(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave earlier in this request for the same ``key``."""
    memo = _memo.get()
    if memo is None or _depth() != memo.depth:
        return compute()
    try:
        return memo.values[key]
    except KeyError:
        memo.values[key] = value = compute()
        return value


def forget() -> None:
    """Empty every open memo: the request's, and any opened inside it."""
    memo = _memo.get()
    while memo is not None:
        memo.values.clear()
        memo = memo.outer


def _forget_on_write(execute, sql, params, many, context):
    if not sql.lstrip().lower().startswith(_READS):
        forget()
    return execute(sql, params, many, context)


@contextmanager
def memo_scope() -> Iterator[None]:
    """A memo for what runs inside the block, emptied by every write of the default connection.

    Opened by the middleware for each request; a service may open one inside its transaction,
    after locking its row, for the reads it repeats under that lock (``application_submit``).
    """
    token = _memo.set(_Memo(depth=_depth(), outer=_memo.get()))
    try:
        with connection.execute_wrapper(_forget_on_write):
            yield
    finally:
        _memo.reset(token)


class RequestMemoMiddleware:
    """Opens the memo for the request and closes it once the response is made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with memo_scope():
            return self.get_response(request)
