"""A JupyterLab server and a headless Chromium for the browser tests, each stopped by its own pids.

Nothing here downloads a browser: Playwright drives Debian's ``chromium`` (``.ci/run`` installs
it with apt). The server runs this environment's JupyterLab, configured by ``lab/install.py``
exactly as ``make lab`` runs it, but on a free loopback port, with a token, on a temporary
copy of the course, and with its user settings, workspaces and runtime files in a temporary
folder, so a test never touches your own JupyterLab.
"""
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

from autograder.assignments import REPO_ROOT

__all__ = ["CHROMIUM_ARGS", "LabServer", "OUTPUT_DIR", "chromium_path", "copy_course", "stop_processes"]

OUTPUT_DIR = REPO_ROOT / "test-output" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_path():
    """Debian's chromium, or None."""
    return shutil.which("chromium")


def copy_course(root):
    """Copy what a student sees (course folders, START_HERE.md, README.md) into ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("START_HERE.md", "README.md"):
        shutil.copyfile(REPO_ROOT / name, root / name)
    for folder in sorted(REPO_ROOT.glob("course[1-5]")):
        shutil.copytree(folder, root / folder.name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return root


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_processes(processes, timeout=10):
    """Terminate the given psutil processes (by pid), then kill the ones still alive after ``timeout``."""
    alive = []
    for process in processes:
        try:
            process.terminate()
            alive.append(process)
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(alive, timeout=timeout)
    for process in alive:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(alive, timeout=timeout)


class LabServer:
    """``jupyter lab`` serving ``root`` on 127.0.0.1 in its own process group.

    Parameters
    ----------
    root : Path
        The folder the server shows (and its working directory).
    state : Path
        Where its user settings, workspaces, runtime files and log go.
    """

    def __init__(self, root, state):
        self.root, self.state = Path(root), Path(state)
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.state / "lab.log"
        self.process = None

    def start(self, timeout=90):
        for name in ("settings", "workspaces", "runtime", "config"):
            (self.state / name).mkdir(parents=True, exist_ok=True)
        env = dict(os.environ,
                   PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
                   JUPYTERLAB_SETTINGS_DIR=str(self.state / "settings"),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.state / "workspaces"),
                   JUPYTER_RUNTIME_DIR=str(self.state / "runtime"),
                   JUPYTER_CONFIG_DIR=str(self.state / "config"))  # no user config from ~/.jupyter
        env.pop("MPLBACKEND", None)  # the kernels draw with the inline backend, as for a student
        command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
                   f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                   f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
                   "--ServerApp.allow_root=True"]  # CI runs as root
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(command, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.api("/api/status")
                return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"jupyter lab did not answer within {timeout} s:\n{self.log_tail()}")

    def log_tail(self, lines=40):
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def api(self, path, method="GET", timeout=10):
        """JSON answer of the server at ``path`` (e.g. ``/api/status``)."""
        request = urllib.request.Request(f"{self.url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def page_url(self, path="", workspace=None):
        """URL opening ``path`` (a file, relative to the root) in a fresh workspace."""
        base = f"{self.url}/lab/workspaces/{workspace}" if workspace else f"{self.url}/lab"
        target = f"{base}/tree/{path}" if path else base
        return f"{target}?reset&token={self.token}"

    def stop(self):
        """Shut the server and its kernels down; kill whatever is left, by pid."""
        if self.process is None:
            return
        try:
            server = psutil.Process(self.process.pid)
            children = server.children(recursive=True)  # kernels run in sessions of their own
        except psutil.NoSuchProcess:
            server, children = None, []
        try:
            os.killpg(self.process.pid, signal.SIGTERM)  # the group this server leads, and only it
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        stop_processes([child for child in children if child.is_running()])
        self.process = None
