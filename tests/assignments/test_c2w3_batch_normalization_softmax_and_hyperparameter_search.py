"""Batch normalization, softmax and hyperparameter search: hidden tests catch plausible bugs, accept
other correct answers, and the notebook still teaches its lessons."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c2w3_batch_normalization_softmax_and_hyperparameter_search"

SOFTMAX = "def softmax(Z):\n    T = {T}\n    return {A}\n"
COST = "def compute_softmax_cost(AL, Y):\n    m = Y.shape[1]\n    return float({cost})\n"
BACKWARD_SOFTMAX = "def softmax_cross_entropy_backward(AL, Y):\n    return {dZ}\n"

FORWARD = '''
def batchnorm_forward(Z, gamma, beta, bn_params):
    mode, eps, momentum = bn_params["mode"], bn_params["eps"], bn_params["momentum"]
    {copy}
    if mode == "train":
        mu = {mu}
        var = {var}
        Z_norm = (Z - mu) / {std}
        Z_tilde = gamma * Z_norm + beta
        bn_params["running_mean"] = {running_mean}
        bn_params["running_var"] = {running_var}
        cache = {cache}
    else:
        Z_norm = (Z - {test_mean}) / np.sqrt({test_var} + eps)
        Z_tilde = gamma * Z_norm + beta
        cache = None
    return Z_tilde, cache, bn_params
'''
GOOD_FORWARD = {
    "copy": "bn_params = dict(bn_params)",
    "mu": "np.mean(Z, axis=1, keepdims=True)",
    "var": "np.var(Z, axis=1, keepdims=True)",
    "std": "np.sqrt(var + eps)",
    "running_mean": 'momentum * bn_params["running_mean"] + (1 - momentum) * mu',
    "running_var": 'momentum * bn_params["running_var"] + (1 - momentum) * var',
    "cache": "(Z, Z_norm, mu, var, gamma, beta, eps)",
    "test_mean": 'bn_params["running_mean"]',
    "test_var": 'bn_params["running_var"]',
}


def forward(**changes):
    return FORWARD.format(**{**GOOD_FORWARD, **changes})


BACKWARD = '''
def batchnorm_backward(dZ_tilde, cache):
    Z, Z_norm, mu, var, gamma, beta, eps = cache
    dbeta = {dbeta}
    dgamma = {dgamma}
    dZ = {dZ}
    return dZ, dgamma, dbeta
'''
GOOD_BACKWARD = {
    "dbeta": "np.mean(dZ_tilde, axis=1, keepdims=True)",
    "dgamma": "np.mean(dZ_tilde * Z_norm, axis=1, keepdims=True)",
    "dZ": "gamma / np.sqrt(var + eps) * (dZ_tilde - dbeta - Z_norm * dgamma)",
}


def backward(**changes):
    return BACKWARD.format(**{**GOOD_BACKWARD, **changes})


STAGED_BACKWARD = '''
def batchnorm_backward(dZ_tilde, cache):
    Z, Z_norm, mu, var, gamma, beta, eps = cache
    m = Z.shape[1]
    dbeta = dZ_tilde.sum(axis=1, keepdims=True) / m
    dgamma = (dZ_tilde * Z_norm).sum(axis=1, keepdims=True) / m
    dZ_norm = dZ_tilde * gamma
    std = np.sqrt(var + eps)
    dvar = np.sum(dZ_norm * (Z - mu), axis=1, keepdims=True) * -0.5 * std ** -3
    dmu = np.sum(-dZ_norm / std, axis=1, keepdims=True) + dvar * np.mean(-2 * (Z - mu), axis=1, keepdims=True)
    dZ = dZ_norm / std + dvar * 2 * (Z - mu) / m + dmu / m
    return dZ, dgamma, dbeta
'''

LOG_UNIFORM = "def sample_log_uniform(low, high, size):\n    return {values}\n"

HYPERPARAMETERS = '''
def sample_hyperparameters(num_samples):
    {first} = {first_value}
    {second} = {second_value}
    hidden_units = {units}
    return {{"learning_rate": learning_rate, "beta": beta, "hidden_units": hidden_units}}
'''
GOOD_HYPERPARAMETERS = {
    "first": "learning_rate", "first_value": "sample_log_uniform(1e-4, 1.0, num_samples)",
    "second": "beta", "second_value": "1 - sample_log_uniform(1e-3, 1e-1, num_samples)",
    "units": "np.random.randint(50, 101, num_samples)",
}


def hyperparameters(**changes):
    return HYPERPARAMETERS.format(**{**GOOD_HYPERPARAMETERS, **changes})


MUTANTS = {
    "softmax": [
        SOFTMAX.format(T="np.exp(Z - np.max(Z, axis=1, keepdims=True))", A="T / np.sum(T, axis=1, keepdims=True)"),
        SOFTMAX.format(T="np.exp(Z)", A="T / np.sum(T, axis=0, keepdims=True)"),  # overflows
        SOFTMAX.format(T="np.exp(Z - np.max(Z, axis=0, keepdims=True))", A="T / np.sum(T)"),
        SOFTMAX.format(T="np.exp(Z - np.max(Z, axis=1, keepdims=True))", A="T / np.sum(T, axis=0, keepdims=True)"),
        SOFTMAX.format(T="np.exp(Z - np.max(Z))", A="T / T.sum(axis=0)"),  # one max: far columns underflow
    ],
    "compute_softmax_cost": [
        COST.format(cost="-np.sum(Y * np.log(AL))"),  # forgot 1/m
        COST.format(cost="-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m"),  # binary cross-entropy
        COST.format(cost="-np.mean(Y * np.log(AL))"),  # divides by C * m
        COST.format(cost="np.sum(Y * np.log(AL)) / m"),  # wrong sign
        "def compute_softmax_cost(AL, Y):\n    return 1.6094379124341003\n",  # the demo's answer, hard-coded
        # an array of shape (1,), not a number
        "def compute_softmax_cost(AL, Y):\n    return -np.sum(Y * np.log(AL), axis=0, keepdims=True).mean(axis=1)\n",
    ],
    "softmax_cross_entropy_backward": [
        BACKWARD_SOFTMAX.format(dZ="(AL - Y) / Y.shape[1]"),
        BACKWARD_SOFTMAX.format(dZ="Y - AL"),
        BACKWARD_SOFTMAX.format(dZ="AL * (1 - AL) * (AL - Y)"),
    ],
    "batchnorm_forward": [
        forward(var="np.var(Z, axis=1, ddof=1, keepdims=True)"),  # unbiased variance
        forward(mu="np.mean(Z, axis=0, keepdims=True)", var="np.var(Z, axis=0, keepdims=True)"),  # wrong axis
        forward(std="np.sqrt(var)"),  # forgot eps
        forward(running_mean='(1 - momentum) * bn_params["running_mean"] + momentum * mu',
                running_var='(1 - momentum) * bn_params["running_var"] + momentum * var'),  # momentum swapped
        forward(running_mean='bn_params["running_mean"]', running_var='bn_params["running_var"]'),  # no update
        forward(test_mean="np.mean(Z, axis=1, keepdims=True)", test_var="np.var(Z, axis=1, keepdims=True)"),
        forward(copy="pass"),  # updates the caller's dictionary in place
        forward(cache="(Z, mu, var, Z_norm, gamma, beta, eps)"),  # wrong cache layout
        forward(running_var='momentum * bn_params["running_var"] + (1 - momentum) * np.sqrt(var)'),
        forward(std="np.sqrt(var) + eps"),  # eps outside the square root: wrong for variances near eps
        forward(var="np.sum((Z - mu) ** 2, axis=1, keepdims=True) / 4"),  # the example's m
    ],
    "batchnorm_backward": [
        backward(dZ="gamma / np.sqrt(var + eps) * dZ_tilde"),  # ignores the paths through mu and var
        backward(dbeta="np.sum(dZ_tilde, axis=1, keepdims=True)",
                 dgamma="np.sum(dZ_tilde * Z_norm, axis=1, keepdims=True)",
                 dZ="gamma / np.sqrt(var + eps) * (dZ_tilde - dbeta / Z.shape[1] - Z_norm * dgamma / Z.shape[1])"),
        backward(dbeta="np.mean(dZ_tilde, axis=0, keepdims=True)",
                 dgamma="np.mean(dZ_tilde * Z_norm, axis=0, keepdims=True)"),  # wrong axis
        backward(dZ="gamma / np.sqrt(var) * (dZ_tilde - dbeta - Z_norm * dgamma)"),  # forgot eps
        backward(dZ="gamma / np.sqrt(var + eps) * (dZ_tilde - dbeta + Z_norm * dgamma)"),  # sign
        backward(dZ="gamma / (np.sqrt(var) + eps) * (dZ_tilde - dbeta - Z_norm * dgamma)"),  # eps outside the root
        STAGED_BACKWARD.replace("m = Z.shape[1]", "m = 4"),  # the example's m
    ],
    "sample_log_uniform": [
        LOG_UNIFORM.format(values="np.random.uniform(low, high, size)"),  # not on a log scale
        LOG_UNIFORM.format(values="10 ** np.random.uniform(low, high, size)"),
        LOG_UNIFORM.format(values="np.exp(np.random.uniform(np.log10(low), np.log10(high), size))"),  # mixed bases
        "def sample_log_uniform(low, high, size):\n    np.random.seed(0)\n"
        "    return 10 ** np.random.uniform(np.log10(low), np.log10(high), size)",  # reseeds
        LOG_UNIFORM.format(values="10 ** np.random.default_rng().uniform(np.log10(low), np.log10(high), size)"),
    ],
    "sample_hyperparameters": [
        hyperparameters(first="beta", first_value=GOOD_HYPERPARAMETERS["second_value"],
                        second="learning_rate", second_value=GOOD_HYPERPARAMETERS["first_value"]),  # order
        hyperparameters(second_value="sample_log_uniform(0.9, 0.999, num_samples)"),
        hyperparameters(units="np.random.randint(50, 100, num_samples)"),
        hyperparameters(first_value="np.random.uniform(1e-4, 1.0, num_samples)"),
        hyperparameters(second_value="sample_log_uniform(1e-3, 1e-1, num_samples)"),  # forgot 1 -
    ],
}

VARIANTS = {
    "softmax": [
        "def softmax(Z):\n    A = np.zeros_like(Z)\n    for i in range(Z.shape[1]):\n"
        "        t = np.exp(Z[:, i] - Z[:, i].max())\n        A[:, i] = t / t.sum()\n    return A\n",
        "def softmax(Z):\n    from scipy.special import softmax as scipy_softmax\n    return scipy_softmax(Z, axis=0)\n",
    ],
    "compute_softmax_cost": [
        COST.format(cost="-np.mean(np.sum(Y * np.log(AL), axis=0))"),
        COST.format(cost="-np.sum(np.log(AL[np.argmax(Y, axis=0), np.arange(m)])) / m"),
        "def compute_softmax_cost(AL, Y):\n    return np.squeeze(-np.sum(np.multiply(Y, np.log(AL))) / Y.shape[1])\n",
    ],
    "softmax_cross_entropy_backward": [
        BACKWARD_SOFTMAX.format(dZ="np.subtract(AL, Y)"),
        BACKWARD_SOFTMAX.format(dZ="-(Y - AL)"),
    ],
    "batchnorm_forward": [
        forward(),
        forward(copy="bn_params = {**bn_params}", mu="Z.sum(axis=1, keepdims=True) / Z.shape[1]",
                var="((Z - mu) ** 2).sum(axis=1, keepdims=True) / Z.shape[1]",
                std="(var + eps) ** 0.5"),
        # the one-pass variance E[Z ** 2] - mu ** 2: less stable, still exact enough at the tested scales
        forward(var="np.mean(Z ** 2, axis=1, keepdims=True) - mu ** 2"),
        forward(copy="import copy; bn_params = copy.deepcopy(bn_params)",
                var="np.mean((Z - mu) ** 2, axis=1, keepdims=True)",
                running_mean='bn_params["running_mean"] + (1 - momentum) * (mu - bn_params["running_mean"])'),
    ],
    "batchnorm_backward": [
        backward(),
        STAGED_BACKWARD,
        '''
def batchnorm_backward(dZ_tilde, cache):
    Z, Z_norm, mu, var, gamma, beta, eps = cache
    n, m = Z.shape
    dZ, dgamma, dbeta = np.zeros_like(Z), np.zeros((n, 1)), np.zeros((n, 1))
    for j in range(n):
        dbeta[j, 0] = dZ_tilde[j].mean()
        dgamma[j, 0] = (dZ_tilde[j] * Z_norm[j]).mean()
        dZ[j] = gamma[j, 0] / np.sqrt(var[j, 0] + eps) * (dZ_tilde[j] - dbeta[j, 0] - Z_norm[j] * dgamma[j, 0])
    return dZ, dgamma, dbeta
''',
    ],
    "sample_log_uniform": [
        LOG_UNIFORM.format(values="np.exp(np.random.uniform(np.log(low), np.log(high), size))"),
        LOG_UNIFORM.format(values="low * (high / low) ** np.random.rand(size)"),
        "def sample_log_uniform(low, high, size):\n    a, b = np.log10(low), np.log10(high)\n"
        "    return np.power(10.0, a + (b - a) * np.random.rand(size))\n",
    ],
    "sample_hyperparameters": [
        hyperparameters(),
        hyperparameters(first_value="10 ** np.random.uniform(-4, 0, num_samples)",
                        second_value="1 - 10 ** np.random.uniform(-3, -1, size=num_samples)",
                        units="np.random.randint(low=50, high=101, size=num_samples)"),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do wrong axes, a forgotten or misplaced eps or 1/m, swapped momentum, in-place updates, wrong cache
    layouts, the example's m, arrays for numbers, linear sampling and wrong draw orders fail, and loops,
    staged backward passes and other forms pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.fixture(scope="module")
def text():
    _, graded = graded_reference(ASSIGNMENT)
    return printed_text(graded)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_softmax_and_gradient_checks(text):
    """Does the notebook reproduce the lectures' softmax example and do all four gradient checks agree to 1e-7?"""
    assert "[0.842 0.042 0.002 0.114]" in text
    differences = [float(d) for d in re.findall(r"relative difference ([\d.e+-]+)", text)]
    assert len(differences) == 4 and max(differences) < 1e-7, differences


