"""Chart builders that reshape their data: the values drawn are the values given."""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from bytebook import charts, palette


def drawn_rows(chart) -> list[dict]:
    """The data rows a chart carries, whichever dataset holds them."""
    spec = chart.to_dict()
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def test_a_figure_cites_its_references_once_per_source(data):
    frame = pd.DataFrame({"year": ["2023", "2024"], "loss": [16.1, 17.7]})
    caption = charts.Caption(
        title="Losses",
        units="USD bn",
        claims=("s1_meta_rl_loss",),
        references=("meta_rl_loss_2024", "meta_rl_loss_2023", "bvc2_vs_x265"),
    )
    bars = charts.bar_chart(frame, "year", "loss", category_title="Year", value_title="USD bn")
    chart = charts.figure(bars, caption, "Bar chart of losses.", data).to_dict()
    refs = data.references
    meta_source = refs.at["meta_rl_loss_2024", "source"]
    assert refs.at["meta_rl_loss_2023", "source"] == meta_source
    source = chart["title"]["text"]
    assert " ".join(source if isinstance(source, list) else [source]) == (
        f"Source: the article (1 不开发布会); {meta_source}, FY2024, FY2023 (P); "
        f"{refs.at['bvc2_vs_x265', 'source']}, 2020 (S)"
    )
    assert all(len(line) <= charts.SOURCE_LINE_WIDTH for line in source)
    assert chart["description"] == "Bar chart of losses."
    assert chart["vconcat"][0]["title"] == {"text": "Losses", "subtitle": "USD bn"}


def test_a_description_names_every_row_in_order():
    frame = pd.DataFrame({"quarter": ["Q1", "Q2"], "cpm": [6.524, 7.1]})
    text = charts.describe("Bar chart of CPMs", frame, "{quarter} USD {cpm:.2f}")
    assert text == "Bar chart of CPMs: Q1 USD 6.52; Q2 USD 7.1."  # trailing zero dropped


def test_the_scorecard_description_skips_empty_verdicts():
    from bytebook.scorecard import describe

    card = pd.DataFrame(
        {"supported": [2, 0], "unverifiable": [0, 3], "total": [2, 3]}, index=["Title", "1 一"]
    )
    assert describe(card) == (
        "Bar charts, one per verdict (supported, unverifiable), of the claims per section: "
        "Title: 2 supported; 1 一: 3 unverifiable."
    )


def test_a_displayed_table_takes_its_headers_and_formats_from_the_chapter(data):
    from bytebook import present
    from bytebook.chapters import ranking
    from bytebook.chapters.rank_ranges import SORTED_COLUMNS

    found = ranking.analyse(data)
    html = present.display_table(found.tables["sorted"], SORTED_COLUMNS).data
    headers = [header for header, _ in SORTED_COLUMNS.values()]
    assert all(f">{header}</th>" in html for header in headers)
    # ByteDance's printed 2855亿元 is shown in 亿, named once in the header, with the share at
    # no decimals.
    bytedance = data.ranking.set_index("company_en").loc["ByteDance"]
    assert bytedance["overseas_revenue_printed"].endswith("2855 亿元")
    assert ">2,855</td>" in html and "(亿元)" in html
    assert f">{data.stated(bytedance['share_claim']) * 100:.0f}%</td>" in html


def test_the_re_sorted_table_names_each_company_once_in_both_languages(data):
    """The re-sorted table has one company column, its cells holding the English and the Chinese
    name from the printed table: no column repeats what another shows."""
    from bs4 import BeautifulSoup

    from bytebook import present
    from bytebook.chapters import ranking
    from bytebook.chapters.rank_ranges import SORTED_COLUMNS

    found = ranking.analyse(data)
    soup = BeautifulSoup(
        present.display_table(found.tables["sorted"], SORTED_COLUMNS).data, "html.parser"
    )
    headers = [th.get_text(" ", strip=True) for th in soup.select("thead th")]
    assert sum("Company" in h or "公司" in h for h in headers) == 1
    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")] for tr in soup.select("tbody tr")
    ]
    column = headers.index("Company")
    names = {f"{r.company_en} {r.company_zh}": r for r in data.ranking.itertuples()}
    assert {row[column] for row in rows} == set(names)
    for row in rows:
        company = names[row[column]]
        others = row[:column] + row[column + 1 :]
        assert not {company.company_en, company.company_zh} & set(others), row


