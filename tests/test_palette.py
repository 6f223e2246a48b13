"""The palette: readable text in both modes, one dark twin per colour, badges that match charts."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from bytebook import charts, palette
from bytebook.present import badge


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


TEXT_COLOURS = [palette.TEXT, palette.SOURCE_TEXT, palette.ARTICLE, palette.REFERENCE]
"""Colours charts write text in (the article's and references' marker labels included)."""


@pytest.mark.parametrize("colour", TEXT_COLOURS)
def test_text_colours_meet_wcag_aa_on_both_pages(colour):
    assert contrast(colour.light, palette.LIGHT_PAGE) >= 4.5
    assert contrast(colour.dark, palette.DARK_PAGE) >= 4.5


@pytest.mark.parametrize("verdict", list(palette.VERDICTS))
def test_badge_text_meets_wcag_aa_in_both_modes(verdict):
    colour = palette.VERDICTS[verdict]
    assert contrast(colour.light, palette.BADGE_TEXT.light) >= 4.5
    assert contrast(colour.dark, palette.BADGE_TEXT.dark) >= 4.5


def test_each_light_colour_has_one_dark_twin():
    twins: dict[str, set[str]] = {}
    for colour in palette.every_colour():
        twins.setdefault(colour.light, set()).add(colour.dark)
    assert all(len(darks) == 1 for darks in twins.values()), twins


def test_badges_and_charts_share_the_verdict_colours():
    css = palette.badge_css()
    for verdict, colour in palette.VERDICTS.items():
        css_class = palette.verdict_css_class(verdict)
        assert f".verdict-{css_class} {{ background: {colour.light};" in css
        assert f'verdict verdict-{css_class}"' in badge(verdict)
        assert charts.VERDICT_COLOURS[verdict] == colour.light


def test_the_article_and_references_have_their_own_colours():
    assert charts.ARTICLE == palette.ARTICLE.light != charts.REFERENCE == palette.REFERENCE.light


def test_every_verdict_of_the_policy_has_a_colour_and_a_badge():
    """Each verdict the policy can give has the palette's colour, and its badge that class."""
    from bytebook.policy import Verdict

    assert {v.value for v in Verdict} | {"not yet checked"} == set(palette.VERDICTS)
    for verdict in Verdict:
        assert f"verdict-{palette.verdict_css_class(verdict.value)}" in badge(verdict.value)


def test_verdict_colours_tell_verdicts_apart_in_both_modes():
    for mode in ("light", "dark"):
        values = [getattr(colour, mode) for colour in palette.VERDICTS.values()]
        assert len(set(values)) == len(values), mode


def test_the_derived_badge_is_neutral_and_legible_in_both_modes():
    """A derived row's badge is an outline whose text meets WCAG AA on either page, and is no
    verdict's colour."""
    assert contrast(palette.DERIVED.light, palette.LIGHT_PAGE) >= 4.5
    assert contrast(palette.DERIVED.dark, palette.DARK_PAGE) >= 4.5
    verdict_colours = {c.light for c in palette.VERDICTS.values()}
    assert palette.DERIVED.light not in verdict_colours
    assert ".verdict-derived" in palette.badge_css()


def lab(hex_colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    x, y, z = (t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in xyz)
    return 116 * y - 16, 500 * (x - y), 200 * (y - z)


def colour_difference(a: str, b: str) -> float:
    """CIE76 colour difference (distance in L*a*b*); about 2.3 is just noticeable."""
    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b), strict=True)) ** 0.5


ADJACENT_VERDICTS = [("off in detail", "contradicted"), ("supported", "consistent")]
"""Verdicts whose colours sit side by side in the verdict charts and whose hues are near:
"supported" (#00704a) and "consistent" (#006d77) once shared one lightness on a light page
and read as one block."""


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize(("first", "second"), ADJACENT_VERDICTS)
def test_neighbouring_verdicts_differ_in_hue_and_lightness(mode, first, second):
    """Told apart at a glance (a colour difference of 25 or more) and by lightness alone (a
    contrast of 1.5:1 or more between them, for a reader who does not see their hues apart),
    while each stays legible as a badge and visible as a mark on its page."""
    a, b = (getattr(palette.VERDICTS[v], mode) for v in (first, second))
    page = palette.LIGHT_PAGE if mode == "light" else palette.DARK_PAGE
    assert colour_difference(a, b) >= 25, (a, b, colour_difference(a, b))
    assert contrast(a, b) >= 1.5, (a, b, contrast(a, b))
    for colour in (a, b):
        assert contrast(colour, getattr(palette.BADGE_TEXT, mode)) >= 4.5
        assert contrast(colour, page) >= 3


def hue_and_saturation(hex_colour: str) -> tuple[float, float]:
    """HSL hue (degrees) and saturation of a colour."""
    import colorsys

    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    hue, _, saturation = colorsys.rgb_to_hls(*channels)
    return hue * 360, saturation


def hue_distance(a: float, b: float) -> float:
    return min(abs(a - b), 360 - abs(a - b))


NEUTRAL_SATURATION = 0.2
"""Below this saturation a colour reads as grey, a hue of no verdict."""
VERDICT_HUE_MARGIN = 45
"""Degrees of hue between a part's colour and every verdict's: the old green part (123°) sat
37° from "supported" (160°) and read as it."""


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_a_part_of_a_whole_wears_no_verdict_colour(mode):
    """A stacked bar's parts after the first (the reference colour) are neutral or far in hue
    from every verdict badge, so that a part does not read as a verdict."""
    verdict_hues = [
        hue_and_saturation(getattr(c, mode))[0]
        for c in palette.VERDICTS.values()
        if hue_and_saturation(getattr(c, mode))[1] >= NEUTRAL_SATURATION
    ]
    for colour in palette.SERIES[1:]:
        hue, saturation = hue_and_saturation(getattr(colour, mode))
        if saturation < NEUTRAL_SATURATION:
            continue
        near = [v for v in verdict_hues if hue_distance(hue, v) < VERDICT_HUE_MARGIN]
        assert not near, (getattr(colour, mode), hue, near)


