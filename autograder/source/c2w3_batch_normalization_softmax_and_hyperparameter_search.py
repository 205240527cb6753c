# %% [markdown]
# # Batch normalization, softmax and hyperparameter search
#
# This notebook builds, in numpy, the three other tools of this week's lectures:
#
# - the **softmax** output layer for more than two classes, its cost and its gradient;
# - **batch normalization**, which normalizes the pre-activations of every hidden layer, in
#   training mode and at test time, forward and backward;
# - **hyperparameter search** on a log scale, and why random trials beat a grid.
#
# You will check your backward passes against finite differences, watch a deep network train
# faster and over a wider range of learning rates with batch normalization, and compare grid and
# random search in a widget.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the
# test cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers.batchnorm_network import predict_batchnorm_network, train_batchnorm_network
from helpers.gradient_check import compare_gradients, plot_gradient_differences
from helpers.hyperparameter_search import (
    compare_search_strategies,
    plot_hyperparameter_sweep,
    search_comparison_widget,
)
from helpers.images import load_tinted_digits_dataset
from helpers.plotting import plot_cost_comparison
from helpers.public_tests.c2w3_batch_normalization_softmax_and_hyperparameter_search import (
    batchnorm_backward_test,
    batchnorm_forward_test,
    compute_softmax_cost_test,
    sample_hyperparameters_test,
    sample_log_uniform_test,
    softmax_cross_entropy_backward_test,
    softmax_test,
)

# %% [markdown]
# ## 1. Softmax regression
#
# With $C$ classes, the output layer has $C$ units and turns its pre-activations $z$ into $C$
# probabilities that add up to 1:
#
# $$a_j = \frac{e^{z_j}}{\sum_{k=1}^{C} e^{z_k}}, \qquad j = 1, \dots, C.$$
#
# As everywhere in this course, examples sit in columns: `Z` has shape $(C, m)$ and the softmax
# works on each **column** separately.
#
# One practical detail. $e^{z}$ overflows for $z$ above about 709, and a logit of 1000 is not
# unusual in a badly scaled network. Adding the same number to every $z_j$ of a column does
# not change the softmax — it multiplies the numerator and the denominator by the same factor —
# so subtract the largest $z$ of each column first. Every exponent is then at most 0, and
# nothing overflows.
#
# ### Exercise 1: `softmax`

