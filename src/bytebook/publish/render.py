"""The offline chart renderer, the Python half of `static/bytebook-charts.js`.

Each chart's output carries, as inert JSON, its Vega-Lite spec and the Vega spec vl-convert
compiles from it (which the script draws with the book's own Vega runtime, `_static/vega-bundle.js`,
a phone's fitted layout written into the Vega spec, so the page compiles no Vega-Lite), a static
SVG vl-convert draws from that Vega spec, less what draws nothing (`static_svg`; shown until the
script draws the live chart, and to readers without JavaScript) and the data behind it as a
table. On the site both specs move to a file of their own that the script fetches
(`chart_specs`). What vl-convert returns is kept between builds (`kept_renders`), so an
unchanged chart is not drawn again.
The one-page print build shows the same output, so printed charts are vector drawings with
real text; no PNG is drawn.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import html
import json
from pathlib import Path

import altair as alt
import vl_convert as vlc

from bytebook.charts import THEME, theme
from bytebook.publish.assets import vega_lite_version
from bytebook.publish.chart_data import data_html, described, has_sliders
from bytebook.publish.kept_renders import drawn
from bytebook.publish.static_svg import scoped_ids, slimmed, with_aspect_ratio

CJK_FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto")
RENDERER = "bytebook"


def register_fonts() -> None:
    """Give vl-convert the machine's CJK fonts, which measure and draw the charts' Chinese."""
    for directory in CJK_FONT_DIRS:
        if Path(directory).is_dir():
            vlc.register_font_directory(directory)


def _inert(payload: str) -> str:
    """JSON that no tag can open or close inside, for a `<script type="application/json">`."""
    return payload.replace("<", "\\u003c")


def without_datasets(vega: dict, spec: dict) -> dict:
    """The compiled Vega spec less the rows of each dataset the Vega-Lite spec already holds
    unchanged under the same name (the chart script puts them back), so no row is sent twice."""
    datasets = spec.get("datasets", {})

    def lean(entry: dict) -> dict:
        if entry.get("name") in datasets and datasets[entry["name"]] == entry.get("values"):
            return {key: value for key, value in entry.items() if key != "values"}
        return entry

    return {**vega, "data": [lean(entry) for entry in vega.get("data", [])]}


NO_SLIDERS_NOTE = (
    '<noscript><p class="bytebook-noscript">Without JavaScript this chart is drawn at its '
    "sliders' default settings, and its sliders are not shown.</p></noscript>"
)
"""What a slider chart says under it to a reader without scripts, for whom the page's "move the
slider" has no slider to move."""


def chart_html(spec: dict, svg: str, vega: dict) -> str:
    """The HTML of one chart: its Vega-Lite spec and its compiled Vega spec (without the rows
    the first holds) as inert JSON, a static SVG fallback and its data. The
    chart's box scrolls sideways when the chart is wider than the column (on a phone, or while
    the static fallback shows), so it is reachable from the keyboard at every moment
    (`tabindex`), not only once drawn."""
    payload = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    chart_id = "chart-" + hashlib.sha1(payload.encode()).hexdigest()[:12]
    compiled = json.dumps(without_datasets(vega, spec), ensure_ascii=False)
    label = html.escape(spec.get("description", ""), quote=True)
    return (
        f'<div class="bytebook-chart" id="{chart_id}" role="figure" tabindex="0" '
        f'aria-label="{label}">'
        f'<script type="application/json" class="bytebook-spec">{_inert(payload)}</script>'
        f'<script type="application/json" class="bytebook-vega">{_inert(compiled)}</script>'
        f'<div class="bytebook-static">{scoped_ids(with_aspect_ratio(svg), chart_id)}</div></div>'
        f"{data_html(spec)}{NO_SLIDERS_NOTE if has_sliders(spec) else ''}"
    )


def _render(spec: dict) -> dict:
    """The chart's HTML. Vega-Lite is compiled to Vega once: the static SVG is drawn from the
    compiled Vega spec the page ships, the same drawing `vegalite_to_svg` makes after its own
    compile. A slider chart's description says it gives the sliders' defaults (`described`)."""
    spec = described(spec)
    vega = drawn("vegalite_to_vega", spec, vl_version=vega_lite_version())
    svg = slimmed(drawn("vega_to_svg", vega))
    return {"text/html": chart_html(spec, svg, vega)}


@functools.cache
def _freeze_imports() -> None:
    """Move every object alive now, most of them made by the kernel's imports (modules,
    Altair's schema classes, pandas), out of the collector's reach (`gc.freeze`), once per
    process: a full collection, which a page's charts set off, then walks only what the pages
    make, not the imports again."""
    gc.freeze()


def setup() -> None:
    """Register the theme, the CJK fonts and the offline renderer; call once per notebook.
    The first call also freezes what the imports made (`_freeze_imports`)."""
    _freeze_imports()
    register_fonts()
    alt.theme.register(THEME, enable=True)(theme)
    alt.renderers.register(RENDERER, _render)
    alt.renderers.enable(RENDERER)
    alt.data_transformers.disable_max_rows()
