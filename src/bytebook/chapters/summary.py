"""Chapter 5, 小结: the 'years to overseas scale' comparison."""

from __future__ import annotations

import pandas as pd

from bytebook.article import YEAR
from bytebook.chapters import ranking
from bytebook.checks import unsettled
from bytebook.data import CLAIMS_FILE, RANKING_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings

SECTIONS = ("5",)
"""The article sections whose claims this chapter judges."""

INPUTS = (
    CLAIMS_FILE,
    RANKING_FILE,
    REFERENCES_FILE,
)
"""The data files its analysis reads (checked by a test that records what it reads)."""

YEAR_CLAIMS = {
    "ByteDance": "y_bytedance",
    "Huawei": "y_huawei",
    "Xiaomi": "y_xiaomi",
    "Midea": "y_midea",
    "BYD": "y_byd",
}


def analyse(data: BookData) -> Findings:
    """Check the years each company is said to have taken to reach its overseas scale, and
    say what the ranking's period findings come to (`ranking.earlier_year_cells`)."""
    found = Findings()
    cells = ranking.earlier_year_cells(data)
    found.number(
        "earlier_year_rows",
        len({cell.company for cell in cells}),
        lambda _: ranking.earlier_year_sentence(cells),
    )
    filed, above = ranking.understated(data)
    found.number(
        "filed_understated",
        len(above),
        lambda _: ranking.understated_sentence(filed, above),
    )
    launch = data.references.loc["tiktok_intl_launch"]
    launch_year = int(str(launch["value_text"])[:4])
    since_launch = YEAR - launch_year
    found.number("years_since_launch", since_launch, str)
    found.number("launch_year", launch_year, str)
    found.add(
        unsettled(
            data,
            "y_bytedance",
            f"A weak source dates TikTok's international launch to {launch['value_text']} "
            f"({data.cite('tiktok_intl_launch')}): {YEAR} − {launch_year} = "
            f"{since_launch} years. That corroborates the figure but cannot decide it.",
            since_launch,
            ("tiktok_intl_launch",),
        )
    )
    for company, claim_id in YEAR_CLAIMS.items():
        if company != "ByteDance":
            found.add(
                unsettled(
                    data,
                    claim_id,
                    f"The article gives no start date for {company}'s expansion abroad and the "
                    "research found no basis for the figure.",
                )
            )
    found.tables["years"] = pd.DataFrame(
        {
            "company": list(YEAR_CLAIMS),
            "years": [data.stated(claim) for claim in YEAR_CLAIMS.values()],
        }
    )
    return found
