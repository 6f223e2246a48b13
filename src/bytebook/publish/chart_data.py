"""The values a chart draws, as tables a reader can read and as CSV files to download.

Each mark that has a tooltip gives one table: its columns are the tooltip's fields, headed by
their titles (which carry the units), shown in the tooltip's formats. Vega itself computes the
values (through vl-convert), with the chart's own transforms and every slider at its default
setting, so the table of a computed curve holds what the chart shows before a slider moves.
The build writes each table's CSV as a file of the site (bytebook.publish.chart_files).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import dataclass, replace

from bytebook.present import CARD_COLUMNS
from bytebook.publish.kept_renders import drawn
from bytebook.safety import spreadsheet_safe

FIELD_SEPARATOR, PART_SEPARATOR = "\u241f", "\u241e"
"""Printable marks (␟, ␞) no value holds, to join a row's cells into one string."""

_CARRIER = "point"
"""The mark whose items carry each computed string, in their `description`: Vega measures
no text for it (a text mark's every string is measured against the fonts, most of a table's
cost), and Vega-Lite writes a nominal `description` with the same expression as a `text`."""


@dataclass(frozen=True)
class DrawnTable:
    """One mark's values: column titles, raw values (for CSV) and shown values (as drawn);
    `fields` names each column's data field, `limits` the fixed axis range of a field, if any
    (one that follows the sliders, at their defaults), and `computed` the fields the mark's
    own transforms calculate (from the sliders), not read from its data."""

    titles: list[str]
    raw: list[list[str]]
    shown: list[list[str]]
    fields: list[str]
    limits: dict[str, list[float]]
    computed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Mark:
    records: list[dict]
    transforms: list[dict]
    tooltip: list[dict]
    limits: dict[str, list | dict]


def _marks(node: dict, datasets: dict, data: dict | None, transforms: list[dict]) -> list[_Mark]:
    data = node.get("data", data)
    transforms = transforms + node.get("transform", [])
    found: list[_Mark] = []
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for child in node.get(key, []):
            found += _marks(child, datasets, data, transforms)
    mark = node.get("mark")
    if mark is None:
        return found
    aria = mark.get("aria", True) if isinstance(mark, dict) else True
    kind = mark.get("type") if isinstance(mark, dict) else mark
    tooltip = node.get("encoding", {}).get("tooltip")
    if aria is False or kind == "text" or not isinstance(tooltip, list) or data is None:
        return found  # value labels repeat what the marks they label draw
    records = datasets.get(data["name"], []) if "name" in data else data.get("values", [])
    fields = [t for t in tooltip if "field" in t]
    limits = {
        channel["field"]: channel["scale"]["domain"]
        for channel in (node["encoding"].get("x"), node["encoding"].get("y"))
        if isinstance(channel, dict)
        and "field" in channel
        and channel.get("type") == "quantitative"  # a category's domain lists, not limits
        and isinstance(channel.get("scale", {}).get("domain"), list | dict)
    }
    return [*found, _Mark(records, transforms, fields, limits)]


def _params(node: object) -> list[dict]:
    """Every value parameter (each slider) in the spec, at its default value."""
    found: list[dict] = []
    if isinstance(node, dict):
        for param in node.get("params", []):
            if "select" not in param and "value" in param:
                found.append({"name": param["name"], "value": param["value"]})
        for value in node.values():
            found += _params(value)
    elif isinstance(node, list):
        for value in node:
            found += _params(value)
    return list({p["name"]: p for p in found}.values())


def _cell_expression(field: dict) -> tuple[str, str]:
    name = json.dumps(field["field"])
    raw = f"datum[{name}] == null ? '' : toString(datum[{name}])"
    if field.get("type") == "quantitative" and field.get("format"):
        shown = f"datum[{name}] == null ? '' : format(datum[{name}], {json.dumps(field['format'])})"
    else:
        shown = raw
    return raw, shown


def evaluate_range(domain: list | dict, params: list[dict], schema: str = "") -> list[float]:
    """An axis range as numbers: a fixed one as given, one a Vega expression of the sliders
    (`{"expr": ...}`) computed by Vega with the sliders at `params`."""
    if isinstance(domain, list):
        return [float(end) for end in domain]
    spec = {
        "$schema": schema,
        "data": {"values": [{}]},
        "params": params,
        "transform": [{"calculate": f"join({domain['expr']}, '{FIELD_SEPARATOR}')", "as": "__"}],
        "mark": _CARRIER,
        "encoding": {"description": {"field": "__", "type": "nominal"}},
    }
    [text] = _carried(spec)
    return [float(end) for end in text.split(FIELD_SEPARATOR)]


