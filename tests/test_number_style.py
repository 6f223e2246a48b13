"""Every page's visible text follows the book's one number style (bytebook.numbers).

Visible text is the page's text outside scripts, styles, folded-away blocks, the book's commit
(an identifier such as 6e70930, not a number) and the article's own Chinese words (which keep
the article's forms, such as 390亿美元), and a source's own words quoted on the sources page.
Names such as BVC2.0 and CC BY 4.0 are not numbers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_browser import PAGES

from bytebook.charts import MARKED_FIGURE_HEADS
from bytebook.numbers import Written, written_figures
from bytebook.publish.chart_specs import page_specs

pytestmark = pytest.mark.build

RULES = {
    "a bitrate in base units (write 8 Mbps)": re.compile(r"\d\s*(?:million |billion )?bit/s"),
    "US dollars in 亿 (write USD 39 bn)": re.compile(r"(?<![/\w])USD\s*[\d,.]+\s*亿"),
    # a source's own English words (862.1 billion yuan) are quoted, and left out of the text;
    # what 亿元 is, "亿元 (100 million yuan)", names the unit's size, not an amount
    "yuan in bn or million (write 2,855亿元)": re.compile(
        r"(?<!亿元 \(100 )\b(?:bn|million|billion)\s+yuan\b"
    ),
    "e-notation": re.compile(r"\b\d(?:\.\d+)?e[+-]?\d+\b"),
    "a needless .0 or .00": re.compile(r"(?<![\w.])(?<!BY )\d+\.00?(?![\d.%-])"),
    # a source's own Chinese words (实现营业收入4090.84亿元) keep their form
    "thousands without a separator (write 2,855亿元)": re.compile(
        r"(?<![\d,.\u4e00-\u9fff])\d{4,}(?:\.\d+)?亿"
    ),
}


def test_yuan_in_bn_or_million_is_found():
    rule = RULES["yuan in bn or million (write 2,855亿元)"]
    for text in ("into 285.5 bn yuan", "747 million yuan a day", "(100 million yuan a day)"):
        assert rule.search(text), text
    for text in ("converted into 2,855亿元", "USD 39 bn", "亿元 (100 million yuan)"):
        assert not rule.search(text), text
    html = "<p>ByteDance: <w-v>285.5 bn</w-v> yuan</p>"
    assert rule.search(visible_text(html))


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    hidden_parts = 'script, style, details, code.commit, q, [lang="zh"], [lang="zh-CN"], title'
    for hidden in soup.select(hidden_parts):
        hidden.decompose()
    for soft_break in soup.find_all("wbr"):  # a place a word may break, not a space
        soft_break.decompose()
    for value in soup.select("w-v"):  # a value kept on one line, in its sentence
        value.unwrap()
    soup.smooth()
    return soup.get_text(" ")


def test_a_commit_is_an_identifier_not_a_number_in_e_notation():
    rule = RULES["e-notation"]
    assert rule.search(visible_text("<p>commit 6e70930 of</p>"))
    assert not rule.search(visible_text('<p>commit <code class="commit">6e70930</code> of</p>'))


@pytest.mark.parametrize("page_path", PAGES)
def test_numbers_on_the_page_follow_the_style(built_book, page_path):
    text = visible_text((built_book / page_path).read_text(encoding="utf-8"))
    found = {
        rule: sorted({text[max(0, m.start() - 30) : m.end() + 10] for m in pattern.finditer(text)})
        for rule, pattern in RULES.items()
    }
    broken = {rule: hits[:5] for rule, hits in found.items() if hits}
    assert not broken, broken


YUAN_RULES = {
    "a yuan amount in 亿 without 元 (write 2,855亿元)": re.compile(r"\d亿(?!元)"),
    "a space before 亿 (write 2,855亿元)": re.compile(r"\d\+?[ \u00a0]+亿"),
}
"""The one form the book writes a yuan amount in, '2,855亿元', held outside the article's and
the sources' own words (`outside_quotes`): a table whose header names the unit ('Overseas
revenue (亿元)') has bare numbers, which these do not match."""

QUOTE_MARKS = re.compile(r"「[^」]*」")


