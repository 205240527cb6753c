"""Export a notebook to one HTML file that shows its widgets offline.

    python -m helpers.export NOTEBOOK OUT.html [--kernel NAME] [--timeout SECONDS] [--allow-errors]

The notebook is executed top to bottom in a fresh kernel (in its own folder), the state of every
widget it builds is stored in its metadata, and nbconvert's JupyterLab HTML template writes the
page with the widget renderer of ``@jupyter-widgets/html-manager`` (vendored in
``helpers/vendor/html-manager``) inlined as a ``data:`` script. The page loads nothing from the
network: no require.js, MathJax or widget bundle from a CDN, so formulas show as their LaTeX
source. Widgets render in the state the notebook left them in, with the figure they drew; moving
a slider in the page changes the control but cannot redraw, since no kernel runs behind it.
"""
import argparse
import base64
import hashlib
import sys
from pathlib import Path

import nbformat

__all__ = ["HTML_MANAGER", "HTML_MANAGER_SHA256", "execute", "export", "main", "to_html"]

#: The vendored widget renderer and the hash it was vendored with (see its README.md).
HTML_MANAGER = Path(__file__).resolve().parent / "vendor" / "html-manager" / "embed.js"
HTML_MANAGER_SHA256 = "8f6d2d3f856d8595d1841dec3019d99bbe74d331f2a5178c2a33bfec729e3d6a"

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

# Extends nbconvert's "lab" template: drops every script it would fetch from a CDN and inlines
# the widget renderer. A data: URL rather than an inline <script>: the bundle locates itself
# through document.currentScript.src and stops when that is empty.
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}
{%- if "widgets" in nb.metadata -%}
<script src="data:text/javascript;base64,{{ resources.html_manager_base64 }}"></script>
{%- endif -%}
{%- endblock jupyter_widgets -%}
{%- block extra_css -%}
<style type="text/css">
/* JupyterLab gives widgets its interface font through the page body; so does this page. */
.widget-subarea { font-family: var(--jp-ui-font-family); color: var(--jp-ui-font-color1); }
</style>
{%- endblock extra_css -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""
_TEMPLATE_NAME = "dls_offline.html.j2"


def _quiet_output_widget():
    """nbclient's stand-in for the ``Output`` widget, minus the echo of its content to the kernel.

    nbclient sends every change of an ``Output`` widget back to the kernel on the shell channel
    while it awaits the cell's reply on that same socket; the send can swallow the socket's
    wake-up, and the wait then lasts until the cell's timeout. The content is recorded in the
    widget state all the same, which is all an export needs.
    """
    from nbclient.output_widget import OutputWidget

    class QuietOutputWidget(OutputWidget):
        def sync_state(self):
            pass

    return QuietOutputWidget


def _kernel_for(notebook, kernel_name):
    """The kernel to run: ``kernel_name``, else the notebook's own when installed, else python3."""
    if kernel_name:
        return kernel_name
    from jupyter_client.kernelspec import KernelSpecManager

    wanted = notebook.metadata.get("kernelspec", {}).get("name")
    return wanted if wanted in KernelSpecManager().find_kernel_specs() else "python3"


def execute(notebook, *, cwd=".", kernel_name=None, timeout=600, allow_errors=False):
    """Run every cell of ``notebook`` (in place) and store its widgets' state in its metadata.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
    cwd : str or Path, default "."
        Folder the kernel starts in (where the notebook's relative paths point).
    kernel_name : str, optional
        Defaults to the notebook's kernel when it is installed, else ``python3``.
    timeout : int, default 600
        Seconds one cell may run.
    allow_errors : bool, default False
        Keep going after a cell raises (its error is exported); otherwise stop with
        ``nbclient.exceptions.CellExecutionError``.

    Returns
    -------
    notebook : nbformat.NotebookNode
        The same notebook, with outputs and ``metadata.widgets`` filled in.
    """
    from nbclient import NotebookClient

    client = NotebookClient(notebook, kernel_name=_kernel_for(notebook, kernel_name), timeout=timeout,
                            allow_errors=allow_errors, store_widget_state=True,
                            resources={"metadata": {"path": str(cwd)}})
    client.widget_registry["@jupyter-widgets/output"]["OutputModel"] = _quiet_output_widget()
    client.execute()
    return notebook


def _html_manager_base64():
    data = HTML_MANAGER.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != HTML_MANAGER_SHA256:
        raise RuntimeError(f"{HTML_MANAGER} has SHA-256 {digest}, expected {HTML_MANAGER_SHA256}: "
                           "restore the vendored file (see its README.md)")
    return base64.b64encode(data).decode("ascii")


def to_html(notebook):
    """The notebook as one self-contained HTML page (a str) whose widgets render offline."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", template_file=_TEMPLATE_NAME,
                            extra_loaders=[DictLoader({_TEMPLATE_NAME: _TEMPLATE})])
    html, _ = exporter.from_notebook_node(notebook, resources={"html_manager_base64": _html_manager_base64()})
    return html


def export(notebook_path, html_path, *, kernel_name=None, timeout=600, allow_errors=False, run=True):
    """Execute the notebook at ``notebook_path`` and write it as offline HTML to ``html_path``.

    With ``run=False`` the notebook is exported as saved (its widgets render only if it was
    saved with their state). Returns the path written.
    """
    notebook_path, html_path = Path(notebook_path), Path(html_path)
    notebook = nbformat.read(notebook_path, as_version=4)
    if run:
        execute(notebook, cwd=notebook_path.resolve().parent, kernel_name=kernel_name, timeout=timeout,
                allow_errors=allow_errors)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(to_html(notebook), encoding="utf-8")
    return html_path


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m helpers.export", description=__doc__.splitlines()[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("output", type=Path, help="the HTML file to write")
    parser.add_argument("--kernel", help="kernel to run (default: the notebook's, else python3)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds one cell may run (default 600)")
    parser.add_argument("--allow-errors", action="store_true", help="export even when a cell raises")
    parser.add_argument("--no-execute", dest="run", action="store_false", help="export the notebook as saved")
    args = parser.parse_args(argv)
    if not args.notebook.is_file():
        parser.exit(2, f"{args.notebook}: no such notebook\n")
    from nbclient.exceptions import CellExecutionError

    try:
        path = export(args.notebook, args.output, kernel_name=args.kernel, timeout=args.timeout,
                      allow_errors=args.allow_errors, run=args.run)
    except CellExecutionError as error:
        parser.exit(1, f"{args.notebook}: a cell raised, nothing written (use --allow-errors to export anyway)\n"
                       f"{str(error).strip().splitlines()[-1]}\n")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
