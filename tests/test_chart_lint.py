"""A lint of every chart the book shows, read from the built pages' chart specs.

- colours come from the palette (bytebook.palette), so the article is always one colour;
- every quantitative axis has a complete title of its own, not one Vega-Lite made up
  ("Sum of claims") or a fragment;
- a fixed axis range holds every value drawn at the default setting of the sliders, with room
  above the largest (a line that runs into the end of its axis looks cut off), and a slider
  chart's fixed range fits its values at the defaults instead of the sliders' extremes;
- every chart has data behind it, as a table and a CSV.
"""

from __future__ import annotations

import json
import re

import pytest
from test_browser import PAGES

from bytebook import palette
from bytebook.publish.chart_data import chart_title, drawn_tables
from bytebook.publish.chart_specs import page_specs

pytestmark = pytest.mark.build

COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b")
NAMED_COLOUR_KEYS = ("color", "fill", "stroke", "background")


@pytest.fixture(scope="module")
def specs(built_book) -> list[tuple[str, dict]]:
    found = []
    for page in PAGES:
        found += [(page, spec) for spec in page_specs(built_book / page)]
    assert len(found) >= 10, "too few charts found in the built pages"
    return found


def walk(node: object):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def test_every_colour_comes_from_the_palette(specs):
    allowed = {c.light for c in palette.every_colour()}
    strays = set()
    for page, spec in specs:
        text = json.dumps({k: v for k, v in spec.items() if k != "datasets"})
        strays |= {(page, c.lower()) for c in COLOUR.findall(text) if c.lower() not in allowed}
        for node in walk({k: v for k, v in spec.items() if k != "datasets"}):
            for key in NAMED_COLOUR_KEYS:
                value = node.get(key)
                if isinstance(value, str) and not value.startswith("#") and value != "transparent":
                    strays.add((page, f"{key}: {value}"))
    assert not strays, sorted(strays)


UNNAMED_COUNT = re.compile(r"\bper [\d,.]+$")
"""A title that ends 'per 10,000' without saying 10,000 of what."""


def test_every_quantitative_axis_has_a_complete_title(specs):
    problems = []
    for page, spec in specs:
        for node in walk(spec):
            for channel in ("x", "y"):
                encoding = node.get("encoding", {}).get(channel) if "mark" in node else None
                if not isinstance(encoding, dict) or encoding.get("type") != "quantitative":
                    continue
                if "aggregate" in encoding or "field" not in encoding:
                    continue
                title = encoding.get("title")
                if title is None and encoding.get("axis") is None:
                    continue  # a layer that shares its axis with a titled one
                if (
                    not isinstance(title, str)
                    or len(title) < 3
                    or title.rstrip().endswith((" of", " per", ",", "("))
                    or UNNAMED_COUNT.search(title)
                ):
                    problems.append((page, channel, title))
    assert not problems, problems


def test_a_fixed_axis_range_holds_every_value_drawn(specs):
    outside = []
    for page, spec in specs:
        for table in drawn_tables(spec):
            for field, (low, high) in table.limits.items():
                column = table.fields.index(field) if field in table.fields else None
                if column is None:
                    continue
                values = [float(row[column]) for row in table.raw if row[column] != ""]
                outside += [(page, field, v, (low, high)) for v in values if not low <= v <= high]
    assert not outside, outside[:10]


ROOM = 0.95
"""The largest value a slider chart computes lies below this share of its fixed axis (a line
that runs into the end of its axis looks cut off)."""
FILL = 0.6
"""It reaches at least this share of it at the sliders' defaults (an axis set for the sliders'
extremes leaves the default curve low and flat)."""


def test_a_slider_charts_fixed_axis_fits_its_values_at_the_defaults(specs):
    problems = []
    for page, spec in specs:
        for table in drawn_tables(spec):
            for field, (low, high) in table.limits.items():
                if field not in table.computed or field not in table.fields:
                    continue
                column = table.fields.index(field)
                values = [float(row[column]) for row in table.raw if row[column] != ""]
                share = (max(values) - low) / (high - low)
                if not FILL <= share <= ROOM:
                    problems.append((page, chart_title(spec), field, round(share, 3)))
    assert not problems, problems


