"""Captions are claims: every number a figure's caption (the page's text under the chart, with
its glued values filled in) or its subtitle prints equals, at its printed precision, a value the
chart draws (its data, sliders at their defaults) or a number glued on the same page.

The check reads the pages and builds each figure as the page does; it is shown to fail on a copy
of a page with a wrong number typed into a caption, and on a copy of a spec whose subtitle says
a wrong number.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from bytebook.book import ledger
from bytebook.chapters import WRITTEN
from bytebook.paths import BOOK_DIR
from bytebook.publish.chart_data import drawn_tables
from bytebook.scorecard import score_caption, scorecard

FIGURE = re.compile(r"```\{glue:figure\} (\w+)\n(?::[^\n]*\n)*\n?(.*?)\n```", re.DOTALL)
"""A glued figure and its caption in a page's MyST source."""

FIGURE_CALL = re.compile(r"glue\(\"(fig_\w+)\", \w+_figures\.(\w+)\(")
"""A page's cell that glues one figure: its name and the figure function."""

FIGURE_LOOP = re.compile(
    r"for key, chart in \w+_figures\.(\w+)\(.*?glue\(f\"(fig_\w+)\{key\}\"", re.DOTALL
)
"""A page's loop that glues one figure per key: the function and the names' common start."""

GLUED = re.compile(r"\{glue:text\}`(\w+)_text`")

NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w])")
"""A number as printed: 1,364 or 8.70 or 3.5 (an ordinal such as 4th is a place, read apart)."""

NOT_FIGURES = re.compile(
    r"\b(?:FY)?(?:19|20)\d\d(?:/\d\d|(?:-\d\d){1,2})?\b(?!\.\d)"  # a year or date: a label
    r"|\bsections? \d(?:\.\d)?(?: to \d(?:\.\d)?)?"  # the article's sections
    r"|H\.26[456]|\b100 million\b|\b1000 impressions\b|\b1080p?\b|\d+(?:st|nd|rd|th)\b"
)
"""What a caption prints that is no figure: years, the article's section numbers, codec names,
the units' own definitions (亿 is 100 million), a resolution and ordinals."""

PAGE_GLUED_CAPTIONS = {"score_caption": lambda data: score_caption(ledger(data))}
"""Captions a page glues from its own cell (not from its chapter's analysis)."""

SCALES = (1, 100, 1e-6, 1e-8, 1e-9, 1e-12)
"""How a value is printed: as is, in percent, in million, 亿, bn and trillion."""


def printed_numbers(text: str) -> list[tuple[float, int]]:
    """Each number a text prints, with its decimals, leaving out what is no figure."""
    cleaned = NOT_FIGURES.sub(" ", text)
    return [
        (float(f"{whole.replace(',', '')}.{part or '0'}"), len(part or ""))
        for whole, part in NUMBER.findall(cleaned)
    ]


def matches(number: float, decimals: int, candidates: list[float]) -> bool:
    """Whether a printed number is one of the candidates at its printed precision, in any of
    the scales the book prints values in."""
    step = Decimal(1).scaleb(-decimals)
    for value in candidates:
        for scale in SCALES:
            shown = Decimal(repr(abs(value) * scale)).quantize(step, rounding=ROUND_HALF_UP)
            if math.isclose(float(shown), number, abs_tol=10 ** -(decimals + 3)):
                return True
    return False


def drawn_values(spec: dict, data) -> list[float]:
    """Every number the chart draws: each mark's values (sliders at their defaults), the
    sliders' defaults, the data sets' values, and the figures of the claims, references and
    assumptions it cites (the inputs it draws from)."""
    cites = spec.get("usermeta", {}).get("cites", {})
    values: list[float] = [
        float(frame.at[ident, "value"])
        for kind, frame in (
            ("claims", data.claims),
            ("references", data.references),
            ("assumptions", data.assumptions),
        )
        for ident in cites.get(kind, [])
        if ident in frame.index and not math.isnan(float(frame.at[ident, "value"] or "nan"))
    ]
    for table in drawn_tables(spec):
        for row in table.raw:
            for cell in row:
                try:
                    values.append(float(cell))
                except ValueError:
                    shown = re.findall(r"[\d,]*\d\.?\d*", cell)
                    values += [float(n.replace(",", "")) for n in shown]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, item in node.items():
                if key in ("value", "min", "max") and isinstance(item, int | float):
                    values.append(float(item))
                walk(item)
        elif isinstance(node, list):
            for item in node:
                if isinstance(item, int | float) and not isinstance(item, bool):
                    values.append(float(item))
                else:
                    walk(item)

    walk(spec.get("datasets", {}))
    walk(spec.get("params", []))
    return values


