"""The intake rush: the applicant journey replayed open-loop against the production server.

In 2019 an online sponsorship form took 27,000 submissions in about ten minutes (about
45 per second) while over 100,000 people tried. This replays such a rush against the
portal served by gunicorn (as ``script/server`` serves it) on a throwaway database,
SQLite and PostgreSQL in turn, and prints, per step of the journey, the offered and
achieved throughput, the p50/p95/p99 latency and the error rate, next to the server's
ceiling for a trivial page measured in the same run.

Open loop: each step's requests start at a fixed arrival rate, whatever the response
times, and a latency is counted from the moment its request was due, so a slow server
cannot hide its slowness by slowing the client down (coordinated omission).

Each step is what a browser does: open the page that holds the form, read its CSRF
token and hidden fields, post the form as the browser would encode it (every field,
multipart for files), with the session cookie; the redirect that follows a successful
post is the next step's page. The virtual applicants of each step were created before
the run (``bench/intake_seed.py``), already at the stage where that step starts.

    .venv/bin/python bench/intake_rush.py                 # both databases, 30 s per step
    .venv/bin/python bench/intake_rush.py --smoke          # a few seconds at low rates
    .venv/bin/python bench/intake_rush.py --db postgres --duration 60 --rate submit=120

See bench/README.md ("Intake rush") for what each step does and what the figures mean.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import io
import json
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

try:
    import aiohttp
except ImportError:  # the "bench" extra
    sys.exit("intake_rush.py needs the bench tools: script/bootstrap bench")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VENV_BIN = ROOT / ".venv" / "bin"
BENCH_VAR = ROOT / "var" / "bench"
PASSWORD = "intake rush 2019 bench password"
PASSPORT_NAME = "Alex Marie Tremblay"
POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
# Several people may bench on one PostgreSQL server: each names their own database.
BENCH_DATABASE = os.environ.get("BENCH_DATABASE", "portique_bench")
# The shared cache of the production topology (docs/deploy.md): a database number of the
# bench's own on the local Redis, emptied at the start of each database's run.
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")

# Offered arrival rates per step (per second). The targets of issue 5: submit at 100/s
# with p99 under 1 s and no errors; authenticated pages (the dashboard) at 400/s with
# p99 under 200 ms. The other steps are offered the 2019 rush: 45 applicants per second.
DEFAULT_RATES = {
    "login": 45,
    "dashboard": 400,
    "start": 45,
    "sections": 100,
    "uploads": 45,
    "pay": 45,
    "sign": 45,
    "submit": 100,
}
STEPS = tuple(DEFAULT_RATES)
# The trivial page whose ceiling the steps are compared with: the home page, anonymous.
CEILING_PATH = "/en/"
CEILING_RATES = (100, 200, 400, 600, 800, 1200, 1600, 2400)
REQUEST_TIMEOUT = 30.0
ACTION_TIMEOUT = 30.0  # an action (all its requests) that takes longer counts as an error
TARGETS = {"submit": (100, 1.0), "dashboard": (400, 0.2)}


# --- the browser's side: cookies, forms, posts ------------------------------------------


class Forms(HTMLParser):
    """The forms of a page as a browser sees them: fields, defaults, buttons."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = {
                "action": a.get("action", ""),
                "method": a.get("method", "get").lower(),
                "multipart": a.get("enctype") == "multipart/form-data",
                "fields": [],
                "buttons": [],
                "files": [],
            }
            self.forms.append(self._form)
            return
        form = self._form
        if form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                form["fields"].append([name, a.get("value", "on"), kind, "checked" in a])
            elif kind == "file":
                form["files"].append(name)
            elif kind in ("submit", "button", "image", "reset"):
                form["buttons"].append((name, a.get("value", "")))
            else:
                form["fields"].append([name, a.get("value", ""), kind, True])
        elif tag == "button" and name:
            form["buttons"].append((name, a.get("value", "")))
        elif tag == "select" and name:
            self._select = name
            form["fields"].append([name, None, "select", True])
        elif tag == "option" and self._select is not None:
            entry = next(f for f in reversed(form["fields"]) if f[0] == self._select)
            if entry[1] is None or "selected" in a:
                entry[1] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            form["fields"].append([name, "", "textarea", True])

    def handle_data(self, data):
        if self._textarea is not None and self._form is not None:
            entry = next(f for f in reversed(self._form["fields"]) if f[0] == self._textarea)
            entry[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_of(html: str) -> list[dict]:
    parser = Forms()
    parser.feed(html)
    return parser.forms


def form_with(html: str, action_pattern: str) -> dict:
    for form in forms_of(html):
        if form["method"] == "post" and re.search(action_pattern, form["action"]):
            return form
    raise StepFailed(f"no form posting to {action_pattern!r} on the page")


def fill(form: dict, values: dict[str, str], button: tuple[str, str] | None = None) -> list[tuple[str, str]]:
    """The fields a browser sends for ``form`` after a person typed ``values`` and pressed ``button``."""
    pairs: list[tuple[str, str]] = []
    choices_set = {
        name for name, _, kind, _ in form["fields"] if kind in ("radio", "checkbox") and name in values
    }
    for name, default, kind, checked in form["fields"]:
        if kind in ("radio", "checkbox"):
            if name in choices_set:
                if str(values[name]) == default:
                    pairs.append((name, default))
            elif checked:
                pairs.append((name, default))
        elif name in values:
            pairs.append((name, str(values[name])))
        else:
            pairs.append((name, default or ""))
    if button is not None:
        pairs.append(button)
    return pairs


class StepFailed(Exception):
    pass


@dataclass
class Applicant:
    email: str
    application: str | None = None
    cookies: dict[str, str] = field(default_factory=dict)
    # Where this applicant is in a step that takes several actions (sections, uploads).
    progress: int = 0
    uploaded: dict[str, int] = field(default_factory=dict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass
class Sample:
    label: str
    began: float
    ended: float
    ok: bool
    error: str = ""


class Browser:
    """One HTTP client shared by every virtual applicant, each with their own cookies.

    Requests carry ``X-Forwarded-Proto: https`` as the TLS proxy in front of a
    production gunicorn would add it (the server runs with ``BEHIND_TLS_PROXY=1``), and
    ``Origin`` on posts as a browser sends it, so Django's CSRF origin check runs.
    """

    def __init__(self, base: str, samples: list[Sample]):
        self.base = base
        self.origin = "https://" + urlsplit(base).netloc
        self.samples = samples
        connector = aiohttp.TCPConnector(limit=0, force_close=True)
        self.http = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT),
            auto_decompress=True,
        )

    async def close(self) -> None:
        await self.http.close()

    async def request(
        self,
        label: str,
        who: Applicant | None,
        method: str,
        path: str,
        *,
        data=None,
        expect: int = 200,
        location: str | None = None,
    ) -> str:
        headers = {"X-Forwarded-Proto": "https", "User-Agent": "portique-intake-rush"}
        if who is not None and who.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in who.cookies.items())
        if method == "POST":
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        began = time.perf_counter()
        try:
            async with self.http.request(
                method, self.base + path, data=data, headers=headers, allow_redirects=False
            ) as response:
                body = await response.text()
                if who is not None:
                    for name, morsel in response.cookies.items():
                        if morsel.value == "" or morsel.get("max-age") == "0":
                            who.cookies.pop(name, None)
                        else:
                            who.cookies[name] = morsel.value
                if response.status != expect:
                    raise StepFailed(f"{label}: HTTP {response.status}, expected {expect}")
                if location is not None and not re.search(location, response.headers.get("Location", "")):
                    raise StepFailed(f"{label}: redirected to {response.headers.get('Location', '')!r}")
        except StepFailed as failed:
            self.samples.append(Sample(label, began, time.perf_counter(), False, str(failed)))
            raise
        except (TimeoutError, aiohttp.ClientError, OSError) as failed:
            reason = f"{label}: {type(failed).__name__}"
            self.samples.append(Sample(label, began, time.perf_counter(), False, reason))
            raise StepFailed(reason) from failed
        self.samples.append(Sample(label, began, time.perf_counter(), True))
        return body


