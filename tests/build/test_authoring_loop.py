"""The author's loop: every entry point prints card problems in full, and a dev server with a broken
card keeps serving the last good site with the problems on every page, until the card is fixed."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, Iterator

import pytest

from ..conftest import BIN, mkdocs, unknown_recipe, write_site_config
from ..unit.test_pipeline import snapshot

BROKEN = ("kind: sklearn_tabular", "kind: sklearn_tabulr")


@pytest.fixture
def project(tmp_path: Path, built_models) -> tuple[Path, Path, Path]:
    """(mkdocs.yml, cards folder, output folder): a copy of the repo's cards over the session's models."""
    out = tmp_path / "exported_models"
    shutil.copytree(built_models[0], out)
    cards = tmp_path / "cards"
    shutil.copytree(Path(__file__).parents[2] / "model_cards", cards)
    return write_site_config(tmp_path, out, cards), cards, out


def break_card(cards: Path) -> tuple[Path, str]:
    card = cards / "penguins-species.yaml"
    text = card.read_text().replace(*BROKEN)
    card.write_text(text)
    line = text.splitlines().index(f"  {BROKEN[1]}") + 1
    return card, unknown_recipe(card, line)


def test_every_entry_point_prints_every_card_problem(project: tuple[Path, Path, Path]) -> None:
    config, cards, out = project
    _, expected = break_card(cards)
    before = snapshot(out)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80"}  # a narrow terminal must not cut the line
    for command in (["vitrine", "check"], ["vitrine", "build"], ["vitrine", "build", "--models-only"], ["mkdocs", "build", "--strict"]):
        proc = subprocess.run([str(BIN / command[0]), *command[1:], "-f", str(config)], capture_output=True, text=True, env=env, timeout=300)
        assert proc.returncode == 1, command
        assert expected in proc.stdout + proc.stderr, (command, proc.stdout + proc.stderr)
    assert snapshot(out) == before


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 10) -> str:
    """A page from the dev server; it must answer quickly even while a card is broken (the server holds a
    request while it rebuilds: `timeout` for a rebuild that trains a model)."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode()


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 90) -> None:
    """Poll `condition` until it holds. A request that times out counts as "not yet": the dev server
    holds requests while it rebuilds, which on a loaded 2-core machine can outlast `get`'s timeout."""
    deadline = time.monotonic() + timeout
    while not answered(condition):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.3)


def answered(condition: Callable[[], bool]) -> bool:
    try:
        return condition()
    except TimeoutError:  # the response was held past `get`'s timeout
        return False
    except urllib.error.URLError as error:  # ...or the connection was
        if isinstance(error.reason, TimeoutError):
            return False
        raise


