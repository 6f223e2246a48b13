"""Every figure of the book, built by `bytebook.figures`: a page's chart cell is one call, and
each source line is built from the ids of what the chart draws, never typed.

Which ids a chart's data came from is found by experiment: a claim, reference or assumption
whose value, changed in a copy of the data, changes what the chart draws is one the chart
draws on, and it must be cited.
"""

from __future__ import annotations

import csv
import dataclasses
import importlib
import inspect
import json
import math
import re
import shutil
from decimal import ROUND_HALF_UP, Decimal

import altair as alt
import pandas as pd
import pytest
from test_captions import units_line

from bytebook import charts, filed_years, palette
from bytebook.article import SECTION_TITLES
from bytebook.book import all_entries, ledger
from bytebook.chapters import WRITTEN
from bytebook.data import PROVENANCE_NOTE, BookData, load_book_data, short_source_name
from bytebook.findings import Findings
from bytebook.paths import BOOK_DIR, DATA_DIR
from bytebook.scorecard import scorecard
from bytebook.sources import source_records

TABLES = ("claims", "references", "assumptions")


def figure_functions(chapter: str) -> dict:
    """The public functions of `bytebook.figures.<chapter>` that build figures from the
    chapter's findings and the data."""
    module = importlib.import_module(f"bytebook.figures.{chapter}")
    return {
        name: function
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__
        and not name.startswith("_")
        and list(inspect.signature(function).parameters)[:1] in (["found"], ["card"])
    }


def build_figures(
    chapter: str, found: Findings, data: BookData, card: pd.DataFrame | None = None
) -> dict[str, alt.TopLevelMixin]:
    """Every figure of a chapter, by function name (and key, for a function that returns
    several), those drawn from the whole ledger from `card` (its scorecard, worked out from
    `data` when not given)."""
    figures = {}
    for name, function in figure_functions(chapter).items():
        first = list(inspect.signature(function).parameters)[0]
        if first == "card" and card is None:
            card = scorecard(ledger(data))
        made = function(card if first == "card" else found, data)
        if isinstance(made, dict):
            figures |= {f"{name}.{key}": chart for key, chart in made.items()}
        else:
            figures[name] = made
    return figures


def source_text(spec: dict) -> str:
    """A figure's source line, its wrapped lines joined again."""
    text = spec["title"]["text"]
    return " ".join(text) if isinstance(text, list) else text


def drawn(spec: dict) -> str:
    """Everything a chart draws: its spec without the source line, the ids it cites and the
    description (which repeats the values in words)."""
    kept = {k: v for k, v in spec.items() if k not in ("title", "usermeta", "description")}
    return json.dumps(kept, sort_keys=True, default=str)


@pytest.fixture(scope="module")
def findings(data) -> dict[str, Findings]:
    """Each chapter's findings from the data, worked out once for the module's tests."""
    return {chapter: module.analyse(data) for chapter, module in WRITTEN.items()}


@pytest.fixture(scope="module")
def card(data) -> pd.DataFrame:
    """The scorecard of the whole ledger, worked out once for the module's tests."""
    return scorecard(ledger(data))


@pytest.fixture(scope="module")
def every_figure(data, findings, card) -> dict[tuple[str, str], dict]:
    return {
        (chapter, name): chart.to_dict(validate=False)
        for chapter in WRITTEN
        for name, chart in build_figures(chapter, findings[chapter], data, card).items()
    }


def test_every_chapter_with_figures_has_its_figure_module():
    for chapter in WRITTEN:
        page = (BOOK_DIR / f"{chapter}.md").read_text(encoding="utf-8")
        if "glue:figure" in page:
            assert figure_functions(chapter), f"book/{chapter}.md shows figures"


def test_a_page_glues_each_figure_with_one_call_and_builds_no_chart_itself():
    for page in sorted(BOOK_DIR.glob("*.md")):
        source = page.read_text(encoding="utf-8")
        calls_charts = re.search(r"\bcharts\.[A-Za-z_]", source)
        assert "bytebook import charts" not in source and not calls_charts, page.name
        for call in re.findall(r'^\s*glue\(f?"fig_[^\n]*', source, re.M):
            assert re.search(r"\w+_figures\.\w+\(", call) or call.strip().endswith(
                "chart, display=False)"
            ), (page.name, call)


def test_every_figure_cites_ids_that_exist_and_its_source_line_is_built_from_them(
    data, every_figure
):
    assert len(every_figure) >= 27
    for (chapter, name), spec in every_figure.items():
        cites = spec["usermeta"]["cites"]
        for table in TABLES:
            unknown = set(cites[table]) - set(getattr(data, table).index)
            assert not unknown, (chapter, name, table, unknown)
        line = source_text(spec)
        assert line.startswith("Source: "), (chapter, name)
        # The line holds the title of each cited claim's section, each cited reference's
        # source by name and each assumption's item (whitespace aside: the line is wrapped);
        # it names the source, not its data: no list of a source's figures.
        flat = re.sub(r"\s+", "", line)
        assert not re.search(r"(?:\d\.\d{4}\s+){2,}", line), (chapter, name, line)
        expected = [SECTION_TITLES[data.claims.at[c, "section"]] for c in cites["claims"]]
        expected += [
            short_source_name(data.references.at[r, "source"]) for r in cites["references"]
        ]
        expected += [data.assumptions.at[a, "item"][1:] for a in cites["assumptions"]]
        if len({data.claims.at[c, "section"] for c in cites["claims"]}) == len(SECTION_TITLES):
            expected = [text for text in expected if text not in SECTION_TITLES.values()]
            expected.append("(everysection)")
        for text in expected:
            assert re.sub(r"\s+", "", text) in flat, (chapter, name, text, line)
        # A reference an assumption's basis cites is cited with it.
        for assumption in cites["assumptions"]:
            assert set(data.basis_references(assumption)) <= set(cites["references"])


def test_the_source_line_is_the_ids_written_out(data):
    line = charts.source_line(
        data,
        claims=["t_byd_share", "title_daily_revenue"],
        references=["meta_rl_loss_2024"],
        assumptions=["gpu_price_per_hour"],
    )
    # Meta's recorded name ('… 10-K for FY2024 …') holds its period, so it is not said again.
    assert "FY2024" in data.references.at["meta_rl_loss_2024", "source"]
    assert line == (
        "the article (Title, 4 海外营收排行榜); the book's model, assuming the price of one "
        f"GPU-hour; {data.references.at['meta_rl_loss_2024', 'source']} (P); "
        f"{data.references.at['h100_hour_median_2026', 'source']}, 2026-05 (W)"
    )
    with pytest.raises(ValueError, match="needs claims"):
        charts.source_line(data)