def _evaluate(mark: _Mark, params: list[dict], schema: str) -> DrawnTable:
    raws, showns = zip(*(_cell_expression(f) for f in mark.tooltip), strict=True)
    joined = (
        f"join([{', '.join(raws)}], '{FIELD_SEPARATOR}') + '{PART_SEPARATOR}' + "
        f"join([{', '.join(showns)}], '{FIELD_SEPARATOR}')"
    )
    spec = {
        "$schema": schema,
        "data": {"values": mark.records},
        "params": params,
        "transform": [*mark.transforms, {"calculate": joined, "as": "__row"}],
        "mark": _CARRIER,
        "encoding": {"description": {"field": "__row", "type": "nominal"}},
    }
    rows = _carried(spec)
    raw, shown = [], []
    for row in rows:
        raw_part, shown_part = row.split(PART_SEPARATOR)
        raw.append(raw_part.split(FIELD_SEPARATOR))
        shown.append(shown_part.split(FIELD_SEPARATOR))
    titles = [str(f.get("title") or f["field"]) for f in mark.tooltip]
    limits = {field: evaluate_range(d, params, schema) for field, d in mark.limits.items()}
    computed = frozenset(step["as"] for step in mark.transforms if "calculate" in step)
    return DrawnTable(titles, raw, shown, [f["field"] for f in mark.tooltip], limits, computed)


def mark_items(node: dict, marktype: str) -> list[dict]:
    """The items of every `marktype` mark (Vega's name: "text", "symbol", …) in a scenegraph."""
    if node.get("marktype") == marktype and node.get("role") == "mark":
        return node.get("items", [])
    found: list[dict] = []
    for item in node.get("items", []):
        if isinstance(item, dict):
            found += mark_items(item, marktype)
    return found


def _carried(spec: dict) -> list[str]:
    """The strings `spec`'s one carrier mark computes, in its data's order, as Vega draws them."""
    scene = drawn("vegalite_to_scenegraph", spec)["scenegraph"]
    return [item["description"] for item in mark_items(scene, "symbol")]


def _once(tables: list[DrawnTable]) -> list[DrawnTable]:
    """One table for the marks that show the same columns: panels whose bars share one row a
    year give it once, and panels that split one table's rows among them (one verdict each)
    give their rows together, each row once, with every panel's axis range."""
    kept: dict[tuple, DrawnTable] = {}
    for table in tables:
        key = tuple(table.titles)
        if key not in kept:
            kept[key] = table
            continue
        first = kept[key]
        seen = set(zip(map(tuple, first.raw), map(tuple, first.shown), strict=True))
        new = [
            (raw, shown)
            for raw, shown in zip(table.raw, table.shown, strict=True)
            if (tuple(raw), tuple(shown)) not in seen
        ]
        kept[key] = replace(
            first,
            raw=first.raw + [raw for raw, _ in new],
            shown=first.shown + [shown for _, shown in new],
            limits={**first.limits, **table.limits},
            computed=first.computed | table.computed,
        )
    return list(kept.values())


def drawn_tables(spec: dict) -> list[DrawnTable]:
    """The values each mark with a tooltip draws, with the sliders at their defaults; marks
    that draw the same values give one table."""
    params = _params(spec)
    schema = spec.get("$schema", "")
    marks = _marks(spec, spec.get("datasets", {}), None, [])
    return _once([_evaluate(mark, params, schema) for mark in marks if mark.tooltip])


def _plain(value: str) -> str:
    """A computed number to twelve significant digits (0.07382760000000001 is 0.0738276); text
    made safe to open in a spreadsheet (bytebook.safety.spreadsheet_safe), its no-break spaces
    (which keep a value whole in a chart's legend, `bytebook.charts.kept_whole`) plain ones."""
    try:
        return format(float(value), ".12g")
    except ValueError:
        return spreadsheet_safe(value.replace("\u00a0", " "))


def to_csv(table: DrawnTable) -> str:
    """A table's raw values as CSV (RFC 4180 line ends), with its titles as the header; every
    text cell is safe to open in a spreadsheet, numbers stay numbers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(title) for title in table.titles])
    writer.writerows([_plain(v) for v in row] for row in table.raw)
    return out.getvalue()


SLUG_LENGTH = 60
"""The most characters of a chart's title that name its CSV file."""


def _slug(text: str) -> str:
    """`text` as a file name's words, cut after a whole word within `SLUG_LENGTH` characters."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > SLUG_LENGTH:
        slug = slug[: SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return slug or "chart"


def link_words(csv_text: str) -> str:
    """A CSV link's words, short enough for one line on a phone: 'Download CSV (12 rows)',
    counting the rows under the header."""
    rows = len(list(csv.reader(io.StringIO(csv_text, newline="")))) - 1
    return f"Download CSV ({rows} {'row' if rows == 1 else 'rows'})"


def chart_title(spec: dict) -> str:
    """The chart's own title (not its source line)."""
    child = spec.get("vconcat", [spec])[0]
    title = child.get("title", "")
    text = title.get("text", "") if isinstance(title, dict) else title
    return " ".join(text) if isinstance(text, list) else str(text)


