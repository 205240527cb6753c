"""Class grading throughput: stock `nbgrader autograde` against `grade-class` with 1 and 2 workers.

    python bench/grading.py [-n 40] [--assignment c1w2_logistic_regression]

Builds N submissions of one assignment (the reference with 0, 1, 2, … graded cells left as stubs,
so the scores differ), grades them three ways in one run, prints a table of wall time,
submissions per minute, peak memory of the grading process tree and the speed-up over stock
nbgrader, and checks that all three give every student the same score.
"""
import argparse
import csv
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

from autograder.assignments import COURSE_DIR, REPO_ROOT, get_assignment
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


def measure(command, cwd):
    """Run a command; return (seconds, peak MiB of its process tree)."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=40, help="number of submissions (default 40)")
    parser.add_argument("--assignment", default="c1w2_logistic_regression")
    args = parser.parse_args()
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
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


if __name__ == "__main__":
    sys.exit(main())
