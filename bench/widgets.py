"""Redraw time of every widget of the helpers modules, built the way the course's notebooks build it.

    python bench/widgets.py [WIDGET ...]

For each widget factory (``helpers.widgets.widget_factories()``) the first reference (source) notebook
that calls it is run in an IPython shell, cell by cell, up to the cell that builds the widget
(so the data and the learner's functions are the reference's, at the notebook's sizes). Then
every control of the widget is moved once, to the top of its range (for a menu: the option
farthest away), and the synchronous redraw it triggers is timed: computing, drawing and
rendering the PNG the notebook receives. Prints the time the widget's cell takes to build it
(widgets that train ahead do it there), then one row per move, with its wall-clock and CPU
time (the CPU time of this process, all threads: on a busy machine the wall time grows, the
CPU time much less); exits 1 when a redraw takes a second or more of wall time, or when a
slider redraws continuously while it is dragged. Run it on an idle machine.
"""
import contextlib
import io
import os
import re
import statistics
import sys
import time

GOAL_SECONDS = 1.0


def _shell():
    """An IPython shell drawing off-screen, as the notebooks' kernel would without a display."""
    import matplotlib

    matplotlib.use("Agg")
    from IPython.core.interactiveshell import InteractiveShell

    return InteractiveShell.instance()


def notebook_building(name):
    """(assignment, index of the code cell) of the first source notebook whose cell calls ``name``."""
    import nbformat

    from autograder.assignments import all_assignments

    call = re.compile(rf"^\s*(\w+\s*=\s*)?{name}\(", re.MULTILINE)
    for assignment in all_assignments():
        notebook = nbformat.read(assignment.source_notebook, as_version=4)
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type == "code" and call.search(cell.source):
                return assignment, index
    return None, None


def build(shell, name):
    """Run the notebook that builds widget ``name`` up to that cell; return (widget, notebook id,
    seconds the widget's own cell took)."""
    import nbformat

    from autograder.assignments import REPO_ROOT

    assignment, index = notebook_building(name)
    if assignment is None:
        return None, None, None
    notebook = nbformat.read(assignment.source_notebook, as_version=4)
    shell.reset(new_session=False)
    folder = (REPO_ROOT / assignment.student_notebook).parent
    previous = os.getcwd()
    os.chdir(folder)
    try:
        result = None
        for cell in notebook.cells[:index + 1]:
            if cell.cell_type != "code":
                continue
            began = time.perf_counter()
            result = shell.run_cell(cell.source, silent=False, store_history=False)
            build_seconds = time.perf_counter() - began
            if not result.success:
                raise RuntimeError(f"{assignment.id}: a cell raised before {name} could be built:\n"
                                   f"{cell.source[:300]}\n{result.error_in_exec or result.error_before_exec!r}")
    finally:
        os.chdir(previous)
    widget = result.result
    name_in_cell = re.search(rf"(\w+)\s*=\s*{name}\(", notebook.cells[index].source)
    if widget is None and name_in_cell:
        widget = shell.user_ns[name_in_cell[1]]
    return widget, assignment.id, build_seconds


def controls(widget):
    """Every value control inside ``widget`` (sliders, menus), depth first."""
    import ipywidgets as widgets

    found = []
    if isinstance(widget, widgets.Box):
        for child in widget.children:
            found.extend(controls(child))
    elif isinstance(widget, (widgets.widget_int._Int, widgets.widget_float._Float,
                             widgets.widget_selection._Selection)) and not widget.disabled:
        found.append(widget)
    return found


def other_value(control):
    """A valid value of ``control`` away from its current one: the top of a range (the slowest
    redraw, e.g. the most iterations) or, for a menu, the option farthest from the current one."""
    if hasattr(control, "options"):
        values = [value for _, value in control._options_full] if hasattr(control, "_options_full") \
            else list(control.options)
        index = values.index(control.value)
        return values[0] if index >= len(values) // 2 else values[-1]
    return control.max if control.value != control.max else control.min


def timed_moves(widget):
    """(control description, from, to, wall seconds, CPU seconds) for one move of each control."""
    rows = []
    for control in controls(widget):
        start, target = control.value, other_value(control)
        if target == start:
            continue
        began, began_cpu = time.perf_counter(), time.process_time()
        control.value = target
        rows.append((control.description or type(control).__name__, start, target,
                     time.perf_counter() - began, time.process_time() - began_cpu))
    return rows


def main(names):
    from helpers.widgets import widget_factories

    shell = _shell()
    names = names or sorted(widget_factories())
    failures = []
    print(f"{'widget':<26} {'control':<18} {'move':<28} {'redraw (s)':>10} {'CPU (s)':>8}")
    for name in names:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            widget, notebook, build_seconds = build(shell, name)
            rows = timed_moves(widget) if widget is not None else []
        if widget is None:
            print(f"{name:<26} (no notebook builds it)")
            continue
        print(f"{name:<26} {'(' + notebook + ')'}")
        print(f"{'':<26} {'(building)':<18} {'':<28} {build_seconds:>10.3f}")
        for control, start, target, seconds, cpu in rows:
            print(f"{'':<26} {str(control)[:18]:<18} {f'{start} → {target}'[:28]:<28} {seconds:>10.3f} {cpu:>8.3f}")
            if seconds >= GOAL_SECONDS:
                failures.append(f"{name}: moving {control} took {seconds:.2f} s (goal < {GOAL_SECONDS:g} s)")
        if rows:
            print(f"{'':<26} {'median':<18} {'':<28} {statistics.median(r[3] for r in rows):>10.3f} "
                  f"{statistics.median(r[4] for r in rows):>8.3f}")
        for control in controls(widget):
            if getattr(control, "continuous_update", False):
                failures.append(f"{name}: {control.description} redraws continuously while it is dragged")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