# --- the journey, step by step -------------------------------------------------------------


@dataclass
class Journey:
    """What the applicants type and upload: the tests' complete IMM 5444 answers and files."""

    answers: dict
    checklist: list[dict]
    photo: bytes
    pdf: bytes
    today: datetime.date

    @property
    def sections(self) -> list[str]:
        return list(self.answers)


def section_values(code: str, answers) -> tuple[dict[str, str], bool]:
    """The form fields of a section for its answers; True when the section is marked N/A."""
    if isinstance(answers, str):
        return {"not_applicable": "1"}, True
    if isinstance(answers, list):
        values = {}
        for number, row in enumerate(answers):
            values.update({f"{code}-{number}-{name}": value for name, value in row.items()})
        return values, False
    return dict(answers), False


async def login(b: Browser, who: Applicant, journey: Journey) -> None:
    html = await b.request("GET sign-in page", who, "GET", "/en/account/login/")
    form = form_with(html, r"^$|/account/login/")
    data = fill(form, {"login": who.email, "password": PASSWORD})
    await b.request(
        "POST e-mail and password",
        who,
        "POST",
        "/en/account/login/",
        data=data,
        expect=302,
        location=r"^(?!.*login)",
    )


async def dashboard(b: Browser, who: Applicant, journey: Journey) -> None:
    await b.request("GET dashboard", who, "GET", "/en/applications/")


async def start(b: Browser, who: Applicant, journey: Journey) -> None:
    html = await b.request("GET start page", who, "GET", "/en/applications/start/")
    data = fill(form_with(html, r"^$|/applications/start/"), {})
    await b.request(
        "POST start",
        who,
        "POST",
        "/en/applications/start/",
        data=data,
        expect=302,
        location=r"/form/application/",
    )


async def save_section(b: Browser, who: Applicant, journey: Journey) -> None:
    code = journey.sections[who.progress]
    path = f"/en/applications/{who.application}/form/{code}/"
    html = await b.request("GET section page", who, "GET", path)
    values, _ = section_values(code, journey.answers[code])
    data = fill(form_with(html, r"^$|/form/"), values, button=("continue", "1"))
    following = journey.sections[who.progress + 1] if who.progress + 1 < len(journey.sections) else None
    await b.request(
        "POST section (save and continue)",
        who,
        "POST",
        path,
        data=data,
        expect=302,
        location=f"/form/{following}/" if following else r"/applications/[0-9a-f-]+/$",
    )
    who.progress += 1


