"""Two application nodes behind nginx, on one PostgreSQL, Redis and S3 store, agree.

What a person would check: a document uploaded through one node downloads through the
other; a lockout earned on one holds on the other; the same submission sent to both at
once is one submission; the e-mail of a submission is made by the task worker; slow
clients and a flood of failed sign-ins leave the health check and signed-in pages
answering through the proxy; more requests than the nodes can take are answered at once
with 503 and Retry-After, never a 500; and a node killed in the middle of a rush of
submissions loses none of them. The last check kills node A: it stays last.
"""

from __future__ import annotations

import http.client
import re
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from tests.documents.files import pdf_bytes

from .browser import Answer, Person, form_choices, form_fields
from .conftest import PASSWORD

CONFIRMATION = re.compile(r"C-[A-Z0-9]{5}-[A-Z0-9]{5}")
LOCKED = "Too many failed attempts to sign in"
OVERLOADED = ("Too many people at once", "Trop de personnes à la fois")


def _signed_in(entry: dict, forwarded_for: str | None = None) -> Person:
    return Person(cookies={"sessionid": entry["session"]}, forwarded_for=forwarded_for)


def _submissions_of(topology, application: str) -> list[str]:
    rows = topology.sql(
        "SELECT s.confirmation_number FROM applications_submission s"
        " JOIN applications_application a ON a.id = s.application_id WHERE a.public_id = %s",
        application,
    )
    return [row[0] for row in rows]


def _wait_until(condition, what: str, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"not seen within {seconds:.0f} s: {what}")


def _sign_in(person: Person, base: str, email: str, password: str) -> Answer:
    return person.post_form(base, "/en/account/login/", r"^$|/account/login/", {"login": email, "password": password})


def check_a_document_uploaded_through_node_a_downloads_through_node_b(topology):
    entry = topology.seed["steps"]["uploads"][0]
    item = next(item for item in topology.seed["checklist"] if not item["photo"])
    person = _signed_in(entry)
    documents = f"/en/applications/{entry['application']}/documents/"
    content = pdf_bytes(1)

    page = person.get(topology.nodes["a"], documents)
    assert page.status == 200
    fields = form_fields(page.text, re.escape(f"/{item['slot']}/upload/"))
    for name, values in form_choices(page.text, re.escape(f"/{item['slot']}/upload/")).items():
        fields.setdefault(name, values[0])  # e.g. which kind of document: the first offered
    uploaded = person.request(
        topology.nodes["a"],
        "POST",
        f"{documents}{item['slot']}/upload/",
        form=fields,
        files={"file": ("passport.pdf", content, "application/pdf")},
    )
    assert uploaded.status == 302, uploaded.text[-2000:]
    assert "/documents/#item-" in uploaded.location

    on_b = person.get(topology.nodes["b"], documents)
    links = set(re.findall(r"/en/applications/[0-9a-f-]+/documents/files/[0-9a-f-]+/", on_b.text))
    assert len(links) == 1
    download = person.get(topology.nodes["b"], links.pop())
    assert download.status == 200
    assert download.body == content
    # The file is in the S3 store, not on either node's disk.
    assert not list((topology.directory / "var-a").glob("**/*.pdf"))
    assert not list((topology.directory / "var-b").glob("**/*.pdf"))


def check_a_lockout_counted_on_node_a_holds_on_node_b(topology):
    locked, other = topology.seed["steps"]["login"][:2]
    attacker = Person(forwarded_for="192.0.2.41")
    for _ in range(5):
        refused = _sign_in(attacker, topology.nodes["a"], locked["email"], "not the password at all")
        assert refused.status == 200

    owner = Person(forwarded_for="198.51.100.41")
    answer = _sign_in(owner, topology.nodes["b"], locked["email"], PASSWORD)
    assert answer.status == 200
    assert LOCKED in answer.text
    # Node B signs other people in all the same.
    assert _sign_in(Person(forwarded_for="198.51.100.42"), topology.nodes["b"], other["email"], PASSWORD).status == 302