def test_a_model_figure_says_so_in_its_source_line(every_figure):
    """A figure drawn by the book's arithmetic names the model, and the rule it rests on."""
    for (chapter, name), spec in every_figure.items():
        if spec["usermeta"]["cites"]["assumptions"]:
            line = source_text(spec)
            assert "the book's model" in line and ", assuming the " in line, (chapter, name)
    upload = source_text(every_figure[("codec", "upload")])
    assert upload.endswith("; the book's model"), upload
    inference = re.sub(r"\s+", " ", source_text(every_figure[("recommender", "inference")]))
    # Two FLOPs (a multiply and an add) for each active parameter a candidate passes through.
    assert "the book's model (2 FLOPs per active parameter), assuming the" in inference


@pytest.fixture(scope="module")
def edited_data(tmp_path_factory) -> BookData:
    """A copy of the data in which every reference's source and every assumption's item
    says it was edited."""
    folder = tmp_path_factory.mktemp("edited") / "data"
    shutil.copytree(DATA_DIR, folder)
    for name, column in (("references.csv", "source"), ("assumptions.csv", "item")):
        path = folder / name
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            row[column] = f"{row[column]} edited"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return load_book_data(folder)


def test_a_source_line_names_its_sources_without_notes_on_how_they_were_read(data, every_figure):
    """A source line is short: no '(read at second hand: …)', '(stored copy)' or '(mirror)'.
    Those notes stand with the source on the sources page (its Producer column). Only the words
    'read at second hand' stay, beside the tag, with what it makes of it ('(P, read at second
    hand, so counted as W)'), since such a figure counts as W whatever its tag."""
    sources = data.references["source"]
    noted = {r for r, source in sources.items() if PROVENANCE_NOTE.search(source)}
    second_hand = {r for r, source in sources.items() if "read at second hand" in source}
    cited_with_notes = set()
    for (chapter, name), spec in every_figure.items():
        line = " ".join(source_text(spec).split())
        for note in ("(read at second hand", "read in a repost", "stored copy", "(mirror)"):
            assert note not in line, (chapter, name, line)
        cited = set(spec["usermeta"]["cites"]["references"])
        if cited & second_hand:
            assert re.search(r", read at second hand(, so counted as W)?\)", line), line
        cited_with_notes |= noted & cited
    assert cited_with_notes, "no chart cites a source that has a note: the check checks nothing"
    records = source_records(data, all_entries(data))
    for reference in cited_with_notes:
        producer = records.loc[records["id"] == reference, "producer"].item()
        assert PROVENANCE_NOTE.search(producer), reference


def test_a_source_line_changes_with_the_sources_it_cites(data, edited_data, every_figure):
    for chapter, module in WRITTEN.items():
        edited = build_figures(chapter, module.analyse(edited_data), edited_data)
        for name, chart in edited.items():
            old = every_figure[(chapter, name)]
            new = chart.to_dict(validate=False)
            cites = old["usermeta"]["cites"]
            assert new["usermeta"]["cites"] == cites
            line = re.sub(r"\s+", "", source_text(new))
            for reference in cites["references"]:
                source = short_source_name(edited_data.references.at[reference, "source"])
                assert re.sub(r"\s+", "", source) in line, (chapter, name, reference)
            if cites["references"] or cites["assumptions"]:
                assert source_text(new) != source_text(old), (chapter, name)
            else:
                assert source_text(new) == source_text(old), (chapter, name)


MOVE = 1.001
"""How far a value moves to change a figure drawn from findings: a tenth of a percent."""


def _changed(data: BookData, table: str, ident: str, factor: float = MOVE) -> BookData:
    """A copy of the data with one value moved by `factor` (a tenth of a percent unless told;
    its text too)."""
    frame = getattr(data, table).copy()
    value = float(frame.at[ident, "value"]) * factor + 1e-6
    frame.at[ident, "value"] = value
    if "value_text" in frame.columns:
        frame.at[ident, "value_text"] = repr(value)
    return dataclasses.replace(data, **{table: frame})


def _numeric_ids(data: BookData):
    for table in TABLES:
        for ident, value in getattr(data, table)["value"].items():
            if isinstance(value, float) and not math.isnan(value):
                yield table, ident


class ReadRecorder:
    """Stands in for BookData and records the ids read through its accessors."""

    def __init__(self, data: BookData):
        self._data = data
        self.read: set[tuple[str, str]] = set()

    def __getattr__(self, name):
        return getattr(self._data, name)

    def stated(self, claim_id):
        self.read.add(("claims", claim_id))
        return self._data.stated(claim_id)

    def reference(self, reference_id):
        self.read.add(("references", reference_id))
        return self._data.reference(reference_id)

    def assumed(self, assumption_id):
        self.read.add(("assumptions", assumption_id))
        return self._data.assumed(assumption_id)


class RecordingDict(dict):
    """A dict that records which keys are read."""

    def __init__(self, *args):
        super().__init__(*args)
        self.used: set[str] = set()

    def __getitem__(self, key):
        self.used.add(key)
        return super().__getitem__(key)


def _inputs(function, found: Findings, data: BookData) -> tuple[dict, set]:
    """The parts of the findings a figure function reads, and the ids it reads from the data
    itself (every assumption counts: sliders read their rows)."""
    tables, numbers = RecordingDict(found.tables), RecordingDict(found.numbers)
    texts = RecordingDict(found.texts)
    recorder = ReadRecorder(data)
    function(Findings(numbers, texts, entries=found.entries, tables=tables), recorder)
    used = {"tables": tables.used, "numbers": numbers.used, "texts": texts.used}
    return used, recorder.read | {("assumptions", a) for a in data.assumptions.index}


def _snapshot(found: Findings, used: dict) -> str:
    parts = {
        "tables": {k: found.tables[k].to_csv() for k in sorted(used["tables"])},
        "numbers": {k: repr(found.numbers[k]) for k in sorted(used["numbers"])},
        "texts": {k: found.texts[k] for k in sorted(used["texts"])},
    }
    return json.dumps(parts, sort_keys=True)