@pytest.mark.xdist_group(ASSIGNMENT)
def test_batchnorm_normalizes_and_tracks_the_statistics(text):
    """Does each batch come out with mean 0 and variance 1 while the running averages approach 5 and 9?"""
    assert "mean -0.000, variance 1.000" in text or "mean 0.000, variance 1.000" in text
    running = re.search(r"running mean ([\d.]+), running variance ([\d.]+)", text)
    assert 4.5 < float(running[1]) < 5.5 and 7 < float(running[2]) < 11, running[0]
    found = re.search(r"alone -> (\d), with the others -> (\d)", text)
    assert found[1] == found[2]


@pytest.mark.xdist_group(ASSIGNMENT)
def test_batchnorm_trains_faster(text):
    """With weights of variance 1/n and learning rate 0.1, does the batch-norm network reach a far lower cost
    and a clearly better test accuracy than the plain one after 15 epochs?"""
    runs = {name: (float(first), float(last), float(train), float(test)) for name, first, last, train, test in
            re.findall(r"(plain|batch norm)\s*: cost ([\d.]+) -> ([\d.]+), train accuracy ([\d.]+) %, "
                       r"test accuracy ([\d.]+) %", text)}
    plain, batchnorm = runs["plain"], runs["batch norm"]
    assert abs(plain[0] - batchnorm[0]) < 0.1  # both start from chance, log 6 = 1.79
    assert batchnorm[1] < 0.45 and plain[1] > 0.9, runs
    assert batchnorm[1] < 0.4 * plain[1]
    assert batchnorm[3] > plain[3] + 12 and batchnorm[2] > 85, runs


