"""Grading speed: a whole class, and one submission of every assignment.

    python bench/grading.py class [-n 40] [--assignment c1w2_logistic_regression]
    python bench/grading.py assignments

``class`` builds N submissions of one assignment (the reference with 0, 1, 2, … graded cells left
as stubs, so the scores differ), grades them three ways in one run, prints a table of wall time,
submissions per minute, peak memory of the grading process tree and the speed-up over stock
nbgrader, and checks that all three give every student the same score.

``assignments`` grades the reference notebook of every assignment once with `python -m autograder
grade` (the sandboxed pipeline, from a fresh process) and once with stock `nbgrader autograde`, and
prints both wall times, the peak memory and whether both gave full marks.
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import psutil

from autograder.assignments import COURSE_DIR, REPO_ROOT, all_assignments, get_assignment
from autograder.course import KERNEL_ENV


def make_submissions(assignment, n, folder):
    """N notebooks named student00…: the reference with the first k graded cells stubbed."""
    source = nbformat.read(assignment.source_notebook, as_version=4)
    released = nbformat.read(REPO_ROOT / assignment.student_notebook, as_version=4)
    stubs = {c.metadata.nbgrader["grade_id"]: c.source for c in released.cells
             if c.metadata.get("nbgrader", {}).get("solution")}
    graded = [c for c in source.cells if c.metadata.get("nbgrader", {}).get("solution")]
    folder.mkdir(parents=True)
    for index in range(n):
        notebook = nbformat.read(REPO_ROOT / assignment.student_notebook, as_version=4)
        answers = {c.metadata.nbgrader["grade_id"]: c.source for c in graded[index % (len(graded) + 1):]}
        for cell in notebook.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in stubs:
                cell.source = answers.get(grade_id, stubs[grade_id])
        nbformat.write(notebook, folder / f"student{index:02d}.ipynb")


def measure(command, cwd, stdout=None):
    """Run a command (its output into the file ``stdout``, if given); return (seconds, peak MiB of its
    process tree)."""
    output = open(stdout, "w") if stdout else subprocess.DEVNULL
    process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.DEVNULL,
                               env={**os.environ, **KERNEL_ENV})
    peak, done = 0, threading.Event()

    def sample():
        nonlocal peak
        root = psutil.Process(process.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    start = time.perf_counter()
    sampler.start()
    code = process.wait()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if stdout:
        output.close()
    if code:
        raise SystemExit(f"{command[:4]} failed with exit code {code}")
    return seconds, peak / 2**20


def stock_nbgrader(assignment, submissions, workdir):
    """Grade with nbgrader's own command, one notebook after another; return (seconds, MiB, scores)."""
    from nbgrader.api import Gradebook

    course = workdir / "stock"
    shutil.copytree(COURSE_DIR / "source" / assignment.id, course / "source" / assignment.id)
    shutil.copyfile(COURSE_DIR / "nbgrader_config.py", course / "nbgrader_config.py")
    nbgrader = [str(Path(sys.executable).parent / "nbgrader")]
    subprocess.run(nbgrader + ["generate_assignment", assignment.id, "--force"], cwd=course, check=True,
                   capture_output=True)
    for notebook in sorted(submissions.glob("*.ipynb")):
        target = course / "submitted" / notebook.stem / assignment.id / f"{assignment.id}.ipynb"
        target.parent.mkdir(parents=True)
        shutil.copyfile(notebook, target)
    seconds, mib = measure(nbgrader + ["autograde", assignment.id, "--force"], course)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {s.student.id: s.score for s in gradebook.assignment_submissions(assignment.id)}
    return seconds, mib, scores


def grade_class(assignment, submissions, workdir, workers):
    folder = workdir / f"class-{workers}"
    folder.mkdir()
    seconds, mib = measure([sys.executable, "-m", "autograder", "grade-class", str(submissions), "--assignment",
                            assignment.id, "--workers", str(workers), "--csv", "grades.csv"], folder)
    scores = {row["student"]: float(row["score"]) for row in csv.DictReader(open(folder / "grades.csv"))}
    return seconds, mib, scores


def class_table(args):
    assignment = get_assignment(args.assignment)
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as workdir:
        workdir = Path(workdir)
        make_submissions(assignment, args.n, workdir / "submissions")
        runs = {"stock nbgrader autograde": stock_nbgrader(assignment, workdir / "submissions", workdir)}
        for workers in (1, 2):
            runs[f"grade-class, {workers} worker{'s' * (workers > 1)}"] = grade_class(
                assignment, workdir / "submissions", workdir, workers)
    baseline = runs["stock nbgrader autograde"][0]
    print(f"{args.n} submissions of {assignment.id} on {os.cpu_count()} cores")
    print(f"{'run':28} {'wall (s)':>9} {'subs/min':>9} {'peak MiB':>9} {'speed-up':>9}")
    for name, (seconds, mib, _) in runs.items():
        print(f"{name:28} {seconds:9.1f} {60 * args.n / seconds:9.1f} {mib:9.0f} {baseline / seconds:8.2f}x")
    reference = runs["stock nbgrader autograde"][2]
    same = all(scores == reference for _, _, scores in runs.values())
    print(f"same scores in all three runs: {'yes' if same else 'NO'} "
          f"(mean {sum(reference.values()) / len(reference):.2f} of {assignment.max_score})")
    return 0 if same else 1


def assignments_table(args):
    print(f"one reference submission per assignment on {os.cpu_count()} cores")
    print(f"{'assignment':62} {'grade (s)':>9} {'MiB':>6} {'nbgrader (s)':>12} {'MiB':>6} {'full marks':>10}")
    all_full = True
    for assignment in all_assignments():
        with tempfile.TemporaryDirectory(prefix="bench-grading-") as workdir:
            workdir = Path(workdir)
            submissions = workdir / "submissions"
            submissions.mkdir()
            shutil.copyfile(assignment.source_notebook, submissions / "reference.ipynb")
            result = workdir / "result.json"
            seconds, mib = measure([sys.executable, "-m", "autograder", "grade", str(submissions / "reference.ipynb"),
                                    "--assignment", assignment.id, "--json"], workdir, stdout=result)
            score = json.loads(result.read_text())["score"]
            stock_seconds, stock_mib, stock_scores = stock_nbgrader(assignment, submissions, workdir)
        full = score == stock_scores["reference"] == assignment.max_score
        all_full &= full
        print(f"{assignment.id:62} {seconds:9.1f} {mib:6.0f} {stock_seconds:12.1f} {stock_mib:6.0f} "
              f"{'yes' if full else 'NO':>10}")
    return 0 if all_full else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    tables = parser.add_subparsers(dest="table", required=True)
    whole_class = tables.add_parser("class", help="a class: stock nbgrader against grade-class")
    whole_class.add_argument("-n", type=int, default=40, help="number of submissions (default 40)")
    whole_class.add_argument("--assignment", default="c1w2_logistic_regression")
    whole_class.set_defaults(run=class_table)
    tables.add_parser("assignments", help="one submission of every assignment").set_defaults(run=assignments_table)
    args = parser.parse_args()
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