def test_the_implied_totals_table_shows_badges_english_headers_and_its_unit_once(data):
    """Lenovo's printed 3100+ 亿元 over 70% implies at least 3,100 ÷ 0.705 = 4,397亿: the cell
    reads 4,397 under a header that says 亿元; the pair's verdict is a badge; no header is
    Chinese."""
    from bs4 import BeautifulSoup

    from bytebook import present
    from bytebook.chapters import ranking
    from bytebook.chapters.implied_totals import TOTALS_COLUMNS

    found = ranking.analyse(data)
    html = present.display_table(found.tables["implied_totals"], TOTALS_COLUMNS).data
    soup = BeautifulSoup(html, "html.parser")
    headers = [th.get_text() for th in soup.select("th")]
    assert not any(re.search("[\u4e00-\u9fff]", h.replace("(亿元)", "")) for h in headers)
    rows = [
        {th: td for th, td in zip(headers, tr.select("td"), strict=True)}
        for tr in soup.select("tbody tr")
    ]
    lenovo = next(row for row in rows if row["Company"].get_text().startswith("Lenovo"))
    assert "联想" in lenovo["Company"].get_text()
    assert lenovo["Implied from (亿元)"].get_text() == f"{3100 / 0.705:,.0f}" == "4,397"
    assert all("亿" not in td.get_text() for row in rows for td in row.values())
    badges = [row["Pair's verdict"].select_one("span.verdict") for row in rows]
    assert all(badges) and {b.get_text() for b in badges} <= {
        "supported",
        "consistent",
        "off in detail",
        "contradicted",
        "inconsistent",
        "unverifiable",
    }


def test_a_by_year_label_keeps_off_the_printed_band():
    """A share panel runs 0 to 100 over 160 px (1.6 px a point). Huawei's 33.1% clears 约 27%
    (25.65% to 28.35%) above its bar; Haier's 52.2% and 49.97% under 超 50% (50% to 100%)
    sit inside their bars, under the band's lower edge (50 × 1.6 = 80 px, less the 3 px
    clearance and the 9 px offset: 68 px, 42.5); ByteDance's 25.2%, inside 24.5% to 25.5%,
    sits inside its bar."""
    from bytebook.year_charts import SHARE_TOP, label_place

    at, inside = label_place(33.1, (25.65, 28.35), SHARE_TOP)
    assert not inside and at == pytest.approx(33.1 + 9 / 1.6)
    for value in (52.2, 49.97):
        at, inside = label_place(value, (50, 100), SHARE_TOP)
        assert inside and at == pytest.approx((50 * 1.6 - 3 - 9) / 1.6)
    at, inside = label_place(25.2, (24.5, 25.5), SHARE_TOP)
    assert inside and (at * 1.6 + 8) <= 24.5 * 1.6 - 3


def test_panels_that_share_one_table_give_it_once():
    """Two panels whose bars show the same rows give one table and one CSV, with each panel's
    axis range; another chart's distinct tables stay apart."""
    import altair as alt

    from bytebook.publish.chart_data import data_html, drawn_tables

    rows = pd.DataFrame({"year": ["FY2023", "FY2024"], "a": [1.0, 2.0], "b": [30.0, 40.0]})
    tips = [alt.Tooltip("year:N"), alt.Tooltip("a:Q"), alt.Tooltip("b:Q")]
    left = (
        alt.Chart(rows)
        .mark_bar()
        .encode(x="year:N", y=alt.Y("a:Q", scale=alt.Scale(domain=[0, 3])), tooltip=tips)
    )
    right = (
        alt.Chart(rows)
        .mark_bar()
        .encode(x="year:N", y=alt.Y("b:Q", scale=alt.Scale(domain=[0, 100])), tooltip=tips)
    )
    spec = alt.hconcat(left, right).properties(usermeta={"data_note": "Printed band: 1 to 2"})
    [table] = drawn_tables(spec.to_dict())
    assert table.limits == {"a": [0.0, 3.0], "b": [0.0, 100.0]}
    block = data_html(spec.to_dict())
    assert block.count("<table") == block.count("bytebook-csv-link") == 1
    assert "Printed band: 1 to 2" in block
    other = alt.hconcat(left, right.encode(tooltip=tips[:2])).to_dict()
    assert len(drawn_tables(other)) == 2