@contextlib.contextmanager
def dev_server(config: Path, log: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """`vitrine serve` on a free port; yields its base URL once it says it is serving. Leaving stops it
    with SIGTERM, as `kill` does."""
    port = free_port()
    with log.open("w") as sink:
        server = subprocess.Popen(
            [str(BIN / "vitrine"), "serve", "-a", f"127.0.0.1:{port}", "-f", str(config)],
            stdout=sink, stderr=subprocess.STDOUT, env={**os.environ, "NO_COLOR": "1", **(env or {})},
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(lambda: f"Serving on {base}" in log.read_text(), "the server to start")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_dev_server_keeps_the_last_good_site_and_shows_card_problems(project: tuple[Path, Path, Path], tmp_path: Path) -> None:
    config, cards, _ = project
    log = tmp_path / "serve.log"
    with dev_server(config, log) as base:
        page = base + "gallery/penguins-species/"
        assert 'class="vitrine-demo"' in get(page) and "vitrine-build-problem" not in get(page)

        card, expected = break_card(cards)
        wait_for(lambda: "vitrine-build-problem" in get(page), "the problem banner")
        html = get(page)
        assert 'class="vitrine-demo" data-model="penguins-species"' in html, "the last good model page is still served"
        assert expected.replace("'", "&#39;") in html
        assert "vitrine-build-problem" in get(base)  # every page says so
        assert expected in log.read_text()

        card.write_text(card.read_text().replace(BROKEN[1], BROKEN[0]))
        wait_for(lambda: "vitrine-build-problem" not in get(page), "the banner to go once the card is fixed")
        assert 'class="vitrine-demo"' in get(page)


def test_broken_card_at_start_still_serves(project: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """A fresh checkout with a broken card and no earlier build: the server starts and says why (once
    its first build, which runs beside it, has checked the cards)."""
    config, cards, out = project
    shutil.rmtree(out)
    _, expected = break_card(cards)
    with dev_server(config, tmp_path / "serve.log") as base:
        wait_for(lambda: "vitrine-build-problem" in get(base + "gallery/"), "the problem banner")
        html = get(base + "gallery/")
        assert "No model is built yet" in html and expected.replace("'", "&#39;") in html
        assert "vitrine-building" not in html


def test_a_fresh_checkout_serves_while_its_models_build(project: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """`make serve` on a fresh checkout: the URL serves before the models are built (a clean gallery takes
    minutes); every page says they are being built; when they are in, the pages have them and the notice
    is gone (the server rebuilt by itself). Two cards, so that the build takes longer than first_build.WAIT_S."""
    config, cards, out = project
    shutil.rmtree(out)
    for card in cards.iterdir():
        if card.stem not in ("penguins-species", "diabetes-progression"):
            card.unlink()
    log = tmp_path / "serve.log"
    with dev_server(config, log) as base:
        assert "unchanged in" not in log.read_text(), "the server waited for the models"
        gallery, home = get(base + "gallery/"), get(base)
        assert "vitrine-building" in gallery and "diabetes-progression, penguins-species" in gallery
        assert "The models are being built" in gallery and "vitrine-build-problem" not in home
        # a card saved while the first build runs is in the site once it has ended (the build that follows sees it)
        card = cards / "penguins-species.yaml"
        card.write_text(card.read_text().replace("title: Palmer penguins — species", "title: Palmer penguins, renamed meanwhile"))
        wait_for(lambda: "vitrine-building" not in get(base + "gallery/", timeout=120), "the notice to go once the models are built", timeout=300)
        wait_for(lambda: "Palmer penguins, renamed meanwhile" in get(base + "gallery/penguins-species/", timeout=120), "the card saved meanwhile")
        assert 'class="vitrine-demo" data-model="penguins-species"' in get(base + "gallery/penguins-species/")
        assert "2 built, 0 unchanged" in log.read_text()
        assert (out / "manifest.json").is_file() and not list(out.glob(".staging-*"))


def test_a_killed_server_stops_its_model_build_and_removes_its_temporary_site(project: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """SIGTERM (`kill`, a process manager) stops the dev server as Ctrl+C does: the first model build,
    running beside it, stops too, and MkDocs' temporary copy of the site (hundreds of MB) is removed."""
    config, cards, out = project
    shutil.rmtree(out)
    temp = tmp_path / "temp"
    temp.mkdir()
    ours = ("mkdocs_", "vitrine-first-build-")  # (onnxruntime leaves a .ses file in any temp folder it sees)
    with dev_server(config, tmp_path / "serve.log", env={"TMPDIR": str(temp)}):
        assert sorted(prefix for prefix in ours for p in temp.iterdir() if p.name.startswith(prefix)) == sorted(ours)
        assert len(running(f"builder.first_build\0{cards}")) == 1, "the first model build runs beside the server"
    assert [p.name for p in temp.iterdir() if p.name.startswith(ours)] == []
    assert running(f"builder.first_build\0{cards}") == []


def running(command_line: str) -> list[int]:
    """The processes, other than zombies, whose command line (NUL-separated) contains `command_line`."""
    found = []
    for proc in Path("/proc").iterdir():
        with contextlib.suppress(OSError):
            if proc.name.isdigit() and command_line in (proc / "cmdline").read_text() \
                    and ") Z " not in (proc / "stat").read_text():
                found.append(int(proc.name))
    return found


def test_mkdocs_build_with_broken_card_has_no_banner_but_fails(project: tuple[Path, Path, Path]) -> None:
    """Only the dev server tolerates a broken card; a real build must fail (and not publish a banner)."""
    config, cards, _ = project
    break_card(cards)
    proc = mkdocs("build", "-f", str(config))
    assert proc.returncode == 1
    site = config.parent / "site"
    assert not site.exists() or not any("vitrine-build-problem" in p.read_text() for p in site.rglob("*.html"))


def test_card_text_that_looks_like_terminal_markup_is_printed_as_is(project: tuple[Path, Path, Path]) -> None:
    """rich reads `[/bold]` as markup: quoted card text must not crash the report (or restyle it)."""
    config, cards, _ = project
    card = cards / "penguins-species.yaml"
    card.write_text(card.read_text().replace("max_depth: 6", 'max_depth: 6\n    "[/bold]x": 1'))
    for command in (["vitrine", "check"], ["vitrine", "build", "--models-only"], ["vitrine", "build"]):
        proc = subprocess.run([str(BIN / command[0]), *command[1:], "-f", str(config)], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 1, command
        assert "recipe.params.[/bold]x: not a parameter of random_forest" in proc.stderr, (command, proc.stderr)
        assert "Traceback" not in proc.stderr and "MarkupError" not in proc.stderr, command
