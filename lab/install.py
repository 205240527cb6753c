"""Configure the JupyterLab of this Python environment for the course (run by `make setup`).

    python lab/install.py [--check]

Writes into the environment (``sys.prefix``), never into your home folder:

- ``share/jupyter/lab/settings/overrides.json``: no news or update checks (no pop-ups, no
  network), Markdown files open rendered, the extension manager (which searches PyPI) off;
  entries already there for other settings are kept;
- ``etc/jupyter/jupyter_lab_config.json``: JupyterLab opens on START_HERE.md with the course
  tree in the file browser, and its extension manager cannot install anything (offline);
  other settings already in that file are kept;
- ``etc/jupyter/jupyter_server_config.d/dls-course.json``: build leftovers (``*.egg-info``)
  hidden from the file browser;
- ``etc/jupyter/nbgrader_config.py``: what nbgrader's Validate button checks;
- nbgrader's lab extensions, enabled or disabled as nbgrader documents it: the Validate
  button, the assignment and course lists and the formgrader on, with their server
  extensions; the create-assignment side panel off, since it lets anyone rewrite the nbgrader
  metadata of a notebook (instructors write assignments as text sources, see README.md).

Running it again changes nothing. ``--check`` changes nothing either: it exits 1 and names
what differs when the environment is not configured. Uses only the standard library and the
environment's own ``jupyter`` commands.
"""
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = Path(sys.prefix)
OVERRIDES = PREFIX / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
LAB_CONFIG = PREFIX / "etc" / "jupyter" / "jupyter_lab_config.json"
SERVER_CONFIG = PREFIX / "etc" / "jupyter" / "jupyter_server_config.d" / "dls-course.json"
NBGRADER_CONFIG = PREFIX / "etc" / "jupyter" / "nbgrader_config.py"

LAB_EXTENSIONS = [
    "@jupyter/nbgrader:validate-assignment",
    "@jupyter/nbgrader:assignment-list",
    "@jupyter/nbgrader:course-list",
    "@jupyter/nbgrader:formgrader",
]
LAB_EXTENSIONS_OFF = ["@jupyter/nbgrader:create-assignment"]
SERVER_EXTENSIONS = [
    "nbgrader.server_extensions.validate_assignment",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.formgrader",
]


def merged(target, source):
    """The JSON content of ``target`` once the sections of ``source`` (in lab/) are merged into it."""
    current = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    for section, settings in json.loads((HERE / source).read_text(encoding="utf-8")).items():
        current.setdefault(section, {}).update(settings)
    return current


MERGED = ((OVERRIDES, "overrides.json"), (LAB_CONFIG, "jupyter_lab_config.json"))
COPIED = ((SERVER_CONFIG, "jupyter_server_config.json"), (NBGRADER_CONFIG, "nbgrader_config.py"))


def jupyter(*args):
    """Run one of this environment's ``jupyter`` subcommands; return its combined output."""
    run = subprocess.run([sys.executable, "-m", "jupyter", *args], capture_output=True, text=True)
    if run.returncode:
        sys.exit(f"jupyter {' '.join(args)} failed:\n{run.stdout}{run.stderr}")
    return run.stdout + run.stderr


def file_differences():
    """The configuration files not (or no longer) as lab/ has them, one line each."""
    found = []
    for target, source in MERGED:
        if not target.exists() or json.loads(target.read_text(encoding="utf-8")) != merged(target, source):
            found.append(f"{target} lacks the settings of lab/{source}")
    for target, source in COPIED:
        if not target.exists() or target.read_bytes() != (HERE / source).read_bytes():
            found.append(f"{target} differs from lab/{source}")
    return found


def differences():
    """What is not configured yet, one line each (empty when everything is)."""
    found = file_differences()
    labextensions = jupyter("labextension", "list")
    if "@jupyter/nbgrader" not in labextensions:
        found.append("the @jupyter/nbgrader lab extension is not installed")
    disabled = labextensions.split("Disabled extensions:")[1] if "Disabled extensions:" in labextensions else ""
    found += [f"lab extension {name} is disabled" for name in LAB_EXTENSIONS if name in disabled]
    found += [f"lab extension {name} is enabled" for name in LAB_EXTENSIONS_OFF if name not in disabled]
    server = jupyter("server", "extension", "list")
    found += [f"server extension {name} is not enabled" for name in SERVER_EXTENSIONS
              if not any(name in line and "enabled" in line for line in server.splitlines())]
    return found


def install():
    for target, source in MERGED:
        content = merged(target, source)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
    for target, source in COPIED:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((HERE / source).read_bytes())
    jupyter("labextension", "enable", "--level=sys_prefix", *LAB_EXTENSIONS)
    jupyter("labextension", "disable", "--level=sys_prefix", *LAB_EXTENSIONS_OFF)
    jupyter("server", "extension", "enable", "--sys-prefix", *SERVER_EXTENSIONS)


def main(argv):
    if argv not in ([], ["--check"]):
        sys.exit(__doc__.split("\n\n")[1])
    if not argv:
        install()
    found = differences()
    for line in found:
        print(line, file=sys.stderr)
    if found:
        return 1
    print(f"JupyterLab in {PREFIX} is configured for the course")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
