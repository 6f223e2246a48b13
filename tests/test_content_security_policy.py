"""The content security policy a page would carry: exactly its own inline scripts and handlers.
(Not yet applied to the published pages.)"""

from __future__ import annotations

from bytebook.publish.pages import script_hashes, with_policy

POLICY_META = '<meta http-equiv="Content-Security-Policy" content="'


def test_the_policy_allows_exactly_the_pages_own_inline_scripts():
    page = (
        "<html><head><meta charset='utf-8'>\n<script>var a = 1;</script>"
        '<script type="application/json">{"data": 1}</script>'
        '<script src="_static/x.js"></script></head>'
        '<body><button onclick="window.print()">Print</button></body></html>'
    )
    hashes = script_hashes(page)
    # echo -n 'var a = 1;' | openssl dgst -sha256 -binary | base64, and the same for the handler
    assert hashes == [
        "'sha256-+dZ6udsWxNVoGfScAq7t5IIF5UJb4F6RhjbN6oe1p4w='",
        "'unsafe-hashes'",
        "'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='",
    ]
    assert with_policy(with_policy(page)).count(POLICY_META) == 1