def _next_upload(journey: Journey, who: Applicant) -> dict | None:
    for item in journey.checklist:
        if who.uploaded.get(item["slot"], 0) < item["count"]:
            return item
    return None


async def upload(b: Browser, who: Applicant, journey: Journey) -> None:
    index = f"/en/applications/{who.application}/documents/"
    html = await b.request("GET documents page", who, "GET", index)
    pending = [f for f in forms_of(html) if f["method"] == "post" and "/confirm/" in f["action"]]
    if pending:  # a photo with warnings: tick "Confirmation" and upload it anyway
        data = fill(pending[0], {"confirmation": "1"})
        await b.request("POST photo confirmation", who, "POST", pending[0]["action"], data=data, expect=302)
        return
    item = _next_upload(journey, who)
    if item is None:
        raise StepFailed("nothing left to upload")
    action = f"{index}{item['slot']}/upload/"
    form = form_with(html, re.escape(f"/{item['slot']}/upload/"))
    values = {}
    if item["photo"]:
        values = {"declaration": "1", "taken_on": (journey.today - datetime.timedelta(days=30)).isoformat()}
    types = [f for f in form["fields"] if f[0] == "document_type"]
    if types:
        values["document_type"] = types[0][1]  # the first kind offered
    payload = aiohttp.FormData()
    for name, value in fill(form, values):
        payload.add_field(name, value)
    name, content, kind = (
        ("photo.jpg", journey.photo, "image/jpeg")
        if item["photo"]
        else (f"{item['code'].lower()}.pdf", journey.pdf, "application/pdf")
    )
    payload.add_field("file", io.BytesIO(content), filename=name, content_type=kind)
    label = "POST photo" if item["photo"] else "POST PDF"
    await b.request(label, who, "POST", action, data=payload, expect=302, location=r"/documents/#item-")
    who.uploaded[item["slot"]] = who.uploaded.get(item["slot"], 0) + 1


async def pay(b: Browser, who: Applicant, journey: Journey) -> None:
    path = f"/en/applications/{who.application}/fees/"
    html = await b.request("GET fees page", who, "GET", path)
    values = {
        "payer_name": PASSPORT_NAME,
        "number": "4242 4242 4242 4242",
        "expiry_month": "12",
        "expiry_year": str(journey.today.year + 3),
        "security_code": "123",
    }
    data = fill(form_with(html, r"^$|/fees/"), values)
    await b.request(
        "POST card (sandbox)", who, "POST", path, data=data, expect=302, location=r"/fees/receipts/"
    )


async def sign(b: Browser, who: Applicant, journey: Journey) -> None:
    path = f"/en/applications/{who.application}/sign/"
    html = await b.request("GET declaration", who, "GET", path)
    data = fill(form_with(html, r"^$|/sign/"), {"typed_name": PASSPORT_NAME})
    await b.request(
        "POST typed signature",
        who,
        "POST",
        path,
        data=data,
        expect=302,
        location=r"/applications/[0-9a-f-]+/$",
    )


async def submit(b: Browser, who: Applicant, journey: Journey) -> None:
    overview = f"/en/applications/{who.application}/"
    await b.request("GET application", who, "GET", overview)
    # Submit is confirmed on its own page, which holds the form.
    html = await b.request("GET submit confirmation", who, "GET", overview + "submit/")
    data = fill(form_with(html, r"/submit/$"), {})
    await b.request(
        "POST submit", who, "POST", overview + "submit/", data=data, expect=302, location=r"/confirmation/$"
    )
    await b.request("GET confirmation", who, "GET", overview + "confirmation/")


ACTIONS = {
    "login": (login, 1),
    "dashboard": (dashboard, 1),
    "start": (start, 1),
    "sections": (save_section, 8),
    "uploads": (upload, 6),
    "pay": (pay, 1),
    "sign": (sign, 1),
    "submit": (submit, 1),
}


async def trivial(b: Browser, who: Applicant | None, journey: Journey) -> None:
    await b.request(f"GET {CEILING_PATH} (anonymous)", None, "GET", CEILING_PATH)


# --- measuring ----------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def _ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _processes(server_pid: int, database: str | None, redis: bool) -> tuple[list[int], list[int]]:
    """The gunicorn workers (children of the master), and the stores' processes: PostgreSQL's
    backends serving ``database``, and the Redis server when the cache is there."""
    workers, backends = [], []
    marker = f" {database} ".encode() if database else None
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                if int(stat.read().rsplit(")", 1)[1].split()[1]) == server_pid:
                    workers.append(int(entry))
                    continue
            if marker or redis:
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    command = cmdline.read()
                if marker and command.startswith(b"postgres:") and marker in command:
                    backends.append(int(entry))
                elif redis and b"redis-server" in command.split(b"\0", 1)[0]:
                    backends.append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    return workers, backends