def _drawn_by(function, found: Findings, data: BookData) -> dict[str, str]:
    made = function(found, data)
    charts_made = made if isinstance(made, dict) else {"": made}
    return {key: drawn(chart.to_dict(validate=False)) for key, chart in charts_made.items()}


def _ranking_table_claims(data: BookData) -> set[tuple[str, str]]:
    columns = ["revenue_claim", "revenue_cny_claim", "share_claim"]
    return {("claims", claim) for claim in data.ranking[columns].to_numpy().ravel()}


PERTURBED = {"ranking": _ranking_table_claims}
"""Where not every value is changed: the ranking analysis takes a third of a second and its
figures seconds, so only the claims of the printed table are changed, the by-year charts are
left out, and the references are checked by
`test_a_ranking_figure_cites_the_sources_of_every_row_it_draws` instead; that every one of
these figures moves with a value it cites is checked by
`test_every_figure_moves_when_a_value_it_cites_moves`."""
LEFT_OUT = {"ranking": {"company_years"}}


class Moved:
    """What figures draw from copies of the data with one value moved, kept for the module's
    tests: a drawing one test made is not made again by another, and the analysis of a copy
    serves every figure of its chapter (those of one chapter at a time are kept)."""

    def __init__(self, data: BookData):
        self.data = data
        self.drawings: dict[tuple[str, str, str, str, float], dict[str, str]] = {}
        self._analysed: dict[tuple[str, str, str, float], tuple[BookData, Findings]] = {}

    def analysed(
        self, chapter: str, table: str, ident: str, factor: float
    ) -> tuple[BookData, Findings]:
        """The copy with one value moved, and the chapter's findings from it."""
        key = (chapter, table, ident, factor)
        if key not in self._analysed:
            if any(kept[0] != chapter for kept in self._analysed):
                self._analysed.clear()
            changed = _changed(self.data, table, ident, factor)
            self._analysed[key] = changed, WRITTEN[chapter].analyse(changed)
        return self._analysed[key]

    def drawn(self, chapter: str, name: str, table: str, ident: str, factor: float):
        """What each chart of one figure function draws from the copy (a chart of verdicts
        from the copy's ledger), by key."""
        key = (chapter, name, table, ident, factor)
        if key not in self.drawings:
            function = figure_functions(chapter)[name]
            if list(inspect.signature(function).parameters)[0] == "card":
                changed = _changed(self.data, table, ident, factor)
                made = function(scorecard(ledger(changed)), changed)
            else:
                changed, found = self.analysed(chapter, table, ident, factor)
                made = function(found, changed)
            charts_made = made if isinstance(made, dict) else {"": made}
            self.drawings[key] = {
                k: drawn(chart.to_dict(validate=False)) for k, chart in charts_made.items()
            }
        return self.drawings[key]


@pytest.fixture(scope="module")
def moved(data) -> Moved:
    return Moved(data)


@pytest.mark.parametrize("chapter", sorted(WRITTEN))
def test_every_id_a_figure_draws_on_is_cited(chapter, data, findings, moved):
    """Change each claim, reference and assumption in turn; where a figure's drawing changes,
    the figure must cite what was changed. A figure's inputs are the parts of the findings it
    reads (recorded) and the ids it reads itself, so a figure is redrawn only for a change
    that reaches them."""
    module = WRITTEN[chapter]
    changes = set(_numeric_ids(data))
    if chapter in PERTURBED:
        changes &= PERTURBED[chapter](data)
    found = findings[chapter]
    functions = {
        name: function
        for name, function in figure_functions(chapter).items()
        if list(inspect.signature(function).parameters)[0] == "found"
        and name not in LEFT_OUT.get(chapter, set())
    }
    inputs = {name: _inputs(function, found, data) for name, function in functions.items()}
    before = {name: _snapshot(found, used) for name, (used, _) in inputs.items()}
    original = {name: _drawn_by(function, found, data) for name, function in functions.items()}
    drawn_from = {(name, key): set() for name in functions for key in original[name]}
    for table, ident in sorted(changes):
        changed = _changed(data, table, ident)
        analysed = module.analyse(changed)
        for name, function in functions.items():
            used, read = inputs[name]
            if (table, ident) not in read and _snapshot(analysed, used) == before[name]:
                continue
            redrawn = _drawn_by(function, analysed, changed)
            moved.drawings[(chapter, name, table, ident, MOVE)] = redrawn
            for key, spec in redrawn.items():
                if spec != original[name][key]:
                    drawn_from[(name, key)].add((table, ident))
    for name, function in functions.items():
        made = function(found, data)
        for key, chart in (made if isinstance(made, dict) else {"": made}).items():
            cites = chart.to_dict(validate=False)["usermeta"]["cites"]
            cited = {(table, ident) for table in TABLES for ident in cites[table]}
            if chapter not in PERTURBED:
                assert drawn_from[(name, key)], (chapter, name, key, "draws on nothing changed")
            uncited = drawn_from[(name, key)] - cited
            assert not uncited, (chapter, name, key, sorted(uncited))


def test_a_ranking_figure_cites_the_sources_of_every_row_it_draws(data, findings, every_figure):
    """The ranking's tables carry, row by row, the references each figure came from. A by-year
    chart cites the years it draws a bar for, and not a year with none (Xiaomi's chart draws
    no bar, so its source line names the article alone)."""
    found = findings["ranking"]
    totals = {ref for refs in found.tables["implied_totals"]["sources"] for ref in refs}
    cited = set(every_figure[("ranking", "totals")]["usermeta"]["cites"]["references"])
    assert totals and totals <= cited, sorted(totals - cited)
    rows = data.ranking.set_index("company_en")
    bare = 0
    for band in found.tables["printed_bands"].itertuples():
        cited = every_figure[("ranking", f"company_years.{band.key}")]["usermeta"]["cites"]
        years = found.tables[f"by_year_{band.key}"]
        drawn = years["overseas"].notna() | years["share_pct"].notna()
        drawn_refs = {ref for refs in years.loc[drawn, "sources"] for ref in refs}
        left = {ref for refs in years.loc[~drawn, "sources"] for ref in refs} - drawn_refs
        assert drawn_refs <= set(cited["references"]), band.company
        assert not left & set(cited["references"]), (band.company, sorted(left))
        bare += not drawn.any()
        assert rows.at[band.company, "share_claim"] in cited["claims"]
    assert bare == 1  # Xiaomi: no full-year overseas figure was found
    filed = every_figure[("ranking", "filed")]["usermeta"]["cites"]["references"]
    for company in found.tables["filed_by_companies"]["company"]:
        year = filed_years.CLAIMED_YEAR[company]
        assert set(filed_years.reference_ids(company, year)) <= set(filed), company


