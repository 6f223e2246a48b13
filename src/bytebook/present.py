"""Tables and verdict badges as escaped HTML, and gluing a chapter's findings into its prose."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import version
from types import ModuleType

import pandas as pd
from IPython.display import HTML

from bytebook.article import SECTION_TITLES, SECTIONS
from bytebook.chinese import CHINESE, CHINESE_RUN, chinese_runs, cut_at
from bytebook.data import BookData, load_book_data
from bytebook.findings import Findings
from bytebook.ledger import WORKING_NOTE, LedgerEntry, Verdict, recomputed_text, stated_text
from bytebook.numbers import VALUE_WITH_UNIT, figure, in_a_column, kind_of
from bytebook.palette import verdict_css_class
from bytebook.publish.whole_values import CLOSE, OPEN
from bytebook.safety import is_web_link
from bytebook.schemas import COMPANIES


def publish(found: Findings) -> None:
    """Glue every number of a chapter: `key` holds the raw value, `key_text` its prose form."""
    from myst_nb import glue

    for key, value in found.numbers.items():
        glue(key, value, display=False)
        glue(f"{key}_text", found.texts[key], display=False)


ARTICLE_PREFIX = "article_"
"""The glue name of an article figure: `article_<claim id>`, as its claim row states it."""


def article_figures(data: BookData) -> dict[str, str]:
    """Every figure the article prints, by glue name, as its claim row states it
    (`numbers.figure`), an 'N+' figure with its + ('1,000+亿元'): prose that repeats the
    article's figures glues them from here rather than typing them."""
    texts = {}
    for claim_id, claim in data.claims.iterrows():
        if pd.isna(claim["value"]):
            continue
        text = figure(float(claim["value"]), claim["unit"])
        if claim["qualifier"] == "+":
            text = re.sub(r"(\d)(?=\D*$)", r"\1+", text, count=1)
        texts[f"{ARTICLE_PREFIX}{claim_id}"] = text
    return texts


def publish_article(data: BookData) -> None:
    """Glue every figure of the article (`article_figures`) for a page's prose."""
    from myst_nb import glue

    for name, text in article_figures(data).items():
        glue(name, text, display=False)


def glue_verdict(found: Findings, key: str, claim_id: str) -> str:
    """Glue the verdict of ledger row `claim_id` as `key`, for prose that names it (a box's
    "unverifiable too"), so the words follow the ledger; returns it."""
    from myst_nb import glue

    (entry,) = [e for e in found.entries if e.id == claim_id]
    glue(key, entry.verdict.value, display=False)
    return entry.verdict.value


class Markup(str):
    """A table cell's formatted value that is HTML already (a verdict badge), which `table_html`
    puts in as it is; every other cell is escaped."""


def badge(verdict: str) -> str:
    """A verdict badge as HTML (its colour: bytebook.palette); an empty verdict reads 'not yet
    checked'."""
    word = verdict or "not yet checked"
    return f'<span class="verdict verdict-{verdict_css_class(word)}">{text_html(word)}</span>'


def badge_cell(verdict: object) -> Markup:
    """A table's verdict cell as its badge, as the claims tables show it."""
    return Markup(badge(str(verdict)))


DERIVED_TITLE = (
    "A number the book derives, not one the article prints: a step of the book's own arithmetic "
    "has no verdict, and a reading the book could test shows its verdict beside this badge"
)


def _verdict_order(verdict: str) -> int:
    """A verdict's place in the book's order (`Verdict`: consistent first, unverifiable last);
    after them, a row not yet checked."""
    order = [v.value for v in Verdict]
    return order.index(verdict) if verdict in order else len(order)


def row_badges(entry: LedgerEntry) -> str:
    """A row's badges: a printed claim's verdict; a derived row's neutral 'derived' badge, then
    its verdict only where the book could test it (a step of its arithmetic has none). The
    derived badge's title (`DERIVED_TITLE`) is its table's, written once (`_titles`)."""
    if entry.kind != "derived":
        return badge(entry.verdict or "")
    derived = '<span class="verdict verdict-derived">derived</span>'
    tested = entry.verdict and entry.verdict != "unverifiable"
    return derived + (" " + badge(entry.verdict) if tested else "")


def text_html(text: str) -> str:
    """`text` as an element's content: '&', '<' and '>' escaped. A quote mark needs escaping
    only in an attribute, and written as '&#x27;' each of the ledger's some 600 apostrophes
    took six bytes."""
    return html.escape(text, quote=False)