# %%
# GRADED FUNCTION: softmax
def softmax(Z):
    """
    Compute the softmax of each column of Z.

    Arguments:
    Z -- numpy array of shape (C, m): one column of C scores (logits) per example

    Returns:
    A -- numpy array of shape (C, m): the softmax of each column; every column sums to 1
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    T = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    A = T / np.sum(T, axis=0, keepdims=True)
    ### END CODE HERE ###
    return A


# %%
softmax_test(softmax)

# %%
# HIDDEN TESTS: softmax

# %% [markdown]
# The example of the lectures, $z = (5, 2, -1, 3)^T$, and a column with huge logits:

# %%
print(softmax(np.array([[5.0], [2.0], [-1.0], [3.0]])).round(3).ravel())
print(softmax(np.array([[1000.0], [1001.0]])).round(3).ravel())

# %% [markdown]
# ### Exercise 2: `compute_softmax_cost`
#
# With the one-hot labels $Y$ of shape $(C, m)$, the loss of one example is
# $\mathcal{L}(\hat{y}, y) = -\sum_{j=1}^{C} y_j \log \hat{y}_j$ — minus the log of the
# probability given to the right class — and the cost averages it over the $m$ examples:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \sum_{j=1}^{C} y^{(i)}_j \log a^{[L](i)}_j.$$
#
# Return it as a Python `float`.

# %%
# GRADED FUNCTION: compute_softmax_cost
def compute_softmax_cost(AL, Y):
    """
    Compute the cross-entropy cost of softmax predictions.

    Arguments:
    AL -- probabilities from the softmax, numpy array of shape (C, m)
    Y -- one-hot labels, numpy array of shape (C, m)

    Returns:
    cost -- the cross-entropy cost averaged over the m examples, a Python float
    """
    m = Y.shape[1]

    ### START CODE HERE ### (≈ 1 line of code)
    cost = -np.sum(Y * np.log(AL)) / m
    ### END CODE HERE ###

    return float(cost)


# %%
compute_softmax_cost_test(compute_softmax_cost)

# %%
# HIDDEN TESTS: compute_softmax_cost

# %% [markdown]
# ### Exercise 3: `softmax_cross_entropy_backward`
#
# The softmax and the cross-entropy fit together beautifully: the derivative of the loss of one
# example with respect to its logits is simply
#
# $$dz^{[L]} = \hat{y} - y.$$
#
# Return it for the whole batch, `dZ` of shape $(C, m)$. As in Course 1, a `dZ` is **per
# example**: it holds no $\frac{1}{m}$. The $\frac{1}{m}$ of the cost enters when the gradients of
# the parameters are computed ($dW^{[L]} = \frac{1}{m} dZ^{[L]} A^{[L-1]T}$), so the derivative
# of the cost $J$ with respect to `Z` is `dZ / m`.

# %%
# GRADED FUNCTION: softmax_cross_entropy_backward
def softmax_cross_entropy_backward(AL, Y):
    """
    Gradient of the softmax cross-entropy loss with respect to the logits of the output layer.

    Arguments:
    AL -- probabilities from the softmax, numpy array of shape (C, m)
    Y -- one-hot labels, numpy array of shape (C, m)

    Returns:
    dZ -- numpy array of shape (C, m), the per-example gradient AL - Y
    """
    ### START CODE HERE ### (≈ 1 line of code)
    dZ = AL - Y
    ### END CODE HERE ###
    return dZ


# %%
softmax_cross_entropy_backward_test(softmax_cross_entropy_backward)

# %%
# HIDDEN TESTS: softmax_cross_entropy_backward

# %% [markdown]
# ### Checking the gradient
#
# Is $\hat{y} - y$ really the derivative? Nudge every logit by a tiny $\varepsilon$ in both
# directions and watch the cost: `compare_gradients` estimates each partial derivative of $J$ as
# $\frac{J(z + \varepsilon) - J(z - \varepsilon)}{2 \varepsilon}$ and reports the relative
# difference with your gradient. Your `dZ` divided by $m$ should agree to about seven digits.

# %%
rng = np.random.default_rng(0)
Z_check = rng.normal(size=(4, 5))
Y_check = np.eye(4)[:, rng.integers(0, 4, 5)]
m_check = Z_check.shape[1]

dZ_check = softmax_cross_entropy_backward(softmax(Z_check), Y_check)
softmax_differences = compare_gradients(lambda: compute_softmax_cost(softmax(Z_check), Y_check),
                                        {"Z": Z_check}, {"Z": dZ_check / m_check})

# %% [markdown]
# ## 2. Batch normalization
#
# Normalizing the inputs (week 1) makes gradient descent faster. Batch normalization does the
# same for the pre-activations $Z^{[l]}$ of a hidden layer, on every mini-batch. For each unit
# (each row of `Z`), over the $m$ examples of the mini-batch:
#
# $$\mu = \frac{1}{m} \sum_{i=1}^{m} z^{(i)}, \qquad
# \sigma^2 = \frac{1}{m} \sum_{i=1}^{m} \left(z^{(i)} - \mu\right)^2, \qquad
# z^{(i)}_{\text{norm}} = \frac{z^{(i)} - \mu}{\sqrt{\sigma^2 + \varepsilon}}, \qquad
# \tilde{z}^{(i)} = \gamma \, z^{(i)}_{\text{norm}} + \beta.$$
#
# $z_{\text{norm}}$ has mean 0 and variance 1. The learned parameters $\gamma$ and $\beta$, of
# shape $(n^{[l]}, 1)$, then give each unit the mean and spread that suit it best — with
# $\gamma = \sqrt{\sigma^2 + \varepsilon}$ and $\beta = \mu$ they would even undo the
# normalization. The layer continues with $A^{[l]} = g(\tilde{Z}^{[l]})$. The small
# $\varepsilon$ (here $10^{-5}$) keeps the division safe when a unit barely varies. The bias
# $b^{[l]}$ becomes useless — subtracting the mean cancels it — so a normalized layer has none:
# $\beta$ takes its place.
#
# ### Test time: running averages
#
# At test time there may be a single example, and a prediction must not depend on which other
# examples share its batch. So during training each layer also keeps **exponentially weighted
# averages** of the $\mu$ and $\sigma^2$ of the mini-batches it has seen, with a momentum of
# about 0.9:
#
# $$\mu_{\text{running}} := \text{momentum} \cdot \mu_{\text{running}} + (1 - \text{momentum}) \, \mu, \qquad
# \sigma^2_{\text{running}} := \text{momentum} \cdot \sigma^2_{\text{running}} + (1 - \text{momentum}) \, \sigma^2,$$
#
# and at test time it normalizes with these averages instead of the batch's own statistics.
#
# ### Exercise 4: `batchnorm_forward`
#
# The dictionary `bn_params` carries the layer's settings and running averages:
#
# | key | value |
# |---|---|
# | `"mode"` | `"train"` or `"test"` |
# | `"eps"` | $\varepsilon$, e.g. `1e-5` |
# | `"momentum"` | the weight of the old average, e.g. `0.9` |
# | `"running_mean"`, `"running_var"` | arrays of shape $(n, 1)$ |
#
# - In **train** mode, normalize with the mini-batch's $\mu$ and $\sigma^2$ (use `np.mean` and
#   `np.var` over the examples, `axis=1`, with `keepdims=True`), and update the two running
#   averages in the copy of `bn_params` that the function returns. Keep the cache
#   `(Z, Z_norm, mu, var, gamma, beta, eps)` for the backward pass.
# - In **test** mode, normalize with the running averages, change nothing, and return `None` as
#   the cache.
#
# The function returns a **new** dictionary and leaves the caller's `bn_params` unchanged (the
# first line copies it): frameworks hide this state inside a layer object; here you see it.

# %%
# GRADED FUNCTION: batchnorm_forward
def batchnorm_forward(Z, gamma, beta, bn_params):
    """
    Batch normalization of the pre-activations of one layer, in training or in test mode.

    Arguments:
    Z -- pre-activations, numpy array of shape (n, m): n units, m examples
    gamma -- scale, numpy array of shape (n, 1)
    beta -- shift, numpy array of shape (n, 1)
    bn_params -- python dictionary with keys
                 "mode" -- "train" or "test"
                 "eps" -- small number added to the variance, e.g. 1e-5
                 "momentum" -- weight of the old running averages, e.g. 0.9
                 "running_mean" -- numpy array of shape (n, 1)
                 "running_var" -- numpy array of shape (n, 1)

    Returns:
    Z_tilde -- normalized, scaled and shifted pre-activations, numpy array of shape (n, m)
    cache -- (Z, Z_norm, mu, var, gamma, beta, eps) in train mode, None in test mode
    bn_params -- a new dictionary: in train mode with the updated "running_mean" and "running_var",
                 in test mode with the same values as the input
    """
    mode = bn_params["mode"]
    eps = bn_params["eps"]
    momentum = bn_params["momentum"]
    bn_params = dict(bn_params)  # a copy: the caller's dictionary stays as it is

    if mode == "train":
        ### START CODE HERE ### (≈ 6 lines of code)
        mu = np.mean(Z, axis=1, keepdims=True)
        var = np.var(Z, axis=1, keepdims=True)
        Z_norm = (Z - mu) / np.sqrt(var + eps)
        Z_tilde = gamma * Z_norm + beta
        bn_params["running_mean"] = momentum * bn_params["running_mean"] + (1 - momentum) * mu
        bn_params["running_var"] = momentum * bn_params["running_var"] + (1 - momentum) * var
        ### END CODE HERE ###
        cache = (Z, Z_norm, mu, var, gamma, beta, eps)
    elif mode == "test":
        ### START CODE HERE ### (≈ 2 lines of code)
        Z_norm = (Z - bn_params["running_mean"]) / np.sqrt(bn_params["running_var"] + eps)
        Z_tilde = gamma * Z_norm + beta
        ### END CODE HERE ###
        cache = None
    else:
        raise ValueError(f'bn_params["mode"] must be "train" or "test", got {mode!r}')

    return Z_tilde, cache, bn_params


# %%
batchnorm_forward_test(batchnorm_forward)

# %%
# HIDDEN TESTS: batchnorm_forward

# %% [markdown]
# Watch it work on a unit whose pre-activations are far from normalized — mean 5, standard
# deviation 3 — over 200 mini-batches of 64 examples. Each batch comes out with mean 0 and
# variance 1 (with $\gamma = 1$, $\beta = 0$), and the running averages settle near the true
# mean and variance, 5 and 9. With a momentum of 0.9 they average roughly the last ten batches,
# so they keep wobbling a little around those values.

# %%
rng = np.random.default_rng(1)
gamma, beta = np.ones((1, 1)), np.zeros((1, 1))
bn_params = {"mode": "train", "eps": 1e-5, "momentum": 0.9,
             "running_mean": np.zeros((1, 1)), "running_var": np.ones((1, 1))}
for step in range(200):
    Z_batch = 5 + 3 * rng.normal(size=(1, 64))
    Z_tilde, _, bn_params = batchnorm_forward(Z_batch, gamma, beta, bn_params)
print(f"last batch after batch norm: mean {Z_tilde.mean():.3f}, variance {Z_tilde.var():.3f}")
print(f"running mean {bn_params['running_mean'].item():.2f}, running variance {bn_params['running_var'].item():.2f}")

# %% [markdown]
# ### Exercise 5: `batchnorm_backward`
#
# Going backwards, you receive `dZ_tilde`, the gradient with respect to $\tilde{Z}$ — per
# example, as every `dZ` of this course. The parameters $\beta$ and $\gamma$ act on every example,
# so their gradients average over the batch, like `db` in Course 1:
#
# $$d\beta = \frac{1}{m} \sum_{i=1}^{m} d\tilde{z}^{(i)}, \qquad
# d\gamma = \frac{1}{m} \sum_{i=1}^{m} d\tilde{z}^{(i)} \, z^{(i)}_{\text{norm}}.$$
#
# The gradient with respect to $Z$ is the surprising part. Moving one $z^{(i)}$ changes its own
# $z^{(i)}_{\text{norm}}$ directly, but also $\mu$ and $\sigma^2$, and through them every other
# example of the batch. Working through the chain rule (try it with the computation graph
# $z \to \mu, \sigma^2 \to z_{\text{norm}} \to \tilde{z}$) gives three terms, one per path:
#
# $$dz^{(i)} = \frac{\gamma}{\sqrt{\sigma^2 + \varepsilon}}
# \left( d\tilde{z}^{(i)} - d\beta - z^{(i)}_{\text{norm}} \, d\gamma \right).$$
#
# The direct path gives $d\tilde{z}^{(i)}$; the path through $\mu$ removes the average gradient,
# $d\beta$; the path through $\sigma^2$ removes the part along $z_{\text{norm}}$. Every operation
# works row by row: use `axis=1` and `keepdims=True`.

# %%
# GRADED FUNCTION: batchnorm_backward
def batchnorm_backward(dZ_tilde, cache):
    """
    Backward pass of batch normalization (train mode).

    Arguments:
    dZ_tilde -- gradient with respect to the output Z_tilde, numpy array of shape (n, m), per example
    cache -- (Z, Z_norm, mu, var, gamma, beta, eps) from batchnorm_forward in train mode

    Returns:
    dZ -- gradient with respect to Z, numpy array of shape (n, m), per example
    dgamma -- gradient with respect to gamma, numpy array of shape (n, 1), averaged over the batch
    dbeta -- gradient with respect to beta, numpy array of shape (n, 1), averaged over the batch
    """
    Z, Z_norm, mu, var, gamma, beta, eps = cache

    ### START CODE HERE ### (≈ 3 lines of code)
    dbeta = np.mean(dZ_tilde, axis=1, keepdims=True)
    dgamma = np.mean(dZ_tilde * Z_norm, axis=1, keepdims=True)
    dZ = gamma / np.sqrt(var + eps) * (dZ_tilde - dbeta - Z_norm * dgamma)
    ### END CODE HERE ###

    return dZ, dgamma, dbeta


# %%
batchnorm_backward_test(batchnorm_backward)

# %%
# HIDDEN TESTS: batchnorm_backward

# %% [markdown]
# ### Checking the gradients
#
# Put your functions in a row — batch norm, softmax, cost — and check all three gradients at
# once. The cost is $J(Z, \gamma, \beta)$ = `compute_softmax_cost(softmax(Z_tilde), Y)`, so
# `dZ_tilde` is `softmax_cross_entropy_backward(...)` and your backward pass returns
# $\frac{\partial J}{\partial \gamma}$ and $\frac{\partial J}{\partial \beta}$ as they are, and
# $m \frac{\partial J}{\partial Z}$: divide `dZ` by $m$ before comparing.

# %%
rng = np.random.default_rng(2)
n, m = 3, 6
Z_check = 4 + 2 * rng.normal(size=(n, m))
gamma_check = 1 + 0.5 * rng.normal(size=(n, 1))
beta_check = 0.5 * rng.normal(size=(n, 1))
Y_check = np.eye(n)[:, rng.integers(0, n, m)]
bn_check = {"mode": "train", "eps": 1e-5, "momentum": 0.9,
            "running_mean": np.zeros((n, 1)), "running_var": np.ones((n, 1))}


def cost_after_batchnorm():
    Z_tilde, _, _ = batchnorm_forward(Z_check, gamma_check, beta_check, bn_check)
    return compute_softmax_cost(softmax(Z_tilde), Y_check)


Z_tilde, cache, _ = batchnorm_forward(Z_check, gamma_check, beta_check, bn_check)
dZ_tilde = softmax_cross_entropy_backward(softmax(Z_tilde), Y_check)
dZ, dgamma, dbeta = batchnorm_backward(dZ_tilde, cache)
batchnorm_differences = compare_gradients(
    cost_after_batchnorm,
    {"Z": Z_check, "gamma": gamma_check, "beta": beta_check},
    {"Z": dZ / m, "gamma": dgamma, "beta": dbeta})

# %%
plot_gradient_differences({"softmax: dZ": softmax_differences["Z"],
                           **{f"BN: d{key}": value for key, value in batchnorm_differences.items()}});

# %% [markdown]
# ## 3. A deep network, with and without batch normalization
#
# Time to see what batch normalization buys. The data are this week's handwritten digits 0–5 as
# colour pictures, shrunk to 16 × 16 pixels to keep training fast: 768 inputs, six classes. The
# inputs are centred (each pixel minus its mean over the training set), the input normalization
# of week 1.
#
# The network has six hidden layers of 64 ReLU units and a softmax output. The helper
# `train_batchnorm_network` builds it around **your** functions: pass it `batchnorm_forward`
# and `batchnorm_backward` and every hidden layer becomes
# LINEAR (no bias) → BATCHNORM → RELU; leave them out and you get the plain network. Both
# versions start from the same weights, see the same mini-batches of 64 and take plain
# gradient-descent steps with the same learning rate.

# %%
train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_tinted_digits_dataset(num_px=16)
X_train = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T / 255.0
X_test = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T / 255.0
X_mean = np.mean(X_train, axis=1, keepdims=True)
X_train, X_test = X_train - X_mean, X_test - X_mean
Y_train, Y_test = np.eye(6)[:, train_set_y[0]], np.eye(6)[:, test_set_y[0]]
layer_dims = [X_train.shape[0], 64, 64, 64, 64, 64, 64, 6]
print(f"X_train {X_train.shape}, Y_train {Y_train.shape}, layers {layer_dims}")

your_functions = {"softmax": softmax, "compute_cost": compute_softmax_cost,
                  "softmax_backward": softmax_cross_entropy_backward}
your_batchnorm = {"batchnorm_forward": batchnorm_forward, "batchnorm_backward": batchnorm_backward}


def train(batchnorm, learning_rate, weight_scale):
    """Train the plain or the batch-norm network for 15 epochs; return its history."""
    return train_batchnorm_network(X_train, Y_train, layer_dims, **your_functions,
                                   **(your_batchnorm if batchnorm else {}), learning_rate=learning_rate,
                                   num_epochs=15, mini_batch_size=64, weight_scale=weight_scale,
                                   random_state=1, X_test=X_test, Y_test=Y_test)


# %% [markdown]
# ### Faster
#
# First with weights of variance $1 / n^{[l-1]}$, the scaling of Course 1's deep network, and a
# learning rate of 0.1. Each ReLU layer halves the variance of the signal, so after six layers it
# has shrunk a lot and the plain network learns slowly. Batch normalization restores the scale at
# every layer.

# %%
runs = {"plain": train(False, 0.1, 1.0), "batch norm": train(True, 0.1, 1.0)}
for name, run in runs.items():
    print(f"{name:10s}: cost {run['epoch_costs'][0]:.3f} -> {run['epoch_costs'][-1]:.3f}, "
          f"train accuracy {run['train_accuracy'][-1]:.1f} %, test accuracy {run['test_accuracy'][-1]:.1f} %")

# %%
ax = plot_cost_comparison({name: run["epoch_costs"] for name, run in runs.items()}, every=1)
ax.set_xlabel("epoch")
ax.set_ylabel("mean cost of the epoch's mini-batches")
ax.set_title("Six hidden layers, learning rate 0.1, weights of variance 1/n");

# %% [markdown]
# The accuracies are measured in **test mode**, with the running averages: the prediction for
# an example does not depend on the other examples it is given with. One test picture alone gets
# the same answer as inside the whole test set:

# %%
bn_run = runs["batch norm"]
alone = predict_batchnorm_network(X_test[:, :1], bn_run["parameters"], bn_run["bn_params"],
                                  softmax=softmax, batchnorm_forward=batchnorm_forward)
together = predict_batchnorm_network(X_test, bn_run["parameters"], bn_run["bn_params"],
                                     softmax=softmax, batchnorm_forward=batchnorm_forward)
print(f"first test picture: alone -> {alone[0]}, with the others -> {together[0]} (true label {test_set_y[0, 0]})")

# %% [markdown]
# ### More stable
#
# He initialization (variance $2 / n^{[l-1]}$, week 1) fixes the shrinking signal, and the plain
# network then learns too — but only in a narrow band of learning rates. Train both networks
# with five learning rates, from 0.01 to 1, and compare their cost in the last epoch.

# %%
learning_rates = [0.01, 0.03, 0.1, 0.3, 1.0]
final_costs = {"plain": [], "batch norm": []}
for learning_rate in learning_rates:
    for name in final_costs:
        final_costs[name].append(train(name == "batch norm", learning_rate, 2.0)["epoch_costs"][-1])
    print(f"learning rate {learning_rate:<5g}: plain {final_costs['plain'][-1]:.3f}, "
          f"batch norm {final_costs['batch norm'][-1]:.3f}")

# %%
plot_hyperparameter_sweep(learning_rates, final_costs, xlabel=r"learning rate $\alpha$",
                          ylabel="cost in the last epoch", title="Six hidden layers, He initialization, 15 epochs");

# %% [markdown]
# With batch normalization, every layer sees inputs of the same scale whatever the layers
# before it are doing, so a large step in the early layers no longer throws the later ones off
# and a small step still moves well-scaled units. A wider range of learning rates works, which
# makes the next section's search easier.
#
# ## 4. Searching for hyperparameters
#
# ### Sampling on the right scale
#
# Suppose the learning rate should lie between $10^{-4}$ and 1. Drawing it uniformly from that
# interval puts 90 % of the trials between 0.1 and 1 and almost none near $10^{-3}$. What
# matters is the **order of magnitude**, so draw the exponent uniformly instead:
#
# $$r \sim \mathcal{U}(\log_{10} \text{low}, \log_{10} \text{high}), \qquad \alpha = 10^{r}.$$
#
# Each decade — $[10^{-4}, 10^{-3}]$, $[10^{-3}, 10^{-2}]$, … — then gets the same share of trials.
#
# ### Exercise 6: `sample_log_uniform`
#
# Draw `size` values this way, with `np.random.uniform(a, b, size)` (or `a + (b - a) *
# np.random.rand(size)`, the same numbers). Use NumPy's global random generator and do not seed it
# inside the function: the tests seed it before calling yours.

# %%
# GRADED FUNCTION: sample_log_uniform
def sample_log_uniform(low, high, size):
    """
    Draw random values between low and high, uniformly on a logarithmic scale.

    Arguments:
    low -- smallest value, a positive float
    high -- largest value, a float larger than low
    size -- number of values to draw, an int

    Returns:
    values -- numpy array of shape (size,), each equal to 10**r with r uniform in [log10(low), log10(high)]
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    r = np.random.uniform(np.log10(low), np.log10(high), size)
    values = 10 ** r
    ### END CODE HERE ###
    return values