def test_the_article_s_amounts_beside_the_companies_own_are_drawn_as_the_bands_it_allows(
    data, findings, every_figure
):
    """The chart of the article's amounts beside the companies' own draws each printed amount
    as the band the ledger reads it as, not as a point at N. Worked here from the printed cell
    alone: "N+" (N多) runs from N to N plus one unit of its last significant digit (BYD's
    "1000+" to 2,000), a figure to its last digit half a unit either side (Haier's "1364" from
    1,363.5); the company's figure sits at its own value."""
    spec = every_figure[("ranking", "filed")]
    rows = [row for rows in spec["datasets"].values() for row in rows if "low" in row]
    drawn = {row["company"]: (row["low"], row["high"], row["reported"]) for row in rows}
    companies = list(findings["ranking"].tables["filed_by_companies"]["company"])
    assert companies and sorted(drawn) == sorted(companies)
    printed = data.ranking.set_index("company_en")["overseas_revenue_printed"]
    for company, (low, high, reported) in drawn.items():
        digits, plus = re.match(r"(\d+)(\+?)", printed[company]).groups()
        step = 10 ** (len(digits) - len(digits.rstrip("0")))
        n = int(digits)
        expected = (n, n + step) if plus else (n - step / 2, n + step / 2)
        assert (low, high) == pytest.approx(expected), company
        ends = [f"{end:,.1f}".removesuffix(".0") + "亿元" for end in expected]
        assert f"allowing {ends[0]} to {ends[1]}," in spec["description"], company
        year = filed_years.CLAIMED_YEAR[company]
        own = filed_years.overseas(data.references, company, year).value / 1e8
        assert reported == pytest.approx(own), company


FIGURES = [
    (chapter, name) for chapter in sorted(WRITTEN) for name in sorted(figure_functions(chapter))
]
VERDICT_NUDGE = 10
"""How far a claim moves to change a chart of verdicts: a tenth of a percent moves no verdict,
ten times the printed value moves any judged one."""


@pytest.mark.parametrize(("chapter", "name"), FIGURES)
def test_every_figure_moves_when_a_value_it_cites_moves(
    chapter, name, data, findings, card, moved, every_figure
):
    """For every chart of every figure function: one of the claims, references or assumptions
    it cites, moved in a copy of the data, changes what the chart draws. The figure is drawn
    from the data, not typed, and its source line cites what it is drawn from."""
    function = figure_functions(chapter)[name]
    verdicts = list(inspect.signature(function).parameters)[0] == "card"
    made = function(card if verdicts else findings[chapter], data)
    charts_made = made if isinstance(made, dict) else {"": made}
    before = {key: drawn(chart.to_dict(validate=False)) for key, chart in charts_made.items()}
    factor = VERDICT_NUDGE if verdicts else MOVE
    numeric = set(_numeric_ids(data))

    def changes(table: str, ident: str, key: str) -> bool:
        return moved.drawn(chapter, name, table, ident, factor)[key] != before[key]

    for key in before:
        cites = every_figure[(chapter, f"{name}.{key}" if key else name)]["usermeta"]["cites"]
        cited = [(t, i) for t in TABLES for i in cites[t] if (t, i) in numeric]
        assert cited, (chapter, name, key, "cites no value")
        assert any(changes(table, ident, key) for table, ident in cited), (
            chapter,
            name,
            key,
            "no cited value changes the chart",
        )


def test_a_by_year_chart_draws_a_panel_only_where_a_figure_was_found(findings, every_figure):
    """A company's by-year chart has one panel for each of amount and share with at least one
    year's figure; one with neither (Xiaomi: only single quarters were found) says in words
    what was not found. Nothing says 'not published'."""
    found = findings["ranking"]
    for band in found.tables["printed_bands"].itertuples():
        table = found.tables[f"by_year_{band.key}"]
        with_figures = [c for c in ("overseas", "share_pct") if table[c].notna().any()]
        spec = every_figure[("ranking", f"company_years.{band.key}")]
        chart = spec["vconcat"][0]
        text = json.dumps(spec, ensure_ascii=False)
        assert "not published" not in text.lower(), band.company
        subtitle = units_line(spec)
        if with_figures:
            assert len(chart["hconcat"]) == len(with_figures), band.company
        else:
            assert "hconcat" not in chart and "layer" not in chart, band.company
            # The note says what was not found; the units line does not say it again.
            assert "Not found" in text and "not found" not in subtitle, subtitle
            # Its lines are read in the box's description, not one by one as "row: 0; line: …"
            assert chart["mark"]["aria"] is False, band.company
        if len(with_figures) == 1:
            assert subtitle.endswith("by year: not found"), band.company
    xiaomi = json.dumps(every_figure[("ranking", "company_years.xiaomi")], ensure_ascii=False)
    assert "Not found: a full-year overseas revenue" in xiaomi
    assert units_line(every_figure[("ranking", "company_years.xiaomi")]) == (
        "亿元 and percent, in words: no bars"
    )
    # Its note is not read out, so its description gives the printed band's ends: 1200+ is
    # 1,200 to 1,300 (N多), 45% is 44.5% to 45.5%.
    description = every_figure[("ranking", "company_years.xiaomi")]["description"]
    assert description.endswith("1200+ 亿元 and 45%, 1,200亿元 to 1,300亿元 and 44.5% to 45.5%.")


def test_the_years_chart_says_which_start_date_was_found(data, every_figure):
    """The article dates no start; the chart's units line names the one start date the
    research found, from its reference row, and cites it."""
    spec = every_figure[("summary", "years")]
    subtitle = units_line(spec)
    launch = data.references.loc["tiktok_intl_launch"]
    assert "the article gives no start date" in subtitle
    assert f"found only for ByteDance ({launch['item']}, {launch['value_text']}" in subtitle
    assert "tiktok_intl_launch" in spec["usermeta"]["cites"]["references"]