def test_panels_that_split_one_table_s_rows_give_it_once_with_every_row():
    """Panels that show the same columns for different rows (one verdict each) give one table
    and one CSV, the first panel's rows first, and a row two panels both show once."""
    import altair as alt

    from bytebook.publish.chart_data import data_html, drawn_tables

    tips = [alt.Tooltip("section:N"), alt.Tooltip("verdict:N"), alt.Tooltip("claims:Q")]

    def panel(rows: list[tuple[str, str, int]]) -> alt.Chart:
        frame = pd.DataFrame(rows, columns=["section", "verdict", "claims"])
        return alt.Chart(frame).mark_bar().encode(y="section:N", x="claims:Q", tooltip=tips)

    spec = alt.hconcat(
        panel([("1", "supported", 2), ("2", "supported", 1)]),
        panel([("2", "unverifiable", 3), ("2", "supported", 1)]),
    ).to_dict()
    [table] = drawn_tables(spec)
    assert table.raw == [
        ["1", "supported", "2"],
        ["2", "supported", "1"],
        ["2", "unverifiable", "3"],
    ]
    block = data_html(spec)
    assert block.count("<table") == block.count("bytebook-csv-link") == 1


def test_a_category_axis_listing_its_categories_gives_no_range():
    """A category axis may list its categories (so that panels line up, each with every
    category): that list is the axis's order, not a range of numbers, and the table is given."""
    import altair as alt

    from bytebook.publish.chart_data import drawn_tables

    rows = pd.DataFrame({"section": ["b"], "claims": [2]})
    chart = (
        alt.Chart(rows)
        .mark_bar()
        .encode(
            y=alt.Y("section:N", scale=alt.Scale(domain=["a", "b"])),
            x=alt.X("claims:Q", scale=alt.Scale(domain=[0, 4])),
            tooltip=[alt.Tooltip("section:N"), alt.Tooltip("claims:Q")],
        )
    )
    [table] = drawn_tables(chart.to_dict())
    assert table.limits == {"claims": [0.0, 4.0]}
    assert table.raw == [["b", "2"]]


def test_a_year_with_no_figure_reads_not_found_in_the_chart_data():
    """A chart of figures as found writes 'not found' in its data table's empty cells (a phone's
    card would otherwise show a bare label); the CSV keeps the cell empty."""
    import altair as alt

    from bytebook.publish.chart_data import data_html, drawn_tables, to_csv

    rows = pd.DataFrame({"year": ["FY2023", "FY2024"], "amount": [1.0, None]})
    bars = (
        alt.Chart(rows)
        .mark_bar()
        .encode(x="year:N", y="amount:Q", tooltip=[alt.Tooltip("year:N"), alt.Tooltip("amount:Q")])
    )
    plain = data_html(bars.to_dict())
    assert "not found" not in plain and "></td>" in plain
    found = bars.properties(usermeta={"empty_cell": "not found"}).to_dict()
    block = data_html(found)
    assert ">FY2024</td>" in block and ">not found</td>" in block and "></td>" not in block
    [table] = drawn_tables(found)
    assert "not found" not in to_csv(table)


def _finish_charts() -> dict[str, alt.TopLevelMixin]:
    """Fresh charts of the three kinds `charts.finish` places: one with nothing to lift, one
    whose data the outer chart lifts, one whose param it lifts."""
    one, two = pd.DataFrame({"x": [1, 2]}), pd.DataFrame({"x": [3]})
    pick = alt.param(name="pick", value=1, bind=alt.binding_range(min=0, max=2))
    return {
        "layers": alt.layer(
            alt.Chart(one).mark_bar().encode(x="x:Q"),
            alt.Chart(two).mark_rule().encode(x="x:Q"),
            width=200,
            height=100,
        ),
        "data": alt.Chart(one).mark_point().encode(x="x:Q"),
        "param": alt.Chart(one).mark_point().encode(x="x:Q").add_params(pick),
    }


