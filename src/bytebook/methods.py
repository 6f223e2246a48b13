"""The methods page's figures (book/methods.md): the policy's margins, the worked row, the
example bands and the year's exchange rates, each written by the helpers that judge with them,
so the page types no figure of its own."""

from __future__ import annotations

from bytebook import fx, glossary, policy
from bytebook.chapters.year_readings import WIDE_BAND
from bytebook.data import BookData
from bytebook.ledger import claim_band_text
from bytebook.worked_row import worked_row

BAND_EXAMPLES = {
    "thousand_plus_band": "t_byd_overseas",
    "half_band": "s23_cost_half",
    "quarter_band": "s1_group_share",
    "fifth_band": "s22_vs_industry",
}
"""The claims whose printed bands the page gives as examples of its readings ('1000+ 亿',
'砍半', '1/4', '1/5'), by glue name."""


def figures(data: BookData) -> dict[str, str]:
    """Every figure the methods page shows, by glue name."""
    rates = fx.year_rates(data.references)
    shown = {
        "substance_margin": policy.MARGIN_TEXT,
        "approx_relative": policy.APPROX_TEXT,
        "wide_band": f"{WIDE_BAND:g}",
        "policy_examples": policy.examples_sentence(data.claims),
        "conversion_printed": policy.conversion_example_figures(data)[0],
        "lenovo_period": data.references.at[glossary.FISCAL_YEAR, "period"],
        "fx_average": rates.average.text,
        "fx_lowest": rates.lowest.text,
        "fx_highest": rates.highest.text,
    }
    shown |= {name: claim_band_text(data.claim(claim)) for name, claim in BAND_EXAMPLES.items()}
    shown |= {f"worked_{step}": words for step, words in vars(worked_row(data)).items()}
    return shown