_PLAIN_WORD = re.compile(r"[A-Za-z]+")
"""An attribute value HTML allows without quotes, as this book writes them."""


def _td(label: str, content: str, attributes: str = "") -> str:
    """A cell that names its column (`data-th`: its header's words) for the phone layout, where
    a row is a card. The name is short, and left unquoted where it is one plain word: the
    ledger's 1,700 cells each carry it."""
    name = label if _PLAIN_WORD.fullmatch(label) else f'"{html.escape(label)}"'
    return f"<td data-th={name}{attributes}>{content}</td>"


def _claim_cell(entry: LedgerEntry) -> str:
    """The article's words, set apart, over the English gloss."""
    quote = (
        f'<span class="claim-quote" lang="zh">{text_html(entry.quote_zh)}</span>'
        if entry.quote_zh
        else ""
    )
    gloss = marked_chinese(entry.claim_en)
    return _td("Claim", f"{quote}<span class=claim-gloss>{gloss}</span>")


def marked_chinese(text: str) -> str:
    """`text` escaped for HTML, each run of Chinese in it marked `lang="zh"` (for a screen
    reader's voice, and kept upright in an italic gloss). A value with a Chinese unit
    ('1,000亿元') is kept whole here (`OPEN` … `CLOSE`), around both its parts: the page's own pass
    (`keep_values_whole`) would see them apart."""
    return "".join(
        f"{OPEN}{_marked_runs(part)}{CLOSE}"
        if VALUE_WITH_UNIT.fullmatch(part) and CHINESE_RUN.search(part)
        else _marked_runs(part)
        for part in cut_at(VALUE_WITH_UNIT, text)
    )


def _marked_runs(text: str) -> str:
    return "".join(
        f'<span lang="zh">{text_html(part)}</span>'
        if CHINESE_RUN.fullmatch(part)
        else text_html(part)
        for part in chinese_runs(text)
    )


SORT_KINDS = ("CNY", "USD", "share", "multiple", "rate", "count")
"""The order in which a number column sorts its kinds (`bytebook.numbers.kind_of`): yuan
amounts, then dollar amounts, shares, multiples, exchange rates, counts, then any other unit."""


def sort_key(value: float | None, unit: str) -> str:
    """A number cell's sort key (`data-order`): its kind's place and its unit, then its value in
    base units ('00 CNY|285500000000.0'), so that a column sorts by value within each unit and
    never sets 1 trillion parameters beside 3,100亿元; empty for a blank cell, which
    bytebook-ledger.js keeps last in either direction."""
    if value is None or pd.isna(value):
        return ""
    kind = kind_of(unit)
    place = SORT_KINDS.index(kind) if kind in SORT_KINDS else len(SORT_KINDS)
    return f"{place:02d} {unit}|{float(value)!r}"


def _order(value: float | None, unit: str) -> str:
    return f' data-order="{html.escape(sort_key(value, unit))}"'


def _values(entry: LedgerEntry, sortable: bool, with_stated: bool = True) -> str:
    """The stated and recomputed figures, each with its unit in words ('8 Mbps'; a CPM's as
    'USD 26 CPM', `in_a_column`): the tables need no unit column (the ledger's CSV keeps the
    data's unit). In a `sortable` table (the ledger's) each carries its sort key. Without
    `with_stated`, only the recomputed figure (a table of rows the article states nothing in)."""
    stated, recomputed = (
        (_order(entry.stated, entry.unit), _order(entry.recomputed, entry.unit))
        if sortable
        else ("", "")
    )
    shown = _td("Recomputed", text_html(in_a_column(recomputed_text(entry))), recomputed)
    if not with_stated:
        return shown
    return _td("Stated", text_html(in_a_column(stated_text(entry))), stated) + shown


URL_BREAKS = re.compile(r"(?<=[/.?&=-])(?=[^/])|(?<=.)(?=%)")
"""Where a printed URL may break: after a slash (not inside "//"), a dot, a hyphen or a query's
? & =, and before each percent-encoded byte (a Chinese word in a URL is a long run of them)."""

CODE_RUN = re.compile(r"[A-Za-z0-9]*[0-9][A-Za-z0-9]*")
"""A run of letters and digits with a digit in it: a hash or a number in a URL, not a word."""

