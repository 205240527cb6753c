"""Hidden tests of *Initialization*."""
from autograder.hidden import hidden_test


def random_layers_dims(rng):
    """A random network: 2 to 5 layers (input included) of 1 to 9 units."""
    return [int(n) for n in rng.integers(1, 10, size=int(rng.integers(2, 6)))]


def check_initializer(check, rng, demo):
    check.call(demo, case=f"layers_dims = {demo}")
    check.call([2, 10, 5, 1], case="layers_dims = [2, 10, 5, 1] (the notebook's network)")
    for _ in range(3):
        layers_dims = random_layers_dims(rng)
        check.call(layers_dims, case=f"layers_dims = {layers_dims}")


@hidden_test("initialize_parameters_zeros", points=1)
def check_initialize_parameters_zeros(check, rng):
    check_initializer(check, rng, [3, 2, 1])


@hidden_test("initialize_parameters_random", points=2)
def check_initialize_parameters_random(check, rng):
    check_initializer(check, rng, [3, 2, 1])


@hidden_test("initialize_parameters_he", points=2)
def check_initialize_parameters_he(check, rng):
    check_initializer(check, rng, [2, 4, 1])
