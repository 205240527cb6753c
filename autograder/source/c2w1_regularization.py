# %% [markdown]
# # Regularization
#
# A network with enough units can fit its training set almost perfectly — including the
# examples that are noisy or simply mislabelled. It then does worse on new data than on the
# data it was trained on: it **overfits**, it has high variance.
#
# In this notebook you take a network that overfits and add the two regularizers of the
# lectures:
# - **L2 regularization**, which penalizes large weights,
# - **dropout**, which switches off random units during training.
#
# You will watch the gap between training and test accuracy close. Write your code between
# `### START CODE HERE ###` and `### END CODE HERE ###` and run the test cell below each
# exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt
from tqdm.auto import trange

from helpers.planar import load_2D_dataset, plot_2d_dataset, plot_decision_boundary, plot_model_comparison
from helpers.regularization import regularization_widget
from helpers.three_layer_net import (
    accuracy,
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    predict_dec,
    relu,
    sigmoid,
    update_parameters,
)
from helpers.public_tests.c2w1_regularization import (
    backward_propagation_with_dropout_test,
    backward_propagation_with_regularization_test,
    compute_cost_with_regularization_test,
    forward_propagation_with_dropout_test,
)

# %% [markdown]
# ## 1. The data
#
# Each point is a position on a square field, labelled 1 (blue) above a wavy border and 0
# (red) below it. As in most real data, a few labels are wrong: about one point in 25 sits on
# the wrong side of the border. There are 211 training points and 200 test points, drawn the
# same way.

# %%
train_X, train_Y, test_X, test_Y = load_2D_dataset()
print(f"train_X: {train_X.shape}, test_X: {test_X.shape}")
plot_2d_dataset(train_X, train_Y, title="Training set: a wavy border and a few wrong labels");

# %% [markdown]
# The best possible classifier follows the wavy border and accepts the few wrong labels as
# mistakes. A classifier that also gets those right has learned noise: on the test set, the
# wrong labels are somewhere else.

# %% [markdown]
# ## 2. The model
#
# The network is LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID with
# `layers_dims = [2, 20, 3, 1]`, trained with gradient descent for 30,000 iterations at a
# learning rate of 0.3. `model` switches the regularizer on with its arguments:
# - `lambd` (`lambda` is a reserved word in Python) sets the strength of L2 regularization;
#   0 turns it off;
# - `keep_prob` is the probability that dropout keeps a unit; 1 turns dropout off.
#
# This notebook uses one regularizer at a time. The forward pass, backward pass, cost and
# update without regularization come from `helpers.three_layer_net`; the regularized versions
# are the functions you write.

# %%
def model(X, Y, learning_rate=0.3, num_iterations=30000, print_cost=True, lambd=0, keep_prob=1):
    """
    Train the three-layer network LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Arguments:
    X -- input data, of shape (2, number of examples)
    Y -- true labels (0 or 1), of shape (1, number of examples)
    learning_rate -- learning rate of gradient descent
    num_iterations -- number of gradient-descent steps
    print_cost -- if True, print the cost every 10000 iterations and show a progress bar
    lambd -- L2 regularization strength; 0 means no L2 regularization
    keep_prob -- probability of keeping a unit active during dropout; 1 means no dropout

    Returns:
    parameters -- the learned parameters W1, b1, W2, b2, W3, b3
    costs -- the cost recorded every 1000 iterations
    """
    assert lambd == 0 or keep_prob == 1, "use L2 regularization or dropout, not both"
    layers_dims = [X.shape[0], 20, 3, 1]
    parameters = initialize_parameters(layers_dims)
    costs = []

    for i in trange(num_iterations, desc="training", disable=not print_cost):
        # Forward pass: with dropout only when keep_prob < 1
        if keep_prob == 1:
            A3, cache = forward_propagation(X, parameters)
        else:
            A3, cache = forward_propagation_with_dropout(X, parameters, keep_prob)

        # Cost: with the L2 penalty only when lambd > 0
        if lambd == 0:
            cost = compute_cost(A3, Y)
        else:
            cost = compute_cost_with_regularization(A3, Y, parameters, lambd)

        # Backward pass: the one that matches the forward pass and the cost
        if lambd != 0:
            grads = backward_propagation_with_regularization(X, Y, cache, lambd)
        elif keep_prob < 1:
            grads = backward_propagation_with_dropout(X, Y, cache, keep_prob)
        else:
            grads = backward_propagation(X, Y, cache)

        parameters = update_parameters(parameters, grads, learning_rate)

        if i % 1000 == 0:
            costs.append(cost)
            if print_cost and i % 10000 == 0:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs


# %% [markdown]
# ## 3. Without regularization
#
# Train the network as it is first (about two seconds):

# %%
parameters_plain, costs_plain = model(train_X, train_Y)
train_plain, test_plain = accuracy(parameters_plain, train_X, train_Y), accuracy(parameters_plain, test_X, test_Y)
print(f"no regularization: train accuracy {train_plain:.1f} %, test accuracy {test_plain:.1f} %")

# %%
plot_decision_boundary(lambda X: predict_dec(parameters_plain, X), train_X, train_Y,
                       title=f"No regularization: train {train_plain:.1f} %, test {test_plain:.1f} %");

# %% [markdown]
# The boundary follows the wavy border, but it also grows thin spikes and islands to capture
# individual mislabelled points. Those shapes help on the training set only: the test set's
# wrong labels are elsewhere, and some correct test points now fall inside a spike. The gap
# of several points between training and test accuracy is the signature of overfitting.

# %% [markdown]
# ## 4. L2 regularization
#
# L2 regularization adds the squared size of every weight to the cost. For a network with
# $L$ layers and $m$ examples, the cross-entropy cost
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[L](i)} + (1 - y^{(i)}) \log\left(1 - a^{[L](i)}\right) \right)$$
#
# becomes
#
# $$J_{\text{regularized}} = \underbrace{-\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[L](i)} + (1 - y^{(i)}) \log\left(1 - a^{[L](i)}\right) \right)}_{\text{cross-entropy cost}} + \underbrace{\frac{\lambda}{2m} \sum_{l=1}^{L} \sum_{k} \sum_{j} \left(W_{k,j}^{[l]}\right)^2}_{\text{L2 penalty}}.$$
#
# The double sum is the squared Frobenius norm $\lVert W^{[l]} \rVert_F^2$, the sum of the
# squares of all entries of the matrix. Biases are not penalized.
#
# ### Exercise 1: `compute_cost_with_regularization`
#
# The cross-entropy part is computed for you with `compute_cost`. Add the L2 penalty for the
# three weight matrices. `np.sum(np.square(W1))` is $\lVert W^{[1]} \rVert_F^2$.

# %%
# GRADED FUNCTION: compute_cost_with_regularization
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """
    Compute the cost with L2 regularization.

    Arguments:
    A3 -- post-activation, output of forward propagation, of shape (1, number of examples)
    Y -- "true" labels vector, of shape (1, number of examples)
    parameters -- python dictionary containing the parameters of the model
    lambd -- regularization hyperparameter, a scalar

    Returns:
    cost -- value of the regularized cost function
    """
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]

    cross_entropy_cost = compute_cost(A3, Y)  # the cross-entropy part of the cost

    ### START CODE HERE ### (≈ 1 line of code)
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    ### END CODE HERE ###

    cost = cross_entropy_cost + L2_regularization_cost
    return cost


# %%
compute_cost_with_regularization_test(compute_cost_with_regularization)

# %%
# HIDDEN TESTS: compute_cost_with_regularization

