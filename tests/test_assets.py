"""The vega bundle is built once per release of vl-convert and Vega-Lite and kept between
builds; a damaged kept bundle is built again, and a cache that cannot be written does not stop
a build."""

from __future__ import annotations

import re

import pytest
import vl_convert

from bytebook.publish import assets

RUNTIME, COMPILER = assets.VEGA_BUNDLE, assets.VEGA_LITE_BUNDLE


def counting_bundler(calls: list[str]):
    def bundle(snippet: str, vl_version: str) -> str:
        calls.append(vl_version)
        return f"/* bundle {len(calls)} for {vl_version}: {snippet} */"

    return bundle


def test_a_bundle_is_built_once_then_read_from_the_cache(tmp_path, monkeypatch):
    calls: list[str] = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(vl_convert, "javascript_bundle", counting_bundler(calls))
    first = assets.vega_bundle("1.0", "5.20", RUNTIME)
    assert assets.vega_bundle("1.0", "5.20", RUNTIME) == first
    assert calls == ["5.20"]
    assert assets.bundle_cache() == tmp_path / "cache" / "bytebook-vega"
    assets.vega_bundle("1.0", "5.21", RUNTIME)  # another Vega-Lite version is another bundle
    assets.vega_bundle("1.1", "5.20", RUNTIME)  # and so is another vl-convert release
    assert calls == ["5.20", "5.21", "5.20"]
    assert first.startswith("/* bundle 1 for 5.20: ") and "window.vega = {" in first


def test_the_runtime_and_the_compiler_are_bundles_of_their_own(tmp_path, monkeypatch):
    calls: list[str] = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(vl_convert, "javascript_bundle", counting_bundler(calls))
    runtime = assets.vega_bundle("1.0", "5.20", RUNTIME)
    compiler = assets.vega_bundle("1.0", "5.20", COMPILER)
    assert "vegaInterpreter" in runtime and "vegaLite" not in runtime
    assert "window.vegaLite = compiler" in compiler
    assert assets.vega_bundle("1.0", "5.20", COMPILER) == compiler
    assert len(calls) == 2


def test_a_damaged_kept_bundle_is_built_again(tmp_path, monkeypatch):
    calls: list[str] = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(vl_convert, "javascript_bundle", counting_bundler(calls))
    assets.vega_bundle("1.0", "5.20", RUNTIME)
    (kept,) = assets.bundle_cache().glob("*.js")
    kept.write_text(kept.read_text()[:10])
    assert assets.vega_bundle("1.0", "5.20", RUNTIME) .startswith("/* bundle 2 for 5.20")
    assert assets.vega_bundle("1.0", "5.20", RUNTIME) .startswith("/* bundle 2 for 5.20")
    assert len(calls) == 2


def test_a_cache_that_cannot_be_written_still_gives_the_bundle(tmp_path, monkeypatch):
    calls: list[str] = []
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    monkeypatch.setattr(vl_convert, "javascript_bundle", counting_bundler(calls))
    assert assets.vega_bundle("1.0", "5.20", RUNTIME) .startswith("/* bundle 1 for 5.20")
    assert assets.vega_bundle("1.0", "5.20", RUNTIME) .startswith("/* bundle 2 for 5.20")


def test_the_runtime_takes_only_the_listed_modules_of_its_vega_release():
    release = vl_convert.get_vega_version()  # the installed vl-convert's Vega must be listed
    snippet = assets.runtime_snippet(release)
    imported = dict(re.findall(r'"/npm/([a-z-]+)@([^/]+)/', snippet))
    assert imported == assets.VEGA_MODULES[release]
    assert f'version: "{release}"' in snippet
    assert "/npm/vega@" not in snippet and "vega-geo" not in snippet
    with pytest.raises(RuntimeError, match="vega 9.9.9: no module list"):
        assets.runtime_snippet("9.9.9")


def test_altair_s_schema_version_is_kept_per_altair_release(tmp_path, monkeypatch):
    """The Sphinx process reads the Vega-Lite release Altair writes from what an earlier build
    kept, without importing Altair; another Altair release is asked again."""
    import altair as alt

    installed = alt.SCHEMA_VERSION
    monkeypatch.delenv("BYTEBOOK_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert assets.altair_schema_version() == installed
    monkeypatch.setattr(alt, "SCHEMA_VERSION", "v0.0.1")
    assert assets.altair_schema_version() == installed  # kept, Altair not asked
    monkeypatch.setattr(assets, "version", lambda package: "0.0.0-another")
    assert assets.altair_schema_version() == "v0.0.1"


def test_the_page_compiler_is_the_vega_lite_release_vl_convert_compiles_with():
    vega_lite = assets.vega_lite_version()  # the installed Altair's version must be listed
    release = assets.VEGA_LITE_RELEASES[vega_lite]
    assert release.startswith(f"{vega_lite}.")
    assert f'"/npm/vega-lite@{release}/+esm"' in assets.bundle_snippet(COMPILER)
    with pytest.raises(RuntimeError, match="vega-lite 9.9: no release"):
        assets.compiler_snippet("9.9")