def check_one_submission_sent_to_both_nodes_at_once_is_submitted_once(topology):
    entry = topology.seed["steps"]["submit"][0]
    person = _signed_in(entry)
    overview = f"/en/applications/{entry['application']}/"
    # Submit is confirmed on its own page, which holds the form.
    fields = form_fields(person.get(topology.nodes["a"], overview + "submit/").text, r"/submit/$")
    start = threading.Barrier(2)

    def send(node: str) -> Answer:
        start.wait()
        return person.request(topology.nodes[node], "POST", overview + "submit/", form=fields)

    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(send, ("a", "b")))
    assert [answer.status for answer in answers] == [302, 302]
    assert all(answer.location.endswith("/confirmation/") for answer in answers)

    numbers = _submissions_of(topology, entry["application"])
    assert len(numbers) == 1
    for node in ("a", "b"):
        shown = CONFIRMATION.findall(person.get(topology.nodes[node], overview + "confirmation/").text)
        assert shown and set(shown) == set(numbers)


def check_the_submission_e_mail_queued_by_a_node_is_made_by_the_task_worker(topology):
    entry = topology.seed["steps"]["submit"][0]  # submitted by the test above
    assert _submissions_of(topology, entry["application"])
    _wait_until(
        lambda: topology.sql(
            "SELECT 1 FROM django_tasks_database_dbtaskresult WHERE task_path LIKE %s AND status = 'SUCCESSFUL'",
            "%submission_confirmation_email%",
        ),
        "the submission e-mail task done",
    )
    mail = _wait_until(lambda: list((topology.directory / "var-worker" / "mail").glob("*.log")), "the e-mail")
    assert entry["email"] in "".join(path.read_text(errors="replace") for path in mail)
    # Written by the worker: neither node made it in the request.
    assert not (topology.directory / "var-a" / "mail").exists() or not list((topology.directory / "var-a" / "mail").iterdir())
    assert not (topology.directory / "var-b" / "mail").exists() or not list((topology.directory / "var-b" / "mail").iterdir())


class SlowClients:
    """Connections that send a request header line every few seconds and never finish."""

    def __init__(self, base: str, count: int):
        host, port = base.removeprefix("http://").split(":")
        self.sockets = []
        for _ in range(count):
            connection = socket.create_connection((host, int(port)), timeout=10)
            connection.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            self.sockets.append(connection)
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._drip, daemon=True)
        self.thread.start()

    def _drip(self) -> None:
        line = 0
        while not self.stopped.wait(2):
            line += 1
            for connection in self.sockets:
                try:
                    connection.sendall(f"X-Slow-{line}: {line}\r\n".encode())
                except OSError:
                    pass

    def close(self) -> None:
        self.stopped.set()
        self.thread.join()
        for connection in self.sockets:
            connection.close()


def check_slow_clients_and_a_flood_of_failed_sign_ins_leave_the_site_answering(topology):
    proxy = topology.proxy
    reader = topology.seed["steps"]["submit"][1]
    # One sign-in form, as a script would reuse it for every guess.
    flooder = Person()
    page = flooder.get(proxy, "/en/account/login/")
    assert page.status == 200
    fields = form_fields(page.text, r"^$|/account/login/")

    slow = SlowClients(proxy, 100)
    try:
        start = threading.Barrier(60)

        def guess(number: int) -> int:
            person = Person(cookies=dict(flooder.cookies))
            start.wait()
            values = {**fields, "login": f"flood-{number}@example.ca", "password": "wrong password 1234"}
            return person.request(proxy, "POST", "/en/account/login/", form=values).status

        with ThreadPoolExecutor(60) as pool:
            flood = [pool.submit(guess, number) for number in range(60)]
            # While the flood and the slow clients are on: the health check and a signed-in page.
            health = [Person().get(proxy, "/healthz") for _ in range(5)]
            pages = [_signed_in(reader).get(proxy, "/en/applications/") for _ in range(5)]
            outcomes = [future.result() for future in flood]
    finally:
        slow.close()

    assert [answer.status for answer in health] == [200] * 5
    assert all('"status": "ok"' in answer.text for answer in health)
    assert [answer.status for answer in pages] == [200] * 5
    assert all(reader["application"] in answer.text for answer in pages)
    # Every guess was answered: checked and refused (200), too fast for one address (429),
    # or more than the sign-in share of the nodes (503); never an error.
    assert set(outcomes) <= {200, 429, 503}, outcomes
    assert 429 in outcomes  # the proxy's per-address limit on sign-ins


def check_more_requests_than_the_nodes_can_take_are_answered_at_once_with_503(topology):
    reader = topology.seed["steps"]["submit"][1]
    start = threading.Barrier(80)

    def read(_: int) -> Answer:
        person = _signed_in(reader)
        start.wait()
        return person.get(topology.proxy, "/en/applications/")

    with ThreadPoolExecutor(80) as pool:
        answers = list(pool.map(read, range(80)))
    statuses = [answer.status for answer in answers]
    assert set(statuses) <= {200, 503}, statuses
    assert 200 in statuses and 503 in statuses
    for answer in answers:
        if answer.status == 503:
            assert answer.headers.get("retry-after", "").isdigit()
            assert all(words in answer.text for words in OVERLOADED)