@pytest.mark.parametrize("kind", ["layers", "data", "param"])
def test_a_finished_chart_has_the_spec_altair_composes(kind):
    source = alt.Title("Source: a", orient="bottom")
    composed = alt.vconcat(
        _finish_charts()[kind].properties(title=alt.Title("T", subtitle="units")),
        title=source,
        description="d",
    )
    finished = charts.finish(_finish_charts()[kind], "T", "units", "a", "d")
    finished.title = source
    assert json.dumps(finished.to_dict()) == json.dumps(composed.to_dict())
    for lifted in ("data", "params"):
        assert (finished[lifted] is alt.Undefined) == (composed[lifted] is alt.Undefined)
        assert (finished.vconcat[0][lifted] is alt.Undefined) == (
            composed.vconcat[0][lifted] is alt.Undefined
        )


def test_by_year_panels_side_by_side_have_the_spec_altair_composes():
    from bytebook import year_charts

    frame = pd.DataFrame(
        {
            "year": ["FY2023", "FY2024"],
            "a": [1.0, 2.0],
            "a_label": ["1", "2"],
            "b": [30.0, None],
            "b_label": ["30%", None],
        }
    )

    def panels() -> list[alt.LayerChart]:
        return [
            year_charts._panel(frame, value, value, (0.5, 1.5), "printed", top, [])
            for value, top in (("a", 3.0), ("b", 100.0))
        ]

    placed, composed = year_charts._side_by_side(panels()), alt.hconcat(*panels())
    assert json.dumps(placed.to_dict()) == json.dumps(composed.to_dict())
    assert placed.params is composed.params is alt.Undefined
    assert placed.data is composed.data is alt.Undefined


def test_the_article_s_dashed_rule_is_cased_in_the_page_s_colour_where_it_crosses_bars():
    """The dashes of the article's figure, pale orange on a dark page, are lost where they cross
    the references' light blue bars unless a solid rule in the page's colour, wider than the
    dashes, is drawn under them."""
    frame = pd.DataFrame({"year": ["2022", "2023"], "loss": [13.72, 16.12]})
    chart = charts.bar_chart(
        frame,
        "year",
        "loss",
        category_title="Year",
        value_title="USD bn",
        reference=(13.0, "the article's figure"),
    )
    rules = [
        layer["mark"]
        for layer in chart.to_dict()["layer"]
        if isinstance(layer["mark"], dict) and layer["mark"]["type"] == "rule"
    ]
    dashed = [rule for rule in rules if "strokeDash" in rule]
    assert len(dashed) == 1
    under = rules[: rules.index(dashed[0])]
    assert any(
        rule.get("color") == charts.palette.BACKGROUND.light
        and "strokeDash" not in rule
        and rule["strokeWidth"] >= dashed[0]["strokeWidth"] + 2
        for rule in under
    )


def test_a_source_line_says_when_a_figure_was_read_at_second_hand(data):
    """A chart's source line drops the notes on how the book read a source, but a figure read
    at second hand counts as W whatever its tag, so its line keeps those words beside the tag:
    Midea's revenue in China (第一财经, not read) is 'S, read at second hand, so counted as W',
    not a bare 'S' (its bar is labelled W); RankMixer, read in its abstract, keeps a bare 'P'."""
    from bytebook.policy import SECOND_HAND_MARK

    sources = data.references["source"]
    second_hand = list(sources.index[sources.str.contains(SECOND_HAND_MARK, regex=False)])
    assert "midea_china_rev_2024" in second_hand
    for ref in second_hand:
        tag = data.references.at[ref, "reliability"]
        counted = "" if tag == "W" else ", so counted as W"
        line = charts.source_line(data, references=[ref])
        assert f"({tag}, read at second hand{counted})" in line, ref
    assert "(P)" in charts.source_line(data, references=["rankmixer_params"])


