"""What the matcher is given: one mention's text and the fields queries can filter on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    title: str = ""
    url: str = ""
    author: str = ""
    lang: str = ""