def check_a_node_killed_in_a_submit_rush_loses_nothing(topology):
    proxy = topology.proxy
    rush = topology.seed["steps"]["submit"][2:]
    forms: dict[str, dict] = {}
    shown: dict[str, str] = {}
    statuses: list[int] = []
    posted = threading.Semaphore(0)
    lock = threading.Lock()

    people = {entry["application"]: _signed_in(entry) for entry in rush}  # each keeps their cookies

    def submit(entry: dict) -> None:
        person = people[entry["application"]]
        overview = f"/en/applications/{entry['application']}/"
        try:
            # The page first, again after a short wait while the proxy says "too many"
            # (admission control answers most of a rush of this size with 503 at once).
            for _ in range(100):
                page = person.get(proxy, overview + "submit/")
                with lock:
                    statuses.append(page.status)
                if page.status == 200:
                    break
                time.sleep(0.2)
            else:
                return
            forms[entry["application"]] = form_fields(page.text, r"/submit/$")
            posted.release()
            answer = person.request(proxy, "POST", overview + "submit/", form=forms[entry["application"]])
            with lock:
                statuses.append(answer.status)
            if answer.status != 302:
                return
            confirmation = person.get(proxy, overview + "confirmation/")
            with lock:
                statuses.append(confirmation.status)
            found = CONFIRMATION.findall(confirmation.text)
            if confirmation.status == 200 and found:
                shown[entry["application"]] = found[0]
        except (OSError, http.client.HTTPException):
            pass  # the connection broke, or the answer was cut off with its node: not confirmed, retried below

    with ThreadPoolExecutor(len(rush)) as pool:
        futures = [pool.submit(submit, entry) for entry in rush]
        for _ in range(len(rush) // 3):  # a third of the submissions are on their way
            posted.acquire(timeout=60)
        unfinished = sum(not future.done() for future in futures)
        topology.kill("node-a")
        for future in futures:
            future.result()

    assert unfinished > 0  # node A died in the middle of the rush, not after it
    assert 500 not in statuses
    for entry in rush:
        application = entry["application"]
        if application in shown:
            # A confirmation page was served: the submission exists, once, with that number.
            assert _submissions_of(topology, application) == [shown[application]]
            continue
        # Not confirmed: sending the same form again (node B alone now) gives one submission.
        person = people[application]
        overview = f"/en/applications/{application}/"
        retries = []
        for _ in range(40):
            fields = forms.get(application)
            if fields is None:
                page = person.get(proxy, overview + "submit/")
                if page.status != 200:
                    time.sleep(0.5)
                    continue
                fields = forms[application] = form_fields(page.text, r"/submit/$")
            answer = person.request(proxy, "POST", overview + "submit/", form=fields)
            retries.append(answer.status)
            assert answer.status != 500
            if answer.status == 302:
                confirmation = person.get(proxy, overview + "confirmation/")
                if confirmation.status == 200:
                    shown[application] = CONFIRMATION.findall(confirmation.text)[0]
                    break
            time.sleep(0.5)  # 503: the page says to wait and send the form again
        assert application in shown, f"{application} could not be submitted again: {retries}"
        assert _submissions_of(topology, application) == [shown[application]]
    # The proxy still answers, through node B.
    assert Person().get(proxy, "/healthz").status == 200


CHECKS = (
    check_a_document_uploaded_through_node_a_downloads_through_node_b,
    check_a_lockout_counted_on_node_a_holds_on_node_b,
    check_one_submission_sent_to_both_nodes_at_once_is_submitted_once,
    check_the_submission_e_mail_queued_by_a_node_is_made_by_the_task_worker,
    check_slow_clients_and_a_flood_of_failed_sign_ins_leave_the_site_answering,
    check_more_requests_than_the_nodes_can_take_are_answered_at_once_with_503,
    check_a_node_killed_in_a_submit_rush_loses_nothing,
)


def test_two_nodes_behind_the_proxy(topology, subtests):
    # One test with a step per check, in this order, on one started topology: the checks
    # share it (and the last one kills node A), so they must not be spread over workers.
    for check in CHECKS:
        with subtests.test(msg=check.__name__.removeprefix("check_").replace("_", " ")):
            check(topology)
