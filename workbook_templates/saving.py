"""Atomic writes: an output file is either the old one or the complete new one, never half written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path | str, write: Callable[[Path], None]) -> Path:
    """Call write(tmp) for a temporary file beside `path`, then move it into place in one step."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def save_workbook(workbook: object, path: Path | str) -> Path:
    """Save an openpyxl Workbook atomically."""
    return write_atomically(path, lambda tmp: workbook.save(tmp))  # type: ignore[attr-defined]
