"""One analysis module per written chapter. Each has `analyse(data) -> Findings`.

A chapter is listed here once it is written; the ledger judges only the claims of listed
chapters and leaves the others' verdicts empty.
"""

from bytebook.chapters import preface, ranking

WRITTEN = {"preface": preface, "ranking": ranking}