SERIES_MARGIN = 20
"""The least colour difference (CIE76) between a verdict's colour and the article's or the
references' colour: "off in detail" once wore the article's orange (#a65100 against #b8480b,
12 apart) and "consistent" the references' blue (#0b5f8c against #0072b2, 13 apart)."""


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_verdict_wears_the_article_s_or_the_references_colour(mode):
    """A bar of the article's figures or of a source's does not read as a verdict, in either
    mode: every verdict's colour stands at least `SERIES_MARGIN` from both."""
    for verdict, colour in palette.VERDICTS.items():
        for series in (palette.ARTICLE, palette.REFERENCE):
            a, b = getattr(colour, mode), getattr(series, mode)
            assert colour_difference(a, b) >= SERIES_MARGIN, (verdict, a, b)


def test_the_old_near_twins_fail_the_margin():
    """The check can fail: the old "off in detail" and "consistent" stood too near."""
    assert colour_difference("#a65100", palette.ARTICLE.light) < SERIES_MARGIN
    assert colour_difference("#0b5f8c", palette.REFERENCE.light) < SERIES_MARGIN


VERDICT_MARGIN = 25
"""The least colour difference (CIE76) between any two verdicts' colours in one mode."""


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_two_verdicts_stand_apart(mode):
    """Any two verdicts' colours are at least `VERDICT_MARGIN` apart in each mode, so that no
    two verdicts read as one in the scorecard's stacked bars or as badges."""
    colours = {verdict: getattr(colour, mode) for verdict, colour in palette.VERDICTS.items()}
    near = pairs_nearer_than(colours, VERDICT_MARGIN)
    assert not near, near


def pairs_nearer_than(colours: dict[str, str], margin: float) -> list[tuple[str, str, float]]:
    """The pairs of named colours less than `margin` apart (CIE76), with their difference."""
    return [
        (first, second, round(colour_difference(colours[first], colours[second]), 1))
        for first, second in itertools.combinations(colours, 2)
        if colour_difference(colours[first], colours[second]) < margin
    ]


def test_the_old_supported_and_consistent_fail_the_lightness_rule():
    """The check can fail: the old pair's contrast was about 1:1."""
    assert contrast("#00704a", "#006d77") < 1.5


def test_the_verdicts_chart_names_each_verdict_in_words_over_its_own_panel():
    """Greyscale, or a reader's colour vision, can merge two verdicts' colours: each verdict
    has a panel headed by its name, its bars in its badge's colour, and a count beside each
    bar that is not empty (a verdict no claim of a section got has no bar there)."""
    verdicts = ["supported", "contradicted", "unverifiable"]
    claims = {("1", "supported"): 2, ("1", "contradicted"): 0, ("1", "unverifiable"): 5,
              ("2", "supported"): 0, ("2", "contradicted"): 1, ("2", "unverifiable"): 3}
    frame = pd.DataFrame(
        [{"section": s, "verdict": v, "claims": n} for (s, v), n in claims.items()]
    )
    spec = charts.verdict_bars(frame, sections=["1", "2"], verdicts=verdicts).to_dict()
    datasets = spec.get("datasets", {})
    for panel, verdict in zip(spec["hconcat"], verdicts, strict=True):
        assert panel["title"]["text"] == verdict
        bars, counts = panel["layer"]
        assert bars["mark"]["color"] == palette.VERDICTS[verdict].light
        assert counts["mark"]["type"] == "text" and counts["encoding"]["text"]["field"] == "claims"
        rows = datasets[counts.get("data", panel.get("data"))["name"]]
        drawn = {(row["section"], row["claims"]) for row in rows}
        assert drawn == {(s, n) for (s, v), n in claims.items() if v == verdict and n > 0}


CVD_MARGIN = 8
"""The least colour difference (CIE76) between any two verdicts' colours, in each mode, as a
reader with protanopia or deuteranopia sees them (Machado 2009, full severity): the old olive of
"unverifiable" stood 1.6 from amber's "off in detail" under protanopia and 7.1 from red's
"contradicted" under deuteranopia, so that in the scorecard's stacked bars those verdicts read
as one."""


def seen_with(colour: str, deficiency: str) -> str:
    """The colour a reader with `deficiency` (colorspacious's 'protanomaly', 'deuteranomaly')
    sees at full severity, as #rrggbb."""
    from colorspacious import cspace_convert

    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    cvd = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    seen = cspace_convert(rgb, cvd, "sRGB1")
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02x}" for c in seen)


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("deficiency", ["protanomaly", "deuteranomaly"])
def test_verdicts_stand_apart_for_a_reader_who_does_not_see_red_from_green(mode, deficiency):
    """Every two verdicts a chart can draw (all but "not yet checked", which no published row
    has) stay `CVD_MARGIN` apart as a reader with protanopia or deuteranopia sees them."""
    colours = {
        verdict: seen_with(getattr(colour, mode), deficiency)
        for verdict, colour in palette.VERDICTS.items()
        if verdict != "not yet checked"
    }
    near = pairs_nearer_than(colours, CVD_MARGIN)
    assert not near, near


def test_the_old_olive_read_as_amber_under_protanopia():
    """The check can fail: the old "unverifiable" olive and "off in detail" amber, seen with
    protanopia."""
    olive, amber = (seen_with(c, "protanomaly") for c in ("#52700f", "#8a6500"))
    assert colour_difference(olive, amber) < 2
