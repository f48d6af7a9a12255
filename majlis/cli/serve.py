"""`majlis run`, `majlis worker`, `majlis scheduler`: the processes of a deployment."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time

from django.conf import settings


def prepare(demo: bool) -> None:
    """Migrate, and on first run create the administrator (and the demo workspace)."""
    from django.core.management import call_command

    from majlis.core.bootstrap import ensure_admin, ensure_demo

    call_command("migrate", interactive=False, verbosity=0)
    created = ensure_admin()
    if created is not None:
        username, password = created
        print("Majlis: administrator created. Keep this, it is shown once:")
        print(f"  login: {username}\n  password: {password}")
    if demo:
        workspace, fresh = ensure_demo()
        if fresh:
            print(f"Majlis: demo workspace '{workspace.slug}' created.")


def run(args: argparse.Namespace) -> int:
    prepare(demo=settings.DEMO)
    host, port = os.environ.get("HOST", "127.0.0.1"), os.environ.get("PORT", "8000")
    python = sys.executable
    children = [
        subprocess.Popen([python, "-m", "majlis", "worker", "--with-scheduler"]),
        subprocess.Popen(
            [
                python,
                "-m",
                "gunicorn",
                "majlis.wsgi:application",
                "--bind",
                f"{host}:{port}",
                "--worker-class",
                "gthread",
                "--workers",
                "2",
                "--threads",
                "4",
                "--access-logfile",
                "-",
                "--graceful-timeout",
                "5",
            ]
        ),
    ]
    print(f"Majlis: serving on http://{host}:{port}/  (Ctrl-C stops everything)", flush=True)
    return _supervise(children)


def _supervise(children: list[subprocess.Popen[bytes]]) -> int:
    """Wait until a child dies or we are told to stop; then stop them all."""
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while not stopping and all(child.poll() is None for child in children):
        time.sleep(0.2)
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 10
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
    failed = [c for c in children if c.returncode not in (0, -signal.SIGTERM, -signal.SIGINT)]
    return 0 if stopping or not failed else 1


def worker(args: argparse.Namespace) -> int:
    from majlis.tasks import huey

    consumer = huey.create_consumer(
        workers=args.workers or settings.QUEUE_WORKERS,
        worker_type="thread",
        periodic=args.with_scheduler,
        check_worker_health=True,
    )
    consumer.run()
    return 0


def scheduler(args: argparse.Namespace) -> int:
    args.with_scheduler = True
    args.workers = args.workers or 1
    return worker(args)
