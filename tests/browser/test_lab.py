"""The student's JupyterLab, driven in headless Chromium: landing page, a notebook, its widget, Validate."""
import re
from pathlib import Path

import pytest

from autograder.assignments import all_assignments, get_assignment
from tests.browser.conftest import ASSIGNMENT, FILLED, RELEASED

pytestmark = pytest.mark.xdist_group("browser")

WIDGET = ".jp-OutputArea-output .widget-vbox"
WIDGET_IMAGE = f"{WIDGET} .widget-output img"


def open_notebook(page, lab, path, workspace):
    """Open ``path`` in a fresh workspace and wait until its kernel is idle."""
    page.goto(lab.page_url(path, workspace))
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    # Running cells before the kernel is connected makes JupyterLab ask for a kernel.
    page.get_by_text(re.compile(r"Python 3 \(Deep Learning course\) \| Idle")).wait_for(timeout=90_000)


def validate(page):
    """Click nbgrader's Validate button; return the result dialog once it shows."""
    page.locator(".jp-NotebookPanel-toolbar").get_by_text("Validate", exact=True).click()
    dialog = page.locator(".jp-Dialog").filter(has_text="Validation Results")
    dialog.wait_for(timeout=150_000)
    return dialog


def test_landing_page_shows_start_here_and_the_course_tree(page, lab, output_dir):
    """Does `/` open START_HERE.md rendered, next to the course folders, with nbgrader's menu and no news?"""
    page.goto(f"{lab.url}/?token={lab.token}")
    heading = page.locator(".jp-RenderedMarkdown h1", has_text="Start here")
    heading.wait_for()
    listing = page.locator(".jp-DirListing-content .jp-DirListing-itemName")
    listing.filter(has_text="course5").wait_for()
    names = set(listing.all_inner_texts())
    courses = {Path(a.student_notebook).parts[0] for a in all_assignments()}
    assert courses | {"START_HERE.md"} <= names, names
    page.wait_for_timeout(1500)  # time for a notification toast, if any, to appear
    page.screenshot(path=output_dir / "landing.png")
    assert page.locator(".jp-Notification-Toast, .Toastify__toast").count() == 0
    assert page.get_by_text("Create Assignment").count() == 0  # instructor-only panel kept off

    page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
    items = page.locator(".lm-Menu-itemLabel").all_inner_texts()
    assert {"Assignment List", "Formgrader"} <= set(items), items
    page.keyboard.press("Escape")

    schema = lab.api("/lab/api/settings/@jupyterlab/apputils-extension:notification")["schema"]["properties"]
    assert schema["fetchNews"]["default"] == "false" and schema["checkForUpdates"]["default"] is False


def test_reference_notebook_runs_and_its_widget_redraws(page, lab, output_dir):
    """After Run All, does the learning-curve widget show its figure, and a new one when a slider moves?"""
    open_notebook(page, lab, FILLED, "run-all")
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    image = page.locator(WIDGET_IMAGE)
    image.wait_for(state="attached", timeout=150_000)
    # Run All scrolls along with the cells that are still running: let them finish before the drag
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-InputArea-prompt')].every(p => !p.textContent.includes('*'))",
        timeout=150_000)
    widget = page.locator(WIDGET)
    widget.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    widget.screenshot(path=output_dir / "widget-initial.png")
    first_src = image.get_attribute("src")
    assert first_src.startswith("data:image/png;base64,")
    result = widget.locator(".widget-label").filter(has_text="after")
    assert re.search(r"train \d+\.\d % · test \d+\.\d % after 2000 iterations", result.inner_text())
    # the static fallback PNG is for frontends without widgets: JupyterLab shows the widget alone
    cell = page.locator(".jp-CodeCell").filter(has=page.locator(WIDGET))
    assert cell.locator("img").count() == 1

    # drag the iterations slider to its left end and let go
    handle = widget.locator(".widget-slider").filter(has_text="iterations").locator(".noUi-handle")
    track = widget.locator(".widget-slider").filter(has_text="iterations").locator(".noUi-base")
    handle_box, track_box = handle.bounding_box(), track.bounding_box()
    page.mouse.move(handle_box["x"] + handle_box["width"] / 2, handle_box["y"] + handle_box["height"] / 2)
    page.mouse.down()
    page.mouse.move(track_box["x"] - 20, handle_box["y"] + handle_box["height"] / 2, steps=8)
    page.mouse.up()
    page.wait_for_function(
        "([selector, old]) => { const img = document.querySelector(selector); return img && img.src !== old; }",
        arg=[WIDGET_IMAGE, first_src], timeout=30_000)
    assert re.search(r"after 100 iterations", result.inner_text())
    page.wait_for_timeout(500)
    widget.screenshot(path=output_dir / "widget-moved.png")
    assert image.get_attribute("src") != first_src
    page.screenshot(path=output_dir / "notebook.png")
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert errors.count() == 0, errors.all_inner_texts()


def test_validate_passes_the_reference_notebook(page, lab, output_dir):
    """Does nbgrader's Validate button report success for the notebook filled with the reference code?"""
    open_notebook(page, lab, FILLED, "validate-filled")
    dialog = validate(page)
    page.screenshot(path=output_dir / "validate-reference.png")
    assert dialog.locator(".validation-success").count() == 1, dialog.inner_text()
    assert "Success! Your notebook passes all the tests." in dialog.inner_text()
    dialog.get_by_role("button", name="Ok").click()


def test_validate_reports_each_exercise_of_the_released_notebook(page, lab, output_dir):
    """On the released (empty) notebook, does Validate fail and name every exercise's test cell?"""
    open_notebook(page, lab, RELEASED, "validate-released")
    dialog = validate(page)
    page.screenshot(path=output_dir / "validate-released.png")
    text = dialog.inner_text()
    assert dialog.locator(".validation-failed").count() == 1, text
    functions = get_assignment(ASSIGNMENT).graded_functions
    assert text.count("The following cell failed") >= len(functions), text
    for function in functions:
        assert f"{function}_test({function})" in text, f"Validate does not report the exercise {function}"
    dialog.get_by_role("button", name="Ok").click()
