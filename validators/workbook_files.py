"""Open a workbook file into sheet grids: {sheet name: rows of raw cell values}, the only input format.

python-calamine reads .xlsx/.xlsm/.xlsb/.xls/.ods fast. Anything that stops a file being read
becomes an `UnreadableFile` with a sentence a person can act on, never a traceback.
"""

from __future__ import annotations

import errno
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as calamine

from .xlsx_structure import SheetStructure, read_structure

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
ZIP_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".ods")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound document: .xls, or an encrypted .xlsx


class UnreadableFile(Exception):
    """The file cannot be read as a workbook; str() is the message for the officer."""


@dataclass
class SheetGrid:
    name: str
    rows: list[list[object]]  # raw values from A1; "" for an empty cell, as calamine gives them
    hidden: bool = False
    structure: SheetStructure = field(default_factory=SheetStructure)


@dataclass
class Workbook:
    path: Path
    sheets: dict[str, SheetGrid]
    on_disk: bool = True  # False for a workbook open in Excel: its values came through xlwings

    def load_structure(self, names: list[str]) -> None:
        """Hidden rows, merged cells and formula errors of these sheets (.xlsx/.xlsm), read from the XML.

        Asked for only for the sheets that hold a table: the rest are never searched for items.
        """
        if not self.on_disk or self.path.suffix.lower() not in (".xlsx", ".xlsm") or not names:
            return
        try:
            structure = read_structure(self.path, set(names))
        except (OSError, zipfile.BadZipFile) as exc:
            raise UnreadableFile(_explain_open_error(self.path, exc)) from None
        for name, shape in structure.items():
            grid = self.sheets[name]
            grid.structure = shape
            rows = grid.rows
            for (row, col), error in shape.errors.items():  # put back the #DIV/0! calamine read as ""
                if row <= len(rows) and col <= len(rows[row - 1]):
                    rows[row - 1][col - 1] = error


def is_lock_file(path: Path) -> bool:
    """Office writes ~$name.xlsx beside an open workbook; it is not a return."""
    return path.name.startswith("~$")


def _explain_open_error(path: Path, exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "the file was not found (it may have been moved or deleted during the run)"
    if isinstance(exc, IsADirectoryError):
        return "this is a folder, not a workbook"
    if isinstance(exc, PermissionError):
        return "permission denied: the file is locked or you cannot read it; close it in Excel or ask for access"
    if isinstance(exc, OSError) and exc.errno in (errno.EBUSY, errno.EACCES):
        return "the file is locked by another program; close it and run again"
    return f"the file cannot be read ({exc.__class__.__name__}: {exc})"


def _sniff(path: Path, head: bytes) -> str | None:
    """A clear reason for files that are not what their name says, before calamine sees them."""
    suffix = path.suffix.lower()
    if not head:
        return "the file is empty (0 bytes)"
    if head.startswith(OLE_MAGIC) and suffix in (".xlsx", ".xlsm", ".xlsb"):
        with path.open("rb") as fh:
            blob = fh.read(1 << 20)
        if "EncryptedPackage".encode("utf-16-le") in blob or b"EncryptedPackage" in blob:
            return "the workbook is password-protected; save a copy without a password to check it"
        return "the file is an old-style .xls workbook saved with an .xlsx name; save it again as .xlsx"
    if suffix in ZIP_SUFFIXES and not head.startswith(b"PK"):
        return f"the file is not a {suffix} workbook (it is not a zip package); was it renamed from another format?"
    if suffix in ZIP_SUFFIXES and not zipfile.is_zipfile(path):
        return "the workbook is damaged or was only partly copied (its zip package is truncated)"
    return None


def open_workbook(path: Path) -> Workbook:
    """Read every sheet into a grid. Raises UnreadableFile with the reason."""
    if path.is_dir():
        raise UnreadableFile("this is a folder named like a workbook, not a workbook")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UnreadableFile(_explain_open_error(path, exc)) from None
    reason = _sniff(path, head)
    if reason:
        raise UnreadableFile(reason)
    try:
        book = calamine.CalamineWorkbook.from_path(os.fspath(path))
        sheets: dict[str, SheetGrid] = {}
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue  # chart sheets hold no cells
            sheet = book.get_sheet_by_name(meta.name)
            sheets[meta.name] = SheetGrid(
                name=meta.name,
                rows=sheet.to_python(skip_empty_area=False),  # from A1, so rows[i] is Excel row i + 1
                hidden=meta.visible != calamine.SheetVisibleEnum.Visible,
            )
    except calamine.PasswordError:
        raise UnreadableFile("the workbook is password-protected; save a copy without a password to check it") from None
    except (calamine.ZipError, zipfile.BadZipFile):
        raise UnreadableFile("the workbook is damaged or was only partly copied (its zip package cannot be read)") from None
    except calamine.CalamineError as exc:
        raise UnreadableFile(f"the workbook cannot be read: {exc}") from None
    except OSError as exc:
        raise UnreadableFile(_explain_open_error(path, exc)) from None
    return Workbook(path, sheets)
