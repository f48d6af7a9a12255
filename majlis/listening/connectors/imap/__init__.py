"""The mail connector: alert e-mails and contact forms from an IMAP mailbox, over TLS.

The mailbox is opened read-only (EXAMINE) and messages are read with BODY.PEEK, so nothing is
marked as read. The first run reads the UNSEEN messages; later runs read the UIDs after the
last one read (the cursor is "UIDVALIDITY:UID", and a new UIDVALIDITY starts over).
"""

from __future__ import annotations

import imaplib
import re
import ssl
from contextlib import suppress
from typing import Any
from urllib.parse import quote

from majlis.core.outbound import default_ssl_context
from majlis.listening.connectors.base import FetchedItem, FetchOutcome, SourceState, reading
from majlis.listening.connectors.imap.mailbox import (
    Mailbox,
    PinnedIMAP4,
    PinnedIMAP4_SSL,
    parse_mailbox,
)
from majlis.listening.connectors.imap.messages import message_items
from majlis.listening.fetch import FetchError, FetchOptions, Reason, vetted_addresses

__all__ = ["ImapConnector", "Mailbox", "message_items", "parse_mailbox"]

_SIZE = re.compile(rb"UID (\d+) RFC822\.SIZE (\d+)|RFC822\.SIZE (\d+) UID (\d+)")


def _quoted(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _numbers(data: list[Any]) -> list[int]:
    words = b" ".join(part for part in data if isinstance(part, bytes)).split()
    return sorted(int(word) for word in words if word.isdigit())


class ImapConnector:
    kind = "imap"

    def __init__(
        self,
        username: str = "",
        password: str = "",
        ssl_context: ssl.SSLContext | None = None,
        max_messages: int = 50,
    ) -> None:
        self.username = username
        self.password = password
        self.ssl_context = ssl_context
        self.max_messages = max_messages

    def fetch(self, source_url: str, state: SourceState, options: FetchOptions) -> FetchOutcome:
        box = parse_mailbox(source_url)
        addresses = vetted_addresses(
            box.host, box.port, resolve=options.resolve, allow_private=options.allow_private
        )
        try:
            return self._session(box, addresses, state, options)
        except ssl.SSLCertVerificationError as exc:
            raise FetchError(
                Reason.CONNECTION_FAILED,
                f"The TLS certificate of {box.host} could not be verified ({exc.verify_message}).",
            ) from exc
        except TimeoutError as exc:
            raise FetchError(
                Reason.TIMEOUT, f"{box.host} did not answer within {options.timeout:g} seconds."
            ) from exc
        except (OSError, imaplib.IMAP4.error) as exc:
            raise FetchError(
                Reason.CONNECTION_FAILED, f"Could not read mail from {box.host} ({exc})."
            ) from exc

    def _session(
        self, box: Mailbox, addresses: list[str], state: SourceState, options: FetchOptions
    ) -> FetchOutcome:
        context = self.ssl_context or default_ssl_context()
        imap: imaplib.IMAP4
        if box.implicit_tls:
            imap = PinnedIMAP4_SSL(box.host, box.port, addresses, context, options.timeout)
        else:
            imap = PinnedIMAP4(box.host, box.port, addresses, options.timeout)
        try:
            if not box.implicit_tls:
                self._starttls(imap, box, context)
            self._login(imap, box)
            return self._read(imap, box, state, options)
        finally:
            with suppress(OSError, imaplib.IMAP4.error):
                imap.logout()  # the answer is already in hand

    def _starttls(self, imap: imaplib.IMAP4, box: Mailbox, context: ssl.SSLContext) -> None:
        if "STARTTLS" not in imap.capabilities:
            raise FetchError(
                Reason.CONNECTION_FAILED,
                f"{box.host} does not offer STARTTLS; Majlis never sends a password in clear.",
            )
        imap.starttls(context)

    def _login(self, imap: imaplib.IMAP4, box: Mailbox) -> None:
        try:
            imap.login(box.username or self.username, self.password)
        except imaplib.IMAP4.error as exc:
            raise FetchError(
                Reason.AUTH_FAILED,
                f"The mail server {box.host} refused the user name or password ({exc}).",
            ) from exc

    def _read(
        self, imap: imaplib.IMAP4, box: Mailbox, state: SourceState, options: FetchOptions
    ) -> FetchOutcome:
        status, _ = imap.select(_quoted(box.name), readonly=True)
        if status != "OK":
            raise FetchError(Reason.BAD_URL, f"There is no mailbox {box.name} on {box.host}.")
        validity = (imap.response("UIDVALIDITY")[1] or [b""])[0]
        validity_text = validity.decode() if isinstance(validity, bytes) else ""
        uids = self._new_uids(imap, state.cursor, validity_text)[: self.max_messages]
        items, warnings = self._messages(imap, box, uids, options.max_bytes)
        cursor = f"{validity_text}:{uids[-1]}" if uids else state.cursor
        return FetchOutcome(items, cursor=cursor, warnings=tuple(warnings))

    def _new_uids(self, imap: imaplib.IMAP4, cursor: str, validity: str) -> list[int]:
        previous, _, last = cursor.partition(":")
        if previous == validity and last.isdigit():
            _, data = imap.uid("SEARCH", f"UID {int(last) + 1}:*")
            return [uid for uid in _numbers(data) if uid > int(last)]
        _, data = imap.uid("SEARCH", "UNSEEN")
        return _numbers(data)

    def _messages(
        self, imap: imaplib.IMAP4, box: Mailbox, uids: list[int], max_bytes: int
    ) -> tuple[list[FetchedItem], list[str]]:
        if not uids:
            return [], []
        sizes = self._sizes(imap, uids)
        items: list[FetchedItem] = []
        warnings: list[str] = []
        for uid in uids:
            if sizes.get(uid, 0) > max_bytes:
                warnings.append(f"Message {uid} is larger than {max_bytes:,} bytes; skipped.")
                continue
            try:
                with reading(f"Message {uid}"):
                    items.extend(self._message(imap, box, uid))
            except FetchError as error:
                warnings.append(error.message)
        return items, warnings

    def _sizes(self, imap: imaplib.IMAP4, uids: list[int]) -> dict[int, int]:
        _, data = imap.uid("FETCH", ",".join(map(str, uids)), "(RFC822.SIZE)")
        sizes = {}
        for line in data:
            match = _SIZE.search(line if isinstance(line, bytes) else b"")
            if match:
                uid, size = (
                    (match.group(1), match.group(2))
                    if match.group(1)
                    else (match.group(4), match.group(3))
                )
                sizes[int(uid)] = int(size)
        return sizes

    def _message(self, imap: imaplib.IMAP4, box: Mailbox, uid: int) -> list[FetchedItem]:
        _, data = imap.uid("FETCH", str(uid), "(BODY.PEEK[])")
        raw = next((part[1] for part in data if isinstance(part, tuple)), b"")
        # RFC 5092 escapes the mailbox name: a "#" in it (#news) would otherwise start a
        # fragment, and every message of the mailbox would get the same address.
        mailbox = f"imap://{box.host}/{quote(box.name, safe='/')}"
        return message_items(
            raw,
            source_name=box.username or self.username or box.host,
            fallback_url=f"{mailbox};UID={uid}",
        )
