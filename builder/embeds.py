"""Demos and the gallery on any authored page: a page of site_src/ writes

    <!-- vitrine:demo penguins-species -->
    <!-- vitrine:demo -->
    <!-- vitrine:gallery -->

on a line of its own, and the build puts that model's live demo, or the gallery's cards, there. A demo
without an id is the gallery's smallest model (the quickest to start), so a page that uses it, such
as the home page, keeps working whichever cards a site has.
They are HTML comments so that a page stays readable (and shows nothing) wherever the plugin is off.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from . import pages
from .assets import MODELS
from .errors import VitrineError

DIRECTIVE = re.compile(r"^<!--\s*vitrine:(?P<name>[\w-]+)(?:\s+(?P<arg>\S+))?\s*-->[ \t]*$", re.M)
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")  # a fenced code block opens or closes


class EmbedError(VitrineError):
    """A page asks for something the build cannot put there."""


def expand(markdown: str, page_src: str, page_url: str, entries: list[dict[str, Any]], building: Collection[str] = ()) -> str:
    """`markdown` with each directive replaced; `page_url` is the page's URL relative to the site root
    ("" for the home page), which sets the relative links. `building`: the models the dev server's first
    build is making (first_build.py), which the page says are on their way rather than unknown."""
    up = "../" * page_url.count("/")
    by_id = {e["id"]: e for e in entries}

    def replace(match: re.Match[str], offset: int) -> str:
        name, arg = match["name"], match["arg"]
        line = markdown.count("\n", 0, offset) + 1
        if name == "demo":
            if arg is None:  # the smallest download; a site without models shows no demo
                smallest = min(entries, key=lambda e: (pages.default_variant(e)["gzip_bytes"], e["id"]), default=None)
                return pages.demo(smallest, up + MODELS) if smallest else ""
            if arg not in by_id and arg in building:
                return f"*The model `{arg}` is being built: its demo appears here when the build ends.*"
            if arg not in by_id:
                known = ", ".join(sorted(by_id)) or "none is built"
                raise EmbedError(f"{page_src}:{line}: vitrine:demo names {arg!r}, which is not a model (models: {known})")
            return pages.demo(by_id[arg], up + MODELS)
        if name == "gallery" and arg is None:
            if not entries and building:
                return "*The models are being built: they appear here when the build ends.*"
            if not entries:
                return "No model is built yet: add a card to `model_cards/`."
            return pages.gallery_cards(entries, up + MODELS, f"{up}{pages.GALLERY}/", level=3)
        raise EmbedError(f"{page_src}:{line}: unknown directive {match[0]!r}; write <!-- vitrine:demo <model id> -->, <!-- vitrine:demo --> or <!-- vitrine:gallery -->")

    # Line by line, so that a directive quoted in a fenced code block stays as it is written.
    out, fence = [], ""
    for match in re.finditer(r"[^\n]*\n?", markdown):
        text = match[0]
        opening = FENCE.match(text)
        if fence:
            fence = "" if opening and opening[1].startswith(fence) and not text.strip()[len(opening[1]):] else fence
        elif opening:
            fence = opening[1]
        else:
            text = DIRECTIVE.sub(lambda m: replace(m, match.start()), text)
        out.append(text)
    return "".join(out)
