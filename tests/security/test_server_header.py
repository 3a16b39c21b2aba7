"""Finding 7: responses do not name the server (``Server: gunicorn``).

gunicorn writes that header itself, outside Django, so only a real gunicorn process shows
whether it is gone: one is started here with the portal's gunicorn settings, as
``script/server`` starts it.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def _gunicorn(*config: str):
    port = _free_port()
    env = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "portique.settings"}
    process = subprocess.Popen(
        [str(GUNICORN), "portique.wsgi:application", *config, "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Wait for the condition (the port answers), not for a fixed time.
        for _attempt in range(300):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            assert process.poll() is None, "gunicorn stopped"
            time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def _headers(port: int, path: str) -> list[tuple[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.getheaders()


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is installed by script/bootstrap")
def test_gunicorn_with_the_portals_settings_does_not_name_itself():
    with _gunicorn("--config", "python:portique.gunicorn_conf") as port:
        for path in ("/healthz", "/en/", "/en/no-such-page/"):
            names = [name.lower() for name, _value in _headers(port, path)]
            assert "server" not in names, path
            assert "date" in names  # the rest of gunicorn's own headers are still written


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is installed by script/bootstrap")
def test_without_those_settings_gunicorn_names_itself():
    # The check above can fail: plain gunicorn sends the header this suite forbids.
    with _gunicorn() as port:
        assert ("Server", "gunicorn") in _headers(port, "/healthz")
