"""Charts call each company figure by how it reached the book (the origin column), never
'filed' for a figure that is not a filing."""

from __future__ import annotations

import json

import pytest
from test_captions import units_line

from bytebook.chapters import ranking
from bytebook.figures import ranking as ranking_figures
from bytebook.policy import ORIGINS


@pytest.fixture(scope="module")
def found(data):
    return ranking.analyse(data)


def _text(chart) -> str:
    return json.dumps(chart.to_dict(), ensure_ascii=False)


def _origins_in(text: str) -> set[str]:
    return {word for word in ORIGINS if f" {word}" in text}


# Read from data/references.csv's origin column for the overseas and share rows of each
# company (data/README.md): Midea FY2023 tabulated (Emoney F10), FY2024 share and China revenue
# relayed (长江商报, 第一财经), FY2022 and FY2024 amounts derived; BYD FY2024 released, FY2023
# relayed (Xinhua), FY2022 derived; Haier FY2024 tabulated, FY2023 summarised (reportify.ai),
# FY2022 derived; ByteDance FY2024 reported (The Information), FY2023 derived; Xiaomi no
# overseas figure for any full year.
BY_YEAR_ORIGINS = {
    "lenovo": {"derived"},
    "huawei": {"derived"},
    "bytedance": {"reported", "derived"},
    "xiaomi": set(),
    "midea": {"relayed", "tabulated", "derived"},
    "byd": {"released", "relayed", "derived"},
    "haier": {"tabulated", "summarised", "derived"},
}


def test_the_by_year_charts_name_each_figure_s_origin(found, data):
    charts = ranking_figures.company_years(found, data)
    assert set(charts) == set(BY_YEAR_ORIGINS)
    for key, chart in charts.items():
        text = _text(chart)
        assert "filed" not in text.lower(), key  # no figure drawn is a filing
        if not BY_YEAR_ORIGINS[key]:  # nothing found: the chart is a note, with no bars
            assert "shaded" not in text and "Not found" in text, key
            continue
        units = units_line(chart.to_dict())
        bars = units.split("lower edge dashed:")[1]  # the units line on the bars
        assert _origins_in(bars) == BY_YEAR_ORIGINS[key], key


def test_the_2024_chart_names_each_company_s_origin(found, data):
    chart = ranking_figures.filed(found, data)
    text, units = _text(chart), units_line(chart.to_dict())
    assert "filed" not in text.lower()
    assert "Midea" not in text  # its 2024 amount rests on a figure read at second hand
    assert "BYD released" in units
    assert "Haier Smart Home tabulated" in units
    assert "Company's own figure" in text


def test_the_methods_later_source_example_uses_the_row_s_own_origin(data):
    from bytebook.policy import policy_table

    table = policy_table().set_index("rule")
    example = table.at["source after the article", "example"]
    row = data.references.loc["bd_group_2024"]
    assert row["origin"] == "reported" and row["published"] == "2025-08-23"
    assert example == "USD 155 bn, reported, published 2025-08-23"
    assert float(row["value"]) == 155e9


def test_huawei_s_annual_report_is_released_not_filed(data, found):
    # Huawei is not listed: it files no annual report with any exchange but publishes one
    # itself, on huawei.com. Its totals are called released, as a results release is.
    for ref in ("huawei_rev_2022", "huawei_rev_2023"):
        row = data.references.loc[ref]
        assert row["url"].startswith("https://www.huawei.com/en/annual-report/"), ref
        assert row["origin"] == "released", ref
    assert "listed company" in ORIGINS["filed"]
    assert "not listed" in ORIGINS["released"]
    # The FY2023 share is 2,329亿 (derived, W) over the 7,042亿 of the released report.
    ledger = {entry.id: entry for entry in found.entries}
    share = ledger["t_huawei_share"].evidence
    assert "derived from released figures and a derived one" in share
    assert "filed" not in share


def test_a_share_of_two_derived_figures_says_both_were_derived(data, found):
    # Midea's FY2022 share is 1,426.5亿 abroad over 3,439.1亿 in all, and both rows are
    # derivations (origin 'derived'): its row says so, not a bare 'derived'.
    for ref in ("midea_overseas_2022_derived", "midea_rev_2022_derived"):
        assert data.references.loc[ref, "origin"] == "derived", ref
    evidence = {entry.id: entry for entry in found.entries}["d_midea_share_fy2022"].evidence
    assert evidence.endswith("; derived from figures that are themselves derived)." + (
        " Worked out by this book for its text; not a claim of the article, so no verdict."
    ))
    assert "; derived)" not in evidence


def test_a_by_year_slot_with_no_figure_reads_not_found(found, data):
    # From the by-year tables: Lenovo has figures for FY2023/24 only, so both of its panels
    # leave FY2022/23 and FY2024/25 empty; every empty slot of a drawn panel, and only those,
    # says so in the chart.
    from bytebook.year_charts import NOT_FOUND, found_panels

    charts = ranking_figures.company_years(found, data)
    lenovo = found.tables["by_year_lenovo"].set_index("year")
    assert list(lenovo["overseas"].isna()) == [True, False, True]
    for key, chart in charts.items():
        frame = found.tables[f"by_year_{key}"]
        expected = sorted(
            (panel, year)
            for panel in found_panels(frame)
            for year in frame.loc[frame[panel].isna(), "year"]
        )
        # Counted layer by layer: two panels' identical words would share one dataset.
        spec = chart.to_dict()
        drawn = [
            row["year"]
            for rows in _rows_of_each_layer(spec, spec.get("datasets", {}))
            for row in rows
            if row.get("text") == NOT_FOUND
        ]
        assert sorted(drawn) == sorted(year for _, year in expected), key


def _rows_of_each_layer(spec: dict, datasets: dict, inherited: str | None = None):
    """The data rows each mark of a chart spec draws, a mark at a time (a layer without data
    of its own draws its parent's)."""
    name = spec.get("data", {}).get("name", inherited)
    if "mark" in spec:
        yield datasets.get(name, [])
    for part in ("layer", "hconcat", "vconcat", "concat"):
        for child in spec.get(part, []):
            yield from _rows_of_each_layer(child, datasets, name)


PREFACE_TAG_WORDS = {"P": "primary", "S": "secondary", "W": "weak"}
"""What the preface's 'Sources' calls each reliability tag (**P** for primary, **S** for a
reputable secondary source, **W** for a weak one)."""


def test_a_by_year_chart_keys_each_reliability_tag_its_labels_carry(found, data):
    """A bar's label ends in its tag ('914.5 (W)'); the chart's units line says what each tag
    it shows stands for, the tag and its word kept on one line, and names no tag it does not
    show."""
    import re

    for key, chart in ranking_figures.company_years(found, data).items():
        frame = found.tables[f"by_year_{key}"]
        labels = [*frame["overseas_label"].dropna(), *frame["share_pct_label"].dropna()]
        shown = {tag for label in labels for tag in re.findall(r"\(([PSW])\)$", str(label))}
        units = units_line(chart.to_dict())
        for tag, words in PREFACE_TAG_WORDS.items():
            assert (f"{tag}\u00a0{words}" in units) == (tag in shown), (key, tag, units)