def quoted_words() -> list[str]:
    """The article's and the sources' own words as data/ records them, longest first: each
    claim's quote, each printed cell of the article's table and each source's quote."""
    from bytebook.data import load_book_data

    data = load_book_data()
    printed = data.ranking[["overseas_revenue_printed", "overseas_share_printed"]]
    cells = [*data.claims["quote_zh"], *printed.to_numpy().ravel(), *data.references["quote"]]
    return sorted({c for c in cells if isinstance(c, str) and c.strip()}, key=len, reverse=True)


def outside_quotes(text: str, quotes: list[str]) -> str:
    """`text` without the article's or a source's own words (`quoted_words`, or in 「」), also
    where a chart's label breaks them over lines ('每天 7.47亿', '390 亿 美元'): a quote keeps
    its text ('1200+ 亿元', '每天7.47亿')."""
    parts = {part for quote in quotes for part in re.split(r"\s*≈\s*", quote) if part}
    for quote in sorted(set(quotes) | parts, key=len, reverse=True):
        pattern = r"\s*".join(re.escape(ch) for ch in quote if not ch.isspace())
        text = re.sub(pattern, " ", text)
    return QUOTE_MARKS.sub(" ", text)


def yuan_forms(text: str, quotes: list[str]) -> dict[str, list[str]]:
    """Each yuan amount `text` writes outside a quote in another form than '2,855亿元'."""
    text = outside_quotes(text, quotes)
    found = {
        rule: sorted({text[max(0, m.start() - 30) : m.end() + 10] for m in pattern.finditer(text)})
        for rule, pattern in YUAN_RULES.items()
    }
    return {rule: hits[:5] for rule, hits in found.items() if hits}


def test_a_yuan_amount_in_another_form_is_found_outside_a_quote():
    quotes = ["每天7.47亿", "1200+ 亿元"]
    text = (
        "the title's 每天7.47亿 is 7.47亿元 a day, and 7.80亿 a day; the printed 1200+ 亿元 "
        "is 1,200 to 1,300 亿元; 「一年 7.3 亿」 is USD 730 million; 2,855亿元, 1,000+亿元"
    )
    found = yuan_forms(text, quotes)
    without, spaced = (found[rule] for rule in YUAN_RULES)
    assert len(without) == 1 and "and 7.80亿 a day" in without[0]
    assert len(spaced) == 1 and "1,300 亿元" in spaced[0]
    assert not yuan_forms("2,855亿元 and 1,000+亿元; Overseas revenue (亿元) 2,855", quotes)


@pytest.fixture(scope="module")
def quotes() -> list[str]:
    return quoted_words()


@pytest.mark.parametrize("page_path", PAGES)
def test_a_page_writes_every_yuan_amount_one_way(built_book, page_path, quotes):
    """'2,855亿元' everywhere the book writes a yuan amount: in prose, tables, evidence and chart
    labels, never '7.80亿' beside '7.80亿元' nor '1,300 亿元'."""
    soup = BeautifulSoup((built_book / page_path).read_text(encoding="utf-8"), "html.parser")
    for drawing in soup.select("svg"):  # a chart's texts are read from its spec below
        drawing.decompose()
    found = yuan_forms(visible_text(str(soup)), quotes)
    drawn = " | ".join(_chart_texts(built_book / page_path))
    found |= {f"chart: {rule}": hits for rule, hits in yuan_forms(drawn, quotes).items()}
    assert not found, found


def _chart_texts(page: Path) -> list[str]:
    """What each chart on a built page writes: its title and subtitle (from its spec), and the
    values its marks label, as the data behind the chart shows them (test_chart_lint holds each
    label to that table)."""
    texts = []
    for spec in page_specs(page):
        title = spec.get("title", {})
        title = title if isinstance(title, dict) else {"text": title}
        for part in (title.get("text", ""), title.get("subtitle", "")):
            texts += part if isinstance(part, list) else [str(part)]
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    texts += [cell.get_text(" ") for cell in soup.select(".bytebook-chart-data td")]
    return texts


@pytest.mark.parametrize("page_path", PAGES)
def test_a_chart_writes_its_figures_in_the_book_s_style(built_book, page_path):
    """A chart's title, subtitle and labelled values follow the number style as the page's
    text does: the ranking's revenue chart says ByteDance is drawn at 2,855亿元, never 2855亿元."""
    drawn = _chart_texts(built_book / page_path)
    broken = {
        rule: hits
        for rule, pattern in RULES.items()
        if (hits := [text for text in drawn if pattern.search(text)])
    }
    assert not broken, broken


