# %% [markdown]
# # Initialization
#
# Before a network learns anything, you choose its starting weights. That choice looks
# harmless, yet it can decide whether gradient descent makes progress at all, how fast the cost
# falls, and how good the final model is.
#
# In this notebook you train the same three-layer network three times, changing only how its
# weights start:
# - all zeros,
# - large random numbers,
# - random numbers scaled for ReLU layers ("He initialization").
#
# You will see the first one learn nothing, the second one start out badly and recover slowly,
# and the third one train well. Write your code between `### START CODE HERE ###` and
# `### END CODE HERE ###` and run the test cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt
from tqdm.auto import trange

from helpers.planar import load_circles_dataset, plot_2d_dataset, plot_model_comparison
from helpers.three_layer_net import (
    accuracy,
    backward_propagation,
    compute_cost,
    forward_propagation,
    predict_dec,
    update_parameters,
)
from helpers.public_tests.c2w1_initialization import (
    initialize_parameters_he_test,
    initialize_parameters_random_test,
    initialize_parameters_zeros_test,
)

# %% [markdown]
# ## 1. The data
#
# Two noisy concentric circles: 300 training points and 100 test points, each a column of
# `train_X` (shape `(2, 300)`). The label is 1 (blue) for the inner circle and 0 (red) for the
# outer one. No straight line separates them, so the network has to learn a closed, round
# boundary.

# %%
train_X, train_Y, test_X, test_Y = load_circles_dataset()
print(f"train_X: {train_X.shape}, train_Y: {train_Y.shape}, test_X: {test_X.shape}, test_Y: {test_Y.shape}")
plot_2d_dataset(train_X, train_Y, title="Training set: two circles");

# %% [markdown]
# ## 2. The model
#
# The network has three layers, `layers_dims = [2, 10, 5, 1]`:
# LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID. Its forward and backward passes, its cost
# and its update rule come ready-made from `helpers.three_layer_net`; only the initialization
# changes. `model` picks one of the three initializers you are about to write by name, runs
# gradient descent for `num_iterations` steps, and records the cost every 1000 iterations.
#
# Read it now; you will run it after each exercise.

# %%
def model(X, Y, learning_rate=0.01, num_iterations=15000, print_cost=True, initialization="he"):
    """
    Train the three-layer network LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Arguments:
    X -- input data, of shape (2, number of examples)
    Y -- true labels (0 or 1), of shape (1, number of examples)
    learning_rate -- learning rate of gradient descent
    num_iterations -- number of gradient-descent steps
    print_cost -- if True, print the cost every 1000 iterations and show a progress bar
    initialization -- which initializer to use: "zeros", "random" or "he"

    Returns:
    parameters -- the learned parameters W1, b1, W2, b2, W3, b3
    costs -- the cost recorded every 1000 iterations
    """
    layers_dims = [X.shape[0], 10, 5, 1]
    if initialization == "zeros":
        parameters = initialize_parameters_zeros(layers_dims)
    elif initialization == "random":
        parameters = initialize_parameters_random(layers_dims)
    elif initialization == "he":
        parameters = initialize_parameters_he(layers_dims)
    costs = []

    for i in trange(num_iterations, desc=f"{initialization} initialization", disable=not print_cost):
        A3, cache = forward_propagation(X, parameters)
        cost = compute_cost(A3, Y)
        grads = backward_propagation(X, Y, cache)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 1000 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs


# %% [markdown]
# ## 3. Zero initialization
#
# A network has two kinds of parameters:
# - the weight matrices $W^{[1]}, W^{[2]}, \dots, W^{[L]}$,
# - the bias vectors $b^{[1]}, b^{[2]}, \dots, b^{[L]}$.
#
# ### Exercise 1: `initialize_parameters_zeros`
#
# Set every parameter to zero. `layers_dims[l]` is the number of units in layer $l$, so
# $W^{[l]}$ has shape `(layers_dims[l], layers_dims[l-1])` and $b^{[l]}$ has shape
# `(layers_dims[l], 1)`. Use `np.zeros(shape)`.