def test_the_impressions_chart_names_the_remainder_it_is_drawn_for(data, every_figure):
    """The split's sliders move its remainder, and the impressions chart under it cannot follow
    them: its units line names the remainder it is drawn for, USD 39 bn less CapCut Pro
    (USD 7.99 × 12 × 20 million) and USD 2 bn of gifts, and says it does not follow them."""
    spec = every_figure[("economics", "impressions")]
    subtitle = units_line(spec)
    remainder = 39 - 7.99 * 12 * 20e6 / 1e9 - 2
    assert f"CapCut Pro and gross gifting are taken out, USD {remainder:.2f} bn" in subtitle
    assert "(this chart does not follow the split's sliders)" in subtitle


def test_a_reference_point_on_a_model_curve_cuts_the_curve_around_it(every_figure):
    """Reference points sit on the model curve in its own colour (the utilisation chart's
    Doubao and MegaScale marks): each is ringed in the page's colour, wider than a hairline, so
    that the curve stops short of it and its shape shows on a phone and in dark mode."""
    spec = every_figure[("infrastructure", "utilisation")]
    layers = spec["vconcat"][0]["layer"]
    (curve,) = [layer for layer in layers if layer["mark"]["type"] == "line"]
    (points,) = [
        layer
        for layer in layers
        if layer["mark"].get("filled") is True and layer["mark"].get("opacity") != 0
    ]
    assert points["encoding"]["color"]["scale"]["range"][-1] == curve["mark"]["color"]
    assert points["mark"]["stroke"] == palette.BACKGROUND.light
    assert points["mark"]["strokeWidth"] >= 2


def _curves(node: object) -> list[dict]:
    """The line layers of a chart spec, at any depth."""
    if isinstance(node, list):
        return [curve for child in node for curve in _curves(child)]
    if not isinstance(node, dict):
        return []
    mark = node.get("mark")
    own = [node] if isinstance(mark, dict) and mark.get("type") == "line" else []
    return own + [curve for child in node.values() for curve in _curves(child)]


def test_a_model_curve_on_a_fixed_axis_runs_from_end_to_end(every_figure):
    """A curve whose x axis is fixed to a range is drawn over all of it: the utilisation curve,
    whose axis runs from 10% to full use, had stopped at 95%, under the axis's last label."""
    checked = []
    for (chapter, name), spec in every_figure.items():
        for curve in _curves(spec):
            x = curve["encoding"]["x"]
            rows = spec.get("datasets", {}).get(curve.get("data", {}).get("name"), [])
            if "domain" not in x.get("scale", {}) or not rows:
                continue
            xs = [row[x["field"]] for row in rows]
            checked.append((chapter, name))
            assert [min(xs), max(xs)] == pytest.approx(x["scale"]["domain"]), (chapter, name)
    assert ("infrastructure", "utilisation") in checked


def _legend_words(node: object) -> list[str]:
    """The words of every legend entry a chart spec names in a scale's domain, at any depth."""
    if isinstance(node, list):
        return [word for child in node for word in _legend_words(child)]
    if not isinstance(node, dict):
        return []
    words = []
    for channel in ("color", "shape"):
        encoding = (node.get("encoding") or {}).get(channel)
        if isinstance(encoding, dict) and encoding.get("legend", {}) is not None:
            words += [str(word) for word in encoding.get("scale", {}).get("domain", [])]
    return words + [word for child in node.values() for word in _legend_words(child)]


def test_a_legend_entry_begins_with_a_capital_as_a_label_does(every_figure):
    """A legend names what its marks are as a label does, from a capital ('Article', 'Federal
    Reserve exchange rate'; the rates chart had said 'article' and 'reference'), but for the
    verdicts, which are written as their badges write them."""
    from bytebook.policy import Verdict

    verdicts = {verdict.value for verdict in Verdict}
    words = {word for spec in every_figure.values() for word in _legend_words(spec)}
    assert {"Article", "Federal Reserve exchange rate"} <= words
    assert not [w for w in words - verdicts if w[:1].islower()]


MOVED = 1.5
"""How far a claim moves to show whether a chart's words print it: half its value again changes
the figure however few digits it is printed with (2 million reads 3 million)."""


def chart_words(spec: dict) -> str:
    """What a chart says in words rather than draws: its description (the alt text) and every
    text of its spec (titles, legend and rule labels, axis titles), without its data, the ids
    it cites and its source line."""
    texts = [spec.get("description", "")]

    def walk(node: object, key: str = "") -> None:
        if key in ("datasets", "data", "usermeta", "$schema", "config"):
            return
        if isinstance(node, dict):
            for name, item in node.items():
                walk(item, name)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str) and key not in ("expr", "calculate", "filter", "test"):
            texts.append(node)

    walk({k: v for k, v in spec.items() if k not in ("title", "description")})
    return " ".join(texts)


SCALES = {"USD": (1, 1e-6, 1e-9), "CNY": (1, 1e-4, 1e-8), "share": (100,), "ratio": (100,)}
"""How a claim of each unit is printed: US dollars as is, in million or bn; yuan as is, in 万 or
亿; shares and ratios in percent; anything else as is or in million, bn or trillion."""
OTHER_SCALES = (1, 1e-6, 1e-9, 1e-12)


def _prints(number: float, decimals: int, value: float, unit: str) -> bool:
    """Whether a figure printed with `decimals` reads as `value` (of `unit`) in one of the
    scales its unit is printed in."""
    step = Decimal(1).scaleb(-decimals)
    for scale in SCALES.get(unit, OTHER_SCALES):
        shown = Decimal(repr(abs(value) * scale)).quantize(step, rounding=ROUND_HALF_UP)
        if math.isclose(float(shown), number, abs_tol=10 ** -(decimals + 3)):
            return True
    return False


def typed_claims(before: str, after: str, old: float, new: float, unit: str) -> list[str]:
    """The figures `before` prints as the claim's `old` value that `after`, written once the
    claim moved to `new`, still prints as often: typed, not taken from the claim."""
    from test_captions import printed_numbers

    def printed(text: str) -> list[str]:
        return [f"{n:.{d}f}" for n, d in printed_numbers(text)]

    shown = {
        f"{n:.{d}f}"
        for n, d in printed_numbers(before)
        if _prints(n, d, old, unit) and not _prints(n, d, new, unit)
    }
    return sorted(t for t in shown if printed(after).count(t) >= printed(before).count(t))


