"""`portique proxy_config`: render deploy/nginx.conf for a site, with its overload pages.

    portique proxy_config --output /etc/portique-proxy --listen 0.0.0.0:8080 \\
        --node 10.0.0.11:8000 --node 10.0.0.12:8000 --workers-per-node 4

writes OUTPUT/nginx.conf and OUTPUT/pages/_overloaded.html and _too_fast.html (the
bilingual 503 and 429 pages, rendered from the portal's own template and catalogue).
Run nginx with ``nginx -c OUTPUT/nginx.conf``. See docs/deploy.md for each limit.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template import Context, Engine

from portique.core.overload import overloaded_page

TEMPLATE = Path(settings.BASE_DIR) / "deploy" / "nginx.conf"


class Command(BaseCommand):
    help = "Write an nginx configuration (from deploy/nginx.conf) and its overload pages into a folder."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="folder to write nginx.conf and pages/ into")
        parser.add_argument("--listen", default="0.0.0.0:8080", help="address nginx listens on")
        parser.add_argument("--server-name", default="_")
        parser.add_argument(
            "--node", action="append", required=True, help="an application node, host:port (repeat)"
        )
        parser.add_argument(
            "--workers-per-node", type=int, default=2, help="gunicorn workers of each node (WEB_CONCURRENCY)"
        )
        parser.add_argument(
            "--in-flight-per-worker",
            type=int,
            default=2,
            help="requests admitted per worker: one running, the rest waiting in its node's queue",
        )
        parser.add_argument("--page-rate", type=int, default=20, help="pages per second per address")
        parser.add_argument("--page-burst", type=int, default=60)
        parser.add_argument("--sign-in-rate", type=int, default=30, help="sign-in requests per minute per address")
        parser.add_argument("--sign-in-burst", type=int, default=10)
        parser.add_argument("--client-max-body-size", default="12m")
        parser.add_argument(
            "--forwarded-proto",
            default="$scheme",
            help="X-Forwarded-Proto sent to the nodes ($scheme; 'https' when TLS ends in front of this nginx)",
        )
        parser.add_argument("--worker-processes", default="auto")
        parser.add_argument("--run-dir", help="pid and temporary files (default: OUTPUT/run)")
        parser.add_argument("--log-dir", help="access and error logs (default: OUTPUT/log)")

    def handle(self, *args, **options):
        output = Path(options["output"]).resolve()
        run_dir = Path(options["run_dir"] or output / "run")
        log_dir = Path(options["log_dir"] or output / "log")
        pages_dir = output / "pages"
        for folder in (output, run_dir, log_dir, pages_dir):
            folder.mkdir(parents=True, exist_ok=True)
            # nginx's workers may run as another user than the master: they read the pages.
            folder.chmod(0o755)
        workers = len(options["node"]) * options["workers_per_node"]
        in_flight = workers * options["in_flight_per_worker"]
        if in_flight < 1:
            raise CommandError("At least one worker must be admitted.")
        context = {
            "nodes": options["node"],
            "listen": options["listen"],
            "server_name": options["server_name"],
            "in_flight": in_flight,
            "in_flight_per_worker": options["in_flight_per_worker"],
            # Sign-ins may take half of what is admitted: a flood of them leaves the rest
            # of the portal room to answer.
            "sign_in_in_flight": max(1, in_flight // 2),
            "page_rate": options["page_rate"],
            "page_burst": options["page_burst"],
            "sign_in_rate": options["sign_in_rate"],
            "sign_in_burst": options["sign_in_burst"],
            "client_max_body_size": options["client_max_body_size"],
            "forwarded_proto": options["forwarded_proto"],
            "retry_after": settings.OVERLOAD_RETRY_AFTER_SECONDS,
            "worker_processes": options["worker_processes"],
            "run_dir": run_dir,
            "log_dir": log_dir,
            "pages_dir": pages_dir,
        }
        engine = Engine(autoescape=False)
        config = engine.from_string(TEMPLATE.read_text()).render(Context(context, autoescape=False))
        (output / "nginx.conf").write_text(config.lstrip())
        (pages_dir / "_overloaded.html").write_text(overloaded_page())
        (pages_dir / "_too_fast.html").write_text(overloaded_page(too_fast=True))
        for page in pages_dir.iterdir():
            page.chmod(0o644)
        self.stdout.write(str(output / "nginx.conf"))