# %% [markdown]
# ### Exercise 2: `backward_propagation_with_regularization`
#
# The penalty adds a term to the gradient of each weight matrix, and only to those:
#
# $$\frac{\partial}{\partial W^{[l]}} \left( \frac{\lambda}{2m} \lVert W^{[l]} \rVert_F^2 \right) = \frac{\lambda}{m} W^{[l]}.$$
#
# So every `dW` gets `lambd / m * W` added; the other gradients do not change. The update
# $W := W - \alpha\,(dW_{\text{backprop}} + \frac{\lambda}{m} W) = (1 - \frac{\alpha\lambda}{m}) W - \alpha\, dW_{\text{backprop}}$
# shrinks every weight a little at each step — which is why L2 regularization is also called
# **weight decay**.
#
# Complete the three `dW` lines; the rest of the backward pass is written for you.

# %%
# GRADED FUNCTION: backward_propagation_with_regularization
def backward_propagation_with_regularization(X, Y, cache, lambd):
    """
    Backward propagation of the three-layer network with L2 regularization.

    Arguments:
    X -- input dataset, of shape (input size, number of examples)
    Y -- "true" labels vector, of shape (output size, number of examples)
    cache -- cache output from forward_propagation():
             (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    lambd -- regularization hyperparameter, a scalar

    Returns:
    gradients -- a dictionary with the gradients with respect to each parameter,
                 activation and pre-activation variable
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    ### START CODE HERE ### (≈ 1 line of code)
    dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd / m * W3
    ### END CODE HERE ###
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    ### START CODE HERE ### (≈ 1 line of code)
    dW2 = 1. / m * np.dot(dZ2, A1.T) + lambd / m * W2
    ### END CODE HERE ###
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    ### START CODE HERE ### (≈ 1 line of code)
    dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / m * W1
    ### END CODE HERE ###
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3,
                 "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# %%
backward_propagation_with_regularization_test(backward_propagation_with_regularization)

# %%
# HIDDEN TESTS: backward_propagation_with_regularization

# %% [markdown]
# Now train with $\lambda = 0.7$:

# %%
parameters_l2, costs_l2 = model(train_X, train_Y, lambd=0.7)
train_l2, test_l2 = accuracy(parameters_l2, train_X, train_Y), accuracy(parameters_l2, test_X, test_Y)
print(f"L2 regularization: train accuracy {train_l2:.1f} %, test accuracy {test_l2:.1f} %")

# %%
plot_decision_boundary(lambda X: predict_dec(parameters_l2, X), train_X, train_Y,
                       title=f"L2 regularization, λ = 0.7: train {train_l2:.1f} %, test {test_l2:.1f} %");

# %% [markdown]
# The spikes are gone: the boundary is smooth and gives up on the mislabelled training points.
# The training accuracy drops a little and the test accuracy rises — the model generalizes
# better.
#
# Why smoother? Small weights make small changes in the input produce small changes in the
# output, so sharp bends around single points cost too much. $\lambda$ sets the trade-off,
# and you tune it on a dev set: too large, and the boundary becomes too simple (high bias).

# %% [markdown]
# ## 5. Dropout
#
# Dropout switches off each hidden unit with probability `1 - keep_prob`, anew for every
# example. A unit can no longer rely on any one of its inputs, which might vanish, so it spreads
# its weights over all of them — an effect much like L2's.
#
# You apply it to the two hidden layers, not to the input or the output layer. For layer 1,
# in four steps:
# 1. draw a matrix $D^{[1]}$ of random numbers of the shape of $A^{[1]}$ with
#    `np.random.rand(A1.shape[0], A1.shape[1])`;
# 2. turn it into a mask: `D1 < keep_prob` is True (kept) with probability `keep_prob`;
# 3. shut down the other units: $A^{[1]} := A^{[1]} \ast D^{[1]}$;
# 4. divide by `keep_prob`: $A^{[1]} := A^{[1]} / \texttt{keep\_prob}$, so that the expected value
#    of each activation stays the same (**inverted dropout**). Thanks to this scaling, you use
#    the full network, unscaled, at test time.
#
# ### Exercise 3: `forward_propagation_with_dropout`
#
# Apply the four steps after the first and after the second hidden layer. The function seeds
# NumPy's generator with `np.random.seed(1)` first, so that your masks match the tests'. (It
# reseeds at every call, so `model` draws the same masks at every iteration — good for
# reproducible results, though a real implementation would draw fresh masks each time.)

# %%
# GRADED FUNCTION: forward_propagation_with_dropout
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    """
    Forward propagation LINEAR -> RELU + DROPOUT -> LINEAR -> RELU + DROPOUT -> LINEAR -> SIGMOID.

    Arguments:
    X -- input dataset, of shape (2, number of examples)
    parameters -- python dictionary containing your parameters "W1", "b1", "W2", "b2", "W3", "b3":
                  W1 -- weight matrix of shape (20, 2)
                  b1 -- bias vector of shape (20, 1)
                  W2 -- weight matrix of shape (3, 20)
                  b2 -- bias vector of shape (3, 1)
                  W3 -- weight matrix of shape (1, 3)
                  b3 -- bias vector of shape (1, 1)
    keep_prob -- probability of keeping a unit active during dropout, a scalar

    Returns:
    A3 -- last activation value, output of the forward propagation, of shape (1, number of examples)
    cache -- tuple, information stored for computing the backward propagation:
             (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    """
    np.random.seed(1)

    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]

    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    ### START CODE HERE ### (≈ 4 lines of code)
    D1 = np.random.rand(A1.shape[0], A1.shape[1])  # step 1: one random number per unit and example
    D1 = (D1 < keep_prob).astype(int)  # step 2: 1 where the unit is kept, 0 where it is dropped
    A1 = A1 * D1  # step 3: shut down the dropped units
    A1 = A1 / keep_prob  # step 4: scale the kept units up
    ### END CODE HERE ###
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    ### START CODE HERE ### (≈ 4 lines of code)
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    ### END CODE HERE ###
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)

    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


# %%
forward_propagation_with_dropout_test(forward_propagation_with_dropout)

# %%
# HIDDEN TESTS: forward_propagation_with_dropout

# %% [markdown]
# ### Exercise 4: `backward_propagation_with_dropout`
#
# The backward pass goes through the same thinned network: a unit that was off in the forward
# pass passes no gradient back. For each hidden layer, in two steps:
# 1. apply the same mask to the gradient: $dA^{[l]} := dA^{[l]} \ast D^{[l]}$;
# 2. scale by the same factor: $dA^{[l]} := dA^{[l]} / \texttt{keep\_prob}$ (if $A^{[l]}$ was
#    divided by `keep_prob`, so is its derivative).

# %%
# GRADED FUNCTION: backward_propagation_with_dropout
def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """
    Backward propagation of the three-layer network with dropout on the two hidden layers.

    Arguments:
    X -- input dataset, of shape (2, number of examples)
    Y -- "true" labels vector, of shape (output size, number of examples)
    cache -- cache output from forward_propagation_with_dropout():
             (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    keep_prob -- probability of keeping a unit active during dropout, a scalar

    Returns:
    gradients -- a dictionary with the gradients with respect to each parameter,
                 activation and pre-activation variable
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    ### START CODE HERE ### (≈ 2 lines of code)
    dA2 = dA2 * D2  # step 1: the units shut down in the forward pass pass no gradient
    dA2 = dA2 / keep_prob  # step 2: the same scaling as in the forward pass
    ### END CODE HERE ###
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    ### START CODE HERE ### (≈ 2 lines of code)
    dA1 = dA1 * D1
    dA1 = dA1 / keep_prob
    ### END CODE HERE ###
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3,
                 "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# %%
backward_propagation_with_dropout_test(backward_propagation_with_dropout)

# %%
# HIDDEN TESTS: backward_propagation_with_dropout

# %% [markdown]
# Train with dropout, keeping each hidden unit with probability 0.86 (about four seconds):

# %%
parameters_dropout, costs_dropout = model(train_X, train_Y, keep_prob=0.86)
train_dropout = accuracy(parameters_dropout, train_X, train_Y)
test_dropout = accuracy(parameters_dropout, test_X, test_Y)
print(f"dropout: train accuracy {train_dropout:.1f} %, test accuracy {test_dropout:.1f} %")

# %% [markdown]
# `accuracy` runs `forward_propagation`, without dropout: at test time every unit takes part.
# Dropout is a training-time tool only.

# %% [markdown]
# ## 6. The three models side by side
#
# Top: each model's boundary over the training points. Bottom: its cost during training. The
# regularized costs end higher — they include the penalty (L2) or are measured on a thinned
# network (dropout) — yet those models do better on the test set.

# %%
runs = {"no regularization": (parameters_plain, costs_plain, train_plain, test_plain),
        "L2, λ = 0.7": (parameters_l2, costs_l2, train_l2, test_l2),
        "dropout, keep_prob = 0.86": (parameters_dropout, costs_dropout, train_dropout, test_dropout)}
plot_model_comparison(
    {name: (lambda X, p=run[0]: predict_dec(p, X)) for name, run in runs.items()},
    {name: run[1] for name, run in runs.items()},
    train_X, train_Y, every=1000,
    notes={name: f"train {run[2]:.1f} %, test {run[3]:.1f} %" for name, run in runs.items()});

# %% [markdown]
# Both regularizers also keep the weights small. The table adds the sum of the squared
# weights, $\sum_l \lVert W^{[l]} \rVert_F^2$, of each trained model:

# %%
print(f"{'model':<28}{'train':>9}{'test':>9}{'gap':>8}{'sum of W^2':>13}")
for name, (parameters, _, train, test) in runs.items():
    squares = sum(np.sum(np.square(parameters[f"W{l}"])) for l in (1, 2, 3))
    print(f"{name:<28}{train:>7.1f} %{test:>7.1f} %{train - test:>8.1f}{squares:>13.1f}")

# %% [markdown]
# ## 7. Explore: the strength of the regularizer
#
# Pick a regularizer and its strength; the widget trains your `model` and draws the boundary
# over the training points (left) and the test points (right). It trains for at most 6,000
# iterations instead of 30,000 — enough for the unregularized model to start overfitting.
# Building it takes about ten seconds: it trains every setting it offers once, so that
# afterwards each move of a control redraws in a fraction of a second.
#
# Things to try:
# - no regularization with 1,000, then 6,000 iterations: when do the spikes appear?
# - L2 with λ = 3: a boundary too simple to follow the waves (underfitting);
# - dropout with keep_prob = 0.5 against 0.95.

# %%
regularization_widget(model, train_X, train_Y, test_X, test_Y)

# %% [markdown]
# ## What you learned
# - Regularization reduces overfitting: the training accuracy drops a little, the test
#   accuracy rises, and the gap between them closes.
# - **L2**: add $\frac{\lambda}{2m} \sum_l \lVert W^{[l]} \rVert_F^2$ to the cost and
#   $\frac{\lambda}{m} W^{[l]}$ to each $dW^{[l]}$; the weights decay towards zero.
# - **Dropout**: during training only, switch off random hidden units in the forward pass and
#   the same units in the backward pass, dividing by `keep_prob` in both.
# - Both have a strength to tune on a dev set: too much regularization underfits.
#
# Next: how to check that a backward pass you wrote computes the right gradients.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | regularization | 正则化 |
# | overfitting / underfitting | 过拟合 / 欠拟合 |
# | high variance | 高方差 |
# | L2 regularization | L2 正则化 |
# | regularization parameter | 正则化参数 |
# | Frobenius norm | 弗罗贝尼乌斯范数 |
# | weight decay | 权重衰减 |
# | dropout | dropout 正则化 |
# | inverted dropout | 反向随机失活 |
# | dev set | 开发集 |
