"""The static SVG less what draws nothing: the same texts, names and drawing, fewer bytes."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import vl_convert as vlc

from bytebook.publish.static_svg import SVG_NS, slimmed, with_aspect_ratio

TEXT = f"{{{SVG_NS}}}text"

SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
    "title": "Daily revenue, 亿元",
    "width": 230,
    "height": 140,
    "data": {"values": [{"day": 1000 * n, "value": n * 1.1 % 7} for n in range(1, 31)]},
    "mark": {"type": "line", "point": True},
    "encoding": {
        "x": {"field": "day", "type": "quantitative", "axis": {"tickCount": 30}},
        "y": {"field": "value", "type": "quantitative", "title": "亿元"},
        "tooltip": [{"field": "day"}, {"field": "value", "format": ".2f"}],
    },
}


@pytest.fixture(scope="module")
def drawn() -> str:
    return vlc.vegalite_to_svg(SPEC)


def shown_texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(TEXT) if t.get("opacity") != "0"]


def test_every_visible_text_and_every_mark_s_name_stays(drawn):
    before, after = ET.fromstring(drawn), ET.fromstring(slimmed(drawn))
    assert shown_texts(after) == shown_texts(before)
    assert "Daily revenue, 亿元" in shown_texts(after)
    assert any(t.get("opacity") == "0" for t in before.iter(TEXT))  # overlapping labels hidden
    assert not any(t.get("opacity") == "0" for t in after.iter(TEXT))
    names = [e.get("aria-label") for e in before.iter() if e.get("aria-label")]
    assert [e.get("aria-label") for e in after.iter() if e.get("aria-label")] == names
    assert len(names) >= 30  # one per point, at least


def test_the_font_family_is_set_once_and_what_draws_nothing_goes(drawn):
    after = slimmed(drawn)
    root = ET.fromstring(after)
    family = {t.get("font-family") for t in ET.fromstring(drawn).iter(TEXT)}
    assert root.get("font-family") in family and len(family) == 1
    assert not any("font-family" in t.attrib for t in root.iter(TEXT))
    for gone in ('opacity="1"', "translate(0,0)", "pointer-events", 'display="none"'):
        assert gone in drawn and gone not in after, gone
    assert len(after.encode()) < 0.8 * len(drawn.encode())


def test_a_transparent_mark_that_names_nothing_goes_and_one_that_names_something_stays():
    """A model curve's unseen points (transparent, left out for screen readers) draw nothing in
    a static drawing and go; transparent points a screen reader is given stay, names and all."""
    line = {"type": "line"}
    for aria, kept in ((False, 0), (True, 30)):
        points = {"type": "point", "opacity": 0, "filled": True, "aria": aria}
        spec = {key: value for key, value in SPEC.items() if key != "mark"}
        spec["layer"] = [{"mark": line}, {"mark": points}]
        drawn_svg = vlc.vegalite_to_svg(spec)
        root = ET.fromstring(slimmed(drawn_svg))
        paths = [e for e in root.iter(f"{{{SVG_NS}}}path") if e.get("opacity") == "0"]
        assert len(paths) == kept, aria
        assert 'opacity="0"' in drawn_svg  # the drawing had them to leave out
        assert sum(1 for path in paths if path.get("aria-label")) == kept, aria


GROUP, LINE = f"{{{SVG_NS}}}g", f"{{{SVG_NS}}}line"


def grid_lines(root: ET.Element) -> list[tuple[ET.Element, list[ET.Element]]]:
    return [
        (group, group.findall(LINE))
        for group in root.iter(GROUP)
        if "role-axis-grid" in group.get("class", "")
    ]


def test_a_value_all_of_a_group_s_children_share_is_set_once_on_the_group(drawn):
    """An axis's grid lines each carry the same stroke: after slimming the group carries it,
    once, and each line inherits it."""
    before, after = grid_lines(ET.fromstring(drawn)), grid_lines(ET.fromstring(slimmed(drawn)))
    assert len(before) == len(after) >= 2
    for (_, old_lines), (group, new_lines) in zip(before, after, strict=True):
        assert len(new_lines) == len(old_lines) >= 4
        for name in ("stroke", "stroke-width"):
            (shared,) = {line.get(name) for line in old_lines}
            assert group.get(name) == shared
            assert not any(name in line.attrib for line in new_lines)


def test_a_line_s_translation_moves_its_ends_instead():
    svg = (
        f'<svg xmlns="{SVG_NS}"><line transform="translate(26,0)" x2="0" y2="-238"/>'
        '<line transform="translate(190.5,18)" x2="25.25" y2="0"/>'
        '<line transform="translate(5,5) rotate(90)" x2="3"/>'
        '<text transform="translate(52,16)">400</text></svg>'
    )
    lines = ET.fromstring(slimmed(svg)).findall(LINE)
    assert [line.attrib for line in lines] == [
        {"x1": "26", "x2": "26", "y2": "-238"},  # 0 + 26, -238 + 0
        {"x1": "190.5", "y1": "18", "x2": "215.75", "y2": "18"},  # 25.25 + 190.5, 0 + 18
        {"transform": "translate(5,5) rotate(90)", "x2": "3"},  # not a translation alone
    ]
    assert 'transform="translate(52,16)"' in slimmed(svg)  # a text keeps its own


def test_only_float_noise_is_taken_off_a_coordinate():
    svg = (
        f'<svg xmlns="{SVG_NS}"><path d="M0,20.49999999999999h165.1280059814453v-1.0000000000001Z"'
        ' transform="translate(177.32000000000002,0)"/><text>0.30000000000000004</text></svg>'
    )
    after = slimmed(svg)
    assert 'd="M0,20.5h165.1280059814453v-1Z"' in after
    assert 'transform="translate(177.32,0)"' in after
    assert "<text>0.30000000000000004</text>" in after  # a text is never changed


@pytest.mark.browser
def test_the_drawing_is_the_same_pixel_for_pixel(drawn, browser):
    tab = browser.new_page(viewport={"width": 600, "height": 400})
    shots = []
    for svg in (drawn, slimmed(drawn)):
        tab.set_content(f"<!doctype html><meta charset=utf-8><body style='margin:0'>{svg}</body>")
        shots.append(tab.locator("svg").first.screenshot())
    tab.close()
    assert shots[0] == shots[1]
    assert re.search(r"<svg[^>]*font-family=", slimmed(drawn))


def test_a_chart_s_html_does_not_depend_on_the_charts_drawn_before_it():
    """Vega numbers clip paths with a counter that runs across charts (a kernel that runs
    several pages draws many): the same chart drawn twice gives the same HTML, and its ids are
    its own, so no two charts on one page share one."""
    from bytebook.publish.render import _render

    clipped = {**SPEC, "mark": {"type": "line", "clip": True}}
    first, second = _render(clipped)["text/html"], _render(clipped)["text/html"]
    assert first == second
    chart_id = re.search(r'class="bytebook-chart" id="([^"]+)"', first)[1]
    ids = re.findall(r'<(?:clipPath|linearGradient|radialGradient)[^>]*\bid="([^"]+)"', first)
    assert ids and all(name.startswith(f"{chart_id}-") for name in ids)


def test_a_group_that_sets_nothing_gives_way_to_what_it_holds():
    svg = (
        f'<svg xmlns="{SVG_NS}"><g><g><path d="M0,0h1"/></g><line x2="1"/></g>'
        '<g transform="translate(5,6)"><g class="mark-group"><text>a</text></g></g>'
        '<g transform="translate(1,2)"><g transform="scale(2)"><text>b</text></g></g>'
        '<g transform="translate(3,4)"><text>c</text></g>'
        '<g transform="translate(7,8)"><g clip-path="url(#clip1)"><text>d</text></g></g></svg>'
    )
    after = ET.fromstring(slimmed(svg))
    assert [child.tag.split("}")[1] for child in after] == ["path", "line", "g", "g", "g", "g"]
    folded = after[2]
    assert folded.attrib == {"class": "mark-group", "transform": "translate(5,6)"}
    for kept, text in zip(after[3:], "bcd", strict=True):  # a transform or clip path of its own
        assert kept.get("transform") and kept.find(".//" + TEXT).text == text
        assert len(kept) == 1


def test_slimming_leaves_fewer_groups_and_the_same_texts_in_order(drawn):
    before, after = ET.fromstring(drawn), ET.fromstring(slimmed(drawn))
    assert len(after.findall(".//" + GROUP)) < 0.8 * len(before.findall(".//" + GROUP))
    assert [t.text for t in after.iter(TEXT)] == shown_texts(before)


def test_a_chart_is_compiled_once_and_drawn_from_the_vega_spec_it_ships(tmp_path, monkeypatch):
    """The renderer compiles each chart's Vega-Lite once: its static SVG is drawn from the
    compiled Vega spec, and is the drawing vl-convert makes from the Vega-Lite spec directly."""
    from bytebook.publish import kept_renders, render
    from bytebook.publish.kept_json import CACHE_VARIABLE
    from bytebook.publish.static_svg import scoped_ids

    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))  # nothing kept from other runs
    calls: list[str] = []

    def counted(name: str):
        call = getattr(vlc, name)

        def counting(*args, **options):
            calls.append(name)
            return call(*args, **options)

        return counting

    for name in ("vegalite_to_svg", "vegalite_to_vega", "vega_to_svg"):
        monkeypatch.setattr(kept_renders.vlc, name, counted(name))
    html = render._render(SPEC)["text/html"]
    assert calls == ["vegalite_to_vega", "vega_to_svg"]
    chart_id = re.search(r'id="(chart-[0-9a-f]+)"', html)[1]
    static = re.search(r'<div class="bytebook-static">(.*?)</div></div>', html, re.S)[1]
    assert static == scoped_ids(with_aspect_ratio(slimmed(vlc.vegalite_to_svg(SPEC))), chart_id)


def test_a_drawing_carries_its_width_over_its_height_as_its_aspect_ratio():
    svg = '<svg class="marks" width="710" height="329" viewBox="0 0 710 329"><g/></svg>'
    assert with_aspect_ratio(svg) == (
        '<svg class="marks" width="710" height="329" style="aspect-ratio: 710 / 329" '
        'viewBox="0 0 710 329"><g/></svg>'
    )
    inner = '<svg width="100%"><rect width="10" height="20"/></svg>'  # no size of its own
    assert with_aspect_ratio(inner) == inner


STATIC_CHART = re.compile(
    r'id="(chart-[0-9a-f]+)" data-spec[^>]*>.*?<div class="bytebook-static">(<svg[^>]*>)', re.S
)
SIZE = re.compile(r'<svg[^>]*? width="([\d.]+)" height="([\d.]+)"')

DRAW_UNFITTED = """async specs => {
  const sizes = [];
  for (const spec of specs) {
    const view = new vega.View(vega.parse(spec, {}, { ast: true }),
      { renderer: "none", expr: vegaInterpreter });
    sizes.push(await view.toSVG());
    view.finalize();
  }
  return sizes;
}"""
"""Each Vega spec drawn by the page's runtime as the chart script draws it, without the changes
the script makes to fit a column: the SVG it would write."""


def published_charts(html: Path) -> list[tuple[str, tuple[str, str], dict]]:
    """Each chart of the built site: its id, its static drawing's width and height, and the
    Vega spec its page ships, with the rows its Vega-Lite spec holds put back."""
    charts = []
    for page in sorted((html / "book").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        files = set(re.findall(r'data-spec="\.\./([^"]+)"', text))
        specs = {k: v for name in files for k, v in json.loads((html / name).read_text()).items()}
        for chart_id, svg in STATIC_CHART.findall(text):
            datasets, vega = specs[chart_id]["spec"].get("datasets", {}), specs[chart_id]["vega"]
            for entry in vega.get("data", []):
                if "values" not in entry and entry.get("name") in datasets:
                    entry["values"] = datasets[entry["name"]]
            charts.append((chart_id, SIZE.search(svg).groups(), vega))
    return charts


@pytest.mark.browser
def test_the_page_s_runtime_draws_each_chart_at_its_static_drawing_s_size(built_book, browser):
    """vl-convert's static SVG and the chart the page's runtime (`vega-bundle.js`) draws from the
    same compiled Vega spec are one size: the two run one Vega release, so a chart the page does
    not refit does not move when its live drawing replaces the static one."""
    charts = published_charts(built_book)
    assert len(charts) >= 20
    tab = browser.new_page()
    tab.set_content("<!doctype html><meta charset=utf-8><body></body>")
    tab.add_script_tag(content=(built_book / "_static" / "vega-bundle.js").read_text())
    drawn = tab.evaluate(DRAW_UNFITTED, [vega for _, _, vega in charts])
    tab.close()
    live = [SIZE.search(svg).groups() for svg in drawn]
    assert dict(zip([c for c, _, _ in charts], live, strict=True)) == {
        chart_id: static for chart_id, static, _ in charts
    }


STATIC_HEIGHTS = """() => [...document.querySelectorAll('.bytebook-static svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  const [, , width, height] = svg.getAttribute('viewBox').split(' ').map(Number);
  return { on: box.top < innerHeight, height: box.height, expected: box.width * height / width,
           skipped: getComputedStyle(svg).contentVisibility };
})"""
"""Each static drawing of a page: whether it starts on the first screen, its height, the
height its width and view box give, and its content-visibility."""


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_a_drawing_off_the_screen_is_left_unrendered_at_its_own_height(site, browser, width):
    """Below the first screen, the ranking's static drawings are not laid out until the reader
    comes near them, yet each is as tall as it will be drawn, so nothing moves as they are."""
    tab = browser.new_page(viewport={"width": width, "height": 720})
    tab.route("**/vega-bundle.js*", lambda route: route.abort())  # the static drawings stay
    tab.goto(f"{site}/book/ranking.html")
    drawings = tab.evaluate(STATIC_HEIGHTS)
    tab.close()
    below = [d for d in drawings if not d["on"]]
    assert len(below) >= 8
    assert all(d["skipped"] == "auto" for d in drawings)
    # The shortest, Xiaomi's note (no bar drawn, the article its only source), is about 98 px
    # tall on a phone; a drawing not laid out at its own height would collapse towards 0.
    assert all(d["height"] > 50 and abs(d["height"] - d["expected"]) < 1 for d in below), below
