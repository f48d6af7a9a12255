"""What documents must be prepared with for a set of queries to be answered."""

from __future__ import annotations

from majlis.text.query.ast import And, Author, Language, Node, Not, Or, Site


def fields_used(node: Node) -> set[str]:
    """The fields ``node`` filters on, so documents carry the matching field terms."""
    match node:
        case Language():
            return {"lang"}
        case Site():
            return {"site"}
        case Author():
            return {"author"}
        case And(children=children) | Or(children=children):
            return set().union(*map(fields_used, children))
        case Not(child=child):
            return fields_used(child)
    return set()
