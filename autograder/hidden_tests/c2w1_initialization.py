"""Hidden tests of *Initialization*.

Besides the examples and the notebook's [2, 10, 5, 1], every initializer meets networks whose sizes all
differ from those (and from each other, so a transposed W has the wrong shape), with wide and narrow
layers (He's scale sqrt(2 / n[l-1]) varies) and more or fewer layers than the notebook's three, and the
edge cases of a single layer and of one-unit layers.
"""
from autograder.hidden import hidden_test

FRESH = [7, 8, 9, 11, 12, 13, 14, 15, 16]


def fresh_layers_dims(rng, layers):
    """``layers`` + 1 different sizes, none of them a size of the examples or of the notebook's network."""
    return [int(n) for n in rng.choice(FRESH, size=layers + 1, replace=False)]


def check_initializer(check, rng, demo):
    check.call(demo, case=f"layers_dims = {demo}")
    check.call([2, 10, 5, 1], case="layers_dims = [2, 10, 5, 1] (the notebook's network)")
    for layers in (1, 2, int(rng.integers(4, 6))):
        layers_dims = fresh_layers_dims(rng, layers)
        check.call(layers_dims, case=f"layers_dims = {layers_dims}")
    layers_dims = [int(rng.choice(FRESH)), 1, 1]
    check.call(layers_dims, case=f"layers_dims = {layers_dims} (one-unit layers)")


@hidden_test("initialize_parameters_zeros", points=1)
def check_initialize_parameters_zeros(check, rng):
    check_initializer(check, rng, [3, 2, 1])


@hidden_test("initialize_parameters_random", points=2)
def check_initialize_parameters_random(check, rng):
    check_initializer(check, rng, [3, 2, 1])


@hidden_test("initialize_parameters_he", points=2)
def check_initialize_parameters_he(check, rng):
    check_initializer(check, rng, [2, 4, 1])