UNIT_AFTER = re.compile(r" ?(GB|TB|PB|MB|Mbps|kbps|Gbps|ms|CNY/USD)(?![\w/])")
"""A unit written after a bare number (8 Mbps, 2.16 GB): figures are compared within a unit."""
CURRENCY_BEFORE = re.compile(r"(?:^|(?<=[^\w]))(USD|CNY) $")
"""A currency written before a number with no scale word (USD 8.43)."""
CURRENCY_REACH = len("USD \n")
"""How far before a figure CURRENCY_BEFORE's match can start (`$` matches before a last
newline): a search from there finds what a search from the text's start finds, the lookbehind
still reading the character before, at a cost that does not grow with the page."""
BAND_END = re.compile(r"\b(?:lower|upper) end,\s*$")
"""Words that name the figure after them as a band's end."""
PRINTED_READING = re.compile(r"The printed figure is read as [^.:]*:\s*(?:\S+\s+to\s*)?$")
"""Words that give the figures after them as the ends of the band a printed figure is read as
('The printed figure is read as rounded to its last significant digit: 49.5% to 50.5%')."""
PRINTED_READING_REACH = 120
"""How far before a figure PRINTED_READING's words may start."""
SUBTRACTED_FROM = re.compile(r"\s*−\s*[\d.,]+%\s*\)")
"""What follows the upper end of a gap in points written as a subtraction: '(33.07% − 28.35%)'."""
HEADER_UNITS = {
    "%": re.compile(r"(?:, |\()%\)?$"),
    "亿": re.compile(r"(?:, |\()亿元\)?$"),
}
"""A table column whose header names its unit ('Overseas share, %'), for its bare numbers."""
BARE = re.compile(r"[−-]?[\d,]+(?:\.\d+)?")
"""A table cell that is a number alone, its unit in the header."""


@dataclass(frozen=True)
class Shown:
    """A figure as a page writes it, with its unit and the words around it."""

    figure: Written
    unit: str
    written: str
    context: str
    apart: bool = False
    """Shown among an axis's labels, as a step of a slider chart's grid in the data behind it
    (`grid_steps`) or in a table of claims, where a whole number of two significant figures is
    a tick, a parameter value the chart is computed at, or a claim of its own: not a recorded
    figure, so not one rounded. Any other value in the data behind a chart is a figure like
    the text's."""
    band_end: bool = False
    """Named as a band's end ('its lower end, 33.07%'): a value of its own beside the figure
    (33.1%) whose band it ends."""
    printed_end: bool = False
    """An end of the band a printed figure is read as ('49.5% to 50.5%' for a printed 50%): the
    printed figure's reading, not a coarser writing of another figure."""


def shown_figures(text: str) -> list[Shown]:
    """The figures `text` writes with a unit: a scale word (25.16%, 7.57亿, 2.06×, USD 39 bn),
    a unit after it (2.16 GB) or a currency before it (USD 8.43)."""
    found = []
    for figure in written_figures(text):
        after = UNIT_AFTER.match(text, figure.end)
        before = CURRENCY_BEFORE.search(
            text, max(0, figure.start - CURRENCY_REACH), figure.start
        )
        unit = (
            figure.scale or (after.group(1) if after else "") or (before.group(1) if before else "")
        )
        if unit:
            context = text[max(0, figure.start - 50) : figure.end + 15].replace("\n", " ")
            written = text[figure.start : figure.end]
            band_end = bool(
                BAND_END.search(text, max(0, figure.start - 12), figure.start)
                or SUBTRACTED_FROM.match(text, figure.end)
            )
            printed_end = bool(
                PRINTED_READING.search(
                    text, max(0, figure.start - PRINTED_READING_REACH), figure.start
                )
            )
            context = " ".join(context.split())
            ends = {"band_end": band_end, "printed_end": printed_end}
            found.append(Shown(figure, unit, written, context, **ends))
    return found


def recorded_figures() -> list[float]:
    """Every figure of data/ as recorded, in base units: the article's claims, the references
    and the model assumptions. A whole number among them is a figure in its own right (the
    article's 25% or USD 39 bn), not a more precise figure rounded."""
    from bytebook.data import load_book_data

    data = load_book_data()
    values = []
    for frame in (data.claims, data.references, data.assumptions):
        for value in frame["value"]:
            try:
                values.append(float(value))
            except (TypeError, ValueError):
                continue
    return [v for v in values if v == v]


