"""The course kernel that `make lab` registers."""
import json

import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.manager import start_new_kernel

from autograder.build import KERNELSPEC


def course_kernel():
    try:
        return KernelSpecManager().get_kernel_spec(KERNELSPEC["name"])
    except NoSuchKernel:
        pytest.fail(f"the course kernel {KERNELSPEC['name']!r} is not registered: run `make setup`")


def test_notebooks_name_the_registered_course_kernel():
    """Is the kernel the notebooks ask for registered, quietening TensorFlow's C++ logs?"""
    spec = course_kernel()
    assert spec.display_name == KERNELSPEC["display_name"]
    assert spec.env.get("TF_CPP_MIN_LOG_LEVEL") == "3"


def test_tensorflow_prints_nothing_to_a_cell_in_the_course_kernel():
    """Does importing TensorFlow and running an op in the course kernel leave stderr empty?"""
    course_kernel()
    manager, client = start_new_kernel(kernel_name=KERNELSPEC["name"])
    try:
        stderr = []
        reply = client.execute_interactive(
            "import tensorflow as tf\nprint(int(tf.reduce_sum(tf.ones((2, 2)))))", timeout=120,
            output_hook=lambda msg: stderr.append(msg["content"]["text"])
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stderr" else None)
        assert reply["content"]["status"] == "ok"
        assert "".join(stderr) == "", json.dumps(stderr)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
