"""The offline chart renderer, the Python half of `static/bytebook-charts.js`.

Each chart's output carries its Vega-Lite spec as inert JSON, which the script draws with the
book's own `_static/vega-bundle.js`, a static SVG drawn by vl-convert (shown until the script
draws the live chart, and to readers without JavaScript) and the data behind it as a table.
The one-page print build shows the same output, so printed charts are vector drawings with
real text; no PNG is drawn.
"""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path

import altair as alt
import vl_convert as vlc

from bytebook.charts import THEME, theme
from bytebook.publish.chart_data import data_html

CJK_FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto")
RENDERER = "bytebook"


def _register_fonts() -> None:
    for directory in CJK_FONT_DIRS:
        if Path(directory).is_dir():
            vlc.register_font_directory(directory)


def chart_html(spec: dict, svg: str) -> str:
    """The HTML of one chart: its spec as inert JSON, a static SVG fallback and its data. The
    chart's box scrolls sideways when the chart is wider than the column (on a phone, or while
    the static fallback shows), so it is reachable from the keyboard at every moment
    (`tabindex`), not only once drawn."""
    payload = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    chart_id = "chart-" + hashlib.sha1(payload.encode()).hexdigest()[:12]
    safe_payload = payload.replace("<", "\\u003c")  # no tag can open or close inside
    label = html.escape(spec.get("description", ""), quote=True)
    return (
        f'<div class="bytebook-chart" id="{chart_id}" role="figure" tabindex="0" '
        f'aria-label="{label}">'
        f'<script type="application/json" class="bytebook-spec">{safe_payload}</script>'
        f'<div class="bytebook-static">{svg}</div></div>{data_html(spec)}'
    )


def _render(spec: dict) -> dict:
    svg = vlc.vegalite_to_svg(spec)
    return {"text/html": chart_html(spec, svg)}


def setup() -> None:
    """Register the theme, the CJK fonts and the offline renderer; call once per notebook."""
    _register_fonts()
    alt.theme.register(THEME, enable=True)(theme)
    alt.renderers.register(RENDERER, _render)
    alt.renderers.enable(RENDERER)
    alt.data_transformers.disable_max_rows()