def _slope_chart(xs: list[float], **options) -> alt.LayerChart:
    """A model curve y = s × x over `xs`, its slope `s` a slider set at 1."""
    slider = charts.slider("s", "Slope ", 1.0, 0.01, 100.0, 0.01)
    return charts.model_curve(
        pd.DataFrame({"x": xs}),
        "x",
        "s * datum.x",
        x_title="Things counted",
        y_title="Cost",
        sliders=[slider],
        **options,
    )


def _readouts(setting: float) -> list[list[str]]:
    """The readouts a model curve draws with its slider at `setting`, each as its lines: a
    curve y = s × x on a fixed axis from 1 to 100, meeting the level 10 at x = 10 ÷ s."""
    import vl_convert as vlc

    chart = _slope_chart(
        [1.0, 10.0, 100.0],
        claim=(10.0, "Article"),
        x_scale="log",
        x_domain=(1.0, 100.0),
        crossing=charts.Crossing("10 / s", "Where they meet", counts="things counted"),
    )
    spec = json.loads(json.dumps(chart.to_dict()).replace('"value": 1.0', f'"value": {setting}'))
    svg = vlc.vegalite_to_svg(spec)
    firsts = "|".join(map(re.escape, (charts.ON_PLOT_READOUT, charts.OFF_PLOT_NOTE[0])))
    notes = re.findall(rf"<text[^>]*>(<tspan>(?:{firsts}).*?)</text>", svg)
    return [re.findall(r"<tspan[^>]*>([^<]*)</tspan>", note) for note in notes]


def test_the_readout_says_where_the_curve_meets_the_figure_and_when_the_ring_leaves_the_axis():
    """At slope 1 the curve meets 10 at x = 10 ÷ 1 = 10, on the axis; at 2, at 5. At 0.04 it
    meets it at 10 ÷ 0.04 = 250, right of the axis's 100; at 20, at 10 ÷ 20 = 0.5, left of
    its 1: the readout says the ring is off the plot. Each gives the x it meets at (as the
    ring's tooltip writes it, or to two significant figures below 1)."""
    for slope, where in ((1.0, "10"), (2.0, "5")):
        assert _readouts(slope) == [[charts.ON_PLOT_READOUT, f"{where} things counted"]], slope
    for slope, where in ((0.04, "250"), (20.0, "0.5")):
        assert _readouts(slope) == [[*charts.OFF_PLOT_NOTE, f"{where} things counted"]], slope
    # a flat curve (10 ÷ 0) or a falling one (10 ÷ −1 < 0) never meets the level on this axis
    for slope in (0.0, -1.0):
        assert _readouts(slope) == [[charts.OFF_PLOT_NOTE[0], charts.NEVER_MEETS]], slope


def test_a_ring_is_drawn_only_where_the_curve_meets_the_figure_on_the_axis():
    """A ring centred past the end of the x axis would show half of itself at the edge, where
    the curve does not meet the level: the curve y = s × x meets 10 at x = 10 ÷ s, on the axis
    from 1 to 100 at slope 1 (x = 10), past its end at 0.08 (x = 125)."""
    import vl_convert as vlc

    chart = _slope_chart(
        [1.0, 10.0, 100.0],
        claim=(10.0, "Article"),
        x_scale="log",
        x_domain=(1.0, 100.0),
        y_max=100.0,
        crossing=charts.Crossing("10 / s", "Where they meet", counts="things counted"),
    )
    for slope, rings in ((1.0, 1), (0.08, 0)):
        spec = json.loads(json.dumps(chart.to_dict()).replace('"value": 1.0', f'"value": {slope}'))
        labels = re.findall(r'aria-label="([^"]*)"', vlc.vegalite_to_svg(spec))
        assert len([label for label in labels if "Ring: Where they meet" in label]) == rings, slope


def _band_chart(frame: pd.DataFrame, value: str, titles: tuple[str, str, str, str]):
    """`charts.band_against_value` of a frame with columns company, low and high, and `value`."""
    return charts.band_against_value(
        frame,
        "company",
        ("low", "high"),
        value,
        names=("Band", "Found"),
        value_title="亿元",
        tooltip_titles=titles,
    )