def test_every_chart_has_its_data_and_a_csv(built_book):
    """Every chart that draws values offers them; one that draws none says in words what was
    not found (a company's by-year chart with no year's figure)."""
    for page in PAGES:
        text = (built_book / page).read_text(encoding="utf-8")
        specs = page_specs(built_book / page)
        assert text.count('class="bytebook-chart"') == len(specs), page
        with_values = [spec for spec in specs if drawn_tables(spec)]
        for spec in specs:
            if spec not in with_values:
                assert "Not found" in json.dumps(spec, ensure_ascii=False), chart_title(spec)
        assert text.count("Data behind this chart") == len(with_values), page
        assert text.count('class="bytebook-csv-link" href="') >= len(with_values), page


def test_a_slider_chart_says_its_data_is_at_the_default_settings(built_book):
    """The table behind a chart with sliders holds the values at the sliders' defaults, and says
    so; a chart without sliders does not."""
    with_sliders = 0
    for page in PAGES:
        text = (built_book / page).read_text(encoding="utf-8")
        specs = page_specs(built_book / page)
        sliders = [s for s in specs if drawn_tables(s) and '"bind"' in json.dumps(s)]
        with_sliders += len(sliders)
        assert text.count("at the sliders' default settings") == len(sliders), page
    assert with_sliders >= 3, "the cost models' slider charts were not found"


NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _label_texts(spec: dict) -> list[str]:
    """The texts a chart's text marks draw (its value labels and markers) at the sliders'
    defaults, as Vega renders them."""
    import vl_convert as vlc

    from bytebook.publish.chart_data import mark_items

    scene = vlc.vegalite_to_scenegraph(spec)["scenegraph"]
    texts = []
    for item in mark_items(scene, "text"):
        text = item.get("text", "")
        texts.append(" ".join(map(str, text)) if isinstance(text, list) else str(text))
    return texts


def test_every_number_a_label_draws_reads_the_same_in_the_chart_data(specs):
    """A value label and the chart's data table write a figure alike: Midea's FY2022 1,426.5亿
    (W) is not '1,426' on the bar and '1,427' in the table, nor BYD's FY2022 914.5亿 '915'."""
    for page, spec in specs:
        shown = {
            token
            for table in drawn_tables(spec)
            for row in table.shown
            for cell in row
            for token in NUMBER.findall(cell)
        }
        if not shown:
            continue
        for text in _label_texts(spec):
            for token in NUMBER.findall(text):
                assert token in shown, (page, chart_title(spec), text, sorted(shown))


SOURCE_TAG = re.compile(r"\((?:P|S|W)\)$")
"""A legend entry that names a source's figure ends with the source's tag: 'MegaScale (P)'."""


def test_a_legend_draws_the_article_and_the_sources_in_their_own_colours(specs):
    """Where a colour scale names its entries, one the article states ('…, per the article') is
    in the article's colour and one a source reports ('… (P)') is not; points told apart by
    shape alone are not all in the article's colour when a source's figure is among them."""
    wrong = []
    for page, spec in specs:
        for node in walk(spec):
            mark, encoding = node.get("mark"), node.get("encoding") or {}
            shapes = ((encoding.get("shape") or {}).get("scale") or {}).get("domain") or []
            if (
                isinstance(mark, dict)
                and str(mark.get("color", "")).lower() == palette.ARTICLE.light
                and "color" not in encoding
                and any(SOURCE_TAG.search(str(name)) for name in shapes)
            ):
                wrong.append((page, shapes, "sources' points in the article's colour"))
            scale = node.get("scale") if isinstance(node.get("scale"), dict) else {}
            domain, colours = scale.get("domain"), scale.get("range")
            if node.get("field") is None or not isinstance(domain, list):
                continue
            if not isinstance(colours, list) or not all(
                isinstance(c, str) and c.startswith("#") for c in colours
            ):
                continue
            for name, colour in zip(domain, colours, strict=False):
                is_article = colour.lower() == palette.ARTICLE.light
                if SOURCE_TAG.search(str(name)) and is_article:
                    wrong.append((page, name, "a source's figure in the article's colour"))
                if "per the article" in str(name) and not is_article:
                    wrong.append((page, name, "the article's figure in another colour"))
    assert not wrong, wrong