# %%
sample_log_uniform_test(sample_log_uniform)

# %%
# HIDDEN TESTS: sample_log_uniform

# %% [markdown]
# Compare the two ways of sampling learning rates in $[10^{-4}, 1]$: how often does each land
# in the decade just below the top, and in the lowest one?

# %%
np.random.seed(0)
uniform = np.random.uniform(1e-4, 1, 10000)
log_uniform = sample_log_uniform(1e-4, 1, 10000)
for name, values in (("uniform", uniform), ("log-uniform", log_uniform)):
    print(f"{name:11s}: {np.mean(values >= 0.1):5.1%} in [0.1, 1], {np.mean(values < 1e-3):5.1%} in [1e-4, 1e-3]")

# %% [markdown]
# ### Exercise 7: `sample_hyperparameters`
#
# Draw `num_samples` settings of three hyperparameters, **in this order**:
#
# 1. the learning rate $\alpha$, log-uniform in $[10^{-4}, 1]$;
# 2. the momentum $\beta$, in $[0.9, 0.999]$. Here what matters is $1 - \beta$, the reciprocal of
#    the number of gradients averaged (about 10 for $\beta = 0.9$, about 1000 for
#    $\beta = 0.999$). So draw $1 - \beta$ log-uniformly in $[10^{-3}, 10^{-1}]$ and subtract it
#    from 1;
# 3. the number of hidden units, where the plain scale is fine: an integer uniformly between 50
#    and 100 included, `np.random.randint(50, 101, num_samples)`.
#
# Use your `sample_log_uniform` for the first two.