@pytest.mark.xdist_group(ASSIGNMENT)
def test_batchnorm_works_over_a_wider_range_of_learning_rates(text):
    """Over learning rates from 0.01 to 1 (He initialization), is batch norm never clearly worse, much better at
    both ends, and good (cost < 0.7) at two more learning rates than the plain network?"""
    rows = [(float(lr), float(plain), float(bn)) for lr, plain, bn in
            re.findall(r"learning rate ([\d.]+)\s*: plain ([\d.naif]+), batch norm ([\d.naif]+)", text)]
    assert [lr for lr, _, _ in rows] == [0.01, 0.03, 0.1, 0.3, 1.0]
    assert all(bn <= plain + 0.05 for _, plain, bn in rows), rows
    assert rows[0][2] < rows[0][1] - 0.3 and rows[-1][2] < rows[-1][1] - 0.3, rows
    good_plain = sum(plain < 0.7 for _, plain, _ in rows)
    good_bn = sum(bn < 0.7 for _, _, bn in rows)
    assert good_bn >= good_plain + 2 and good_bn >= 4, rows


@pytest.mark.xdist_group(ASSIGNMENT)
def test_log_scale_sampling_and_random_search_beat_the_alternatives(text):
    """Does uniform sampling put ~90 % of learning rates in [0.1, 1] against ~25 % on the log scale, and does
    random search beat a 5 x 5 grid in almost every search?"""
    shares = dict(re.findall(r"(uniform|log-uniform)\s*:\s*([\d.]+)% in \[0.1, 1\]", text))
    assert 88 < float(shares["uniform"]) < 92 and 23 < float(shares["log-uniform"]) < 27, shares
    grid = float(re.search(r"grid search:\s+best accuracy ([\d.]+) \(5 distinct", text)[1])
    random = float(re.search(r"random search: best accuracy ([\d.]+) on average \(25 distinct", text)[1])
    wins = float(re.search(r"beats the grid in ([\d.]+)%", text)[1])
    assert 0.70 < grid < 0.80 and 0.90 < random < 0.95 and wins > 95
