"""What a reader sees in evidence and glued prose: ranges, minus signs, precision, wording."""

from __future__ import annotations

import re

import pytest

from bytebook.book import all_findings
from bytebook.policy import Interval, span


@pytest.fixture(scope="module")
def texts(data) -> dict[str, str]:
    """Every ledger row's evidence and every glued text, by where it is shown."""
    shown = {}
    for chapter, found in all_findings(data).items():
        for entry in found.entries:
            shown[f"{chapter}: {entry.id} evidence"] = entry.evidence
            shown[f"{chapter}: {entry.id} claim"] = entry.claim_en
        for key, text in found.texts.items():
            shown[f"{chapter}: {key}"] = text
    return shown


_RANGE = re.compile(r"(?<![\w.,])([−-]?[\d.,]+\S*?) to ([−-]?[\d.,]+\S*?)(?=[\s,;.)]|$)")


def test_a_band_whose_ends_read_alike_is_one_value(texts):
    """BYD's growth band is 38.46% to 38.53% (2,218.5亿 to 2,219.5亿 over 1,602.15亿 to
    1,602.25亿): at one decimal both ends read 38.5%, so it is printed once."""
    low, high = 2218.5 / 1602.25 - 1, 2219.5 / 1602.15 - 1
    assert f"{low:.1%}" == f"{high:.1%}" == "38.5%"
    assert span(Interval(low, high), lambda v: f"{v:.1%}") == "38.5%"
    for where, text in texts.items():
        for match in _RANGE.finditer(text):
            assert match.group(1).rstrip(".,") != match.group(2).rstrip(".,"), (where, match[0])
    assert "38.5% at the sources' precision" in texts["ranking: d_overseas_growth_byd evidence"]
