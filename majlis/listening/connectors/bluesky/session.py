"""XRPC calls with an app-password session: com.atproto.server.createSession once, then
refreshSession when the access token expires (an ExpiredToken error), createSession again when
the refresh token is refused too. Sessions are kept per process, per hosting provider given
and account, so workers do not spend the account's login quota, nor look the account up again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from majlis.listening.connectors.bluesky.identity import Directory, Entryway, entryway, pds_endpoint
from majlis.listening.connectors.jsonapi import call, error_text
from majlis.listening.fetch import FetchError, FetchOptions, Reason


@dataclass(frozen=True)
class Session:
    access_jwt: str
    refresh_jwt: str
    did: str
    pds: str  # where this account's calls go (its PDS proxies app.bsky.* to the AppView)


_SESSIONS: dict[tuple[str, str], Session] = {}
_LOCK = threading.Lock()


def forget_sessions() -> None:
    with _LOCK:
        _SESSIONS.clear()


def _expired(status: int, document: Any) -> bool:
    return (
        status in (400, 401)
        and isinstance(document, dict)
        and document.get("error") == "ExpiredToken"
    )


class Xrpc:
    def __init__(
        self,
        options: FetchOptions,
        *,
        service: str,
        appview: str,
        identifier: str,
        password: str,
        directory: Directory,
    ) -> None:
        """`service` is the hosting provider given with the account; "" to look it up."""
        self.options = options
        self.service = service.rstrip("/")
        self.appview = appview.rstrip("/")
        self.identifier = identifier
        self.password = password
        self.directory = directory

    def query(self, nsid: str, params: dict[str, str]) -> dict[str, Any]:
        """An XRPC query: anonymous on the public AppView, or as the account through its PDS."""
        if not self.identifier:
            return self._result(*self._get(self.appview, nsid, params, ""), nsid)
        session = self._session()
        status, document = self._get(session.pds, nsid, params, session.access_jwt)
        if _expired(status, document):
            session = self._refresh(session)
            status, document = self._get(session.pds, nsid, params, session.access_jwt)
        elif status == 401:
            session = self._create()
            status, document = self._get(session.pds, nsid, params, session.access_jwt)
        return self._result(status, document, nsid)

    def _get(self, host: str, nsid: str, params: dict[str, str], token: str) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return call(self.options, f"{host}/xrpc/{nsid}?{urlencode(params)}", headers=headers)

    def _result(self, status: int, document: Any, nsid: str) -> dict[str, Any]:
        detail = error_text(document) or f"status {status}"
        if status in (401, 403):
            hint = "" if self.identifier else "; add a Bluesky handle and app password"
            raise FetchError(
                Reason.AUTH_FAILED, f"Bluesky refused {nsid} ({detail}){hint}.", status=status
            )
        if status >= 400:
            raise FetchError(
                Reason.HTTP_ERROR, f"Bluesky answered {nsid} with {detail}.", status=status
            )
        if not isinstance(document, dict):
            raise FetchError(Reason.PARSE_ERROR, f"Bluesky's answer to {nsid} is not an object.")
        return document

    def _key(self) -> tuple[str, str]:
        return self.service, self.identifier.lower()

    def _session(self) -> Session:
        with _LOCK:
            session = _SESSIONS.get(self._key())
        return session or self._create()

    def _store(self, document: Any, fallback_pds: str) -> Session:
        answer: dict[str, Any] = document if isinstance(document, dict) else {}
        access, refresh, did = (answer.get(key) for key in ("accessJwt", "refreshJwt", "did"))
        if not (isinstance(access, str) and isinstance(refresh, str) and isinstance(did, str)):
            raise FetchError(Reason.PARSE_ERROR, "Bluesky's session answer lacks its tokens.")
        session = Session(access, refresh, did, pds_endpoint(answer.get("didDoc")) or fallback_pds)
        with _LOCK:
            _SESSIONS[self._key()] = session
        return session

    def _entryway(self) -> Entryway:
        if self.service:
            return Entryway(self.service)
        return entryway(self.identifier, self.options, self.directory)

    def _create(self) -> Session:
        entry = self._entryway()
        status, document = call(
            self.options,
            f"{entry.url}/xrpc/com.atproto.server.createSession",
            method="POST",
            payload={"identifier": self.identifier, "password": self.password},
        )
        if status >= 400:
            refused = (
                f"Bluesky refused the handle or app password of {self.identifier} at "
                f"{entry.url} ({error_text(document) or status})."
            )
            raise FetchError(Reason.AUTH_FAILED, f"{refused} {entry.note}".strip(), status=status)
        return self._store(document, entry.url)

    def _refresh(self, session: Session) -> Session:
        status, document = call(
            self.options,
            f"{session.pds}/xrpc/com.atproto.server.refreshSession",
            method="POST",
            headers={"Authorization": f"Bearer {session.refresh_jwt}"},
        )
        if status >= 400:
            return self._create()
        return self._store(document, session.pds)