def test_a_value_against_a_band_is_drawn_over_it_and_its_data_is_one_table():
    """The implied-totals chart: each company's band a bar from its low to its high end, the
    total found a triangle drawn after it (over it), ringed in the page's colour; the legend
    names both, each drawn as its mark is, and both marks' tooltips give the same fields, with
    their unit, so the data behind the chart is one table: Midea's band 3,704 to 4,051 and its
    total 4,072."""
    frame = pd.DataFrame({"company": ["M"], "low": [3704.0], "high": [4051.0], "found": [4072.0]})
    titles = ("Company", "Lowest, 亿元", "Highest, 亿元", "Found, 亿元")
    chart = _band_chart(frame, "found", titles)
    bars, points = chart.to_dict()["layer"]
    assert bars["mark"]["type"] == "bar"
    assert (bars["encoding"]["x"]["field"], bars["encoding"]["x2"]["field"]) == ("low", "high")
    assert points["mark"]["type"] == "point" and points["encoding"]["x"]["field"] == "found"
    assert points["mark"]["stroke"] == palette.BACKGROUND.light
    assert points["encoding"]["shape"]["scale"]["range"] == ["triangle-up"]
    # Each mark has its legend entry, drawn as the mark is: the band's square as pale as the
    # band's fill, outlined in its colour; the value's triangle solid, ringed in the page's.
    band_legend = bars["encoding"]["color"]["legend"]
    assert bars["encoding"]["color"]["scale"]["domain"] == ["Band"]
    assert band_legend["symbolOpacity"] == bars["mark"]["fillOpacity"] < 1
    assert band_legend["symbolStrokeColor"] == bars["mark"]["stroke"]
    value_legend = points["encoding"]["shape"]["legend"]
    assert points["encoding"]["shape"]["scale"]["domain"] == ["Found"]
    assert value_legend["symbolFillColor"] == points["mark"]["color"]
    assert value_legend["symbolStrokeColor"] == palette.BACKGROUND.light
    for layer in (bars, points):
        tips = [(tip["field"], tip["title"]) for tip in layer["encoding"]["tooltip"]]
        assert tips == list(zip(("company", "low", "high", "found"), titles, strict=True))


def test_a_legend_s_value_kept_whole_reads_with_plain_spaces_in_the_csv():
    """A model chart keeps 'USD 2 million' whole in its legend with no-break spaces; the data
    behind the chart, offered as a CSV, gives it with plain spaces, as typed."""
    from bytebook.publish.chart_data import drawn_tables, to_csv

    chart = _slope_chart([1.0, 2.0], claim=(2.0, "the article: USD 2 million a day"))
    csv_text = "".join(to_csv(table) for table in drawn_tables(chart.to_dict()))
    assert "the article: USD 2 million a day" in csv_text
    assert "\u00a0" not in csv_text


def test_a_band_chart_refuses_a_frame_whose_column_its_legend_would_overwrite():
    """Its legend entries are computed fields: a frame column of the same name would be
    overwritten, and the values drawn from it lost, so the call names the column instead."""
    frame = pd.DataFrame({"company": ["M"], "low": [1.0], "high": [2.0], "legend_value": [3.0]})
    with pytest.raises(ValueError, match="legend_value"):
        _band_chart(frame, "legend_value", ("Company", "Low", "High", "Found"))


def test_only_a_range_input_counts_as_a_slider():
    """A chart that zooms (a parameter bound to its scales) has no slider; one with a range
    input has, in a layer of it too."""
    from bytebook.publish.chart_data import has_sliders

    frame = pd.DataFrame({"x": [1.0, 2.0], "y": [1.0, 2.0]})
    base = alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q")
    zoom = alt.selection_interval(bind="scales")
    slider = alt.param(name="level", value=1, bind=alt.binding_range(min=0, max=2))
    assert not has_sliders(base.add_params(zoom).to_dict())
    assert has_sliders(alt.layer(base.add_params(slider), base).to_dict())


