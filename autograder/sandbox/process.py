"""A submission's process in a bubblewrap sandbox, driven from the grader's process.

The sandbox (see docs in README, "Threat model") gives the submission:

* its own PID namespace: every process it starts, even with ``setsid``, ends with it;
* no network (a fresh network namespace with only a loopback that is down);
* a read-only view of the machine, with instructor material hidden (the ``autograder``
  package, the repository's other folders, submission and output folders) and one writable
  scratch folder of its own; this folder (runner and wire) is visible read-only at ``/tmp/grader``;
* limits: address space (memory), file size, no core dumps; a deadline on every request and on
  the whole submission, enforced from outside by killing the sandbox.
"""
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import helpers
from autograder.assignments import COURSE_DIR, REPO_ROOT
from autograder.course import KERNEL_ENV

__all__ = ["Limits", "Sandbox", "SandboxError", "SandboxUnavailable"]

MAX_REPLY_BYTES = 256 * 2**20
PACKAGE_DIR = Path(__file__).resolve().parent
RUNNER_DIR = "/tmp/grader"  # where the sandbox sees this folder (runner and wire), read-only


@dataclass(frozen=True)
class Limits:
    """What one submission may use."""

    memory_bytes: int = 4 * 2**30
    cell_seconds: float = 60.0
    call_seconds: float = 60.0
    total_seconds: float = 600.0
    file_bytes: int = 64 * 2**20
    hidden_paths: tuple = field(default_factory=tuple)


class SandboxError(RuntimeError):
    """The submission's process timed out, died or broke the protocol; the sandbox was killed."""


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot create namespaces on this machine."""


def _paths_to_hide(extra):
    """Instructor material: the autograder package and, in a checkout, every folder but helpers/."""
    hidden = {COURSE_DIR.resolve(), *(Path(p).resolve() for p in extra)}
    if (REPO_ROOT / ".git").exists():
        hidden |= {p.resolve() for p in REPO_ROOT.iterdir() if p.name not in ("helpers", ".venv")}
    return sorted(hidden)


def sandbox_command(scratch, limits):
    """The command that starts the runner in a fresh sandbox."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed: apt-get install bubblewrap")
    command = ["prlimit", f"--as={limits.memory_bytes}", f"--fsize={limits.file_bytes}", "--core=0", "--",
               bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--uid", "65534", "--gid", "65534",
               "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    # A Python environment inside /tmp (a checkout in a temporary folder) must stay visible.
    for path in sorted({Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}):
        if Path("/tmp") in path.parents:
            command += ["--ro-bind", str(path), str(path)]
    for path in _paths_to_hide(limits.hidden_paths):
        if path.is_dir():
            command += ["--tmpfs", str(path)]
        elif path.exists():
            command += ["--ro-bind", "/dev/null", str(path)]
    helpers_dir = Path(helpers.__file__).resolve().parent
    command += ["--ro-bind", str(helpers_dir), str(helpers_dir), "--ro-bind", str(PACKAGE_DIR), RUNNER_DIR]
    command += ["--bind", str(scratch), str(scratch), "--chdir", str(scratch), "--clearenv"]
    # NBGRADER_EXECUTION as nbgrader's autograde sets it: the notebook's helpers then skip what only
    # a student at a live frontend needs (widgets training every setting ahead).
    environment = {**KERNEL_ENV, "HOME": str(scratch), "TMPDIR": str(scratch), "MPLCONFIGDIR": str(scratch),
                   "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "LANG": "C.UTF-8",
                   "NBGRADER_EXECUTION": "autograde"}
    for name, value in environment.items():
        command += ["--setenv", name, value]
    return command + [sys.executable, "-I", f"{RUNNER_DIR}/runner.py"]


class Sandbox:
    """One submission's runner process; restartable, always killed on exit."""

    def __init__(self, limits):
        self.limits = limits
        self.scratch = Path(tempfile.mkdtemp(prefix="sandbox-"))
        os.chmod(self.scratch, 0o777)
        self.process = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.kill()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def start(self):
        self.kill()
        self.process = subprocess.Popen(sandbox_command(self.scratch, self.limits), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)

    def kill(self):
        """End the runner and everything in its namespace."""
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
            for stream in (self.process.stdin, self.process.stdout):
                stream.close()
            self.process = None

    def request(self, message, timeout):
        """Send one request; return the reply, or kill the sandbox and raise :class:`SandboxError`."""
        if self.process is None:
            self.start()
        try:
            self.process.stdin.write(json.dumps(message).encode() + b"\n")
            self.process.stdin.flush()
            line = self._read_line(timeout)
            return json.loads(line)
        except SandboxError:
            self.kill()
            raise
        except (OSError, ValueError) as error:
            self.kill()
            raise SandboxError(f"the process ended or broke the protocol ({type(error).__name__})") from None

    def _read_line(self, timeout):
        deadline = time.monotonic() + timeout
        chunks, size = [], 0
        stream = self.process.stdout
        with selectors.DefaultSelector() as selector:
            selector.register(stream, selectors.EVENT_READ)
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    raise SandboxError(f"timed out after {timeout:g} s")
                chunk = os.read(stream.fileno(), 1 << 20)
                if not chunk:
                    raise SandboxError("the process ended (it exited or ran out of memory)")
                chunks.append(chunk)
                size += len(chunk)
                if chunk.endswith(b"\n"):
                    return b"".join(chunks)
                if size > MAX_REPLY_BYTES:
                    raise SandboxError("the reply was too large")

    def run_cell(self, source, timeout):
        return self.request({"op": "run_cell", "source": source}, timeout)
