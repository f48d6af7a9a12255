"""Matching documents against many queries at once.

``CompiledMatcher`` is the one to use; ``NaiveMatcher`` tries one regular expression per query
and serves as the benchmark's baseline and the tests' oracle.
"""

from majlis.text.matcher.compiled import CompiledMatcher
from majlis.text.matcher.document import Document
from majlis.text.matcher.naive import NaiveMatcher

__all__ = ["CompiledMatcher", "Document", "NaiveMatcher"]