# %%
# GRADED FUNCTION: initialize_parameters_zeros
def initialize_parameters_zeros(layers_dims):
    """
    Set every weight and every bias of the network to zero.

    Arguments:
    layers_dims -- python list with the size of each layer, the input layer first

    Returns:
    parameters -- python dictionary with the parameters "W1", "b1", ..., "WL", "bL":
                  W1 -- weight matrix of shape (layers_dims[1], layers_dims[0])
                  b1 -- bias vector of shape (layers_dims[1], 1)
                  ...
                  WL -- weight matrix of shape (layers_dims[L], layers_dims[L-1])
                  bL -- bias vector of shape (layers_dims[L], 1)
    """
    parameters = {}
    L = len(layers_dims)  # the number of layers, the input layer included

    for l in range(1, L):
        ### START CODE HERE ### (≈ 2 lines of code)
        parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END CODE HERE ###
    return parameters


# %%
initialize_parameters_zeros_test(initialize_parameters_zeros)

# %%
# HIDDEN TESTS: initialize_parameters_zeros

# %% [markdown]
# Train the network from zeros for 15,000 iterations (about three seconds):

# %%
parameters_zeros, costs_zeros = model(train_X, train_Y, initialization="zeros")
train_zeros, test_zeros = accuracy(parameters_zeros, train_X, train_Y), accuracy(parameters_zeros, test_X, test_Y)
print(f"zeros: train accuracy {train_zeros:.1f} %, test accuracy {test_zeros:.1f} %")

# %% [markdown]
# The cost never moves from $\log 2 \approx 0.693$, and the accuracy is 50 %: the network
# answers the same thing for every point, which is right for exactly one circle. Look at the
# weights after 15,000 steps:

# %%
print("W1 after training:\n", parameters_zeros["W1"][:4])
print("b3 after training:", parameters_zeros["b3"].ravel())

# %% [markdown]
# Nothing changed. With all weights at zero, every unit of a hidden layer computes the same
# output, receives the same gradient, and takes the same step: the units stay identical for
# ever, so ten units are no better than one. Here it is even worse: $W^{[3]} = 0$ passes no
# gradient back at all, so the first two layers never update.
#
# To **break the symmetry**, the weights must start different from each other. The biases may
# start at zero: once the weights differ, the units already compute different things.

# %% [markdown]
# ## 4. Large random initialization
#
# ### Exercise 2: `initialize_parameters_random`
#
# Draw each weight matrix from a standard normal distribution with
# `np.random.randn(layers_dims[l], layers_dims[l-1])` and multiply it by **10**, so that the
# weights are large. Set the biases to zero. The function seeds NumPy's generator with
# `np.random.seed(3)` first, so your numbers match the tests'.

# %%
# GRADED FUNCTION: initialize_parameters_random
def initialize_parameters_random(layers_dims):
    """
    Initialize the weights with large random values and the biases with zeros.

    Arguments:
    layers_dims -- python list with the size of each layer, the input layer first

    Returns:
    parameters -- python dictionary with the parameters "W1", "b1", ..., "WL", "bL":
                  Wl -- weight matrix of shape (layers_dims[l], layers_dims[l-1])
                  bl -- bias vector of shape (layers_dims[l], 1)
    """
    np.random.seed(3)  # so that your random numbers match the tests'
    parameters = {}
    L = len(layers_dims)  # the number of layers, the input layer included

    for l in range(1, L):
        ### START CODE HERE ### (≈ 2 lines of code)
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END CODE HERE ###
    return parameters


# %%
initialize_parameters_random_test(initialize_parameters_random)

# %%
# HIDDEN TESTS: initialize_parameters_random

# %%
parameters_random, costs_random = model(train_X, train_Y, initialization="random")
train_random, test_random = accuracy(parameters_random, train_X, train_Y), accuracy(parameters_random, test_X, test_Y)
print(f"random: train accuracy {train_random:.1f} %, test accuracy {test_random:.1f} %")

# %% [markdown]
# The symmetry is broken and the network learns — but look at the first cost: `inf`. With
# weights around 10, the last layer's input $z^{[3]}$ is huge, the sigmoid rounds to exactly 0
# or exactly 1, and for a point on the wrong side the loss $-\log 0$ is infinite. Confidently
# wrong predictions cost a lot and produce large gradients that throw the weights around;
# gradient descent then needs many iterations to undo the bad start. After 15,000 iterations
# the boundary is still rough.
#
# Larger weights are not better. What about small random weights? Too small, and the signal
# shrinks layer after layer (the outputs and the gradients vanish). The right scale depends on
# the size of the layer.

