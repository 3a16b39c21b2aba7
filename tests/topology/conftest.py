"""The production topology, started on this machine for the tests of tests/topology/.

nginx (Debian's package) in front, rendered from deploy/nginx.conf by
``portique proxy_config``; two application nodes (gunicorn, production settings:
DEBUG off, a test SECRET_KEY and ALLOWED_HOSTS) on two ports; one ``portique db_worker``;
the local PostgreSQL (a database of the test's own, created and dropped here), the local
Redis (a database number of its own) as the shared cache, and an S3 API on loopback
(moto in server mode, its bucket created here) for the documents. Applicants ready to
submit come from bench/intake_seed.py, as in the intake rush.

Every process is started by the fixture in its own process group and ended by it.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PASSWORD = "topology test password 2026"
REDIS_URL = os.environ.get("TOPOLOGY_REDIS_URL", "redis://127.0.0.1:6379/7")
POSTGRES_SERVER = os.environ.get("TOPOLOGY_POSTGRES_SERVER", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("TOPOLOGY_DATABASE", "portique_topology")
BUCKET = "portique-topology"
WORKERS_PER_NODE = 2
STARTUP_SECONDS = 60


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/topology/" in str(item.fspath):
            item.add_marker(pytest.mark.topology)


def _nginx() -> str | None:
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx",) if os.access(path, os.X_OK)), None
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, name: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} stopped at start:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"{name} did not listen on {port}:\n{log.read_text()[-3000:]}")


def _postgres(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


@dataclass
class Topology:
    directory: Path
    environment: dict[str, str]
    proxy: str
    nodes: dict[str, str]
    seed: dict
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    logs: dict[str, Path] = field(default_factory=dict)

    @property
    def database_url(self) -> str:
        return self.environment["DATABASE_URL"]

    def sql(self, query: str, *parameters) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as connection:
            return connection.execute(query, parameters).fetchall()

    def start(self, name: str, command: list[str], environment: dict[str, str] | None = None) -> subprocess.Popen:
        log = self.directory / f"{name}.log"
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment or self.environment,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: a node is killed whole
        )
        self.processes[name] = process
        self.logs[name] = log
        return process

    def kill(self, name: str) -> None:
        """SIGKILL a node: its master and every worker, at once, mid-request."""
        process = self.processes[name]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def stop_all(self) -> None:
        for process in reversed(list(self.processes.values())):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)

    def log_tail(self, name: str, characters: int = 4000) -> str:
        return self.logs[name].read_text(errors="replace")[-characters:]


def _gunicorn(port: int) -> list[str]:
    return [
        str(BIN / "gunicorn"),
        "portique.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS_PER_NODE),
        "--timeout",
        "60",
    ]


@pytest.fixture(scope="session")
def topology():
    nginx = _nginx()
    if nginx is None:
        if os.getuid() != 0:
            pytest.skip("The topology test needs nginx (Debian's package): sudo apt-get install nginx-light")
        pytest.fail("nginx is missing although script/test installs it when run as root")

    directory = Path(tempfile.mkdtemp(prefix="portique-topology-"))
    directory.chmod(0o755)  # nginx's workers (another user) read the pages under it
    s3_port, node_a, node_b, proxy_port = (_free_port() for _ in range(4))
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
        "DJANGO_SETTINGS_MODULE": "portique.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BEHIND_TLS_PROXY": "1",
        "TRUSTED_PROXY_COUNT": "1",
        "DATABASE_URL": f"{POSTGRES_SERVER}/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": f"http://127.0.0.1:{s3_port}",
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "topology",
        "S3_SECRET_ACCESS_KEY": "topology-secret",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        # Set-up's own: each node and the worker get theirs below (nothing shared on disk).
        "PORTIQUE_VAR_DIR": str(directory / "var-setup"),
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": str(WORKERS_PER_NODE),
    }
    topology = Topology(
        directory=directory,
        environment=environment,
        proxy=f"http://127.0.0.1:{proxy_port}",
        nodes={"a": f"http://127.0.0.1:{node_a}", "b": f"http://127.0.0.1:{node_b}"},
        seed={},
    )
    try:
        # The S3 API, and the bucket the documents go to.
        s3 = topology.start("s3", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(s3_port)])
        _wait_for_port(s3_port, s3, "moto_server", topology.logs["s3"])
        import boto3

        boto3.client(
            "s3",
            endpoint_url=environment["S3_ENDPOINT_URL"],
            region_name="us-east-1",
            aws_access_key_id="topology",
            aws_secret_access_key="topology-secret",
        ).create_bucket(Bucket=BUCKET)

        # A fresh database and cache of the test's own.
        _postgres(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        _postgres(f"CREATE DATABASE {DATABASE}")
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()

        def manage(*arguments: str) -> subprocess.CompletedProcess:
            return subprocess.run(
                [str(BIN / "portique"), *arguments],
                cwd=ROOT,
                env=environment,
                check=True,
                capture_output=True,
                text=True,
            )

        manage("migrate", "--noinput", "-v", "0")
        manage("collectstatic", "--noinput", "-v", "0")
        seeded = subprocess.run(
            [
                str(BIN / "python"),
                str(ROOT / "bench" / "intake_seed.py"),
                f"--password={PASSWORD}",
                "--login=4",
                "--uploads=1",
                "--submit=22",
            ],
            cwd=ROOT,
            env=environment,
            check=True,
            capture_output=True,
            text=True,
        )
        topology.seed = json.loads(seeded.stdout)

        # Two application nodes, the task worker, and the proxy in front of the nodes. Each
        # has a folder of its own; only the collected static files (a build product) are
        # the same.
        def own(name: str) -> dict[str, str]:
            var = directory / f"var-{name}"
            var.mkdir()
            (var / "static").symlink_to(directory / "var-setup" / "static")
            return {**environment, "PORTIQUE_VAR_DIR": str(var)}

        for name, port in (("a", node_a), ("b", node_b)):
            process = topology.start(f"node-{name}", _gunicorn(port), own(name))
            _wait_for_port(port, process, f"node {name}", topology.logs[f"node-{name}"])
        topology.start(
            "worker", [str(BIN / "portique"), "db_worker", "--no-startup-delay", "--interval", "0.2"], own("worker")
        )
        manage(
            "proxy_config",
            "--output",
            str(directory / "proxy"),
            "--listen",
            f"127.0.0.1:{proxy_port}",
            "--node",
            f"127.0.0.1:{node_a}",
            "--node",
            f"127.0.0.1:{node_b}",
            "--workers-per-node",
            str(WORKERS_PER_NODE),
            # Every test client comes from 127.0.0.1: pages are not limited per address
            # here (sign-ins keep the production limits), so that admission control, not
            # the per-address rate, is what answers the overload.
            "--page-rate",
            "10000",
            "--page-burst",
            "10000",
            "--forwarded-proto",
            "https",
            "--worker-processes",
            "1",
        )
        proxy = topology.start(
            "nginx",
            [nginx, "-c", str(directory / "proxy" / "nginx.conf"), "-e", str(directory / "proxy" / "log" / "error.log"),
             "-g", "daemon off;"],
        )
        _wait_for_port(proxy_port, proxy, "nginx", topology.logs["nginx"])
        yield topology
    finally:
        topology.stop_all()
        with contextlib.suppress(Exception):
            _postgres(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        shutil.rmtree(directory, ignore_errors=True)
