"""The finished figures of each chapter's page, one module per chapter (`figures.<chapter>`).

Each function builds one figure from the chapter's `Findings` and the book's data: it converts
the values to display units once, calls a builder of `bytebook.charts` and passes the result to
`charts.figure` with a `charts.Caption` (title, units and the ids of the claims, references,
model and model assumptions the chart draws, from which the source line is built) and the
description; `charts.bar_figure` does both for a bar chart. A page glues
the result: `glue("fig_cpm", economics_figures.cpm(found, data), display=False)`.
"""
