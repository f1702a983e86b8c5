"""Text normalisation shared by every lookup: one place decides what counts as "the same word".

Cached: returns repeat the same headers, codes and words thousands of times in a run.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_AROUND_SLASH = re.compile(r"\s*/\s*")
_HEADER_PUNCT = re.compile(r"[^\w/%&£ ]+")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u2019": "'"})


@lru_cache(maxsize=1 << 16)
def clean(text: str) -> str:
    """Unicode-normalise, unify dashes and non-breaking spaces, collapse runs of whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=1 << 16)
def word_key(text: str) -> str:
    """Key for vocabulary words: case-, spacing- and slash-spacing-insensitive."""
    return _AROUND_SLASH.sub("/", clean(text)).casefold()


@lru_cache(maxsize=1 << 16)
def header_key(text: str) -> str:
    """Key for column headers: also ignores punctuation, hyphens and underscores."""
    text = clean(text).replace("-", " ").replace("_", " ")
    text = _HEADER_PUNCT.sub(" ", text)
    return _SPACES.sub(" ", _AROUND_SLASH.sub("/", text)).strip().casefold()


@lru_cache(maxsize=1 << 16)
def code_key(code: str) -> str:
    """Key for measure codes: "LPI52g" and "lpi 52g" are the same measure."""
    return re.sub(r"\s+", "", clean(code)).casefold()
