"""The `majlis` command run as a user's script runs it: a child process, its output captured."""

from __future__ import annotations

import subprocess
import sys


def majlis(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "majlis", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