class CpuMeter:
    """CPU seconds used by the server (gunicorn), the stores (PostgreSQL's backends for the
    bench database, SQLite running inside the workers; and Redis when it is the cache), the
    client, and the whole machine."""

    HZ = os.sysconf("SC_CLK_TCK")

    def __init__(self, server_pid: int, database: str | None, redis: bool = False):
        self.server_pid = server_pid
        self.database = database
        self.redis = redis

    def read(self) -> tuple:
        workers, backends = _processes(self.server_pid, self.database, self.redis)
        server: dict[int, int] = {}
        database: dict[int, int] = {}
        for pids, ticks in (([self.server_pid, *workers], server), (backends, database)):
            for pid in pids:
                with contextlib.suppress(OSError):
                    ticks[pid] = _ticks(pid)
        with open("/proc/stat") as stat:
            cpu = [int(v) for v in stat.readline().split()[1:]]
        busy = sum(cpu) - cpu[3] - cpu[4]
        return time.perf_counter(), server, database, time.process_time(), busy / self.HZ

    @classmethod
    def usage(cls, before, after) -> tuple[float, ...]:
        """Percent of one core: server, database, client, machine; and CPU seconds of server + database.

        Per process: one that started during the window counts whole, one that ended in it
        is missed (the database's backends come and go with the workers' connections)."""
        wall = after[0] - before[0]

        def spent(index: int) -> float:
            return sum(t - before[index].get(pid, 0) for pid, t in after[index].items()) / cls.HZ

        server, database = spent(1), spent(2)
        percents = (server, database, after[3] - before[3], after[4] - before[4])
        return (*(100 * value / wall for value in percents), server + database)


@dataclass
class Result:
    step: str
    offered: float
    duration: float
    arrivals: int
    completed: int
    failed: int
    latencies: list[float]
    ok_latencies: list[float]  # the actions that succeeded (admitted and served)
    requests: dict[str, list[Sample]]
    errors: dict[str, int]
    achieved: float
    window: float  # from the first arrival to the last answer (at least the step's duration)
    server_cpu: float
    database_cpu: float
    client_cpu: float
    machine_cpu: float
    cpu_per_action: float  # seconds of server and database CPU per completed action
    late: float  # p99 of how late the client started requests (its own lag)


async def run_step(
    b: Browser,
    step: str,
    rate: float,
    duration: float,
    action,
    subjects: list[Applicant],
    journey: Journey,
    meter: CpuMeter,
) -> Result:
    b.samples.clear()
    count = int(rate * duration)
    latencies: list[float] = []  # every action that ended, failed ones at the time they failed
    lags: list[float] = []
    errors: dict[str, int] = {}
    ends: list[float] = []  # when each successful action ended
    ok_latencies: list[float] = []

    async def attempt(who: Applicant | None) -> None:
        if who is None:
            await action(b, who, journey)
        else:
            async with who.lock:  # one person does one thing at a time
                await action(b, who, journey)

    async def one(number: int, due: float) -> None:
        who = subjects[number % len(subjects)] if subjects else None
        lags.append(time.perf_counter() - due)
        reason = ""
        try:
            await asyncio.wait_for(attempt(who), timeout=ACTION_TIMEOUT)
        except TimeoutError:
            reason = f"no answer within {ACTION_TIMEOUT:.0f} s"
        except StepFailed as failure:
            reason = re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "…", str(failure))
        except Exception as failure:  # noqa: BLE001 - a client bug is reported, not hidden
            reason = f"client error {type(failure).__name__}: {failure}"
        finished = time.perf_counter()
        latencies.append(finished - due)
        if reason:
            errors[reason] = errors.get(reason, 0) + 1
        else:
            ends.append(finished)
            ok_latencies.append(finished - due)

    before = meter.read()
    began = time.perf_counter() + 0.05
    tasks = []
    for number in range(count):
        due = began + number / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(number, due)))
    if tasks:
        await asyncio.wait(tasks, timeout=ACTION_TIMEOUT + 10)
    failed = count - len(ends)
    after = meter.read()
    window = max(duration, (max(ends) - began) if ends else duration)
    requests: dict[str, list[Sample]] = {}
    for sample in b.samples:
        requests.setdefault(sample.label, []).append(sample)
    server, database, client, machine, seconds = CpuMeter.usage(before, after)
    return Result(
        step=step,
        offered=rate,
        duration=duration,
        arrivals=count,
        completed=len(ends),
        failed=failed,
        latencies=latencies,
        ok_latencies=ok_latencies,
        requests=requests,
        errors=errors,
        achieved=len(ends) / window,
        window=window,
        server_cpu=server,
        database_cpu=database,
        cpu_per_action=seconds / max(1, len(ends)),
        client_cpu=client,
        machine_cpu=machine,
        late=percentile(lags, 99),
    )


# The authenticated-page step measures people already browsing, each back on a page every few
# seconds: a person's first page after signing in writes the session's bookkeeping (the idle
# timeout's "last seen", the session list's row), which later pages write at most once every
# 30 s (``portique.accounts.middleware``). One page per person ever, as the seeded sessions
# would otherwise give, measures only first pages.
DASHBOARD_RETURN_SECONDS = 5


