"""The task queue: Huey on SQLite (embedded) or Redis (scaled out), chosen by MAJLIS_QUEUE_URL."""

from __future__ import annotations

from pathlib import Path

from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey


class QueueURLError(ValueError):
    pass


def make_huey(url: str, data_dir: Path, name: str = "majlis") -> Huey:
    """`sqlite:` keeps the queue in its own file in the data dir; `redis://host:port/N`;
    `memory:` runs every task at once in the caller (tests and one-shot commands)."""
    if url in {"sqlite:", "sqlite"} or url.startswith("sqlite:"):
        path = url.removeprefix("sqlite:").lstrip("/") or str(data_dir / "queue.sqlite3")
        return SqliteHuey(name, filename=path, timeout=20)
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(name, url=url)
    if url == "memory:":
        return MemoryHuey(name, immediate=True)
    raise QueueURLError(f"MAJLIS_QUEUE_URL must be 'sqlite:' or 'redis://host:port/N', not {url!r}")


def queue_answers(huey: Huey) -> bool:
    """True when the queue's storage can be read (for /healthz)."""
    try:
        huey.storage.queue_size()
    except Exception:
        return False
    return True
