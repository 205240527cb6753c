"""Run time and peak memory of every reference notebook, each executed in a fresh kernel.

    python bench/notebooks.py [ASSIGNMENT_ID ...]

Prints one row per assignment: wall time of executing the source notebook top to bottom and the
peak resident memory of its kernel. The goal is under 60 s per notebook on 2 cores.
"""
import json
import os
import resource
import subprocess
import sys
import time

GOAL_SECONDS = 60


def run_one(assignment_id):
    """Execute one source notebook in this process's child kernel; print time and kernel peak memory."""
    import nbformat

    from autograder.assignments import get_assignment
    from autograder.course import KERNEL_ENV
    from helpers.export import execute

    os.environ.update(KERNEL_ENV)
    assignment = get_assignment(assignment_id)
    notebook = nbformat.read(assignment.source_notebook, as_version=4)
    start = time.perf_counter()
    execute(notebook, cwd=assignment.source_notebook.parent, kernel_name="python3", timeout=600, allow_errors=True)
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    errors = sum(o.output_type == "error" for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib, "errors": errors}))


def main(ids):
    from autograder.assignments import all_assignments

    ids = ids or [a.id for a in all_assignments()]
    print(f"{'notebook':52} {'time (s)':>9} {'kernel peak (MiB)':>18}  {'goal':>6}")
    total = 0.0
    for assignment_id in ids:
        run = subprocess.run([sys.executable, __file__, "--one", assignment_id], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{assignment_id:52} failed: {run.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(run.stdout.strip().splitlines()[-1])
        total += row["seconds"]
        verdict = "ok" if row["seconds"] < GOAL_SECONDS and not row["errors"] else "SLOW" if not row["errors"] else "ERRORS"
        print(f"{assignment_id:52} {row['seconds']:9.1f} {row['peak_mib']:18.0f}  {verdict:>6}")
    print(f"{'total':52} {total:9.1f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        run_one(sys.argv[2])
    else:
        main(sys.argv[1:])