def test_a_chart_that_moves_its_claim_does_not_keep_a_typed_figure():
    """The check below finds a figure typed into a chart's words: the codec chart's line
    label 'the article: USD 2 million a day' keeps its 2 when the claim moves to 3."""
    before = "Saving a day the article: USD 2 million a day; 8 Mbps"
    assert typed_claims(before, before, 2e6, 3e6, "USD") == ["2"]
    moved = "Saving a day the article: USD 3 million a day; 8 Mbps"
    assert typed_claims(before, moved, 2e6, 3e6, "USD") == []
    assert typed_claims("USD per 10,000 inferences", "", 1e12, 1.5e12, "parameters") == []


@pytest.mark.parametrize(("chapter", "name"), FIGURES)
def test_a_chart_s_words_take_each_claim_it_prints_from_the_claim(
    chapter, name, data, findings, moved, every_figure
):
    """Every figure of the article that a chart's words print (its alt text, titles, legend and
    rule labels) is written from the claim's row: moved by half its value in a copy of the data,
    the claim reads differently in the chart's words. Left out: the ranking's by-year charts
    (seconds each; their claims are the table's, which its other charts print), and a claim a
    chart does not cite. A copy's analysis is kept for the chapter's other figures (`Moved`)."""
    if name in LEFT_OUT.get(chapter, set()):
        pytest.skip("drawn from the same claims as the chapter's other charts")
    function = figure_functions(chapter)[name]
    if list(inspect.signature(function).parameters)[0] == "card":
        pytest.skip("a chart of verdicts prints counts, not the article's figures")

    def words(source: BookData, found: Findings) -> dict[str, str]:
        made = function(found, source)
        charts_made = made if isinstance(made, dict) else {"": made}
        return {k: chart_words(c.to_dict(validate=False)) for k, c in charts_made.items()}

    before = words(data, findings[chapter])
    cited = {
        key: every_figure[(chapter, f"{name}.{key}" if key else name)]["usermeta"]["cites"]
        for key in before
    }
    typed = []
    for claim in sorted({c for cites in cited.values() for c in cites["claims"]}):
        old = data.claims.at[claim, "value"]
        if not isinstance(old, float) or math.isnan(old):
            continue
        old = float(old)
        changed, found = moved.analysed(chapter, "claims", claim, MOVED)
        after = words(changed, found)
        for key, text in before.items():
            if claim in cited[key]["claims"]:
                unit = data.claims.at[claim, "unit"]
                found = typed_claims(text, after[key], old, old * MOVED, unit)
                typed += [(key, claim, figure) for figure in found]
    assert not typed, typed


def test_the_upload_chart_s_data_shows_each_value_as_drawn(every_figure):
    """50 million videos × 8 Mbps ÷ 8 bits a byte = 5e13 bytes (0.05 PB) a day per second of
    length: 0.25 PB at 5 s, 0.75 PB at 15 s, 1.25 PB at 25 s, shown so in the data behind the
    chart, never rounded to 0.3, 0.8 and 1.3."""
    from bytebook.publish.chart_data import drawn_tables

    [table] = drawn_tables(every_figure[("codec", "upload")])
    shown = {seconds: value for seconds, value in table.shown}
    per_second = 5e7 * 8e6 / 8 / 1e15
    for seconds, value in (("5", "0.25"), ("15", "0.75"), ("25", "1.25")):
        assert f"{per_second * float(seconds):.2f}" == value
        assert shown[seconds] == value, (seconds, shown[seconds])
    for (_, value), (_, raw) in zip(table.shown, table.raw, strict=True):
        assert float(value.replace(",", "")) == pytest.approx(float(raw)), (value, raw)


def test_the_daily_bars_are_labelled_at_the_digits_the_prose_writes(data, every_figure):
    """The preface's Fig. 1 labels each day's yuan as the prose writes it, two decimals
    kept: the article's 2,855亿元 over the 366 days of 2024 is 7.80, not 7.8."""
    table_yi = float(data.claim("t_bytedance_overseas_cny")["value"]) / 1e8
    expected = f"{table_yi / 366:.2f}"
    assert expected == "7.80"
    labels = drawn(every_figure[("preface", "daily")])
    assert f'"daily_shown": "{expected}"' in labels


def test_a_title_of_one_measure_against_another_names_the_vertical_one_first(every_figure):
    """'Bytes uploaded a day against average video length' plots bytes up the chart and length
    across it: in the title 'A against B' of a chart of two measures (both axes quantitative),
    A ends with a word of the y axis's title and B with one of the x axis's."""
    checked = 0
    for key, spec in every_figure.items():
        chart = spec["vconcat"][0]
        title = chart.get("title", {}).get("text", "")
        measures = [
            layer["encoding"]
            for layer in chart.get("layer", [chart])
            if all(
                layer.get("encoding", {}).get(axis, {}).get("type") == "quantitative"
                for axis in ("x", "y")
            )
        ]
        if " against " not in title or not measures:
            continue
        axes = {axis: measures[0][axis]["title"] for axis in ("x", "y")}
        vertical, across = (part.split()[-1].lower() for part in title.split(" against "))
        assert vertical in axes["y"].lower() and across in axes["x"].lower(), (key, title, axes)
        checked += 1
    assert checked == 2  # the upload chart and the ranking's scatter


def test_a_result_quoted_as_a_range_is_labelled_with_the_range(data, every_figure):
    """The VVC paper gives 33.1% to 36.6%: its bar is solid to the range's foot and faint from
    there to its top (a bar drawn whole to 36.6% overstated the foot), and its label and
    description give the whole range, as the chapter's text does, not the top alone. A result
    with one value has no faint part."""
    spec = every_figure[("codec", "gains")]
    rows = [row for rows in spec.get("datasets", {}).values() for row in rows]
    (objective,) = [row for row in rows if row.get("result", "").startswith("VVC vs HEVC, obj")]
    assert (objective["saving_low"], objective["saving"]) == pytest.approx((0.331, 0.366))
    assert objective["shown"] == "33.1% to 36.6%"
    assert "VVC vs HEVC, objective (P) 33.1% to 36.6%" in spec["description"]
    bars = [layer for layer in spec["vconcat"][0]["layer"] if layer["mark"]["type"] == "bar"]
    solid, faint = sorted(bars, key=lambda layer: "fillOpacity" in layer["mark"])
    assert solid["encoding"]["x"]["field"] == "saving_low" and "x2" not in solid["encoding"]
    assert (faint["encoding"]["x"]["field"], faint["encoding"]["x2"]["field"]) == (
        "saving_low",
        "saving",
    )
    assert faint["mark"]["fillOpacity"] < 1 and "stroke" in faint["encoding"]
    single = [row for row in rows if row.get("result", "").startswith("VVC vs HEVC, sub")]
    assert single[0]["saving_low"] == single[0]["saving"] == pytest.approx(0.45)