def page_figures(page: str, data) -> list[tuple[str, str, dict, list[float]]]:
    """A page's figures as (name, caption with its glued values filled in, spec, the numbers
    glued on the page) from the page's source `page` (its chapter's figures and texts)."""
    chapter = re.search(r"open_chapter\((\w+)\)", page)
    if chapter is None:
        return []
    name = chapter.group(1)
    found = WRITTEN[name].analyse(data)
    module = __import__(f"bytebook.figures.{name}", fromlist=["_"])
    card = scorecard(ledger(data)) if name == "summary" else None
    specs: dict[str, dict] = {}
    for glued, function in FIGURE_CALL.findall(page):
        first = card if function == "verdicts" else found
        specs[glued] = getattr(module, function)(first, data).to_dict(validate=False)
    for function, start in FIGURE_LOOP.findall(page):
        for key, chart in getattr(module, function)(found, data).items():
            specs[f"{start}{key}"] = chart.to_dict(validate=False)
    texts = dict(found.texts)
    texts |= {key: make(data) for key, make in PAGE_GLUED_CAPTIONS.items() if key in page}
    glued_numbers = [
        found.numbers[key]
        for key in GLUED.findall(page)
        if key in found.numbers and not isinstance(found.numbers[key], bool)
    ]
    figures = []
    for glued, caption in FIGURE.findall(page):
        filled = GLUED.sub(lambda m: texts[m.group(1)], caption)
        figures.append((glued, filled, specs[glued], glued_numbers))
    return figures


def units_line(spec: dict) -> str:
    """A chart's units line (its panel's subtitle), its wrapped lines joined."""
    title = spec.get("vconcat", [spec])[0].get("title", {})
    lines = title.get("subtitle", "") if isinstance(title, dict) else ""
    return " ".join(lines) if isinstance(lines, list) else str(lines)


def subtitle(spec: dict) -> str:
    """The chart's own title and subtitle (the units line), not its source line."""
    child = spec.get("vconcat", [spec])[0]
    title = child.get("title", {})
    if not isinstance(title, dict):
        return str(title)
    parts = [title.get("text", ""), title.get("subtitle", "")]
    return " ".join(" ".join(p) if isinstance(p, list) else str(p) for p in parts)


def unmatched(caption: str, spec: dict, glued: list[float], data) -> list[str]:
    """The numbers a caption or the chart's subtitle prints that nothing on the page backs."""
    candidates = drawn_values(spec, data) + [float(v) for v in glued]
    return [
        f"{number:.{decimals}f}"
        for text in (caption, subtitle(spec))
        for number, decimals in printed_numbers(text)
        if not matches(number, decimals, candidates)
    ]