# %%
# GRADED FUNCTION: sample_hyperparameters
def sample_hyperparameters(num_samples):
    """
    Draw random settings of the learning rate, the momentum and the number of hidden units.

    Arguments:
    num_samples -- number of settings to draw, an int

    Returns:
    hyperparameters -- python dictionary with three numpy arrays of shape (num_samples,):
                       "learning_rate" -- log-uniform in [1e-4, 1]
                       "beta" -- 1 - (log-uniform in [1e-3, 1e-1]), so in [0.9, 0.999]
                       "hidden_units" -- integers from 50 to 100
    """
    ### START CODE HERE ### (≈ 3 lines of code)
    learning_rate = sample_log_uniform(1e-4, 1.0, num_samples)
    beta = 1 - sample_log_uniform(1e-3, 1e-1, num_samples)
    hidden_units = np.random.randint(50, 101, num_samples)
    ### END CODE HERE ###

    hyperparameters = {"learning_rate": learning_rate, "beta": beta, "hidden_units": hidden_units}
    return hyperparameters


# %%
sample_hyperparameters_test(sample_hyperparameters)

# %%
# HIDDEN TESTS: sample_hyperparameters

# %%
np.random.seed(1)
trials = sample_hyperparameters(5)
for alpha, beta, units in zip(trials["learning_rate"], trials["beta"], trials["hidden_units"]):
    print(f"learning rate {alpha:.5f}   beta {beta:.4f}   hidden units {units}")