@pytest.mark.parametrize("foot", [float("nan"), 0.40], ids=["missing", "above its top"])
def test_a_range_bar_s_lower_end_must_be_a_number_below_its_top(foot):
    """A bar drawn as a range (solid to its foot, faint to its top) whose foot is missing would
    drop from the chart, and one whose foot lies above its top would be drawn backwards: both
    stop the chart, naming the bar."""
    frame = pd.DataFrame(
        {"result": ["objective", "subjective"], "saving": [0.366, 0.45], "low": [foot, 0.45]}
    )
    with pytest.raises(ValueError, match=r"lower end \('low'\) of objective is missing or above"):
        charts.bar_chart(
            frame, "result", "saving", category_title="Result", value_title="Saving", low="low"
        )


def test_each_marked_point_drops_a_dashed_line_to_the_axis_in_its_colour():
    """A point on a model curve, drawn in the curve's colour when it is a source's, stands out
    by a dashed line from the axis up to the curve at its x, in the point's colour."""
    marks = pd.DataFrame(
        {"x": [2.0, 5.0, 8.0], "label": ["Printed", "One", "Two"], "article": [True, False, False]}
    )
    spec = _slope_chart([1.0, 10.0], marks=marks).to_dict()
    dropped = {}
    for layer in spec["layer"]:
        mark = layer["mark"]
        if not (isinstance(mark, dict) and mark.get("type") == "rule" and "strokeDash" in mark):
            continue
        rows = spec["datasets"][layer["data"]["name"]]
        calculated = {t["as"]: t["calculate"] for t in layer["transform"]}
        assert calculated == {"model": "s * datum.x", "floor": "0"}
        assert (layer["encoding"]["y"]["field"], layer["encoding"]["y2"]["field"]) == (
            "floor",
            "model",
        )
        dropped[mark["color"]] = sorted(row["x"] for row in rows)
    assert dropped == {palette.ARTICLE.light: [2.0], palette.REFERENCE.light: [5.0, 8.0]}


def test_a_dot_plot_tells_the_article_s_points_from_the_sources_by_shape_too():
    """In greyscale, or to a reader whose colour vision merges the article's colour and the
    sources', the article's dots must still stand apart: drawn, the article's point is a
    diamond (straight edges) and a source's a circle (arcs), in the plot and in the legend."""
    import vl_convert as vlc

    from bytebook.article import ARTICLE_LEGEND

    frame = pd.DataFrame(
        {
            "what": ["Implied by the title", "2024 average"],
            "rate": [7.01, 7.196],
            "kind": [ARTICLE_LEGEND, "Federal Reserve"],
        }
    )
    chart = charts.dot_plot_with_band(
        frame, "what", "rate", band=(7.076, 7.2807), band_label="band",
        value_title="CNY per USD", colour_by="kind",
    )
    svg = vlc.vegalite_to_svg(chart.to_dict())
    symbols = re.findall(r'<g class="mark-symbol role-(mark|legend-symbol)[^"]*"[^>]*>(.*?)</g>',
                         svg, re.S)
    shapes = {}
    for role, group in symbols:
        for fill, path in re.findall(r'<path[^>]*?d="([^"]+)"[^>]*?fill="([^"]+)"', group):
            shapes.setdefault(role, set()).add(("arc" if "A" in fill else "straight", path))
    for role in ("mark", "legend-symbol"):
        kinds = {kind for kind, _ in shapes[role]}
        assert kinds == {"arc", "straight"}, (role, shapes[role])
        # the straight-edged shape wears the article's colour
        assert ("straight", charts.ARTICLE) in shapes[role], (role, shapes[role])


@pytest.mark.parametrize("largest", [3, 9, 25, 26, 99, 140])
def test_the_longest_verdict_bar_leaves_room_for_its_count(largest):
    """A verdict panel is 90 px wide; the longest bar's count, 3 px after it, takes up to 7 px a
    digit (11 px digits are about 6.6 px wide). At 26 claims on an axis to 30 it ran 4 px past
    the panel (78 + 3 + 14 > 90)."""
    frame = pd.DataFrame({"section": ["1"], "verdict": ["supported"], "claims": [largest]})
    spec = charts.verdict_bars(frame, sections=["1"], verdicts=["supported"]).to_dict()
    top = spec["hconcat"][0]["layer"][0]["encoding"]["x"]["scale"]["domain"][1]
    assert largest / top * 90 + 3 + 7 * len(str(largest)) <= 90
    assert top >= largest * 1.15
