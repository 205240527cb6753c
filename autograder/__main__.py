"""Command line of the autograder: ``python -m autograder {list,release,check,grade,grade-class}``."""
import argparse
import json
import os
import sys
import warnings

from autograder.assignments import REPO_ROOT, UnknownAssignment, all_assignments, get_assignment
from autograder.course import KERNEL_ENV, ConfigError
from autograder.results import NotANotebook
from autograder.sandbox.process import Limits, SandboxUnavailable


def _list(args):
    entries = [a.describe() for a in all_assignments()]
    if args.json:
        print(json.dumps(entries, indent=2))
    else:
        for e in entries:
            print(f"{e['id']:40} {e['max_score']:>5} pts  {e['student_notebook']}  {e['title']}")
    return 0


def _release(args):
    from autograder.release import release

    for path in release():
        print(f"wrote {path.relative_to(REPO_ROOT)}")
    return 0


def _check(args):
    from autograder.release import check

    stale = check()
    for path in stale:
        print(f"out of sync: {path.relative_to(REPO_ROOT)} (run: python -m autograder release)")
    if not stale:
        print("all generated notebooks are in sync with their sources")
    return 1 if stale else 0


def _limits(args):
    return Limits(memory_bytes=int(args.memory_gib * 2**30), cell_seconds=args.cell_timeout,
                  call_seconds=args.cell_timeout, total_seconds=args.total_timeout)


def _grade(args):
    from autograder.grading import grade

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = grade(args.notebook, get_assignment(args.assignment), _limits(args))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for test in result["tests"]:
            mark = "pass" if test["passed"] else "FAIL"
            print(f"{mark}  {test['score']:g}/{test['max_score']:g}  {test['message']}")
        for note in [*result.get("skipped_cells", []), *filter(None, [result.get("error")])]:
            print(f"note  {note}")
        print(f"score: {result['score']:g} / {result['max_score']:g}")
    return 0


def _grade_class(args):
    from autograder.classroom import grade_class

    entries = grade_class(args.submissions, get_assignment(args.assignment), workers=args.workers,
                          scheduler=args.scheduler, csv_path=args.csv, feedback_dir=args.feedback, db_url=args.db,
                          state_path=args.state, limits=_limits(args))
    scores = [e["result"]["score"] for e in entries]
    print(f"graded {len(entries)} submissions of {args.assignment}; mean score "
          f"{(sum(scores) / len(scores)) if scores else 0:.2f}")
    return 0


def _add_limits(parser):
    parser.add_argument("--memory-gib", type=float, default=4.0, help="memory limit per submission")
    parser.add_argument("--cell-timeout", type=float, default=60.0, help="seconds per cell and per call")
    parser.add_argument("--total-timeout", type=float, default=600.0, help="seconds per submission")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="list the assignments")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=_list)
    commands.add_parser("release", help="regenerate source and student notebooks").set_defaults(run=_release)
    commands.add_parser("check", help="fail if generated notebooks are out of sync").set_defaults(run=_check)
    grading = commands.add_parser("grade", help="grade one submitted notebook, sandboxed")
    grading.add_argument("notebook", help="path of the submitted .ipynb")
    grading.add_argument("--assignment", required=True, help="assignment id (see `list`)")
    grading.add_argument("--json", action="store_true", help="print one JSON object")
    _add_limits(grading)
    grading.set_defaults(run=_grade)
    classroom = commands.add_parser("grade-class", help="grade a whole class in parallel, each submission sandboxed")
    classroom.add_argument("submissions", help="nbgrader submitted/ folder, or a folder or zip of <student>.ipynb")
    classroom.add_argument("--assignment", required=True, help="assignment id (see `list`)")
    classroom.add_argument("--workers", type=int, help="local Dask workers (default: one per core)")
    classroom.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://host:8786")
    classroom.add_argument("--csv", help="write the scores to this CSV file")
    classroom.add_argument("--feedback", help="write one HTML feedback page per student into this folder")
    classroom.add_argument("--db", help="gradebook database URL (default: sqlite:///gradebook.db)")
    classroom.add_argument("--state", help="journal for resuming (default: grade-class-<id>.jsonl)")
    _add_limits(classroom)
    classroom.set_defaults(run=_grade_class)
    args = parser.parse_args(argv)
    # Hidden tests of TensorFlow assignments import TensorFlow in this process: keep its C++ logs quiet.
    for name in ("TF_CPP_MIN_LOG_LEVEL", "TF_ENABLE_ONEDNN_OPTS"):
        os.environ.setdefault(name, KERNEL_ENV[name])
    try:
        return args.run(args)
    except (NotANotebook, UnknownAssignment, FileNotFoundError, SandboxUnavailable) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
