"""A footer link to the previous or next chapter carries the chapter's full title."""

from __future__ import annotations

from bytebook.publish.footer_titles import titled_footer_links

FOOTER = """<a class="left-prev"
       href="overseas.html"
       title="previous page">
      <div class="prev-next-info">
        <p class="prev-next-subtitle">previous</p>
        <p class="prev-next-title">1 不开发布会 · The article&#8217;s “no launch event”: the
 <w-v>USD 39 bn</w-v></p>
      </div>
    </a>
    <a class="right-next"
       href="recommender.html"
       title="next page">
      <div class="prev-next-info">
        <p class="prev-next-subtitle">next</p>
        <p class="prev-next-title">3 推荐 · The recommender</p>
      </div>
    </a>"""


def test_each_footer_link_is_titled_with_its_chapter_in_full():
    page = titled_footer_links(FOOTER)
    assert 'title="Previous: 1 不开发布会 · The article’s “no launch event”: the USD 39 bn"' in page
    assert 'title="Next: 3 推荐 · The recommender"' in page
    assert '3 推荐<span class="prev-next-gloss"> · The recommender</span></p>' in page
    assert "previous page" not in page and "next page" not in page
    assert titled_footer_links(page) == page
    assert page.count('<p class="prev-next-title">') == 2
