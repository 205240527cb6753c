"""``python -m helpers.trained_models list | verify [NAME ...] | build NAME``: list, check, retrain models."""
import argparse
import os
import sys

from helpers.trained_models import build, read_registry, verify

__all__ = ["format_table", "main"]

_COLUMNS = (  # heading, registry key, format
    ("name", "name", "{}"),
    ("parameters", "parameters", "{:,}"),
    ("size (bytes)", "size_bytes", "{:,}"),
    ("metric", "metric", "{}"),
    ("figure", "figure", "{:.4f}"),
    ("minimum", "minimum", "{:.2f}"),
    ("build (s)", "build_seconds", "{:.1f}"),
    ("sha256", "sha256", "{:.12}"),
)


def format_table(entries):
    """An aligned text table, one row per ``(name, entry)`` pair; fields not yet built show as ``-``."""
    rows = [[heading for heading, _, _ in _COLUMNS]]
    for name, entry in entries:
        fields = {"name": name, **entry}
        rows.append(["-" if fields.get(key) is None else form.format(fields[key]) for _, key, form in _COLUMNS])
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)


def main(argv=None):
    """Run the command line; return 1 when a model is unknown, missing, corrupt or below its minimum, else 0."""
    parser = argparse.ArgumentParser(prog="python -m helpers.trained_models", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="a table of the shipped models and their recorded figures")
    verify_parser = commands.add_parser("verify", help="check hash, load, evaluate on the held-out set")
    verify_parser.add_argument("names", nargs="*", metavar="NAME", help="default: every model in the registry")
    build_parser = commands.add_parser("build", help="retrain a model from scratch and update its file and entry")
    build_parser.add_argument("name", metavar="NAME")
    args = parser.parse_args(argv)
    # Before TensorFlow starts: no C++ logs, and the same kernels (oneDNN off) as the course's notebook kernel.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

    if args.command == "list":
        print(format_table(read_registry().items()))
        return 0
    if args.command == "build":
        try:
            entry = build(args.name)
        except (LookupError, OSError, RuntimeError, ValueError) as error:
            print(f"build failed: {error}", file=sys.stderr)
            return 1
        print(format_table([(args.name, entry)]))
        return 0
    failures = 0
    for name in args.names or list(read_registry()):
        try:
            figure = verify(name)
        except (LookupError, OSError, ValueError) as error:
            print(f"FAILED {error}", file=sys.stderr)
            failures += 1
        else:
            print(f"ok     {name}: {figure:.4f} (recorded {read_registry()[name]['figure']:.4f})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
