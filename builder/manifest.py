"""The content-addressed output folder and its manifest.json.

Files are named `<id>/<variant>.<sha256[:16]>.<ext>`, so a URL never changes meaning and the
browser can cache it forever. Each model's entry carries a `build_key` (hash of everything
that determines its outputs); an equal key with intact files means there is nothing to rebuild.
Writes go to a staging folder first and the manifest is replaced atomically, so a failed build
leaves the previous output whole.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

import jsonschema

from . import __version__

MANIFEST = "manifest.json"
GENERATOR = f"vitrine {__version__}"


@cache
def manifest_schema() -> dict[str, Any]:
    return json.loads(resources.files("builder").joinpath("schemas/manifest.schema.json").read_text())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_key(parts: dict[str, Any]) -> str:
    """Hash of a JSON-able description of every input of a model's build."""
    return sha256(json.dumps(parts, sort_keys=True, separators=(",", ":")).encode())


def content_name(model_id: str, variant: str, digest: str, suffix: str) -> str:
    return f"{model_id}/{variant}.{digest[:16]}{suffix}"


def empty() -> dict[str, Any]:
    return {"schema_version": 1, "generator": GENERATOR, "models": []}


def validate(manifest: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(manifest_schema()).validate(manifest)


def load(out_dir: Path) -> dict[str, Any]:
    """The current manifest, or an empty one when missing or unreadable (then everything rebuilds)."""
    path = out_dir / MANIFEST
    try:
        manifest = json.loads(path.read_text())
        validate(manifest)
        return manifest
    except (OSError, ValueError, jsonschema.ValidationError):
        return empty()


def is_intact(out_dir: Path, entry: dict[str, Any]) -> bool:
    """True when every file the entry names exists and its variant and artifact files have the recorded hash."""
    named = [*entry["variants"], *entry["artifacts"], *(a for v in entry["variants"] for a in v.get("artifacts", []))]
    return all((out_dir / v["fixtures"]).is_file() for v in entry["variants"]) and all(_whole(out_dir / f["url"], f) for f in named)


def _whole(path: Path, record: dict[str, Any]) -> bool:
    """`path` holds the file `record` names: its size (`bytes`) and its `sha256`."""
    return path.is_file() and path.stat().st_size == record["bytes"] and sha256(path.read_bytes()) == record["sha256"]


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """One build at a time per output folder (e.g. `mkdocs serve` and `vitrine build` together)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / ".lock", "a") as handle:  # "a": taking the lock must not touch the file
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def staging(out_dir: Path) -> Iterator[Path]:
    """A scratch folder on the same filesystem as `out_dir` (so publishing is a rename), always removed.

    Call it under `locked()`: then any other staging folder, or half-written manifest, is left
    over from a build that was killed, and is removed first.
    """
    for stale in out_dir.glob(".staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in out_dir.glob(f".{MANIFEST}.*"):
        stale.unlink(missing_ok=True)
    path = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def publish(stage: Path, out_dir: Path, manifest: dict[str, Any]) -> list[Path]:
    """Move staged files in, replace the manifest atomically, then delete files nothing refers to."""
    validate(manifest)
    for src in sorted(p for p in stage.rglob("*") if p.is_file()):
        dest = out_dir / src.relative_to(stage)
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dest)
    write_json_atomic(out_dir / MANIFEST, manifest)
    return _collect_garbage(out_dir, manifest)


def write_json_atomic(path: Path, data: Any) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as handle:
            json.dump(data, handle, indent=1, sort_keys=False)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the file is published to a web server
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def named_files(manifest: dict[str, Any]) -> list[str]:
    """Every file a manifest names (relative URLs): model files, parity fixtures, model and variant artifacts."""
    names = []
    for m in manifest["models"]:
        for v in m["variants"]:
            names += [v["url"], v["fixtures"], *(a["url"] for a in v.get("artifacts", []))]
        names += [a["url"] for a in m["artifacts"]]
    return names


def _collect_garbage(out_dir: Path, manifest: dict[str, Any]) -> list[Path]:
    """Delete the files in the model folders that `manifest` does not name, then the empty folders. A
    link to a folder is not a model folder: nothing is deleted through it (it may point anywhere)."""
    keep = {out_dir / name for name in named_files(manifest)}
    folders = [f for f in out_dir.iterdir() if f.is_dir() and not f.is_symlink() and not f.name.startswith(".")]
    removed = []
    for path in (p for folder in folders for p in folder.iterdir()):
        if path.is_file() and not path.name.startswith(".") and path not in keep:
            path.unlink()
            removed.append(path)
    for folder in folders:
        if not any(folder.iterdir()):
            folder.rmdir()
    return removed