PAGES = sorted(p for p in BOOK_DIR.glob("*.md") if "{glue:figure}" in p.read_text("utf-8"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_number_in_a_caption_is_drawn_or_glued_on_its_page(page, data):
    figures = page_figures(page.read_text(encoding="utf-8"), data)
    assert figures, page.name
    for name, caption, spec, glued in figures:
        assert not unmatched(caption, spec, glued, data), (page.stem, name, caption, subtitle(spec))


def test_a_wrong_number_typed_into_a_caption_fails(data):
    """A copy of the economics page whose CPM caption says 9.70 for the highest quarter."""
    page = (BOOK_DIR / "economics.md").read_text(encoding="utf-8")
    wrong = page.replace(
        "{glue:text}`cpm_caption_text`",
        "The article's CPM is above the highest quarter's reported average (USD 9.70).",
    )
    assert wrong != page
    figures = {name: rest for name, *rest in page_figures(wrong, data)}
    caption, spec, glued = figures["fig_cpm"]
    assert unmatched(caption, spec, glued, data) == ["9.70"]
    caption, spec, glued = {n: r for n, *r in page_figures(page, data)}["fig_cpm"]
    assert unmatched(caption, spec, glued, data) == []


def test_a_wrong_number_in_a_spec_s_subtitle_fails(data):
    """A copy of the CPM chart's spec whose subtitle names a quarter's CPM the chart does not
    draw."""
    page = (BOOK_DIR / "economics.md").read_text(encoding="utf-8")
    caption, spec, glued = {n: r for n, *r in page_figures(page, data)}["fig_cpm"]
    wrong = copy.deepcopy(spec)
    child = wrong.get("vconcat", [wrong])[0]
    child["title"]["subtitle"] = "USD per 1000 impressions; highest quarter USD 12.34"
    assert unmatched(caption, wrong, glued, data) == ["12.34"]


def test_a_printed_number_is_read_at_its_precision():
    # 8.70 printed with two decimals is 8.7 drawn; 8.69 is not.
    assert matches(8.70, 2, [8.7]) and not matches(8.69, 2, [8.7])
    # A share prints in percent: 23.75% is 0.2375.
    assert matches(23.75, 2, [0.2375])
    # A reader rounds half up: 914.5 printed whole is 915, never 914.
    assert matches(915, 0, [914.5]) and not matches(914, 0, [914.5])
    # Years and the article's section numbers are labels, not figures.
    assert printed_numbers("USD 2 bn in 2024, sections 2.1 to 2.3") == [(2.0, 0)]


def test_the_scorecard_caption_says_what_each_ranking_verdict_is_judged_against(data):
    """Each contradicted or off-in-detail ranking claim is named by what decides it: the
    companies' figures only for the table's amounts and shares, the exchange rate for a row
    citing one, and every other claim (growth, remarks) by its own words."""
    table = ledger(data)
    caption = score_caption(table)
    assert "companies' own figures" not in caption
    ranking = table[(table["kind"] == "stated") & (table["section"] == "4")]
    failed = ranking[ranking["verdict"].isin(["contradicted", "off in detail"])]
    assert len(failed) > 0
    for _, row in failed.iterrows():
        sources = [s for s in row["sources"].split(";") if s]
        rate = [s for s in sources if data.references.at[s, "topic"] == "fx"]
        assert all(s.startswith("fx_") for s in rate)
        if rate:
            assert row["claim_en"] in caption.split("exchange rate (")[1], row["id"]
        elif not (row["id"].startswith("t_") and row["unit"] in ("CNY", "USD", "share")):
            named = f"the article's claim that {row['claim_en']}, {row['verdict']}"
            assert named in caption, row["id"]
    on_rate = failed["sources"].map(lambda ids: any(i.startswith("fx_") for i in ids.split(";")))
    amounts = failed[
        ~on_rate & failed["id"].str.startswith("t_") & failed["unit"].isin(["CNY", "USD", "share"])
    ]
    contradicted = int((amounts["verdict"] == "contradicted").sum())
    assert f"of the table's amounts and shares, {contradicted} contradicted" in caption


def test_the_scorecard_caption_names_the_contradictions_outside_the_ranking(data):
    """The ledger's five contradicted claims are four in the ranking and the closing line's
    attribution to Kevin Kelly (section 5); its off-in-detail claims outside the ranking are the
    title's and Meta's (section 1). The caption states no count of zero for the unit economics
    (its CPM row is unverifiable) and names the fifth contradiction."""
    caption = score_caption(ledger(data))
    assert "0 are contradicted" not in caption and "unit economics" not in caption
    kelly = ledger(data).set_index("id").at["s5_kevin_kelly", "claim_en"]
    # Named as the article's claim, so that the book is not read as making it itself.
    assert kelly.startswith("The closing line")
    clause = "the c" + kelly.removeprefix("The c")
    assert f"Contradicted elsewhere: in section 5, the article's claim that {clause}," in caption
    assert "Off in detail elsewhere: 1 in the title (" in caption
    assert caption.endswith(" and 1 in section 1.")


def test_the_scorecard_caption_places_the_overseas_revenue_in_the_section_the_chart_draws_it(
    data,
):
    """The caption's first verdict is that of the overseas revenue, which the chart draws in its
    section's bar, not in the Title's: the sentence names that section, so a reader does not look
    for it in the Title row (it once said "the headline overseas revenue")."""
    table = ledger(data).set_index("id")
    section, verdict = table.loc["s1_overseas_revenue", ["section", "verdict"]]
    first = score_caption(ledger(data)).split(". ")[0]
    assert first.startswith(f"Section {section.split()[0]}'s "), first
    assert first.endswith(f" is {verdict}"), first
    assert "headline" not in first and "title" not in first.lower(), first


def test_a_verdict_the_scorecard_caption_gives_says_the_reading_it_rests_on(data):
    """A contradicted or off-in-detail claim whose row says another reading would leave it
    unsettled (第二名 as the table's second row; 凯文·凯利那句话 as a line Kelly is known for
    saying) is named with 'on this book's reading'; a table cell or the title whose grade rests
    on reading N+ as N多, or the table's ≈ as a conversion, is named with that reading."""
    table = ledger(data)
    caption = score_caption(table)
    failed = table[
        (table["kind"] == "stated") & table["verdict"].isin(["contradicted", "off in detail"])
    ]
    unsettled = failed[failed["evidence"].str.contains("on that reading the claim could not be")]
    assert set(unsettled["id"]) == {"s4_growth_double", "s5_kevin_kelly"}
    for _, row in unsettled.iterrows():
        clause = row["claim_en"][1:]
        after = caption.split(clause, 1)[1]
        reading = "on this book's reading (unsettled on another)"
        verdict = f"{row['verdict']} {reading}" if row["section"] == "4" else reading
        assert after.startswith(f", {verdict}"), row["id"]
    n_duo = failed[failed["evidence"].str.contains("rests on reading N+ as N多", regex=False)]
    assert list(n_duo["id"]) == ["t_byd_overseas"]
    assert "BYD's amount, on reading N+ as N多, and" in caption
    assert caption.count("N多") == 1
    title = failed[failed["section"] == "0"]
    assert title["evidence"].str.contains("rests on reading the '≈' as a conversion").all()
    assert "1 in the title (resting on reading the table's ≈ as a conversion)" in caption


def test_the_scorecard_caption_counts_each_technology_section_by_its_number(data):
    """The caption names sections 2.1, 2.2 and 2.3 with their unverifiable claims, counted here
    from the ledger's rows: the codec page also shows section 2's opening row, so naming the
    pages instead would not match what a reader counts there."""
    table = ledger(data)
    stated = table[(table["kind"] == "stated") & (table["verdict"] == "unverifiable")]
    counts = [int((stated["section"] == section).sum()) for section in ("2.1", "2.2", "2.3")]
    assert (
        "In the technology sections 2.1, 2.2 and 2.3 (codec, recommender, infrastructure), "
        f"{counts[0]}, {counts[1]} and {counts[2]} claims respectively could not be checked "
        "against the sources found."
    ) in score_caption(table)


def test_the_scorecard_caption_names_each_table_cell_it_counts(data):
    """'2 contradicted (BYD's amount … and BYD's share)': each of the table's contradicted and
    off-in-detail cells is named, its company and whether amount or share, in the parenthesis
    after its verdict's count, so a reader need not work out which cells the count means."""
    table = ledger(data)
    caption = score_caption(table)
    cells = table[
        (table["kind"] == "stated")
        & table["id"].str.startswith("t_")
        & table["unit"].isin(["CNY", "USD", "share"])
        & table["verdict"].isin(["contradicted", "off in detail"])
    ]
    for verdict, rows in cells.groupby("verdict"):
        named = caption.split(f"{len(rows)} {verdict} (", 1)[1].split(")", 1)[0]
        for _, row in rows.iterrows():
            company = row["claim_en"].split(" (")[0]
            what = "share" if row["unit"] == "share" else "amount"
            assert f"{company}'s {what}" in named, (row["id"], named)


SECONDS_IN = {"s": 1, "min": 60}
PB_IN = {"TB": 1e-3, "PB": 1}


def test_the_upload_caption_and_text_name_the_lengths_and_volumes_the_chart_runs_between(data):
    """The upload chart draws a range of average lengths the article never gives: its caption
    names the range's ends as drawn, and the text before it the volumes at those ends."""
    page = (BOOK_DIR / "codec.md").read_text(encoding="utf-8")
    caption, spec = next(
        (c, s) for name, c, s, _ in page_figures(page, data) if name == "fig_upload"
    )
    rows = [[float(cell) for cell in row] for row in drawn_tables(spec)[0].raw]
    ends = re.search(r"from (\d+) (s|min) to (\d+) (s|min)", " ".join(caption.split()))
    assert ends, caption
    named = [float(ends[1]) * SECONDS_IN[ends[2]], float(ends[3]) * SECONDS_IN[ends[4]]]
    assert named == [rows[0][0], rows[-1][0]]
    found = WRITTEN["codec"].analyse(data)
    section = page.split("## The upload side")[1].split("{glue:figure} fig_upload")[0]
    text = GLUED.sub(lambda m: found.texts[m.group(1)], section)
    volumes = re.search(r"([\d.]+) (TB|PB) to ([\d.]+) (TB|PB) a day", text)
    assert volumes, "the text before the upload chart names no volumes"
    named = [float(volumes[1]) * PB_IN[volumes[2]], float(volumes[3]) * PB_IN[volumes[4]]]
    assert named == pytest.approx([rows[0][1], rows[-1][1]])


ARTICLE_TABLE = {
    "Lenovo": (3100, 0.70),
    "Huawei": (2300, 0.27),
    "ByteDance": (2855, 0.25),
    "Xiaomi": (1200, 0.45),
    "Midea": (1500, 0.40),
    "BYD": (1000, 0.20),
    "Haier Smart Home": (1364, 0.50),
}
"""The article's table in its printed order: each company's 2024 overseas amount in 亿元 (an
"N+" at N, ByteDance's at its ≈ 2855) and its share (约 27% at 27%, 超 50% at 50%)."""


def _ranking_captions(data) -> dict[str, str]:
    page = (BOOK_DIR / "ranking.md").read_text(encoding="utf-8")
    return {name: " ".join(c.split()) for name, c, _, _ in page_figures(page, data)}


def with_values(data, table: str, values: dict[str, float]):
    """A copy of the data, in memory, with the rows of `table` ('claims', 'references') given
    these values (their text too)."""
    frame = getattr(data, table).copy()
    for ident, value in values.items():
        frame.at[ident, "value"] = value
        frame.at[ident, "value_text"] = repr(value)
    return dataclasses.replace(data, **{table: frame})


def test_the_ranking_captions_place_bytedance_as_the_table_does(data):
    """Sorted, ByteDance's 2855 follows Lenovo's 3100 though Huawei's 2300 is printed above it;
    its 25% is above BYD's 20% only; 2855 ÷ 25% = 11,420 is above every other row's amount ÷
    share (Huawei's 2300 ÷ 27% = 8,519 is next)."""
    rows = data.ranking.sort_values("printed_order")
    assert list(rows["company_en"]) == list(ARTICLE_TABLE)
    recorded = zip(rows["revenue_cny_claim"], rows["share_claim"], strict=True)
    figures = [(data.stated(a) / 1e8, data.stated(s)) for a, s in recorded]
    assert [v for pair in figures for v in pair] == pytest.approx(
        [v for pair in ARTICLE_TABLE.values() for v in pair]
    )
    amounts = sorted((a for a, _ in ARTICLE_TABLE.values()), reverse=True)
    shares = sorted(s for _, s in ARTICLE_TABLE.values())
    totals = sorted((a / s for a, s in ARTICLE_TABLE.values()), reverse=True)
    amount, share = ARTICLE_TABLE["ByteDance"]
    assert (amounts.index(amount), shares.index(share), totals.index(amount / share)) == (1, 1, 0)
    captions = _ranking_captions(data)
    assert captions["fig_revenue"].endswith("The printed order puts Huawei above ByteDance.")
    assert captions["fig_share"] == (
        "ByteDance pairs the second-largest amount with the second-smallest share, so the group "
        "it implies is the largest of the seven."
    )


def test_the_ranking_captions_follow_the_table_s_figures(data):
    """With ByteDance's amount at 2,000亿 and its share at 60%, Huawei's 2300 is above it as
    printed; its 60% is above all but Lenovo's 70%, and 2000 ÷ 60% = 3,333 lies below Huawei's
    8,519, BYD's 5,000, Lenovo's 4,429 and Midea's 3,750."""
    moved = with_values(
        data, "claims", {"t_bytedance_overseas_cny": 2000e8, "t_bytedance_share": 0.60}
    )
    captions = _ranking_captions(moved)
    assert captions["fig_revenue"].endswith(
        "The printed order keeps ByteDance in the place its figures give it."
    )
    totals = sorted((a / s for a, s in ARTICLE_TABLE.values() if a != 2855), reverse=True)
    place = 1 + sum(total > 2000 / 0.60 for total in totals)
    assert place == 5
    assert captions["fig_share"] == (
        "ByteDance pairs the third-largest amount with the sixth-smallest share, so the group "
        "it implies is the fifth-largest of the seven."
    )