# %% [markdown]
# ### Random search against a grid
#
# With a budget of 25 trials, a $5 \times 5$ grid tries only **5** values of each
# hyperparameter. If one of them hardly matters — Adam's $\varepsilon$, say — 20 of the 25
# trainings teach you nothing new about the one that does. 25 random points try 25 different
# learning rates.
#
# Training 25 networks per search would be slow, so the comparison below uses a made-up
# validation accuracy with that shape: a peak near $\alpha = 0.004$, almost flat along
# $\varepsilon$. Each random search draws its points with your `sample_log_uniform`; 1000 random
# searches of 25 trials are compared with the grid of 25.

# %%
comparison = compare_search_strategies(25, sample_log_uniform=sample_log_uniform, repetitions=1000)
print(f"grid search:   best accuracy {comparison['grid_best']:.3f} "
      f"({comparison['grid_distinct_learning_rates']} distinct learning rates)")
print(f"random search: best accuracy {np.mean(comparison['random_best']):.3f} on average "
      f"({comparison['random_distinct_learning_rates']} distinct learning rates)")
print(f"random search beats the grid in {comparison['random_wins']:.1%} of the searches")

# %% [markdown]
# ### Explore: grid or random?
#
# The left panel shows the made-up accuracy over both hyperparameters (on log scales), the
# grid's trials as squares, the random ones as circles, and the best trial of each as a star. The
# right panel looks along the learning rate only: each tick is a value that was tried. Change
# the budget and the seed of the random search. When does the grid get lucky?

# %%
search_comparison_widget(sample_log_uniform)

# %% [markdown]
# In practice, search **coarse to fine**: sample at random over wide ranges, then zoom in on the
# region of the best trials and sample more densely there.
#
# ## What you built
# - A numerically stable softmax, its cross-entropy cost and the gradient $\hat{y} - y$.
# - Batch normalization forward — with running averages for test time — and backward, checked
#   against finite differences.
# - Evidence that batch normalization speeds up a deep network and widens the range of learning
#   rates that work.
# - Log-scale sampling of hyperparameters, and why random trials explore better than a grid.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | softmax regression | Softmax 回归 |
# | softmax classifier | Softmax 分类器 |
# | cross-entropy loss | 交叉熵损失函数 |
# | batch normalization | Batch 归一化 |
# | mean / variance | 均值 / 方差 |
# | exponentially weighted average | 指数加权平均数 |
# | hyperparameter | 超参数 |
# | log scale | 对数标尺 |
# | grid search / random sampling | 网格搜索 / 随机取值 |