def has_sliders(spec: dict) -> bool:
    """Whether the chart, or any view inside it, has a parameter bound to a range input (a
    slider; a parameter bound to the scales, which zooms, is none)."""
    views = [spec.get(key, []) for key in ("layer", "vconcat", "hconcat", "concat")]
    return any(
        isinstance(param.get("bind"), dict) and param["bind"].get("input") == "range"
        for param in spec.get("params", [])
    ) or any(has_sliders(view) for group in views for view in group)


SLIDERS_NOTE = (
    "The values above are at the default settings of the chart's sliders; moving a slider "
    "redraws the chart."
)
"""What a slider chart's description adds: it is written once, for the sliders' defaults, and
does not follow them."""


def described(spec: dict) -> dict:
    """`spec` with its description, which a screen reader reads, saying so where the chart has
    sliders (`SLIDERS_NOTE`)."""
    if not has_sliders(spec):
        return spec
    return {**spec, "description": f"{spec.get('description', '')} {SLIDERS_NOTE}".strip()}


def csv_link(file_name: str, text: str) -> str:
    """A link to a table's CSV, carrying the CSV itself until the build writes it as a file."""
    kept = html.escape(text, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")
    return (
        f'<a class="bytebook-csv-link" data-csv="{kept}" '
        f'download="{html.escape(file_name, quote=True)}">'
        f"{link_words(text)}</a>"
    )


def data_note(spec: dict) -> str:
    """The line a chart's one table carries under it (`bytebook.charts.Caption.data_note`), if
    any: what the chart draws that its table's rows do not hold (a printed band's ends)."""
    return str(spec.get("usermeta", {}).get("data_note", ""))


def empty_cell(spec: dict) -> str:
    """What a chart's data table writes in a cell the chart draws nothing for
    (`bytebook.charts.Caption.empty_cell`: 'not found' for figures as found), or ''."""
    return str(spec.get("usermeta", {}).get("empty_cell", ""))


WORDS = 30
"""A column holding a value longer than this many characters (the sources a year's figures
come from) is text: on a phone's card it takes the card's whole width (bytebook.css)."""


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def number_columns(table: DrawnTable) -> set[int]:
    """The columns whose every value is a number (an empty cell aside), which the page sets
    flush right so that their digits line up."""
    return {
        column
        for column in range(len(table.titles))
        if any(row[column] for row in table.raw)
        and all(_is_number(row[column]) for row in table.raw if row[column])
    }


def _cells(table: DrawnTable, row: list[str], empty: str = "") -> str:
    """A row's cells, each named by its column (`data-th`, which a phone's card shows over
    it), an empty one reading `empty`; the cells of a column of text (`WORDS`) are marked
    `words`, those of a column of numbers (`number_columns`) `number`."""
    words = {
        column
        for column in range(len(table.titles))
        if max(len(shown[column]) for shown in table.shown) > WORDS
    }
    numbers = number_columns(table)
    classes = {column: "words" for column in words} | {column: "number" for column in numbers}
    return "".join(
        f'<td data-th="{html.escape(title)}"'
        + (f' class="{classes[column]}"' if column in classes else "")
        + f">{html.escape(value or empty, quote=False)}</td>"
        for column, (title, value) in enumerate(zip(table.titles, row, strict=True))
    )


def data_html(spec: dict) -> str:
    """The collapsed 'Data behind this chart' block: each table as drawn, with the chart's note
    under a lone table, and a link to its CSV."""
    tables = drawn_tables(spec)
    if not tables:
        return ""
    name = _slug(chart_title(spec))
    note = data_note(spec) if len(tables) == 1 else ""
    empty = empty_cell(spec)
    parts = []
    for number, table in enumerate(tables, start=1):
        numbers = number_columns(table)
        head = "".join(
            '<th scope="col"'
            + (' class="number"' if column in numbers else "")
            + f">{html.escape(title, quote=False)}</th>"
            for column, title in enumerate(table.titles)
        )
        body = "".join(f"<tr>{_cells(table, row, empty)}</tr>" for row in table.shown)
        layout = ' class="cards"' if len(table.titles) >= CARD_COLUMNS else ""
        file_name = f"{name}.csv" if len(tables) == 1 else f"{name}-{number}.csv"
        parts.append(
            f'<div class="bytebook-table"><table{layout}><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>"
            + (
                f'<p class="bytebook-data-note">{html.escape(note, quote=False)}</p>'
                if note
                else ""
            )
            + f'<p class="bytebook-csv">{csv_link(file_name, to_csv(table))}</p>'
        )
    settings = " (at the sliders' default settings)" if has_sliders(spec) else ""
    return (
        '<details class="bytebook-chart-data"><summary>Data behind this chart'
        f"{settings}</summary>"
        f"{''.join(parts)}</details>"
    )
