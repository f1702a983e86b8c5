"""Vocabularies with their synonyms: turn what an officer typed into the canonical word."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Term
from .text import word_key


@dataclass(frozen=True)
class Vocabulary:
    name: str
    terms: tuple[Term, ...]
    _index: dict[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Term] = {}
        for term in self.terms:
            for spelling in (term.value, *term.synonyms):
                key = word_key(spelling)
                clash = index.get(key)
                if clash is not None and clash.value != term.value:
                    raise ValueError(
                        f"vocabularies.{self.name}: {spelling!r} is listed for both {clash.value!r} and {term.value!r}"
                    )
                index[key] = term
        object.__setattr__(self, "_index", index)

    @property
    def values(self) -> list[str]:
        return [t.value for t in self.terms]

    def lookup(self, text: object) -> Term | None:
        """The term an entry means, or None when it is blank or not in the vocabulary."""
        if not isinstance(text, str) or not text.strip():
            return None
        return self._index.get(word_key(text))

    def canonical(self, text: object) -> str | None:
        term = self.lookup(text)
        return term.value if term else None

    def colour(self, text: object) -> str | None:
        term = self.lookup(text)
        return term.colour if term else None


def build_vocabularies(spec: dict[str, list[Term]]) -> dict[str, Vocabulary]:
    return {name: Vocabulary(name, tuple(terms)) for name, terms in spec.items()}


def one_of(values: Iterable[str]) -> str:
    """"Blue, Green, Amber or Red" for messages."""
    values = list(values)
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]