def _is_recorded(value: float, recorded: list[float]) -> bool:
    return any(math.isclose(value, r, rel_tol=1e-9) for r in recorded)


def two_precisions(
    figures: list[Shown], recorded: list[float] | None = None
) -> list[tuple[Shown, Shown]]:
    """Pairs of figures that read as one value at two precisions (25.2% and 25.16%; 7.57亿 and
    7.570亿; USD 730 million and USD 730.4 million): in one unit, the more precise rounds to
    the other, which has two significant figures and a decimal or is a whole number that is
    none of the figures of data/ (`recorded`: the article's 25% is its own figure, not 25.16%
    rounded). A whole number of two significant figures is held only to a figure of data/
    (a source's 55.2% shown as 55%), and not where it is apart (an axis tick, a grid's step, a
    claim). A band's
    end half a last digit from a figure (7.465亿 beside 7.47亿), or named as an end ('its lower
    end, 33.07%' beside 33.1%), is that figure's band, not it; and an end of the band a printed
    figure is read as is that figure's reading, not a coarser writing of another (the 50.5% a
    printed 50% is read to, beside Haier's 50.46%)."""
    recorded = recorded_figures() if recorded is None else recorded
    pairs = []
    for fine in figures:
        for coarse in figures:
            a, b = fine.figure, coarse.figure
            if fine.unit != coarse.unit or a.decimals <= b.decimals:
                continue
            if b.significant < 2 or not b.holds(a.value):
                continue
            if b.decimals < 1 and _is_recorded(b.value, recorded):
                continue
            if (
                b.decimals < 1
                and b.significant < 3
                and (coarse.apart or not any(a.holds(r) for r in recorded))
            ):
                continue
            half_a_digit = abs(abs(a.value - b.value) - b.step / 2) <= b.step * 1e-6
            if half_a_digit or fine.band_end or coarse.printed_end:
                continue
            pairs.append((fine, coarse))
    return pairs


GRID_STEPS = 3
"""The fewest values a column needs to be a slider chart's grid."""


def grid_steps(cells: list[str]) -> bool:
    """Whether a column of the data behind a chart is the grid a chart is computed at: at least
    `GRID_STEPS` numbers, evenly spaced (45%, 50%, 55%, 60%). Its values are parameter values
    the book chose, not figures recorded anywhere, so a step of 55% is no rounding of a source's
    55.2%; a column of figures (bars, a source's values) is not evenly spaced."""
    numbers = []
    for cell in cells:
        match = BARE.search(cell)
        digits = match.group().replace(",", "").replace("−", "-") if match else ""
        if not any(ch.isdigit() for ch in digits):
            return False
        numbers.append(float(digits))
    steps = {round(b - a, 9) for a, b in zip(numbers, numbers[1:], strict=False)}
    return len(numbers) >= GRID_STEPS and len(steps) == 1 and steps != {0.0}


DOLLAR_HEADER = {" bn": re.compile(r"(?:, |\()USD bn\)?$")}
"""A column in US dollar bn, for a source's figure drawn in one (Meta's losses)."""


def page_figures(html: str, header_units: dict[str, re.Pattern] = HEADER_UNITS) -> list[Shown]:
    """The figures a page shows a reader, with their units: its text, its charts' drawn labels
    (the static SVG) and the data behind each chart (as its tooltips format the values), a bare
    number taking its unit from its column's header."""
    soup = BeautifulSoup(html, "html.parser")
    # A derived reference's recorded working (the sources page's `.derivation`) writes its
    # inputs at the digits they are recorded with, which the page's Figure column gives at four
    # figures (2,381.15亿元 and 2,381亿元): data, like a quote, and held to the style rules only.
    hidden_parts = 'script, style, q, .derivation, [lang="zh"], [lang="zh-CN"], title'
    for hidden in soup.select(hidden_parts):
        hidden.decompose()
    for soft_break in soup.find_all("wbr"):
        soft_break.decompose()
    for value in soup.select("w-v"):
        value.unwrap()
    figures = []
    for table in soup.select(".bytebook-chart-data table"):
        headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        rows = [
            [td.get_text(" ", strip=True) for td in tr.select("td")]
            for tr in table.select("tbody tr")
        ]
        for column, header in enumerate(headers):
            cells = [row[column] for row in rows if column < len(row)]
            unit = next((u for u, rule in header_units.items() if rule.search(header)), "")
            grid = grid_steps(cells)
            for number in cells:
                shown = shown_figures(number + unit if BARE.fullmatch(number) else number)
                figures += [replace(f, apart=grid) for f in shown]
        table.decompose()
    for apart in soup.select('g[class*="role-axis-label"], table.claims'):
        figures += [replace(f, apart=True) for f in shown_figures(apart.get_text(" "))]
        apart.decompose()
    soup.smooth()
    return figures + shown_figures(soup.get_text(" "))


