"""Publishing: turning the analysis into the book.

The strict, atomic build (`build`, `jupyter_build`), the Sphinx extension and its jobs
(`sphinx_ext`, `assets`, `downloads`, `notebooks`, `reading`), each page's inputs (`inputs`),
the chart renderer that pairs with `static/bytebook-charts.js` (`render`), the PDF (`pdf`) and
`make bench` (`bench`). Nothing here computes a number the book prints.
"""
