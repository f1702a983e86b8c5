"""Atomic writes: an output file is either the old one or the complete new one, never half written."""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path | str, write: Callable[[Path], None]) -> Path:
    """Call write(tmp) for a temporary file beside `path`, then move it into place in one step."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; reports on a shared drive must be readable by colleagues
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_STAMPS = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def _repack_reproducibly(path: Path) -> None:
    """Fix the zip entry times and the created/modified stamps openpyxl sets, so a rebuild is byte-identical."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = _STAMPS.sub(rb"\g<1>2026-01-01T00:00:00Z\g<2>", data)
            target.writestr(zipfile.ZipInfo(name, FIXED_ZIP_TIME), data, zipfile.ZIP_DEFLATED)


def save_workbook(workbook: object, path: Path | str, reproducible: bool = False) -> Path:
    """Save an openpyxl Workbook atomically; `reproducible` for generated files that are committed."""

    def write(tmp: Path) -> None:
        workbook.save(tmp)  # type: ignore[attr-defined]
        if reproducible:
            _repack_reproducibly(tmp)

    return write_atomically(path, write)
