"""The finished figures of each chapter's page, one module per chapter (`figures.<chapter>`).

Each function builds one figure from the chapter's `Findings` and the book's data: it converts
the values to display units once, calls a builder of `bytebook.charts` and passes the result to
`charts.figure`, which adds the title, the units, the source line (built from the ids of the
claims, references and model assumptions the chart draws) and the description. A page glues
the result: `glue("fig_cpm", economics_figures.cpm(found, data), display=False)`.
"""
