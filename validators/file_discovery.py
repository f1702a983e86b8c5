"""Turn command-line arguments into workbook paths: globs expanded here (Windows shells do not), folders walked."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path

from .workbook_files import WORKBOOK_SUFFIXES, is_lock_file

_GLOB_CHARS = set("*?[")


@dataclass
class Discovery:
    paths: list[Path] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # patterns that matched nothing
    skipped: list[Path] = field(default_factory=list)  # lock files and temporary files


def _is_workbook_name(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK_SUFFIXES


def _skip(path: Path) -> bool:
    """Office lock files (~$x.xlsx), LibreOffice locks (.~lock.x#) and hidden temporary files."""
    return is_lock_file(path) or path.name.startswith(".")


def _walk(folder: Path, recursive: bool, found: Discovery) -> None:
    if recursive:
        entries: list[Path] = []
        for root, dirs, files in os.walk(folder, followlinks=False):  # no symlink loops
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            entries += [Path(root) / name for name in sorted(files)]
            entries += [Path(root) / d for d in dirs if _is_workbook_name(Path(d))]
    else:
        entries = sorted(folder.iterdir())
    for entry in entries:
        if not _is_workbook_name(entry):
            continue
        (found.skipped if _skip(entry) else found.paths).append(entry)


def discover(arguments: list[str], recursive: bool = False) -> Discovery:
    """Files in the order given; a folder contributes its workbooks (its whole tree with `recursive`)."""
    found = Discovery()
    for argument in arguments:
        if _GLOB_CHARS & set(argument):
            matches = sorted(glob.glob(argument, recursive=recursive))
            if not matches:
                found.unmatched.append(argument)
            for match in map(Path, matches):
                if match.is_dir() and not _is_workbook_name(match):
                    _walk(match, recursive, found)
                elif _skip(match):
                    found.skipped.append(match)
                else:
                    found.paths.append(match)
            continue
        path = Path(argument)
        if path.is_dir() and not _is_workbook_name(path):
            _walk(path, recursive, found)
        elif _skip(path):
            found.skipped.append(path)
        else:
            found.paths.append(path)  # named explicitly: validated, so a missing file is reported
    unique: dict[Path, None] = {}
    for path in found.paths:
        unique.setdefault(path, None)
    found.paths = list(unique)
    return found
