"""Load a ruleset file: YAML, `extends`, the register file, and pydantic validation with errors a person can act on."""

from __future__ import annotations

import types
import typing
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .models import RulesetFile

BUILTIN = "default"
MERGED_BY_KEY = ("measure_rules",)  # sections a council file extends rather than replaces


class RulesetError(ValueError):
    """A ruleset file that cannot be used; the message names the file, the field and what is allowed."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(f"ruleset file {self.path}: " + "; ".join(problems))


def builtin_path() -> Path:
    return Path(str(resources.files("ruleset") / "data" / f"{BUILTIN}.yaml"))


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesetError(path, ["the file does not exist"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesetError(path, [f"cannot be read ({exc.__class__.__name__}: {exc})"]) from None
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise RulesetError(path, [f"{where}not valid YAML ({exc.problem})"]) from None
    except yaml.YAMLError as exc:
        raise RulesetError(path, [f"not valid YAML ({exc})"]) from None
    if not isinstance(data, dict):
        raise RulesetError(path, ["the file must hold a mapping of sections (name:, schemes:, ...)"])
    return data


def _layer(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The file merged over what it extends, with file references made absolute."""
    path = path.resolve()
    if path in seen:
        raise RulesetError(path, [f"extends itself in a loop: {' -> '.join(map(str, (*seen, path)))}"])
    data = _read_yaml(path)
    if isinstance(data.get("register_file"), str):
        data["register_file"] = str((path.parent / data["register_file"]).resolve())
    parent_ref = data.pop("extends", None)
    if parent_ref is None:
        return data
    if not isinstance(parent_ref, str):
        raise RulesetError(path, ["extends: give 'default' or the path of another ruleset file"])
    parent_path = builtin_path() if parent_ref == BUILTIN else (path.parent / parent_ref)
    merged = _layer(parent_path, (*seen, path))
    for key, value in data.items():
        if key in MERGED_BY_KEY and isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _unwrap(ann: Any) -> Any:
    if typing.get_origin(ann) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(ann) if a is not type(None)]
        return args[0] if len(args) == 1 else ann
    return ann


def _annotation_at(loc: tuple[Any, ...]) -> Any:
    """The model type at an error location, to list the fields allowed there."""
    ann: Any = RulesetFile
    for part in loc:
        ann = _unwrap(ann)
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            field = ann.model_fields.get(str(part))
            if field is None:
                return None
            ann = field.annotation
        elif typing.get_origin(ann) in (list, dict):
            ann = typing.get_args(ann)[-1]
        else:
            return None
    return _unwrap(ann)


def _describe(error: dict[str, Any]) -> str:
    loc = tuple(p for p in error["loc"] if p != "[key]")  # "[key]" marks a bad mapping key; the path reads better without it
    where = ".".join(str(p) for p in loc) or "(top level)"
    if error["type"] == "extra_forbidden":
        parent = _annotation_at(loc[:-1])
        allowed = sorted(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
        hint = f" (allowed here: {', '.join(allowed)})" if allowed else ""
        return f"{where}: unknown field{hint}"
    if error["type"] == "missing":
        return f"{where}: required field is missing"
    found = error.get("input")
    shown = "" if error["type"] == "value_error" or isinstance(found, (dict, list)) else f" (found {found!r})"
    return f"{where}: {error['msg']}{shown}"


def load_ruleset_file(path: Path | str | None = None) -> tuple[RulesetFile, Path]:
    """Validated ruleset data and the path it came from; the built-in ruleset when path is None."""
    source = Path(path) if path is not None else builtin_path()
    data = _layer(source)
    register_file = data.get("register_file")
    if register_file:
        register = _read_yaml(Path(register_file))
        data["measures"] = [*register.get("measures", []), *data.get("measures", [])]
    try:
        return RulesetFile.model_validate(data), source
    except ValidationError as exc:
        raise RulesetError(source, [_describe(e) for e in exc.errors()]) from None