CODE_CHUNK = 10
"""How many characters of such a run may stand between two break opportunities."""


def _breakable_code(part: str) -> str:
    """An escaped URL part whose hash- or number-like runs may also break every `CODE_CHUNK`
    characters, so a 40-character commit hash does not set a column's width."""
    pieces, start = [], 0
    for run in CODE_RUN.finditer(part):
        pieces.append(text_html(part[start : run.start()]))
        text = run.group()
        chunks = [text[i : i + CODE_CHUNK] for i in range(0, len(text), CODE_CHUNK)]
        pieces.append("<wbr>".join(chunks))
        start = run.end()
    pieces.append(text_html(part[start:]))
    return "".join(pieces)


def breakable_url(url: str) -> str:
    """A URL as escaped link text that may break after its slashes, dots and hyphens (`<wbr>`),
    and inside a long hash or number, so that a narrow column wraps it between its parts rather
    than inside a word."""
    return "<wbr>".join(_breakable_code(part) for part in URL_BREAKS.split(url))


LONG_RUN = re.compile(r"[!-~]{21,}")
"""A run of more than 20 ASCII characters without a space: in a source's quote, words whose
spaces the source's text lost ("RevenuefromChinadecreasedto9.91"), not one word."""


def _breakable_quote(quote: str) -> str:
    """An escaped quote whose runs without spaces (`LONG_RUN`) may break every `CODE_CHUNK`
    characters, so that one such run does not set its column's width; its words stay whole."""
    pieces, start = [], 0
    for run in LONG_RUN.finditer(quote):
        text = run.group()
        pieces.append(text_html(quote[start : run.start()]))
        chunks = [text[i : i + CODE_CHUNK] for i in range(0, len(text), CODE_CHUNK)]
        pieces.append("<wbr>".join(text_html(chunk) for chunk in chunks))
        start = run.end()
    pieces.append(text_html(quote[start:]))
    return "".join(pieces)


WEB_NAME = re.compile(r"[A-Za-z][\w-]*(?:[./][A-Za-z][\w-]*)+")
"""A site or a repository named in words ("shouyoumeng.com", "lobehub/lobe-chat")."""


def _breakable_names(text: str) -> str:
    """Escaped text whose site and repository names may break after a dot or a slash, as a URL
    does (`breakable_url`), so one such name does not set its column's width."""
    pieces, start = [], 0
    for name in WEB_NAME.finditer(text):
        pieces.append(text_html(text[start : name.start()]))
        pieces.append(re.sub(r"([./])", r"\1<wbr>", text_html(name.group())))
        start = name.end()
    pieces.append(text_html(text[start:]))
    return "".join(pieces)


def _breakable_id(identifier: str) -> str:
    """An id (or a text that names ids, such as d_daily_inference_cost) that may break after
    its underscores, never inside a word."""
    return text_html(identifier).replace("_", "_<wbr>")


def _titles(link: str) -> str:
    """A claims table's titles, written once on the table rather than on each of its rows:
    each derived badge's (`DERIVED_TITLE`) and each row's link's (`link`, in which '{page}'
    names the page the link opens). bytebook-tables.js gives every badge and link its title."""
    return (
        f' data-derived-title="{html.escape(DERIVED_TITLE)}"'
        f' data-link-title="{html.escape(link)}"'
    )