async def people_already_browsing(
    browser: Browser, subjects: list[Applicant], rate: float, journey: Journey, meter: CpuMeter
) -> list[Applicant]:
    """Enough people for each to come back every ``DASHBOARD_RETURN_SECONDS`` at ``rate``, each
    shown a first page just before the step (not reported)."""
    pool = subjects[: max(40, int(rate * DASHBOARD_RETURN_SECONDS))]
    await run_step(browser, "first pages", rate, len(pool) / rate, dashboard, pool, journey, meter)
    await settle(meter, browser)
    return pool


async def settle(meter: CpuMeter, browser: Browser, limit: float = 60.0) -> bool:
    """Wait until the server has finished what is queued: its CPU falls idle for a second and
    a trivial request is answered at once (not behind a queue). False if that never happens."""
    deadline = time.perf_counter() + limit
    previous = meter.read()
    quiet = 0
    while time.perf_counter() < deadline:
        await asyncio.sleep(0.5)
        current = meter.read()
        usage = CpuMeter.usage(previous, current)
        previous = current
        quiet = quiet + 1 if usage[0] + usage[1] < 5 else 0
        if quiet >= 2:
            began = time.perf_counter()
            with contextlib.suppress(StepFailed):
                await browser.request("probe", None, "GET", CEILING_PATH)
                if time.perf_counter() - began < 0.2:
                    return True
    return False


class Profiler:
    """py-spy sampling every gunicorn worker during a step; prints where their time went."""

    def __init__(self, process: subprocess.Popen, output: Path):
        self.process = process
        self.output = output

    @classmethod
    def start(cls, server: Server, step: str) -> Profiler:
        output = BENCH_VAR / "profiles" / f"{server.database}-{step}.txt"
        output.parent.mkdir(parents=True, exist_ok=True)
        command = [
            str(VENV_BIN / "py-spy"),
            "record",
            "--pid",
            str(server.process.pid),
            "--subprocesses",
            "--nonblocking",
            "--rate",
            "50",
            "--format",
            "raw",
            "--output",
            str(output),
        ]
        return cls(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), output)

    def report(self, top: int = 14) -> None:
        self.process.send_signal(signal.SIGINT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=30)
        inclusive: dict[str, int] = {}
        leaves: dict[str, int] = {}
        total = 0
        for line in self.output.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            if not count.isdigit():
                continue
            total += int(count)
            frames = [re.sub(r":\d+\)$", ")", frame) for frame in stack.split(";")]
            leaves[frames[-1]] = leaves.get(frames[-1], 0) + int(count)
            for name in set(frames):
                if "(portique/" in name:
                    inclusive[name] = inclusive.get(name, 0) + int(count)
        print(
            f"    profile: {total} samples of the workers ({self.output.relative_to(ROOT)}); Portique's functions, inclusive:"
        )
        for name, count in sorted(inclusive.items(), key=lambda kv: -kv[1])[:top]:
            print(f"      {100 * count / max(total, 1):5.1f}%  {name}")
        print("    where the time was spent (leaf functions):")
        for name, count in sorted(leaves.items(), key=lambda kv: -kv[1])[:6]:
            print(f"      {100 * count / max(total, 1):5.1f}%  {name}")


# --- the server and its throwaway database ----------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres(sql: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        connection.execute(sql)