def test_the_capcut_chart_s_dashed_line_says_what_it_is(every_figure):
    """The dashed line is the gross profit the article's figures give: USD 7.99 × 12 months ×
    20 million payers × 92% = USD 1.764 bn a year; its legend says so, not only whose it is,
    the value kept whole (no-break spaces) where a phone's legend wraps."""
    spec = every_figure[("economics", "capcut")]
    profit = 7.99 * 12 * 20e6 * 0.92 / 1e9
    assert f"The article's figures: USD\u00a0{profit:.3f}\u00a0bn a year" in chart_words(spec)


def test_a_value_in_a_chart_s_words_is_kept_whole():
    """Spaces inside a value with its unit become no-break spaces; others stay."""
    assert charts.kept_whole("the article: USD 2 million a day, 8 Mbps") == (
        "the article: USD\u00a02\u00a0million a day, 8\u00a0Mbps"
    )


def test_a_description_writes_its_numbers_as_the_chart_s_labels_do():
    """A chart's screen-reader description drops trailing zeros as its trimmed labels do (26,
    not 26.00; 7.4, not 7.40), writes a `sig` field at four significant figures (7.99 × 12 ×
    20 million = USD 1.9176 bn is USD 1.918 bn), and rounds the float's exact value with a tie
    away from zero as d3 does: 0.125, exact in binary, is 0.13 (Python's format gives 0.12);
    2.3985, whose float lies just below the tie, is 2.398, as the chart labels it."""
    frame = pd.DataFrame(
        {"name": ["a", "b"], "value": [26.0, 7.4], "bn": [1.9176, 2.0], "x": [0.125, 2.3985]}
    )
    assert charts.describe("Bars", frame, "{name} {value:.2f}; {bn:sig}; {x:.2f}; {x:sig}") == (
        "Bars: a 26; 1.918; 0.13; 0.125; b 7.4; 2; 2.4; 2.398."
    )
    assert f"{7.99 * 12 * 20e6 / 1e9:.4f}" == "1.9176" and f"{0.125:.2f}" == "0.12"


def test_no_chart_description_writes_a_whole_number_with_a_zero_fraction(every_figure):
    """'USD 39.0 bn', 'USD 26.00' or '11.0 billion' in a description would print a figure
    the prose writes as 39, 26 or 11 at a precision the book never gives it."""
    for key, spec in every_figure.items():
        zeros = re.findall(r"(?<![\w.])\d[\d,]*\.0+(?![\d])", spec.get("description", ""))
        assert not zeros, (key, zeros)


def test_the_years_chart_does_not_call_every_company_s_years_years_to_scale(every_figure):
    """Only ByteDance's 7 and Huawei's 20 years are to reach one overseas scale (只用 7 年就完成了
    华为 20 年才达到的海外规模); Xiaomi's, Midea's and BYD's are years of their globalisation
    (小米 13 年…的全球化进程). The chart's title and axis say neither for all five, and its
    caption on the page says which is which."""
    spec = every_figure[("summary", "years")]
    words = chart_words(spec).lower()
    assert "to reach" not in words and "to overseas scale" not in words
    page = (BOOK_DIR / "summary.md").read_text(encoding="utf-8")
    assert "ByteDance's and Huawei's years are to reach one overseas scale" in page
    assert "Xiaomi's, Midea's and BYD's\nare years of globalisation" in page


def _bound_params(spec: dict) -> list[dict]:
    """The parameters of a spec and of every chart in it that are bound to a range input."""
    found = [p for p in spec.get("params", []) if p.get("bind", {}).get("input") == "range"]
    for key in ("layer", "vconcat", "hconcat"):
        for part in spec.get(key, []):
            found += _bound_params(part)
    return found


def test_a_slider_chart_s_description_says_it_gives_the_defaults(every_figure, built_book):
    """A screen reader reads a chart's description, written once at the sliders' defaults: a
    chart with sliders says so (its description does not follow them), in the page's chart
    box too; a chart without any does not."""
    from bytebook.publish.chart_data import SLIDERS_NOTE, described

    with_sliders = {key for key, spec in every_figure.items() if _bound_params(spec)}
    assert len(with_sliders) >= 5, with_sliders
    for key, spec in every_figure.items():
        assert described(spec)["description"].endswith(SLIDERS_NOTE) == (key in with_sliders)
    page = (built_book / "book" / "infrastructure.html").read_text(encoding="utf-8")
    assert f"{SLIDERS_NOTE.rpartition(';')[2]}\">" in page  # the chart box's aria-label


def test_a_chart_that_highlights_one_company_says_why(every_figure):
    """Every figure of the ranking is the article's: a company drawn in another colour is
    highlighted for another reason (it is the article's subject), which the units line says."""
    import json

    from bytebook.figures.ranking import SUBJECT_HIGHLIGHTED

    highlighting = {
        key: spec
        for key, spec in every_figure.items()
        if key[0] == "ranking" and re.search(r'"test": "[^"]*ByteDance', json.dumps(spec))
    }
    assert len(highlighting) >= 2, sorted(highlighting)
    for key, spec in highlighting.items():
        assert SUBJECT_HIGHLIGHTED in units_line(spec), key


def test_a_chart_whose_axis_counts_a_batch_names_the_batch_in_its_title(every_figure):
    """The recommender's curve plots the cost of 10,000 inferences, not of one: a title that
    says 'cost per inference' over that axis misreads it by ten thousand. A number in a y
    axis's title (a batch it counts) is in the chart's title too."""
    checked = 0
    for key, spec in every_figure.items():
        chart = spec["vconcat"][0]
        title = chart.get("title", {}).get("text", "")
        for layer in chart.get("layer", [chart]):
            y_title = layer.get("encoding", {}).get("y", {}).get("title") or ""
            for batch in re.findall(r"\d[\d,]*", y_title):
                assert batch in title, (key, title, y_title)
                checked += 1
    assert checked