def test_one_value_at_two_precisions_is_found():
    text = "the share is 25.16% ... bars: 25.2% (S); 7.465亿 to 7.475亿 (7.47亿); 8 → 3.2 Mbps"
    pairs = two_precisions(shown_figures(text), recorded=[])
    assert {(fine.written, coarse.written) for fine, coarse in pairs} == {("25.16%", "25.2%")}
    html = (
        "<p>25.16%</p><details class='bytebook-chart-data'><table><thead><tr><th>Year</th>"
        "<th>Overseas share, %</th></tr></thead><tbody><tr><td>2024</td><td>25.2</td></tr>"
        "</tbody></table></details>"
    )
    assert [(f.written, c.written) for f, c in two_precisions(page_figures(html), [])] == [
        ("25.16%", "25.2%")
    ]
    assert not two_precisions(
        shown_figures("the article's 25% against 25.16%; 2.16 GB, 2.2 数"), recorded=[0.25]
    )
    # A whole number the book derives is held to a more precise one beside it; the article's
    # own whole figure is not.
    derived = shown_figures("a saving of USD 730 million, or USD 730.4 million")
    assert [(f.written, c.written) for f, c in two_precisions(derived, [])] == [
        ("730.4 million", "730 million")
    ]
    assert not two_precisions(derived, recorded=[730e6])
    # A whole number of two figures is held to a figure of data/ (a source's 55.2% drawn as
    # 55%), not to a figure the book works out, nor where it is an axis tick or a claim; a
    # figure with no scale word is held within its currency.
    two = shown_figures("MegaScale reached 55.2%; the marks: MegaScale 55%; cut to 48.6%, 49%")
    assert [(f.written, c.written) for f, c in two_precisions(two, [0.552])] == [("55.2%", "55%")]
    assert not two_precisions(two, [])
    ticks = "<p>55.2%</p><svg><g class='mark-text role-axis-label'><text>55%</text></g></svg>"
    assert not two_precisions(page_figures(ticks), [0.552])

    # In the data behind a chart, a slider grid's evenly spaced steps are parameter values, not
    # figures: its 55% is no rounding of MegaScale's 55.2%. A column of figures is held: a
    # source's 55.2% typed in as 55% is found.
    def chart_data(cells: list[str]) -> str:
        rows = "".join(f"<tr><td>{cell}</td></tr>" for cell in cells)
        return (
            "<p>MegaScale reached 55.2%</p><details class='bytebook-chart-data'><table><thead>"
            f"<tr><th>Utilisation, %</th></tr></thead><tbody>{rows}</tbody></table></details>"
        )

    assert not two_precisions(page_figures(chart_data(["45", "50", "55", "60"])), [0.552])
    typed = two_precisions(page_figures(chart_data(["48.6", "55", "61.2"])), [0.552])
    assert [(f.written, c.written) for f, c in typed] == [("55.2%", "55%")]
    assert not two_precisions(shown_figures("share 33.1% (its lower end, 33.07%, less"), [])
    assert not two_precisions(shown_figures("33.1% 4.72 (33.07% − 28.35%)"), [])
    printed = "The printed figure is read as rounded to its last significant digit: 49.5% to 50.5%."
    assert not two_precisions(shown_figures(f"{printed} Haier: 49.97% to 50.46%."), [])
    # an end named otherwise is still held against a finer figure beside it
    named = shown_figures("its upper end, 28.4%, beside 28.37%")
    assert [(f.written, c.written) for f, c in two_precisions(named, [])] == [("28.37%", "28.4%")]
    # a band that is not named as one is held to one precision still
    days = shown_figures("7.57亿元 to 7.77亿元 a day; in another row 7.570亿元 to 7.766亿元")
    assert ("7.766亿", "7.77亿") in {(f.written, c.written) for f, c in two_precisions(days, [])}
    money = shown_figures("USD 8.43 an hour, or USD 8.4; CNY 8.4")
    assert [(f.written, c.written) for f, c in two_precisions(money, [])] == [("8.43", "8.4")]