@dataclass
class Server:
    database: str
    workers: int
    var: Path
    environment: dict[str, str]
    process: subprocess.Popen | None = None
    port: int = 0
    proxy: bool = False  # nginx in front (deploy/nginx.conf), as in production
    nginx: subprocess.Popen | None = None
    proxy_port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port if self.proxy else self.port}"

    @classmethod
    def prepare(cls, database: str, workers: int, tasks: str, proxy: bool = False, cache: str = "redis") -> Server:
        var = BENCH_VAR / database
        shutil.rmtree(var, ignore_errors=True)
        var.mkdir(parents=True)
        if database == "sqlite":
            url = f"sqlite:///{var / 'portique.sqlite3'}"
        else:
            postgres(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
            postgres(f"CREATE DATABASE {BENCH_DATABASE}")
            url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + BENCH_DATABASE
        environment = {
            **os.environ,
            # Production settings (DEBUG off), behind a TLS-terminating proxy on this host.
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "BEHIND_TLS_PROXY": "1",
            "DATABASE_URL": url,
            # This checkout's code, also when it is a --snapshot (the editable install
            # in .venv points at the developer's tree).
            "PYTHONPATH": str(ROOT),
            "PORTIQUE_VAR_DIR": str(var),
            "LOG_LEVEL": "WARNING",
            # Every virtual applicant signs in from 127.0.0.1: allauth's 30 sign-ins per
            # address per minute would refuse all but the first 30 (README, Settings).
            # Failed sign-ins and the lockout keep their limits.
            "LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE": "1000000",
        }
        if tasks == "database":
            # The scaled setting: background work (the submission e-mail and its PDF copy)
            # is queued in the database for `portique db_worker` processes, which the bench
            # does not run: it counts what is left in the queue instead.
            environment["TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
        environment.pop("REDIS_URL", None)
        if cache == "redis":
            import redis

            redis.Redis.from_url(BENCH_REDIS_URL).flushdb()
            environment["REDIS_URL"] = BENCH_REDIS_URL
        if proxy:
            # The client address is the one nginx appends (docs/deploy.md).
            environment["TRUSTED_PROXY_COUNT"] = "1"
        return cls(database=database, workers=workers, var=var, environment=environment, proxy=proxy)

    def manage(self, *arguments: str) -> None:
        subprocess.run([str(VENV_BIN / "portique"), *arguments], env=self.environment, cwd=ROOT, check=True)

    def seed(self, counts: dict[str, int]) -> dict:
        flags = [f"--{step}={count}" for step, count in counts.items()]
        done = subprocess.run(
            [
                str(VENV_BIN / "python"),
                str(ROOT / "bench" / "intake_seed.py"),
                f"--password={PASSWORD}",
                *flags,
            ],
            env=self.environment,
            cwd=ROOT,
            check=True,
            stdout=subprocess.PIPE,
        )
        return json.loads(done.stdout)

    def queued_tasks(self) -> str:
        probe = (
            "import django; django.setup();"
            "from django_tasks_db.models import DBTaskResult as T;"
            "print(T.objects.ready().count(), T.objects.count())"
        )
        done = subprocess.run(
            [str(VENV_BIN / "python"), "-c", probe],
            env={**self.environment, "DJANGO_SETTINGS_MODULE": "portique.settings"},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    def start(self) -> None:
        # The server's own output (Django's log, tracebacks of requests cut short by a
        # restart) goes to var/bench/<database>/server.log, not into the figures.
        self.log = open(self.var / "server.log", "ab")
        self.port = self.port or free_port()
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "portique.wsgi:application",
                "--config",
                "python:portique.gunicorn_conf",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--access-logfile",
                str(self.var / "access.log"),
                "--error-logfile",
                str(self.var / "error.log"),
                "--forwarded-allow-ips",
                "127.0.0.1",
            ],
            env=self.environment,
            stdout=self.log,
            stderr=self.log,
            cwd=ROOT,
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1):
                break
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        if self.proxy and self.nginx is None:
            self.start_proxy()

    def start_proxy(self) -> None:
        """nginx with deploy/nginx.conf in front of gunicorn. Every virtual applicant comes
        from 127.0.0.1: the per-address limits are lifted (as LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE
        is); admission control and the queue-time guard are as in production."""
        self.proxy_port = self.proxy_port or free_port()
        folder = self.var / "proxy"
        command = [
            "proxy_config", "--output", str(folder), "--listen", f"127.0.0.1:{self.proxy_port}",
            "--node", f"127.0.0.1:{self.port}", "--workers-per-node", str(self.workers),
            "--page-rate", "1000000", "--page-burst", "1000000",
            "--sign-in-rate", "60000000", "--sign-in-burst", "1000000",
            "--forwarded-proto", "https", "--worker-processes", "1",
        ]  # fmt: skip
        self.manage(*command)
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.nginx = subprocess.Popen(
            [nginx, "-c", str(folder / "nginx.conf"), "-e", str(folder / "log" / "error.log"), "-g", "daemon off;"],
            stdout=self.log,
            stderr=self.log,
        )
        deadline = time.time() + 10
        while time.time() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.proxy_port), timeout=1):
                return
            time.sleep(0.1)
        raise RuntimeError("nginx did not start")

    def terminate(self) -> None:
        """Quick shutdown (SIGQUIT): the requests still queued are dropped, not served."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=30)
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()

    def stop(self, keep: bool) -> None:
        self.terminate()
        if self.nginx is not None and self.nginx.poll() is None:
            self.nginx.terminate()
            self.nginx.wait(timeout=30)
        if keep:
            return
        if self.database == "postgres":
            postgres(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
        shutil.rmtree(self.var, ignore_errors=True)


# --- the run ------------------------------------------------------------------------------------


def seed_counts(rates: dict[str, float], duration: float, steps: list[str]) -> dict[str, int]:
    counts = {}
    for step in ("login", "start", "sections", "uploads", "pay", "sign", "submit"):
        if step not in steps:
            counts[step] = 0
            continue
        per_applicant = ACTIONS[step][1]
        counts[step] = -(-int(rates[step] * duration) // per_applicant) + 1
    if "dashboard" in steps:  # the dashboard reads the submit step's applicants' pages
        counts["submit"] = max(counts["submit"], min(2000, int(rates["dashboard"] * duration)))
    return counts


def journey_from(seed: dict) -> Journey:
    from tests.documents.files import image_bytes, pdf_bytes, portrait

    return Journey(
        answers=seed["answers"],
        checklist=seed.get("checklist", []),
        photo=image_bytes(portrait()),
        pdf=pdf_bytes(1),
        today=datetime.date.fromisoformat(seed["today"]),
    )


def applicants(seed: dict, step: str) -> list[Applicant]:
    return [
        Applicant(
            email=entry["email"],
            application=entry.get("application"),
            cookies={"sessionid": entry["session"]} if "session" in entry else {},
        )
        for entry in seed["steps"].get(step, [])
    ]


def ms(seconds: float) -> str:
    return "—" if seconds != seconds else f"{seconds * 1000:.0f}"


def print_result(result: Result, ceiling: float | None) -> None:
    error_rate = 100 * result.failed / result.arrivals if result.arrivals else 0
    requests_per_second = sum(1 for v in result.requests.values() for s in v if s.ok) / result.window
    ratio = f"{100 * requests_per_second / ceiling:5.0f}%" if ceiling else "     "
    print(
        f"{result.step:<34} {result.offered:>7.0f} {result.achieved:>8.1f} {ms(percentile(result.latencies, 50)):>6}"
        f" {ms(percentile(result.latencies, 95)):>6} {ms(percentile(result.latencies, 99)):>6} {error_rate:>6.1f}%"
        f" {ratio} {result.server_cpu:>5.0f}% {result.database_cpu:>4.0f}% {result.client_cpu:>5.0f}%"
        f" {result.machine_cpu:>5.0f}% {result.cpu_per_action * 1000:>6.1f}"
    )
    for label, samples in result.requests.items():
        good = [s.ended - s.began for s in samples if s.ok]
        bad = sum(1 for s in samples if not s.ok)
        print(
            f"  {label:<32} {'':>7} {len(good) / result.window:>8.1f} {ms(percentile(good, 50)):>6}"
            f" {ms(percentile(good, 95)):>6} {ms(percentile(good, 99)):>6} {100 * bad / max(1, len(samples)):>6.1f}%"
        )
    refused = [s.ended - s.began for v in result.requests.values() for s in v if "HTTP 503" in s.error]
    if refused:
        others = sum(1 for v in result.requests.values() for s in v if not s.ok and "HTTP 503" not in s.error)
        print(
            f"    overload: {len(refused)} requests answered 503 (p50 {ms(percentile(refused, 50))}, p99"
            f" {ms(percentile(refused, 99))} ms); actions served: p99 {ms(percentile(result.ok_latencies, 99))} ms;"
            f" other failed requests: {others}"
        )
    for reason, times in sorted(result.errors.items(), key=lambda kv: -kv[1])[:4]:
        print(f"    ! {times} × {reason}")
    if result.late > 0.05:
        print(
            f"    ! the client started its requests up to {ms(result.late)} ms late (p99): it was short of CPU"
        )


HEADER = (
    f"{'step / request':<34} {'offered':>7} {'achieved':>8} {'p50':>6} {'p95':>6} {'p99':>6} {'errors':>7}"
    f" {'vs ceil':>6} {'server':>6} {'db':>5} {'client':>6} {'machine':>6} {'CPU ms':>6}\n"
    f"{'':<34} {'/s':>7} {'/s':>8} {'ms':>6} {'ms':>6} {'ms':>6} {'':>7} {'req/s':>6} {'CPU':>6} {'CPU':>5}"
    f" {'CPU':>6} {'CPU':>6} {'/action':>6}"
)


async def measure(server: Server, seed: dict, options) -> None:
    journey = journey_from(seed)
    meter = CpuMeter(
        server.process.pid,
        BENCH_DATABASE if server.database == "postgres" else None,
        redis="REDIS_URL" in server.environment,
    )
    browser = Browser(server.base, [])

    async def warm_up() -> None:
        # Not reported: each worker imports its views and compiles its templates.
        await run_step(browser, "warm-up", 50, 2, trivial, [], journey, meter)
        await run_step(browser, "warm-up", 20, 2, dashboard, applicants(seed, "submit")[-40:], journey, meter)
        await settle(meter, browser)

    async def recover() -> None:
        """Let the server finish the step's queue; one that cannot (a step far over its
        capacity leaves thousands of queued requests) is restarted, so that the next step
        is not measured against the last one's leftovers."""
        if not await settle(meter, browser):
            print("    (the server was still working through this step's queue a minute later: restarted it)")
            server.terminate()
            server.start()
            meter.server_pid = server.process.pid
            await warm_up()

    try:
        print(
            f"\n-- ceiling: GET {CEILING_PATH} (anonymous home page) at rising rates, {options.ceiling_seconds:.0f} s each"
        )
        print(HEADER)
        await warm_up()
        ceiling = 0.0
        for rate in options.ceiling_rates:
            result = await run_step(
                browser,
                f"trivial page at {rate}/s",
                rate,
                options.ceiling_seconds,
                trivial,
                [],
                journey,
                meter,
            )
            print_result(result, None)
            ceiling = max(ceiling, result.achieved)
            await recover()
            saturated = (
                result.achieved < 0.9 * rate
                or percentile(result.latencies, 99) > 1.0
                or result.failed > 0.01 * result.arrivals
            )
            if saturated:
                break
        print(f"   ceiling: {ceiling:.0f} trivial requests per second")
        print(
            f"\n-- the journey, {options.duration:.0f} s per step (latency of the whole action, failed ones"
            " included; its requests below)"
        )
        print(HEADER)
        for step in options.steps:
            action = ACTIONS[step][0]
            subjects = applicants(seed, "submit" if step == "dashboard" else step)
            if step == "dashboard":
                subjects = await people_already_browsing(browser, subjects, options.rates[step], journey, meter)
            profiler = Profiler.start(server, step) if options.profile else None
            result = await run_step(
                browser, step, options.rates[step], options.duration, action, subjects, journey, meter
            )
            print_result(result, ceiling)
            if profiler is not None:
                profiler.report()
            await recover()
            target = TARGETS.get(step)
            if target:
                rate, p99 = target
                met = (
                    result.offered >= rate
                    and result.achieved >= 0.98 * rate
                    and result.failed == 0
                    and percentile(result.latencies, 99) < p99
                )
                print(
                    f"    target {rate}/s, p99 < {p99 * 1000:.0f} ms, no errors: {'met' if met else 'NOT met'}"
                )
        if server.environment.get("TASKS_BACKEND"):
            ready, total = server.queued_tasks().split()
            print(
                f"\n   background tasks queued for `portique db_worker` (not run by the bench): {ready} waiting of {total}"
            )
    finally:
        await browser.close()


