"""A value and its unit are kept on one line (bytebook.publish.whole_values)."""

from __future__ import annotations

from bytebook.publish.whole_values import SPAN, keep_values_whole


def test_values_in_the_text_are_wrapped_and_nothing_else_is():
    page = (
        "<html><head><title>USD 39 bn</title></head><body class='x'>"
        "<p>Revenue of USD 39 bn, 1000+ 亿元: 1,000亿 to 2,000亿; 8 Mbps in 3 sources.</p>"
        "<p>USD 0.020/GB on 2025-07-25</p>"
        '<p title="USD 39 bn">25% of <code>5 s</code></p>'
        "<script>const a = '7 bn';</script><svg><text>9%</text></svg></body></html>"
    )
    kept = keep_values_whole(page)
    assert kept == (
        "<html><head><title>USD 39 bn</title></head><body class='x'>"
        f"<p>Revenue of {SPAN}USD 39 bn</span>, {SPAN}1000+ 亿元</span>: "
        f"{SPAN}1,000亿</span> to {SPAN}2,000亿</span>; {SPAN}8 Mbps</span> in 3 sources.</p>"
        f"<p>{SPAN}USD 0.020/GB</span> on {SPAN}2025-07-25</span></p>"
        f'<p title="USD 39 bn">{SPAN}25%</span> of <code>5 s</code></p>'
        "<script>const a = '7 bn';</script><svg><text>9%</text></svg></body></html>"
    )
    assert keep_values_whole(kept) == kept


def test_a_gap_in_percentage_points_keeps_its_number_with_percentage():
    """'24.5 percentage points' may take 'points' to the next line, never the number alone;
    other values stay whole."""
    kept = keep_values_whole("<body><p>a gap of 24.5 percentage points, 24.5%</p></body>")
    assert kept == (
        f"<body><p>a gap of {SPAN}24.5 percentage</span> points, {SPAN}24.5%</span></p></body>"
    )
    assert keep_values_whole(kept) == kept


def test_a_cost_per_thousand_impressions_stays_whole_with_its_unit():
    """'USD 26 per 1,000 impressions' never breaks inside its unit: a line may break only before
    'per 1,000 impressions', which stays whole (the value is wider than the evidence's column
    at 1000 px); in a range or a formula the unit stays with the last figure; a table's narrow
    column of figures writes it 'USD 26 CPM', one whole value."""
    cpm = "per 1,000 impressions"
    kept = keep_values_whole(
        f"<body><p>USD 26 {cpm}; USD 25.5 to USD 26.5 {cpm}; (USD 25.5 − USD 7.44) ÷ USD 7.44 "
        f"{cpm}</p><td>USD 26 CPM</td></body>"
    )
    assert kept == (
        f"<body><p>{SPAN}USD 26</span> {SPAN}{cpm}</span>; {SPAN}USD 25.5</span> to "
        f"{SPAN}USD 26.5</span> {SPAN}{cpm}</span>; ({SPAN}USD 25.5</span> − "
        f"{SPAN}USD 7.44</span>) ÷ {SPAN}USD 7.44</span> {SPAN}{cpm}</span></p>"
        f"<td>{SPAN}USD 26 CPM</span></td></body>"
    )
    assert keep_values_whole(kept) == kept


def test_a_chinese_figure_keeps_its_whole_unit_with_it():
    """The article's figures keep their units as a Chinese reader reads them: a currency after a
    magnitude ('390 亿美元'), a price per month ('7.99 美元/月'), dollars alone ('26 美元') and
    years ('深耕 20 年'). A line may otherwise break inside '美元' or before '年'."""
    kept = keep_values_whole(
        "<body><td>390 亿美元 ≈ 2855 亿元</td><q>CapCut Pro 7.99 美元/月</q>"
        "<q>CPM 26 美元</q><td>自主品牌深耕 20 年</td><q>1 万亿参数</q></body>"
    )
    assert kept == (
        f"<body><td>{SPAN}390 亿美元</span> ≈ {SPAN}2855 亿元</span></td>"
        f"<q>CapCut Pro {SPAN}7.99 美元/月</span></q><q>CPM {SPAN}26 美元</span></q>"
        f"<td>自主品牌深耕 {SPAN}20 年</span></td><q>{SPAN}1 万亿</span>参数</q></body>"
    )
    assert keep_values_whole(kept) == kept
