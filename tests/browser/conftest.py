"""Fixtures of the browser tests: the course's JupyterLab on a temporary course, and Chromium."""
import importlib.util

import nbformat
import psutil
import pytest

from autograder.assignments import REPO_ROOT
from tests.browser.lab import CHROMIUM_ARGS, OUTPUT_DIR, LabServer, chromium_path, copy_course, stop_processes
from tests.support import fill

ASSIGNMENT = "c1w2_logistic_regression"
RELEASED = "course1/week2/logistic_regression.ipynb"
FILLED = "course1/week2/logistic_regression_filled.ipynb"


def _lab_installer():
    spec = importlib.util.spec_from_file_location("lab_install", REPO_ROOT / "lab" / "install.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def output_dir():
    """test-output/browser/, where the screenshots go."""
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    return OUTPUT_DIR


@pytest.fixture(scope="session")
def chromium():
    """Path of Debian's chromium; a missing browser fails the test (CI installs it), never skips it."""
    path = chromium_path()
    if path is None:
        pytest.fail("chromium is not installed: `apt-get install -y chromium` (.ci/run does it on CI)")
    return path


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    """A copy of the course, plus the logistic-regression notebook filled with the reference code."""
    root = copy_course(tmp_path_factory.mktemp("course"))
    nbformat.write(fill(ASSIGNMENT), root / FILLED)
    return root


@pytest.fixture(scope="session")
def lab(course, tmp_path_factory):
    """This environment's JupyterLab, configured as `make setup` configures it, serving ``course``."""
    differences = _lab_installer().file_differences()
    if differences:
        pytest.fail("JupyterLab is not configured for the course (run `make setup` or `python lab/install.py`):\n"
                    + "\n".join(differences))
    server = LabServer(course, tmp_path_factory.mktemp("lab-state")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(chromium):
    """Headless Chromium through Playwright; its processes are stopped by pid when the session ends."""
    from playwright.sync_api import sync_playwright

    before = {p.pid for p in psutil.Process().children(recursive=True)}
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
    started = [p for p in psutil.Process().children(recursive=True) if p.pid not in before]
    yield browser
    try:
        browser.close()
        playwright.stop()
    finally:
        stop_processes([p for p in started if p.is_running()])


@pytest.fixture
def page(browser):
    """A fresh page (its own context: no shared storage) of 1400 x 1000 pixels."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()