def test_the_cpm_chart_names_whose_prices_it_sets_the_article_against(data, every_figure):
    """The references' 2024 CPMs are those of the advertisers in Varos's benchmark ("across
    industries and verticals", no country named in the part read), one segment of TikTok's
    market: the chart's title says so, as its caption's sources do, and names no segment the
    source does not."""
    from bytebook.chapters.economics import CPM_QUARTERS

    items = {data.references.at[ref, "item"] for ref in CPM_QUARTERS}
    assert items == {"TikTok CPM (advertisers in Varos's benchmark)"}
    notes = {data.references.at[ref, "note"] for ref in CPM_QUARTERS}
    assert all("across industries and verticals" in note for note in notes)
    title = every_figure[("economics", "cpm")]["vconcat"][0]["title"]["text"]
    assert "Varos's benchmark" in title
    assert "US" not in title.split() and "direct-to-consumer" not in title


def test_the_years_chart_does_not_call_years_to_a_scale_years_abroad(data, every_figure):
    """字节只用 7 年 and 华为 20 年 are the years each took to reach one overseas scale; 小米 13
    年 and the others are years of globalisation. Neither the title nor the axis calls them all
    'years abroad'."""
    from bytebook.chapters.summary import YEAR_CLAIMS

    glosses = [data.claims.at[claim, "claim_en"] for claim in YEAR_CLAIMS.values()]
    assert sum("to reach" in gloss for gloss in glosses) == 2
    chart = every_figure[("summary", "years")]["vconcat"][0]
    axis = next(layer["encoding"]["x"]["title"] for layer in chart.get("layer", [chart]))
    assert "years" in axis.lower()  # the bars run across: years are the x axis
    assert "abroad" not in chart["title"]["text"].lower() and "abroad" not in axis.lower()


def test_each_bar_of_the_years_chart_says_what_its_years_count(data, every_figure):
    """The caption says ByteDance's and Huawei's years are to one overseas scale and the others'
    of globalisation; the bars say it too, in their labels, so the chart alone does not set
    the two kinds side by side as one measure."""
    from bytebook.chapters.summary import YEAR_CLAIMS

    chart = every_figure[("summary", "years")]
    labels = {
        value
        for dataset in chart.get("datasets", {}).values()
        for row in dataset
        for key, value in row.items()
        if key == "bar"
    }
    assert len(labels) == len(YEAR_CLAIMS)
    for company, claim in YEAR_CLAIMS.items():
        to_scale = "to reach" in data.claims.at[claim, "claim_en"]
        kind = "to the same scale" if to_scale else "globalisation"
        assert f"{company} ({kind})" in labels, (company, labels)


def test_the_revenue_split_cites_every_relay_of_2024_s_group_total(data, every_figure):
    """ByteDance's 2024 group revenue (USD 155 bn) reached this book in two relays of The
    Information: The Money Times' (2025-08-23, after the article) and Tubefilter's. The chart
    cites both, as the chapter's prose does, so its source line does not rest on a page
    published after the article alone."""
    from bytebook.chapters.overseas import GROUP_2024

    for ref in GROUP_2024:
        assert "$155 billion" in data.references.at[ref, "quote"] or data.references.at[
            ref, "value"
        ] == pytest.approx(155e9), ref
    cites = every_figure[("overseas", "split")]["usermeta"]["cites"]["references"]
    assert set(GROUP_2024) <= set(cites)


STATIC_WIDTH = re.compile(r'<svg\b[^>]*\swidth="([\d.]+)"')


def _static_svg(spec: dict) -> str:
    """The drawing vl-convert makes of `spec`, in the book's theme and fonts."""
    import vl_convert as vlc

    from bytebook.publish.render import register_fonts

    register_fonts()
    return vlc.vegalite_to_svg({**spec, "config": charts.theme()["config"]})


def _static_width(spec: dict) -> float:
    return float(STATIC_WIDTH.search(_static_svg(spec))[1])


def test_no_figure_s_units_line_widens_its_static_drawing(every_figure):
    """A page shows a chart's static drawing until its script draws it. A units line is wrapped
    (`charts.SUBTITLE_LINE_WIDTH`) so that it never makes that drawing wider than the chart:
    each figure is drawn as wide with its units line as with a one-letter one. Unwrapped,
    13 of the 27 were wider, by up to 581 px (BYD's by-year chart)."""
    for key, spec in every_figure.items():
        panel = {**spec["vconcat"][0], "title": {**spec["vconcat"][0]["title"], "subtitle": "x"}}
        one_letter = {**spec, "vconcat": [panel, *spec["vconcat"][1:]]}
        assert _static_width(spec) == _static_width(one_letter), key


BAR_PATH = re.compile(
    r'<path\b[^>]*aria-roledescription="bar"[^>]*\sd="M[-\d.e]+,[-\d.e]+h(?P<width>[-\d.e]+)'
    r'[^"]*"[^>]*\sstroke-width="(?P<outline>[\d.]+)"'
)
FINDABLE_PX = 2
"""The narrowest a band may be drawn, its outline included, and still be found by a reader."""


def test_a_band_narrower_than_a_pixel_is_still_drawn_as_a_line_a_reader_finds(every_figure):
    """Haier's "1364 亿元", printed to its last unit, allows a band 1亿元 wide: a fraction of a
    pixel on the axis of the chart of the article's amounts beside the companies' own, which
    reaches past 2,000亿元. Every band of that chart is at least FINDABLE_PX wide as drawn, its
    outline counted on both sides."""
    spec = every_figure[("ranking", "filed")]
    bands = [(float(m["width"]), float(m["outline"])) for m in BAR_PATH.finditer(_static_svg(spec))]
    rows = [row for rows in spec["datasets"].values() for row in rows]
    companies = {row["company"] for row in rows if "low" in row}
    assert len(bands) == len(companies) >= 2, bands
    assert min(abs(width) for width, _ in bands) < 1  # Haier's
    for width, outline in bands:
        assert abs(width) + outline >= FINDABLE_PX, (width, outline)
