"""Grade a whole class: submissions in parallel on Dask, each in its own sandbox.

Workers grade (``grade_submission`` runs on a Dask worker); this process alone writes the
journal, the nbgrader gradebook, the CSV file and the feedback pages. The journal (one JSON line
per graded submission, with the notebook's SHA-256) lets an interrupted run resume without
regrading finished work.
"""
import csv
import hashlib
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from autograder.feedback import feedback_html
from autograder.results import NotANotebook, result_from
from autograder.sandbox.process import Limits

__all__ = ["Submission", "collect_submissions", "grade_class", "grade_submission"]

MAX_UNZIPPED_BYTES = 4 * 2**30
STUDENT_ID = re.compile(r"^[A-Za-z0-9_.@+-]{1,128}$")


@dataclass(frozen=True)
class Submission:
    student: str
    path: Path


def _unzip(archive, target):
    """Extract a zip of submissions safely: no absolute or parent paths, bounded size."""
    with zipfile.ZipFile(archive) as bundle:
        total = 0
        for member in bundle.infolist():
            name = Path(member.filename)
            if member.is_dir() or name.is_absolute() or ".." in name.parts:
                continue
            total += member.file_size
            if total > MAX_UNZIPPED_BYTES:
                raise ValueError(f"{archive}: more than {MAX_UNZIPPED_BYTES >> 30} GiB once unzipped")
            destination = target / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            with bundle.open(member) as source, open(destination, "wb") as out:
                shutil.copyfileobj(source, out)
    return target


def collect_submissions(path, assignment_id, workdir):
    """The submissions under ``path``: nbgrader's ``submitted/<student>/<assignment>/`` layout, or a
    folder (or zip) of notebooks named by student."""
    path = Path(path)
    if path.is_file() and zipfile.is_zipfile(path):
        path = _unzip(path, Path(workdir) / "unzipped")
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: not a folder or a zip of submissions")
    roots = [r for r in (path / "submitted", path) if r.is_dir()]
    for root in roots:  # nbgrader layout
        found = []
        for student_dir in sorted(p for p in root.iterdir() if p.is_dir()):
            notebooks = sorted((student_dir / assignment_id).glob("*.ipynb"))
            if notebooks:
                preferred = [n for n in notebooks if n.stem == assignment_id]
                found.append(Submission(student_dir.name, (preferred or notebooks)[0]))
        if found:
            return [s for s in found if STUDENT_ID.match(s.student)]
    notebooks = sorted(path.rglob("*.ipynb")) if path.name == "unzipped" else sorted(path.glob("*.ipynb"))
    return [Submission(n.stem, n) for n in notebooks if STUDENT_ID.match(n.stem) and ".ipynb_checkpoints" not in n.parts]


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def grade_submission(student, path, assignment_id, limits):
    """Grade one submission (on a Dask worker). Never raises for a bad submission."""
    import nbformat

    from autograder.assignments import get_assignment
    from autograder.grading import grade

    assignment = get_assignment(assignment_id)
    try:
        result = grade(path, assignment, limits)
    except NotANotebook as error:
        source = nbformat.read(assignment.source_notebook, as_version=4)
        result = result_from(assignment, source, {})
        result["error"] = str(error)
    return {"student": student, "sha256": _sha256(path), "result": result}


def _load_journal(path):
    done = {}
    if path.exists():
        for line in path.read_text().splitlines():
            try:
                entry = json.loads(line)
                done[entry["student"]] = entry
            except (ValueError, KeyError):
                continue  # a line cut short by an interruption
    return done


def _client(workers, scheduler):
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers or os.cpu_count(), threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR,
                           env={"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})
    return Client(cluster), cluster


def _write_gradebook(db_url, assignment, entries):
    """Record every score in the nbgrader gradebook (creating the assignment from its source)."""
    import warnings

    from nbgrader.api import Gradebook

    from autograder.course import TemporaryCourse

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with TemporaryCourse(assignment, db_url=db_url) as course:
            course.generate()
        with Gradebook(db_url) as gradebook:
            for entry in entries:
                gradebook.update_or_create_student(entry["student"])
                gradebook.update_or_create_submission(assignment.id, entry["student"])
                for test in entry["result"]["tests"]:
                    grade = gradebook.find_grade(test["name"], assignment.id, assignment.id, entry["student"])
                    grade.auto_score = test["score"]
                gradebook.db.commit()


def _write_csv(path, assignment, entries):
    with open(path, "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["student", "score", "max_score", *assignment.graded_functions, "error"])
        for entry in entries:
            result = entry["result"]
            scores = {t["function"]: t["score"] for t in result["tests"]}
            writer.writerow([entry["student"], result["score"], result["max_score"],
                             *(scores.get(f, 0) for f in assignment.graded_functions), result.get("error", "")])


def grade_class(submissions, assignment, *, workers=None, scheduler=None, csv_path=None, feedback_dir=None,
                db_url=None, state_path=None, limits=None, progress=True):
    """Grade every submission under ``submissions``; return the journal entries, one per student."""
    from dask.distributed import as_completed
    from tqdm import tqdm

    state_path = Path(state_path or f"grade-class-{assignment.id}.jsonl").resolve()
    db_url = db_url or f"sqlite:///{Path('gradebook.db').resolve()}"
    outputs = [Path(submissions).resolve(), state_path]
    outputs += [Path(p).resolve() for p in (csv_path, feedback_dir) if p]
    if db_url.startswith("sqlite:///"):
        outputs.append(Path(db_url.removeprefix("sqlite:///")).resolve())
    limits = limits or Limits()
    limits = Limits(**{**limits.__dict__, "hidden_paths": tuple(limits.hidden_paths) + tuple(map(str, outputs))})

    with tempfile.TemporaryDirectory(prefix="grade-class-") as workdir:
        found = collect_submissions(submissions, assignment.id, workdir)
        done = _load_journal(state_path)
        todo = [s for s in found if done.get(s.student, {}).get("sha256") != _sha256(s.path)]
        bar = tqdm(total=len(found), initial=len(found) - len(todo), unit="submission", desc=assignment.id,
                   disable=not progress, file=sys.stderr)
        if todo:
            client, cluster = _client(workers, scheduler)
            try:
                futures = [client.submit(grade_submission, s.student, str(s.path), assignment.id, limits,
                                         key=f"grade-{assignment.id}-{s.student}-{_sha256(s.path)[:12]}", pure=False)
                           for s in todo]
                with open(state_path, "a") as journal:
                    if journal.tell() and not state_path.read_bytes().endswith(b"\n"):
                        journal.write("\n")  # the previous run stopped mid-line
                    for future in as_completed(futures):
                        entry = future.result()
                        journal.write(json.dumps(entry) + "\n")
                        journal.flush()
                        os.fsync(journal.fileno())
                        done[entry["student"]] = entry
                        bar.update()
            finally:
                client.close()
                if cluster is not None:
                    cluster.close()
        bar.close()
        students = {s.student for s in found}
        entries = [done[s] for s in sorted(students)]
    _write_gradebook(db_url, assignment, entries)
    if csv_path:
        _write_csv(csv_path, assignment, entries)
    if feedback_dir:
        Path(feedback_dir).mkdir(parents=True, exist_ok=True)
        for entry in entries:
            page = feedback_html(entry["student"], assignment.title, entry["result"])
            (Path(feedback_dir) / f"{entry['student']}.html").write_text(page, encoding="utf-8")
    return entries
