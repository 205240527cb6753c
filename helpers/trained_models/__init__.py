"""Trained networks shipped with the course: weights files beside the recipes that train them.

A notebook never downloads weights. It builds a network, often from the learner's own
functions, and loads into it weights that a recipe in this package trained offline, seeded,
from the course's own data. ``registry.json`` is the one record of every shipped model: its
recipe, seed and settings, its weights file with SHA-256 and size, the held-out figure it
reached, and the minimum that figure must reach.

A recipe is a module with three functions: ``build_model()`` returns the network, uncompiled;
``train(model, *, seed, **settings)`` trains it; ``evaluate(model)`` returns the held-out figure.

    python -m helpers.trained_models list
    python -m helpers.trained_models verify [NAME ...]
    python -m helpers.trained_models build NAME
"""
import hashlib
import importlib
import itertools
import json
import time
from pathlib import Path

from helpers.keras_graph import graph_ordered_layers

__all__ = [
    "DIRECTORY",
    "build",
    "get_entry",
    "load_model",
    "load_weights",
    "read_registry",
    "verify",
    "weights_file",
]

#: Where the registry and the weights files live.
DIRECTORY = Path(__file__).parent


def read_registry():
    """Every registry entry, as a dict keyed by model name."""
    return json.loads((DIRECTORY / "registry.json").read_text())


def get_entry(name):
    """The registry entry of model ``name`` (a dict); LookupError naming the known models otherwise."""
    registry = read_registry()
    if name not in registry:
        raise LookupError(f"no trained model named {name!r}; the registry has {', '.join(registry)}")
    return registry[name]


def _rebuild(name):
    return f"rebuild it with: python -m helpers.trained_models build {name}"


def weights_file(name):
    """Path of the weights file of ``name``, once its size and SHA-256 match the registry."""
    entry = get_entry(name)
    path = DIRECTORY / entry["file"]
    if not path.is_file():
        raise FileNotFoundError(f"{name}: the weights file {path} is missing; {_rebuild(name)}")
    size, digest = path.stat().st_size, hashlib.sha256(path.read_bytes()).hexdigest()
    if (size, digest) != (entry["size_bytes"], entry["sha256"]):
        raise ValueError(
            f"{name}: the weights file {path} is corrupt or out of date ({size} bytes, sha256 {digest[:16]}…; "
            f"the registry expects {entry['size_bytes']} bytes, sha256 {str(entry['sha256'])[:16]}…); "
            + _rebuild(name)
        )
    return path


def _below_minimum(name, entry, figure):
    return f"{name}: {entry['metric']} is {figure:.4f}, below its minimum {entry['minimum']}"


def _recipe(entry):
    return importlib.import_module(entry["recipe"])


def load_model(name):
    """The recipe's own network with the shipped weights of ``name`` (checked file, Keras loader)."""
    path = weights_file(name)
    model = _recipe(get_entry(name)).build_model()
    model.load_weights(path)
    return model


def _graph_ordered_variables(model):
    """``(layer, variable)`` pairs in :func:`helpers.keras_graph.graph_ordered_layers` order; within a layer, in
    Keras's order. Neither layer names nor the order in which layers were created, nor the order of an
    ``Add``'s inputs, matter."""
    return [(layer, variable) for layer in graph_ordered_layers(model) for variable in layer.weights]


def _describe(pair, *, named=True):
    if pair is None:
        return "nothing"
    layer, variable = pair
    where = f" ('{layer.name}')" if named else ""
    return f"the {variable.name} of shape {tuple(variable.shape)} of a {type(layer).__name__} layer{where}"


def load_weights(model, name):
    """Load the shipped weights of ``name`` into ``model``, a network of the recipe's architecture; return it.

    The model can be built by other code than the recipe, e.g. from the learner's own block
    functions: its variables are matched with the shipped ones in graph order, not by layer
    name. The list of variable shapes must match exactly; otherwise a ValueError names the
    first variable that differs, and nothing is loaded.
    """
    shipped = _graph_ordered_variables(load_model(name))
    yours = _graph_ordered_variables(model)
    for index, (theirs, mine) in enumerate(itertools.zip_longest(shipped, yours)):
        if theirs is None or mine is None or tuple(theirs[1].shape) != tuple(mine[1].shape):
            raise ValueError(
                f"{name}: this model does not have the shipped architecture ({len(yours)} variables, "
                f"{len(shipped)} expected). At variable {index} (in graph order) it has {_describe(mine)} "
                f"where the shipped network has {_describe(theirs, named=False)}."
            )
    for (_, source), (_, target) in zip(shipped, yours):
        target.assign(source)
    return model


def verify(name):
    """Held-out figure of ``name`` loaded from its checked file; ValueError when it falls below its minimum."""
    entry = get_entry(name)
    figure = _recipe(entry).evaluate(load_model(name))
    if figure < entry["minimum"]:
        raise ValueError(f"{_below_minimum(name, entry, figure)}; {_rebuild(name)}")
    return figure


def _deterministic_tensorflow():
    """One thread for TensorFlow's ops and deterministic kernels; only possible before TensorFlow starts."""
    import tensorflow as tf

    try:
        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError as error:
        raise RuntimeError("build in a fresh process: python -m helpers.trained_models build NAME") from error
    tf.config.experimental.enable_op_determinism()


def build(name):
    """Retrain ``name`` from scratch with its recipe, seed and settings; write its weights file and registry entry.

    When the new figure is below the entry's minimum, a ValueError is raised and both the file
    and the registry are left as they were. Returns the updated entry.
    """
    entry = get_entry(name)
    import keras
    import tensorflow as tf

    _deterministic_tensorflow()
    recipe = _recipe(entry)
    start = time.perf_counter()
    keras.utils.set_random_seed(entry["seed"])
    trained = recipe.train(recipe.build_model(), seed=entry["seed"], **entry["settings"])
    bare = recipe.build_model()  # uncompiled, so its file holds the model's variables and no optimizer state
    bare.set_weights(trained.get_weights())
    path = DIRECTORY / entry["file"]
    draft = path.with_name(f"draft-{path.name}")
    try:
        bare.save_weights(draft)
        reloaded = recipe.build_model()
        reloaded.load_weights(draft)
        figure = recipe.evaluate(reloaded)
        if figure < entry["minimum"]:
            raise ValueError(f"{_below_minimum(name, entry, figure)}; the file and the registry are unchanged")
        draft.replace(path)
    finally:
        draft.unlink(missing_ok=True)
    entry.update(
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        size_bytes=path.stat().st_size,
        parameters=bare.count_params(),
        figure=round(figure, 4),
        build_seconds=round(time.perf_counter() - start, 1),
        built_with={"tensorflow": tf.__version__, "keras": keras.__version__},
    )
    registry = read_registry()
    registry[name] = entry
    (DIRECTORY / "registry.json").write_text(json.dumps(registry, indent=2) + "\n")
    return entry