# %% [markdown]
# ## 5. He initialization
#
# For a layer of ReLU units, He et al. (2015) showed that the variance of the signal stays
# steady from layer to layer when each weight has variance $2 / n^{[l-1]}$, where $n^{[l-1]}$
# is the number of inputs of the layer:
#
# $$W^{[l]} = \texttt{np.random.randn}(n^{[l]}, n^{[l-1]}) \times \sqrt{\frac{2}{n^{[l-1]}}}.$$
#
# A layer with many inputs gets smaller weights, so that the sum $z = W a + b$ keeps about the
# same size however many terms it adds up. (For tanh units, Xavier initialization uses
# $\sqrt{1 / n^{[l-1]}}$ instead.)
#
# ### Exercise 3: `initialize_parameters_he`
#
# Initialize the weights with He's scale and the biases with zeros, after the same
# `np.random.seed(3)`.

# %%
# GRADED FUNCTION: initialize_parameters_he
def initialize_parameters_he(layers_dims):
    """
    Initialize the weights with He's scale, sqrt(2 / n[l-1]), and the biases with zeros.

    Arguments:
    layers_dims -- python list with the size of each layer, the input layer first

    Returns:
    parameters -- python dictionary with the parameters "W1", "b1", ..., "WL", "bL":
                  Wl -- weight matrix of shape (layers_dims[l], layers_dims[l-1])
                  bl -- bias vector of shape (layers_dims[l], 1)
    """
    np.random.seed(3)  # so that your random numbers match the tests'
    parameters = {}
    L = len(layers_dims)  # the number of layers, the input layer included

    for l in range(1, L):
        ### START CODE HERE ### (≈ 2 lines of code)
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END CODE HERE ###
    return parameters


# %%
initialize_parameters_he_test(initialize_parameters_he)

# %%
# HIDDEN TESTS: initialize_parameters_he

# %%
parameters_he, costs_he = model(train_X, train_Y, initialization="he")
train_he, test_he = accuracy(parameters_he, train_X, train_Y), accuracy(parameters_he, test_X, test_Y)
print(f"he: train accuracy {train_he:.1f} %, test accuracy {test_he:.1f} %")

# %% [markdown]
# ## 6. The three side by side
#
# The top row colours the plane by the class each network predicts, with the training points
# on top; the bottom row shows how the cost fell during training (the same scale in all three
# panels).

# %%
notes = {name: f"train {train:.1f} %, test {test:.1f} %" for name, train, test in
         [("zeros", train_zeros, test_zeros), ("random × 10", train_random, test_random), ("He", train_he, test_he)]}
plot_model_comparison(
    {"zeros": lambda X: predict_dec(parameters_zeros, X),
     "random × 10": lambda X: predict_dec(parameters_random, X),
     "He": lambda X: predict_dec(parameters_he, X)},
    {"zeros": costs_zeros, "random × 10": costs_random, "He": costs_he},
    train_X, train_Y, every=1000, notes=notes);

# %%
print(f"{'initialization':<16}{'first cost':>12}{'final cost':>12}{'train':>10}{'test':>10}")
for name, costs, train, test in [("zeros", costs_zeros, train_zeros, test_zeros),
                                 ("random", costs_random, train_random, test_random),
                                 ("he", costs_he, train_he, test_he)]:
    print(f"{name:<16}{costs[0]:>12.4f}{costs[-1]:>12.4f}{train:>8.1f} %{test:>8.1f} %")

# %% [markdown]
# ## What you learned
# - **Zeros fail**: identical units stay identical; the network cannot use its width.
# - **Large random weights** break the symmetry but saturate the output: the cost starts
#   infinite and training is slow to repair the damage.
# - **He initialization**, $\sqrt{2 / n^{[l-1]}}$ for ReLU layers, keeps the signal at a sensible
#   size and gives the best model here with the same number of iterations.
#
# Next: when a network fits its training set much better than new data, regularization helps.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | weight initialization | 权重初始化 |
# | zero initialization | 初始化为 0 |
# | symmetry breaking | 打破对称性 |
# | random initialization | 随机初始化 |
# | He initialization | He 初始化 |
# | Xavier initialization | Xavier 初始化 |
# | vanishing / exploding gradients | 梯度消失 / 梯度爆炸 |
# | weight matrix | 权重矩阵 |
# | variance | 方差 |
# | ReLU activation function | ReLU 激活函数 |
