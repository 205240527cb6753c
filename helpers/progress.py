"""Progress bars for training functions that report their cost by printing it.

The course's models print ``Cost after iteration i: cost`` every 100 iterations when called
with ``print_cost=True``. :func:`cost_progress` turns those lines into a ``tqdm`` progress bar
that shows how far training has come and the latest cost, so a model that trains for several
seconds shows its progress in one line instead of dozens. Keras's ``fit`` reports through a
callback instead: :func:`report_every` prints its numbers every few epochs.
"""
import contextlib
import io
import re
import sys

from tqdm.auto import tqdm

__all__ = ["cost_progress", "report_every"]

_COST_LINE = re.compile(r"^Cost after iteration (\d+): (\S+)\s*$")


class _CostLines(io.TextIOBase):
    """A text stream that advances a bar on each cost line and passes every other line on."""

    def __init__(self, bar, passthrough):
        super().__init__()
        self.bar = bar
        self.passthrough = passthrough
        self.pending = ""

    def writable(self):
        return True

    def write(self, text):
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            self._line(line)
        return len(text)

    def _line(self, line):
        match = _COST_LINE.match(line)
        if match is None:
            self.passthrough.write(line + "\n")
            return
        done = min(int(match[1]) + 1, self.bar.total)
        self.bar.update(done - self.bar.n)
        self.bar.set_postfix_str(f"cost {match[2]}", refresh=True)

    def flush(self):
        if self.pending:
            self._line(self.pending)
            self.pending = ""
        self.passthrough.flush()


@contextlib.contextmanager
def cost_progress(num_iterations, *, desc="training"):
    """Show a progress bar while a model that prints its cost trains.

    Inside the ``with`` block, every printed line of the form ``Cost after iteration i: cost``
    moves the bar to iteration ``i + 1`` and shows the cost next to it; any other line is
    printed as usual. When the block ends without an error the bar is completed.

    Parameters
    ----------
    num_iterations : int
        Length of the bar: the number of iterations the model runs.
    desc : str, default "training", keyword-only
        Label written before the bar.

    Yields
    ------
    bar : tqdm.auto.tqdm
        The progress bar.

    Examples
    --------
    >>> with cost_progress(2500, desc="2-layer network"):
    ...     parameters, costs = two_layer_model(train_x, train_y, layers_dims, num_iterations=2500,
    ...                                         print_cost=True)
    """
    if int(num_iterations) != num_iterations or num_iterations < 1:
        raise ValueError(f"num_iterations must be a positive integer, got {num_iterations!r}")
    bar = tqdm(total=int(num_iterations), desc=desc, unit="it")
    lines = _CostLines(bar, sys.stdout)
    try:
        with contextlib.redirect_stdout(lines):
            try:
                yield bar
            finally:
                lines.flush()
        bar.update(bar.total - bar.n)
    finally:
        bar.close()


def report_every(n):
    """A Keras callback that prints the loss and the metrics after every ``n``-th epoch of ``fit``."""
    import keras

    def report(epoch, logs):
        if (epoch + 1) % n == 0:
            print(f"epoch {epoch + 1:3d}: " + ", ".join(f"{name} {value:.3f}" for name, value in sorted(logs.items())))

    return keras.callbacks.LambdaCallback(on_epoch_end=report)
