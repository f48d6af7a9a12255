"""XRPC calls with an app-password session: com.atproto.server.createSession once, then
refreshSession when the access token expires (an ExpiredToken error), createSession again when
the refresh token is refused too. Sessions are kept per process, per service and account, so
workers do not spend the account's login quota."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from majlis.listening.connectors.jsonapi import call, error_text
from majlis.listening.connectors.links import web_url
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


def _pds(document: dict[str, Any], service: str) -> str:
    """The PDS endpoint announced in the session's DID document, if any."""
    did_doc = document.get("didDoc")
    services = did_doc.get("service") if isinstance(did_doc, dict) else None
    for entry in services if isinstance(services, list) else []:
        if isinstance(entry, dict) and str(entry.get("id", "")).endswith("#atproto_pds"):
            endpoint = web_url(str(entry.get("serviceEndpoint") or ""))
            if endpoint:
                return endpoint.rstrip("/")
    return service


class Xrpc:
    def __init__(
        self, options: FetchOptions, *, service: str, appview: str, identifier: str, password: str
    ) -> None:
        self.options = options
        self.service = service.rstrip("/")
        self.appview = appview.rstrip("/")
        self.identifier = identifier
        self.password = password

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
        session = Session(access, refresh, did, _pds(answer, fallback_pds))
        with _LOCK:
            _SESSIONS[self._key()] = session
        return session

    def _create(self) -> Session:
        status, document = call(
            self.options,
            f"{self.service}/xrpc/com.atproto.server.createSession",
            method="POST",
            payload={"identifier": self.identifier, "password": self.password},
        )
        if status >= 400:
            raise FetchError(
                Reason.AUTH_FAILED,
                f"Bluesky refused the handle or app password of {self.identifier} "
                f"({error_text(document) or status}).",
                status=status,
            )
        return self._store(document, self.service)

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
