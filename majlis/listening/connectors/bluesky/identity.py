"""Where an account signs in when no hosting provider was given: its PDS, found the way the AT
Protocol resolves an identity (atproto.com/specs/handle and /specs/did):

- handle -> DID: `https://HANDLE/.well-known/atproto-did`. The DNS TXT method would need a DNS
  library; a handle published only in DNS falls back to bsky.social, where most are hosted;
- DID -> DID document: did:plc at the PLC directory, did:web at
  `https://HOST/.well-known/did.json`; a handle counts only if its document names it back;
- DID document -> PDS: the `AtprotoPersonalDataServer` service whose id ends in `#atproto_pds`.

Every lookup goes through the guarded client, with a smaller size and time budget than a feed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from majlis.listening.connectors.links import web_url
from majlis.listening.fetch import FetchError, FetchOptions, Reason

DEFAULT_SERVICE = "https://bsky.social"

# atproto.com/specs/handle: lower-cased domain names, with a few top-level domains excluded.
_HANDLE = re.compile(r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")
_EXCLUDED_TLDS = frozenset(
    {"alt", "arpa", "example", "internal", "invalid", "local", "localhost", "onion"}
)
_DID_PLC = re.compile(r"^did:plc:[a-z2-7]{24}$")
# Hostname-level did:web only; a port (its colon written %3A) only for localhost, in testing.
_DID_WEB = re.compile(r"^did:web:([a-z0-9.-]+?)(?:%3a([0-9]{1,5}))?$", re.IGNORECASE)
_LOOKUP_BYTES = 64_000  # a DID document is a kilobyte or two
_LOOKUP_SECONDS = 5.0


@dataclass(frozen=True)
class Directory:
    """Where identities are looked up, and where an account signs in when its own PDS cannot
    be found. Tests point all three at loopback."""

    plc: str = "https://plc.directory"
    handles: str = "https://{handle}"  # where a handle's /.well-known/atproto-did is read
    fallback: str = DEFAULT_SERVICE


ATPROTO = Directory()


@dataclass(frozen=True)
class Entryway:
    """The server an account signs in at; `note` says why, when it is a fallback."""

    url: str
    note: str = ""


def _is_handle(name: str) -> bool:
    return (
        len(name) <= 253
        and bool(_HANDLE.match(name))
        and name.rsplit(".", 1)[-1] not in _EXCLUDED_TLDS
    )


def _looked_up(identifier: str) -> bool:
    """Handles under bsky.social, e-mail addresses and other DID methods sign in at bsky.social
    without a lookup."""
    if identifier.startswith("did:"):
        return bool(_DID_PLC.match(identifier) or _DID_WEB.match(identifier))
    handle = identifier.lower()
    return _is_handle(handle) and handle != "bsky.social" and not handle.endswith(".bsky.social")


def entryway(identifier: str, options: FetchOptions, directory: Directory) -> Entryway:
    """Where the account `identifier` (a handle, a DID or an e-mail address) signs in."""
    if not _looked_up(identifier):
        return Entryway(directory.fallback)
    budget = replace(
        options,
        timeout=min(options.timeout, _LOOKUP_SECONDS),
        max_bytes=min(options.max_bytes, _LOOKUP_BYTES),
    )
    try:
        return Entryway(_pds_of_account(identifier, budget, directory))
    except FetchError as error:
        return Entryway(
            directory.fallback,
            f"Majlis could not find where {identifier} is hosted: {error.message.rstrip('.')}. "
            f"It signed in at {directory.fallback} instead; if the account is hosted elsewhere, "
            'give its hosting provider under "Replace the login".',
        )


def _pds_of_account(identifier: str, options: FetchOptions, directory: Directory) -> str:
    if identifier.startswith("did:"):
        return _pds_of_document(_document(identifier, options, directory), identifier)
    handle = identifier.lower()
    did = _did_of(handle, options, directory)
    document = _document(did, options, directory)
    names = document.get("alsoKnownAs")
    if not isinstance(names, list) or f"at://{handle}" not in [str(n).lower() for n in names]:
        raise FetchError(
            Reason.PARSE_ERROR, f"the DID document of {did} does not name {handle} as its handle"
        )
    return _pds_of_document(document, did)


def _did_of(handle: str, options: FetchOptions, directory: Directory) -> str:
    url = directory.handles.format(handle=handle) + "/.well-known/atproto-did"
    did = options.fetch(url, accept="text/plain", use_robots=False).text.strip()
    if not (_DID_PLC.match(did) or _DID_WEB.match(did)):
        raise FetchError(Reason.PARSE_ERROR, f"{url} does not hold a did:plc or did:web")
    return did


def _document_url(did: str, directory: Directory) -> str:
    if did.startswith("did:plc:"):
        return f"{directory.plc.rstrip('/')}/{did}"
    match = _DID_WEB.match(did)
    if match is None:
        raise FetchError(Reason.BAD_URL, f"{did} is not a DID that Majlis can look up")
    host, port = match.group(1).lower(), match.group(2)
    if port and host != "localhost":
        raise FetchError(Reason.BAD_URL, f"{did} names a port, which only localhost may do")
    return f"https://{host}{':' + port if port else ''}/.well-known/did.json"


def _document(did: str, options: FetchOptions, directory: Directory) -> dict[str, Any]:
    url = _document_url(did, directory)
    document = options.fetch(
        url, accept="application/did+ld+json, application/json", use_robots=False
    ).json()
    if not isinstance(document, dict) or document.get("id") != did:
        raise FetchError(Reason.PARSE_ERROR, f"{url} is not the DID document of {did}")
    return document


def pds_endpoint(document: Any) -> str:
    """The PDS a DID document announces, as scheme://host[:port]; "" when it names none."""
    did = document.get("id") if isinstance(document, dict) else None
    services = document.get("service") if isinstance(document, dict) else None
    for entry in services if isinstance(services, list) else []:
        if not isinstance(entry, dict) or entry.get("type") != "AtprotoPersonalDataServer":
            continue
        if entry.get("id") not in ("#atproto_pds", f"{did}#atproto_pds"):
            continue
        endpoint = urlsplit(web_url(str(entry.get("serviceEndpoint") or "")))
        if endpoint.netloc:
            return f"{endpoint.scheme.lower()}://{endpoint.netloc}"
    return ""


def _pds_of_document(document: dict[str, Any], did: str) -> str:
    endpoint = pds_endpoint(document)
    if not endpoint:
        raise FetchError(Reason.PARSE_ERROR, f"the DID document of {did} names no PDS")
    return endpoint
