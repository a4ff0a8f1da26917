"""The site in a real headless Chromium (Debian's, which .ci/run installs),
served by ``minutes serve``: the actions page loads with its rows, and on a
PDF source view the fact's highlight is drawn over its words, read from the
screenshot's pixels."""
from __future__ import annotations

import re

import pytest
from browser import chromium, dom, screenshot, served
from minutes.models import queries
from PIL import Image


@pytest.fixture(scope="module")
def site(corpus_sqlite):
    if chromium() is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run installs it)")
    with served(corpus_sqlite.url.database) as base:
        yield base, corpus_sqlite


def _highlight(rgb: tuple[int, int, int]) -> bool:
    """The highlight's fill (#ffd400 at 45%) over the white page."""
    r, g, b = rgb
    return r >= 240 and 220 <= g <= 250 and 115 <= b <= 165


def _over_text(rgb: tuple[int, int, int]) -> bool:
    """The same fill over black print: dark yellow."""
    r, g, b = rgb
    return 80 <= r <= 170 and 60 <= g <= 150 and b <= 60 and r > b + 50


def _pixels(path, test) -> list[tuple[int, int]]:
    image = Image.open(path).convert("RGB")
    w, h = image.size
    data = image.load()
    return [(x, y) for y in range(h) for x in range(w) if test(data[x, y])]


def test_actions_page_loads_in_chromium(site, tmp_path):
    base, engine = site
    html = dom(f"{base}/actions?owner=Priya+Shah")
    assert "draft terms of reference for the Task Group" in html
    assert len(re.findall(r'href="/source/action/\d+"', html)) >= 2
    shot = screenshot(f"{base}/actions?owner=Priya+Shah", tmp_path / "actions.png", 1000, 800)
    image = Image.open(shot).convert("RGB")
    assert image.getpixel((5, 5)) == (0x1d, 0x35, 0x57)  # the site's header bar: the stylesheet loaded


def test_pdf_source_view_draws_the_highlight_on_the_page(site, tmp_path):
    base, engine = site
    [action] = [a for a in queries.select_actions(engine, owner="Rachel Doyle")
                if "CCTV coverage" in a["text"] and a["file"].endswith("2022-02-10_csp_minutes.pdf")]
    shot = screenshot(f"{base}/source/action/{action['id']}", tmp_path / "source.png")
    lit = _pixels(shot, _highlight)
    assert len(lit) > 2000  # two lines of text under the fill
    xs, ys = [x for x, _ in lit], [y for _, y in lit]
    box_w, box_h = max(xs) - min(xs), max(ys) - min(ys)
    # The boxes in points, as the page states them (the SVG scales them uniformly with the page image).
    html = dom(f"{base}/source/action/{action['id']}")
    rects = [tuple(map(float, r)) for r in re.findall(
        r'<rect class="hl" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', html)]
    page_w = float(re.search(r'viewBox="0 0 ([\d.]+)', html).group(1))
    left, right = min(r[0] for r in rects), max(r[0] + r[2] for r in rects)
    top, bottom = min(r[1] for r in rects), max(r[1] + r[3] for r in rects)
    scale = box_w / (right - left)
    assert abs(box_h - scale * (bottom - top)) < 6  # the drawn area has the boxes' shape
    assert 0.8 < scale * page_w / 900 < 1.0  # and the page's scale on a 900-pixel window
    # Print shows through the fill: the highlight lies over the fact's words.
    under = [p for p in _pixels(shot, _over_text) if min(xs) <= p[0] <= max(xs) and min(ys) <= p[1] <= max(ys)]
    assert len(under) > 300
    # The same page without a fact has no highlight.
    plain = screenshot(f"{base}/file/{action['source_file_id']}/page/{action['page']}", tmp_path / "plain.png")
    assert len(_pixels(plain, _highlight)) < 20
