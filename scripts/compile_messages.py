"""Compile majlis/locale/*/LC_MESSAGES/*.po into .mo with polib, so no GNU gettext is needed.

Fuzzy and obsolete entries are left out, as msgfmt does. With --check nothing is written:
the exit status is 1 when a .mo is missing or differs from what its .po compiles to.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import polib  # type: ignore[import-untyped]

LOCALE_DIR = Path(__file__).resolve().parent.parent / "majlis" / "locale"


def catalogs(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    # The project's catalog, and any app's own (majlis/<app>/locale/).
    apps = locale_dir.parent.glob("*/locale/*/LC_MESSAGES/*.po")
    return sorted([*locale_dir.glob("*/LC_MESSAGES/*.po"), *apps])


def compiled(po_path: Path) -> bytes:
    # polib's to_binary keeps only translated() entries: neither fuzzy nor obsolete.
    binary: bytes = polib.pofile(str(po_path)).to_binary()
    return binary


def stale(po_path: Path) -> bool:
    mo_path = po_path.with_suffix(".mo")
    return not mo_path.exists() or mo_path.read_bytes() != compiled(po_path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="report stale .mo files, write none")
    args = parser.parse_args(argv)
    paths = catalogs()
    if not paths:
        print(f"no .po file under {LOCALE_DIR}", file=sys.stderr)
        return 1
    if args.check:
        outdated = [path for path in paths if stale(path)]
        for path in outdated:
            print(f"{path.with_suffix('.mo')} is stale: run scripts/compile_messages.py")
        return 1 if outdated else 0
    for path in paths:
        path.with_suffix(".mo").write_bytes(compiled(path))
        print(f"compiled {path.relative_to(LOCALE_DIR.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
