"""Demos and the gallery on authored pages (builder/embeds.py): the directives become the same markup
as on the model and gallery pages, with links relative to the page, and a wrong one is an error that
names the page and the line."""

from __future__ import annotations

import re

import pytest

from builder import embeds, pages

from ..conftest import TABULAR, model_entry


@pytest.fixture(scope="module")
def entries(built_models) -> list[dict]:
    return built_models[1].manifest["models"]


def test_demo_directive_is_the_model_pages_demo(entries: list[dict]) -> None:
    out = embeds.expand(f"Intro\n\n<!-- vitrine:demo {TABULAR} -->\n\nAfter\n", "site_src/index.md", "", entries)
    assert out.startswith("Intro\n\n") and out.endswith("\n\nAfter\n")
    demo = pages.demo(model_entry({"models": entries}), "models")
    assert demo in out and f'<div class="vitrine-demo" data-model="{TABULAR}"' in demo
    page = pages.model_page(model_entry({"models": entries}), "../../models")
    assert pages.demo(model_entry({"models": entries}), "../../models") in page  # one template for both


def test_gallery_directive_links_relative_to_the_page(entries: list[dict]) -> None:
    home = embeds.expand("<!-- vitrine:gallery -->\n", "site_src/index.md", "", entries)
    deep = embeds.expand("<!-- vitrine:gallery -->\n", "site_src/guide/tour.md", "guide/tour/", entries)
    assert sorted(re.findall(r'<a href="([^"]+)"', home)) == sorted(f"gallery/{e['id']}/" for e in entries)
    assert sorted(re.findall(r'<a href="([^"]+)"', deep)) == sorted(f"../../gallery/{e['id']}/" for e in entries)
    assert all(src.startswith("../../models/") for src in re.findall(r'<img[^>]* src="([^"]+)"', deep))
    assert re.findall(r"<h3 class=\"vitrine-card-title\">", home)  # under the page's own h2


def test_a_demo_without_an_id_is_the_smallest_model_and_nothing_without_models(entries: list[dict]) -> None:
    smallest = min(entries, key=lambda e: pages.default_variant(e)["gzip_bytes"])
    assert embeds.expand("<!-- vitrine:demo -->\n", "site_src/index.md", "", entries) == pages.demo(smallest, "models") + "\n"
    assert smallest["id"] == "co2-forecast"  # 2 KB gzip: the home page opens on it
    assert embeds.expand("<!-- vitrine:demo -->\n", "site_src/index.md", "", []) == "\n"
    assert "No model is built yet" in embeds.expand("<!-- vitrine:gallery -->\n", "site_src/index.md", "", [])


def test_a_directive_inside_a_line_or_a_code_block_is_left_alone(entries: list[dict]) -> None:
    text = "Write `<!-- vitrine:gallery -->` on a line of its own.\n"
    assert embeds.expand(text, "site_src/index.md", "", entries) == text
    fenced = "````md\n```text\n<!-- vitrine:gallery -->\n```\n<!-- vitrine:nope -->\n````\n"
    assert embeds.expand(fenced, "site_src/index.md", "", entries) == fenced
    after = embeds.expand(fenced + "<!-- vitrine:gallery -->\n", "site_src/index.md", "", entries)
    assert after.startswith(fenced) and '<ul class="vitrine-cards">' in after


@pytest.mark.parametrize(("line", "message"), [
    ("<!-- vitrine:demo penguin-species -->", "site_src/index.md:3: vitrine:demo names 'penguin-species', which is not a model (models: "),
    ("<!-- vitrine:galery -->", "site_src/index.md:3: unknown directive '<!-- vitrine:galery -->'; write <!-- vitrine:demo <model id> -->, <!-- vitrine:demo --> or <!-- vitrine:gallery -->"),
])
def test_a_wrong_directive_names_the_page_and_the_line(entries: list[dict], line: str, message: str) -> None:
    with pytest.raises(embeds.EmbedError) as info:
        embeds.expand(f"# Home\n\n{line}\n", "site_src/index.md", "", entries)
    assert str(info.value).startswith(message)


def test_while_the_dev_server_builds_its_models_pages_say_they_are_on_their_way(entries: list[dict]) -> None:
    """`vitrine serve`'s first build runs beside the server (builder/first_build.py): a page that embeds a
    model not built yet says it is being built, not that it is unknown (which is an error otherwise)."""
    page = "<!-- vitrine:demo penguins-species -->\n<!-- vitrine:gallery -->\n"
    building = embeds.expand(page, "site_src/index.md", "", [], building=["penguins-species"])
    assert "`penguins-species` is being built" in building and "The models are being built" in building
    with pytest.raises(embeds.EmbedError, match="'penguins-species', which is not a model"):
        embeds.expand(page, "site_src/index.md", "", [])
    with pytest.raises(embeds.EmbedError, match="'no-such-model', which is not a model"):
        embeds.expand("<!-- vitrine:demo no-such-model -->\n", "site_src/index.md", "", [], building=["penguins-species"])
    assert "The models are being built" in pages.gallery_index([], building=True)
    assert "No model is built yet" in pages.gallery_index([])
