"""The offline HTML export of a notebook with a widget, opened in headless Chromium without network."""
import re

import pytest

from helpers.export import export
from tests.browser.conftest import FILLED

pytestmark = pytest.mark.xdist_group("browser")


def test_exported_notebook_renders_its_widget_offline(page, course, output_dir, tmp_path):
    """Does the exported logistic-regression notebook show its sliders and figure with every request offline?"""
    html_path = export(course / FILLED, tmp_path / "logistic_regression.html", kernel_name="dls-course", timeout=300)
    html = html_path.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc\s*=\s*[\"']?https?://", html, re.IGNORECASE)
    assert '<script type="application/vnd.jupyter.widget-state+json">' in html

    requests = []
    page.route("**/*", lambda route: (requests.append(route.request.url), route.continue_()
                                      if route.request.url.startswith(("file:", "data:")) else route.abort()))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(html_path.as_uri())
    widget = page.locator(".widget-subarea .widget-vbox").first
    widget.wait_for(timeout=30_000)
    sliders = widget.locator(".widget-slider")
    assert sliders.count() == 2
    assert "learning rate" in sliders.first.inner_text() and "0.005" in sliders.first.inner_text()
    image = widget.locator(".widget-output img")
    image.wait_for(timeout=10_000)
    assert image.evaluate("img => img.complete && img.naturalWidth > 500")
    assert re.search(r"after 2000 iterations", widget.inner_text())
    widget.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    widget.screenshot(path=output_dir / "export-widget.png")
    page.screenshot(path=output_dir / "export-page.png")
    offline = [url for url in requests if not url.startswith(("file:", "data:"))]
    assert offline == [], f"the page tried to load {offline}"
    assert errors == [], errors