@pytest.fixture(scope="module")
def recorded() -> list[float]:
    return recorded_figures()


@pytest.mark.parametrize("page_path", PAGES)
def test_a_page_writes_each_figure_at_one_precision(built_book, page_path, recorded):
    """Wherever a page shows a figure (prose, tables, chart labels, the data behind a chart), it
    reads alike: never 25.16% in a table and 25.2% on the chart's bar, nor a derived USD 730
    million beside USD 730.4 million.

    Not covered: a number with neither a unit nor a currency beside it (a count, a bare table
    cell whose header names no % or 亿: a slider chart's grid of USD 3.6 and USD 3.64 would
    match by chance); one value in two scale words (USD 96.1 bn and USD 96,070 million); a
    whole number that is a figure of data/ (the article's USD 39 bn beside a source's USD
    39.04 bn: two figures, not one); a whole number of one significant figure; one of two
    figures (49%) beside a figure the book works out (48.6%), or as an axis tick, a step of a
    slider chart's grid in the data behind it (a parameter value, not a recorded figure: its 55%
    beside MegaScale's 55.2%) or in a claims table, since on a long page two different values
    round alike too often (the ledger's 33% for 2 ÷ 6 beside a share of 33.1%; a tick of 10%
    beside a growth of 9.6%); and figures on different pages (test_a_source_figure_reads_as_
    recorded_on_every_page holds a source's figures across pages)."""
    html = (built_book / page_path).read_text(encoding="utf-8")
    found = two_precisions(page_figures(html), recorded)
    pairs = [(fine.context, coarse.context) for fine, coarse in found]
    assert not pairs, pairs[:6]


def source_figures() -> list[Shown]:
    """Each source's figure as the sources page writes it, at its recorded digits
    (bytebook.sources.figure_text: Meta's 17.729e9 is 'USD 17.73 bn'). A row whose origin is
    'derived' records arithmetic on other rows, not a figure a source gives, and is left out."""
    from bytebook.data import load_book_data
    from bytebook.sources import figure_text

    figures = []
    for _, row in load_book_data().references.iterrows():
        if row["origin"] == "derived":
            continue
        try:
            value = float(row["value"])
        except (TypeError, ValueError):
            continue
        if value == value:
            text = figure_text(value, row["unit"], row["value_text"])
            figures += [replace(f, context=f"{row.name}: {text}") for f in shown_figures(text)]
    return figures


def rounded_sources(figures: list[Shown], sources: list[Shown]) -> list[tuple[Shown, Shown]]:
    """(a source's figure, the page's figure) where a page writes a source's figure at fewer
    digits than recorded (13.7 for 13.72): in one unit, at fewer decimals, of three
    significant figures or more (fewer match other values by chance), not a band's end."""
    return [
        (source, shown)
        for shown in figures
        for source in sources
        if shown.unit == source.unit
        and shown.figure.decimals < source.figure.decimals
        and shown.figure.significant >= 3
        and not shown.band_end
        and shown.figure.holds(source.figure.value)
    ]


def test_a_source_figure_rounded_below_its_recorded_digits_is_found():
    sources = shown_figures("USD 13.72 bn; 41.52%")
    page = shown_figures("a loss of USD 13.7 bn, USD 13.72 bn, 41.5%, 42%; its lower end, 41.5%")
    assert [(s.written, f.written) for s, f in rounded_sources(page, sources)] == [
        ("13.72 bn", "13.7 bn"),
        ("41.52%", "41.5%"),
    ]
    html = (
        "<details class='bytebook-chart-data'><table><thead><tr><th>Year</th>"
        "<th>Operating loss, USD bn</th></tr></thead><tbody><tr><td>2022</td><td>13.7</td>"
        "</tr></tbody></table></details>"
    )
    assert len(rounded_sources(page_figures(html, HEADER_UNITS | DOLLAR_HEADER), sources)) == 1