def _table(
    names: list[str],
    rows: list[str],
    css: str,
    label: str,
    panes: frozenset[str] = frozenset(),
    titles: str = "",
) -> HTML:
    """An escaped table named `label`; each header cell carries its column's name as a class
    (`col-evidence`), which the style sheet sizes columns by, and the columns in `panes` get
    filter panes; `titles` are its rows' titles (`_titles`)."""
    cells = "".join(
        f'<th class="col-{re.sub("[^a-z0-9]+", "-", name.lower())}"'
        + (' data-filter="pane"' if name in panes else "")
        + f">{text_html(name)}</th>"
        for name in names
    )
    table = (
        f'<table class="claims {css}"{titles}>'
        f"<thead><tr>{cells}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return HTML(_scroll_box(table, label))


def _rule_cell(rule: str, verdict: str) -> str:
    """A policy rule, its verdict shown as the badge ('verdict: ' and the badge)."""
    if not verdict:
        return text_html(rule)
    named = rule.removesuffix(verdict) if rule.endswith(verdict) else f"{rule} "
    return text_html(named) + badge(verdict)


def policy_html(table: pd.DataFrame) -> HTML:
    """The verdict policy's rows (bytebook.policy.policy_table), each verdict as its badge in
    the rule's cell, so that the meanings have the width a badge column took."""
    rows = [
        "<tr>"
        + _td("Rule", _rule_cell(row.rule, row.verdict))
        + _td("Example", text_html(row.example))
        + _td("Meaning", text_html(row.meaning))
        + "</tr>"
        for row in table.itertuples()
    ]
    return _table(["Rule", "Example", "Meaning"], rows, "policy", "The verdict policy")


def _claims_table(
    entries: list[LedgerEntry], label: str, quoted: Mapping[str, str], with_stated: bool = True
) -> str:
    """A chapter's table of `entries`; without `with_stated` (the book's derived rows, in which
    the article states nothing) it has no Stated column, which would stand empty."""
    rows = [
        f'<tr id="claim-{html.escape(e.id)}">'
        + _td(
            "Verdict",
            f'<a href="ledger.html#claim-{html.escape(e.id)}">{row_badges(e)}</a>',
        )
        + f"{_claim_cell(e)}{_values(e, sortable=False, with_stated=with_stated)}"
        + f"{_td('Evidence', _evidence_text(row_links(shown_evidence(e), quoted, _breakable_id)))}"
        + "</tr>"
        for e in entries
    ]
    names = ["Verdict", "Claim", *(["Stated"] if with_stated else []), "Recomputed", "Evidence"]
    css = "chapter-claims" if with_stated else "chapter-claims without-stated"
    return _table(names, rows, css, label, titles=_titles(LEDGER_LINK)).data


LEDGER_LINK = "This claim in the ledger"
"""The title of a chapter's claim's link to its ledger row."""

CHAPTER_LINK = "Where this claim is checked: {page}"
"""The title of a ledger row's link to the chapter that checks it."""


def claims_html(entries: Iterable[LedgerEntry]) -> HTML:
    """A chapter's ledger rows, each verdict badge linking to the row in the ledger appendix:
    the article's claims first, then the book's derived rows, folded under a line that counts
    them (a link to one of them opens the fold, bytebook-tables.js)."""
    entries = list(entries)
    printed = [e for e in entries if e.kind != "derived"]
    derived = [e for e in entries if e.kind == "derived"]
    quoted = _quoted_rows(entries)
    shown = _claims_table(printed, "The claims this section checks", quoted) if printed else ""
    if derived:
        shown += (
            '<details class="derived-rows"><summary>How this book worked it out '
            f"({len(derived)})</summary>"
            + _claims_table(derived, "The rows this section works out", quoted, False)
            + "</details>"
        )
    return HTML(shown)


ROW_MENTION = re.compile(r"the row of 「([^」]+)」")
"""Evidence naming another ledger row it rests on by the article's words that row quotes: 'are
in the row of 「用字节的自研 H.266 压缩后可降到 3.2Mbps」'."""


def row_links(text: str, rows: Mapping[str, str], show: Callable[[str], str] = text_html) -> str:
    """Evidence as HTML (`show` escapes its words), each mention of a row by its quote (`rows`:
    the id of the row quoting each text) a link to that row on the same page, which holds it."""
    pieces, start = [], 0
    for mention in ROW_MENTION.finditer(text):
        row = rows.get(mention.group(1))
        if row is not None:
            pieces.append(show(text[start : mention.start()]))
            pieces.append(f'<a href="#claim-{html.escape(row)}">{show(mention.group())}</a>')
            start = mention.end()
    pieces.append(show(text[start:]))
    return "".join(pieces)


def _quoted_rows(entries: Iterable[LedgerEntry]) -> dict[str, str]:
    """The id of each row that quotes the article, by its quote."""
    return {e.quote_zh: e.id for e in entries if e.quote_zh}


def _evidence_text(shown: str) -> str:
    """A row's evidence (HTML), which a screen wider than a phone cuts to a few lines under a
    button that opens it whole (bytebook-tables.js); paper prints it whole."""
    return f"<span class=evidence-text>{shown}</span>"


def shown_evidence(entry: LedgerEntry) -> str:
    """A row's evidence as a page shows it: a step of the book's arithmetic leaves its closing
    note (`WORKING_NOTE`, that it is no claim of the article and has no verdict) to its
    'derived' badge, whose title says so; the ledger CSV keeps the note."""
    return entry.evidence.removesuffix(f" {WORKING_NOTE}")


def _evidence(text: str, rows: Mapping[str, str]) -> str:
    """A ledger row's evidence, open, under a line that names it; on a phone, where each row is
    a card, bytebook-ledger.js folds it (search, find-in-page and print still reach it)."""
    return (
        '<details open><summary>Evidence</summary>'
        f"{_evidence_text(row_links(text, rows))}</details>"
    )


def _search_words(entry: LedgerEntry) -> str:
    """What a search of the ledger finds an id's cell by: the id, then the Chinese name of each
    ranked company the row names in English (`schemas.COMPANIES`, by the first word of its
    English name: 'Haier' for 海尔智家), which its own words may not print. A search for 联想
    then finds the rows a search for Lenovo finds."""
    words = f"{entry.claim_en} {entry.evidence}"
    names = [
        chinese
        for chinese, english in COMPANIES.items()
        if re.search(rf"\b{re.escape(english.split()[0])}\b", words)
    ]
    return " ".join([entry.id, *names])


def ledger_html(entries: Iterable[LedgerEntry], chapter_of: Callable[[str], str]) -> HTML:
    """The whole ledger, filterable by section and verdict; each id links to where the claim is
    checked in its chapter, and carries the words a search finds its row by (`_search_words`)."""
    entries = list(entries)
    quoted = _quoted_rows(entries)
    rows = []
    for e in entries:
        verdict = e.verdict or "not yet checked"
        chapter = chapter_of(e.section)
        anchor = f"claim-{html.escape(e.id)}"
        link = f'<a href="{chapter}.html#{anchor}"><code>{_breakable_id(e.id)}</code></a>'
        title = text_html(SECTION_TITLES.get(e.section, e.section))
        section = _td(
            "Section",
            title,
            f' data-order="{SECTIONS.index(e.section) if e.section in SECTIONS else 99}"',
        )
        # The verdict filter counts the article's printed claims only, as the summary's scorecard
        # does: a derived row has no `data-pane` (bytebook-ledger.js), and the Kind filter finds it.
        # The cell sorts and is searched by its badges' words ('derived supported').
        # Its filter lists the verdicts in the book's order (`Verdict`), not the alphabet's.
        pane = (
            f' data-pane="{html.escape(verdict)}" data-pane-order="{_verdict_order(verdict)}"'
            if e.kind != "derived"
            else ""
        )
        verdict_cell = _td("Verdict", row_badges(e), pane)
        # On a laptop the id's cell names the section under the id, in place of its own column
        # (bytebook.css; bytebook-ledger.js copies the name from the Section cell).
        id_cell = _td("Id", link, f' data-search="{html.escape(_search_words(e))}"')
        rows.append(
            f'<tr id="{anchor}">{id_cell}{section}{_td("Kind", text_html(e.kind))}'
            f"{verdict_cell}{_claim_cell(e)}{_values(e, sortable=True)}"
            f"{_td('Evidence', _evidence(shown_evidence(e), quoted))}</tr>"
        )
    names = [
        "Id",
        "Section",
        "Kind",
        "Verdict",
        "Claim",
        "Stated",
        "Recomputed",
        "Evidence",
    ]
    panes = frozenset({"Section", "Kind", "Verdict"})
    return _table(names, rows, "ledger-table", "The claims ledger", panes, _titles(CHAPTER_LINK))


def table_html(
    frame: pd.DataFrame,
    formats: dict[str, Callable[[object], str]] | None = None,
    label: str = "",
    counts: bool = False,
) -> HTML:
    """A data frame as an escaped HTML table, with optional per-column formatters; `label` names
    it for screen readers (by default its columns). A table of many columns is a list of cards
    on a phone, unless it holds `counts`: a name, then short whole numbers, which stay a table
    whose headers stand upright, so each column is compared down the page (bytebook.css)."""
    formats = formats or {}
    shown = frame.copy()
    shown.columns.name = None  # a named header (a crosstab's) would add an empty column
    markup: dict[str, str] = {}

    def cell(value: object, formatter: Callable[[object], str]) -> str:
        text = "" if pd.isna(value) else formatter(value)
        if not isinstance(text, Markup):
            return text
        mark = f"\ue000{len(markup)}\ue001"  # private-use marks, which escaping leaves alone
        markup[mark] = str(text)
        return mark

    for column, formatter in formats.items():
        shown[column] = shown[column].map(lambda v, f=formatter: cell(v, f))
    names = [str(name) for name in shown.columns]
    layout = " counts" if counts else " cards" if len(names) >= CARD_COLUMNS else ""
    classes = "bytebook-data" + layout
    body = shown.to_html(index=False, escape=True, border=0, classes=classes, na_rep="")
    body = BETWEEN_TAGS.sub("><", body)
    for mark, html_text in markup.items():
        body = body.replace(mark, html_text)
    return HTML(_scroll_box(_label_cells(body, names), label or "Table: " + ", ".join(names)))


BETWEEN_TAGS = re.compile(r">\n\s*<")
"""pandas' line breaks and indents between a table's tags, which a table does not show."""


CARD_COLUMNS = 5
"""A table of this many columns or more is a list of cards on a phone (bytebook.css), each cell
under its column's name, so that no column is out of sight."""


LATIN = re.compile(r"[A-Za-z]")


def reads_as_chinese(cell_html: str) -> bool:
    """Whether a cell's text is Chinese: it holds a Chinese character and no Latin letter
    ('联想', '3100+ 亿元', '63% 增速，算法即货币'; not 'Lenovo 联想')."""
    text = html.unescape(re.sub(r"<[^>]*>", "", cell_html))
    return bool(CHINESE.search(text)) and not LATIN.search(text)


def _label_cells(body: str, names: list[str]) -> str:
    """Each body cell of a pandas table named by its column (`data-th`), for the cards, and a
    cell whose text is Chinese marked so (`lang="zh"`), for a screen reader's voice."""

    def label_row(row: re.Match) -> str:
        cells = iter(names)

        def label(cell: re.Match) -> str:
            lang = ' lang="zh"' if reads_as_chinese(cell.group(1)) else ""
            return f'<td data-th="{html.escape(next(cells))}"{lang}>{cell.group(1)}</td>'

        return re.sub(r"<td>(.*?)</td>", label, row.group(0), flags=re.S)

    head, _, rest = body.partition("<tbody>")
    return head + "<tbody>" + re.sub(r"<tr>.*?</tr>", label_row, rest, flags=re.S)


def _scroll_box(table: str, label: str) -> str:
    """A table in its box, which scrolls sideways when the table is wider than the column: the
    box is named and reachable from the keyboard, so it can be scrolled without a mouse
    (bytebook-tables.js marks the side that has more)."""
    return (
        f'<div class="bytebook-table" role="region" tabindex="0" '
        f'aria-label="{html.escape(label)}">{table}</div>'
    )


def display_table(
    frame: pd.DataFrame, columns: dict[str, tuple[str, Callable[[object], str] | None]]
) -> HTML:
    """A chapter's table as shown: `columns` maps each column to show, in order, to its header
    and its formatter (None: shown as it is). The chapter module keeps it beside the table."""
    shown = frame[list(columns)].rename(columns={c: header for c, (header, _) in columns.items()})
    formats = {header: fmt for header, fmt in columns.values() if fmt is not None}
    return table_html(shown, formats)


def open_chapter(chapter: ModuleType) -> tuple[BookData, Findings]:
    """Set up charts, load the data, run the chapter's analysis and glue its numbers."""
    from bytebook.publish import render

    render.setup()
    data = load_book_data()
    found = chapter.analyse(data)
    publish(found)
    publish_article(data)
    return data, found


CHAPTER_DATA = ("claims.csv", "references.csv", "assumptions.csv", "ranking_table.csv")


def downloads(chapter: str) -> HTML:
    """Links to the chapter's executed notebook, its ledger rows and the data files, as CSV."""
    from bytebook.publish.runnable import DOWNLOADS, LOCK, wheel_name

    wheel = wheel_name(version("bytebook"))
    links = [
        (f"../_sources/book/{chapter}.ipynb", f"{chapter}.ipynb", "this chapter, executed"),
        (f"../_static/{DOWNLOADS}/{wheel}", wheel, "the book's code and data, to run it"),
        (f"../_static/{DOWNLOADS}/{LOCK}", LOCK, "the exact packages it runs with"),
        (f"../_static/data/ledger-{chapter}.csv", f"ledger-{chapter}.csv", "its ledger rows"),
        ("../_static/data/ledger.csv", "ledger.csv", "the whole ledger"),
    ] + [(f"../_static/data/{name}", name, "input data") for name in CHAPTER_DATA]
    items = "".join(
        f'<li><a href="{href}" download>{text_html(label)}</a>: {text_html(what)}</li>'
        for href, label, what in links
    )
    return HTML(f'<div class="bytebook-downloads"><ul>{items}</ul></div>')


SOURCE_ID = "Reference id"
"""The last column of the sources table: a reader knows a source by what it is and who published
it; the id only joins the table to the CSV files."""


AFTER_ARTICLE = "after the article"


def _published_cell(published: str, after_article: bool, dated_by: str = "") -> str:
    """A source's publication date, with where the date comes from, flagged when it is after
    the article's."""
    flag = f' <span class="after-article">({AFTER_ARTICLE})</span>' if after_article else ""
    basis = f" ({text_html(dated_by)})" if dated_by else ""
    return text_html(published) + basis + flag


CITED_OPEN = 3
"""A source cited by at most this many rows shows them at once; a longer list is folded under
its count (print and the browser's find-in-page open it)."""


def cited_by_html(cited: list[str], entries: dict[str, LedgerEntry]) -> str:
    """What cites a source, as a reader reads it: a count and the sections it falls in, over the
    list of the citing claims in words, each linked to its ledger row (its id in the link's
    title); a model assumption by its name."""
    if not cited:
        return "not cited"
    rows = [entries[c] for c in cited if c in entries]
    assumptions = [c.removeprefix("assumption ") for c in cited if c not in entries]
    parts = []
    if rows:
        sections = [s for s in SECTIONS if any(e.section == s for e in rows)]
        names = ", ".join(SECTION_TITLES.get(s, s) for s in sections)
        parts.append(f"{len(rows)} ledger row{'s' if len(rows) != 1 else ''} ({names})")
    if assumptions:
        parts.append(f"{len(assumptions)} model assumption{'s' if len(assumptions) != 1 else ''}")
    items = [
        f'<li><a href="ledger.html#claim-{html.escape(e.id)}" title="Ledger row '
        f'{html.escape(e.id)}">{html.escape(e.claim_en)}</a></li>'
        for e in rows
    ] + [f"<li>model assumption <code>{_breakable_id(a)}</code></li>" for a in assumptions]
    opened = " open" if len(cited) <= CITED_OPEN else ""
    return (
        f'<details class="cited-by"{opened}><summary>{html.escape(" and ".join(parts))}'
        f"</summary><ul>{''.join(items)}</ul></details>"
    )


DERIVATION_LABEL = "Worked out in this book's references, not a source's words:"
"""What a derived reference shows in place of a source's words: its recorded working."""


def sources_html(records: pd.DataFrame, entries: Iterable[LedgerEntry]) -> HTML:
    """The sources table: each source by what it measures, with the source's own words (or how a
    derived figure is derived); each URL is a plain link; what cites it is said in words, each
    citing row linked to the ledger. Only http and https URLs become links."""
    by_id = {e.id: e for e in entries}
    rows = []
    for r in records.itertuples():
        url = html.escape(r.url) if r.url else "none given"
        if is_web_link(r.url):
            url = f'<a href="{url}">{breakable_url(r.url)}</a>'
        cited = cited_by_html(r.cited_by, by_id)
        quote = f"<br><q>{_breakable_quote(r.quote)}</q>" if r.quote else ""
        if r.derivation:
            noted = _breakable_quote(r.derivation)
            quote += f"<br><span class=derivation>{DERIVATION_LABEL} {noted}</span>"
        rows.append(
            f'<tr id="source-{html.escape(r.id)}">'
            + _td("What it measures", f"{html.escape(r.title)}{quote}")
            + _td("Figure", html.escape(r.figure))
            + _td("Producer", _breakable_names(r.producer))
            + _td("Period", html.escape(r.period))
            + _td("Published", _published_cell(r.published, r.after_article, r.dated_by))
            + _td("URL", url, ' class="url"')
            + _td("Tag", html.escape(r.reliability))
            + _td("Cited by", cited, ' class="cited"')
            + _td(SOURCE_ID, f"<code>{_breakable_id(r.id)}</code>")
            + "</tr>"
        )
    names = [
        "What it measures",
        "Figure",
        "Producer",
        "Period",
        "Published",
        "URL",
        "Tag",
        "Cited by",
        SOURCE_ID,
    ]
    return _table(names, rows, "sources-table", "Sources")
