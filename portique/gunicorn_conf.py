"""gunicorn settings for Portique: ``gunicorn -c python:portique.gunicorn_conf portique.wsgi``.

gunicorn writes ``Server: gunicorn`` on every response itself, before the application's
headers, and has no setting to turn it off (27.x); a Django middleware can only add a
second ``Server`` header. Naming the server and its make helps an attacker pick exploits
and nobody else, so the line is dropped where gunicorn writes it. This file is read by the
master before it forks, so every worker serves without it. Tested against a real gunicorn
process in ``tests/security/test_server_header.py``.
"""

from gunicorn.http import wsgi

_default_headers = wsgi.Response.default_headers


def _default_headers_without_server(self):
    return [line for line in _default_headers(self) if not line.lower().startswith("server:")]


wsgi.Response.default_headers = _default_headers_without_server