def code_version() -> str:
    if os.environ.get("PORTIQUE_BENCH_SNAPSHOT"):
        return f"snapshot of commit {os.environ['PORTIQUE_BENCH_SNAPSHOT']} (the tree's uncommitted changes left out)"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True
    ).stdout
    return f"commit {commit.strip()}" + (" with uncommitted changes in the tree" if dirty.strip() else "")


def run_from_snapshot() -> None:
    """Re-run this program from a copy of the last commit (var/bench/snapshot/), so that
    others' edits in progress in the working tree neither break nor colour the run."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    target = BENCH_VAR / "snapshot"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    (target / ".venv").symlink_to(ROOT / ".venv")
    arguments = [a for a in sys.argv[1:] if a != "--snapshot"]
    environment = {**os.environ, "PORTIQUE_BENCH_SNAPSHOT": commit.stdout.strip(), "PYTHONPATH": str(target)}
    os.execve(
        sys.executable, [sys.executable, str(target / "bench" / "intake_rush.py"), *arguments], environment
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description="The intake rush: the applicant journey, open-loop, against gunicorn."
    )
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    parser.add_argument("--duration", type=float, default=30, help="seconds per step (default 30)")
    parser.add_argument(
        "--rate", action="append", default=[], metavar="STEP=N", help="offered rate of a step, per second"
    )
    parser.add_argument(
        "--steps", default=",".join(STEPS), help=f"comma-separated subset of {','.join(STEPS)}"
    )
    parser.add_argument("--smoke", action="store_true", help="a few seconds per step at a tenth of the rates")
    parser.add_argument(
        "--tasks",
        choices=("immediate", "database"),
        default="immediate",
        help="background work in the request (the default, as script/server) or queued in the database",
    )
    parser.add_argument(
        "--cache",
        choices=("redis", "database"),
        default="redis",
        help="the shared cache (rate limits, lockouts): Redis as in production (the default), or the"
        " database cache of the embedded defaults",
    )
    parser.add_argument(
        "--profile", action="store_true", help="sample the workers with py-spy during each step"
    )
    parser.add_argument(
        "--proxy",
        action="store_true",
        help="serve through nginx (deploy/nginx.conf): admission control answers overload with 503",
    )
    parser.add_argument(
        "--snapshot",
        action="store_true",
        help="measure the last commit, from a copy of it (not the working tree)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the bench database and var/bench/ afterwards"
    )
    options = parser.parse_args()
    if options.snapshot:
        run_from_snapshot()
    options.rates = dict(DEFAULT_RATES)
    for item in options.rate:
        step, _, value = item.partition("=")
        if step not in STEPS:
            parser.error(f"unknown step {step!r}")
        options.rates[step] = float(value)
    options.steps = [s for s in options.steps.split(",") if s]
    options.ceiling_seconds = 5.0
    options.ceiling_rates = CEILING_RATES
    if options.smoke:
        options.duration = min(options.duration, 3)
        options.rates = {step: max(2, rate / 10) for step, rate in options.rates.items()}
        options.ceiling_seconds = 2.0
        options.ceiling_rates = CEILING_RATES[:3]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    print(f"intake rush: {' '.join(sys.argv[1:]) or '(defaults)'}; {code_version()}")
    print(
        f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())};"
        f" gunicorn {options.workers} sync workers, DEBUG=0, tasks {options.tasks}, cache {options.cache}; started {datetime.datetime.now():%Y-%m-%d %H:%M}"
    )
    print(
        "NOTE: the load generator shares the 2 cores with the server and the database. CPU columns, in % of one core:"
        "\n      'server' gunicorn (with SQLite in it), 'db' PostgreSQL's backends and Redis, 'client' the load generator,"
        "\n      'machine' everything (others' work too); 'CPU ms/action' is server + db CPU per completed action."
    )
    for database in ("sqlite", "postgres") if options.db == "both" else (options.db,):
        server = Server.prepare(database, options.workers, options.tasks, options.proxy, options.cache)
        try:
            print(f"\n==> {database}: {server.environment['DATABASE_URL']}; migrating and seeding")
            server.manage("migrate", "--noinput", "-v", "0")
            server.manage("createcachetable", "-v", "0")
            server.manage("collectstatic", "--noinput", "-v", "0")
            began = time.perf_counter()
            seed = server.seed(seed_counts(options.rates, options.duration, options.steps))
            print(f"    seeded in {time.perf_counter() - began:.0f} s")
            server.start()
            asyncio.run(measure(server, seed, options))
        finally:
            server.stop(options.keep)
        print(f"    load average after {database}: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