@pytest.mark.parametrize("page_path", PAGES)
def test_a_source_figure_reads_as_recorded_on_every_page(built_book, page_path):
    """A source's figure keeps its recorded digits wherever a page shows it, in prose, tables,
    chart labels and the data behind a chart: Meta's 2022 loss is USD 13.72 bn on the sources
    page and on the overseas chapter's chart alike, never 13.7."""
    html = (built_book / page_path).read_text(encoding="utf-8")
    found = rounded_sources(page_figures(html, HEADER_UNITS | DOLLAR_HEADER), source_figures())
    assert not found, sorted({(s.context, f.context) for s, f in found})[:8]


MARKER_HEADS = tuple(MARKED_FIGURE_HEADS.values())
"""The first header of a table of the figures a chart marks on its curve (the article's figure
as a dashed rule, a source's point, where the curve meets the article)."""
MARKED_HEADERS = {
    **HEADER_UNITS,
    **DOLLAR_HEADER,
    " million": re.compile(r"(?:, |\()USD million\)?$"),
}
"""The units of a marked figure's column, a curve's US dollars in bn or million included."""


def marked_and_written(html: str) -> tuple[list[Shown], list[Shown]]:
    """The figures a page's charts mark, as the data behind each chart shows them, and the
    figures of three significant figures or more its text writes outside charts and their
    data (the prose, tables of claims and evidence)."""
    soup = BeautifulSoup(html, "html.parser")
    marked = [
        str(table)
        for table in soup.select(".bytebook-chart-data table")
        if (head := table.select_one("thead th")) and head.get_text(strip=True) in MARKER_HEADS
    ]
    for drawn in soup.select(".bytebook-chart-data, svg"):
        drawn.decompose()
    tables = f"<details class='bytebook-chart-data'>{''.join(marked)}</details>"
    written = [f for f in page_figures(str(soup)) if f.figure.significant >= 3]
    return page_figures(tables, MARKED_HEADERS), written


def test_a_marked_figure_rounded_below_the_text_s_digits_is_found():
    def page(marked: str) -> str:
        return (
            "<p>gross profit at 92% is USD 1.764 bn</p><details class='bytebook-chart-data'>"
            "<table><thead><tr><th>Dashed line</th><th>Gross profit a year, USD bn</th></tr>"
            "</thead>"
            f"<tbody><tr><td>the article's figures</td><td>{marked}</td></tr></tbody></table>"
            "</details>"
        )

    marked, written = marked_and_written(page("1.76"))
    assert [(w.written, m.written) for w, m in rounded_sources(marked, written)] == [
        ("1.764 bn", "1.76 bn")
    ]
    assert not rounded_sources(*marked_and_written(page("1.764")))


@pytest.mark.parametrize("page_path", PAGES)
def test_a_chart_marks_a_figure_at_the_digits_its_page_writes_it(built_book, page_path):
    """A figure a chart marks (the article's CapCut Pro profit, USD 1.764 bn, as a dashed rule)
    reads in the data behind the chart at the digits the page's text writes it, never 1.76:
    the recorded-digits rule above, for the figures the book works out and marks."""
    marked, written = marked_and_written((built_book / page_path).read_text(encoding="utf-8"))
    found = rounded_sources(marked, written)
    assert not found, sorted({(w.context, m.context) for w, m in found})[:8]


def test_a_marked_figure_s_table_names_what_the_chart_draws_for_it(built_book):
    """The data behind a chart names a marked figure by what the reader sees: the article's
    CDN saving (codec) and CapCut Pro profit (economics) are dashed lines, the industry's
    utilisation (infrastructure) a point, where a curve meets the article's price (recommender)
    a ring; not by the chart library's word for them ('Marker', 'Mark')."""
    heads = {}
    for page in ("codec", "economics", "infrastructure", "recommender"):
        html = (built_book / f"book/{page}.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        heads[page] = {
            head.get_text(strip=True)
            for table in soup.select(".bytebook-chart-data table")
            if (head := table.select_one("thead th"))
        }
    assert "Dashed line" in heads["codec"] & heads["economics"]
    assert "Point" in heads["infrastructure"] and "Ring" in heads["recommender"]
    assert not {"Marker", "Mark"} & set().union(*heads.values())
