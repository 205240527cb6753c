# %% [markdown]
# # Planar data classification with one hidden layer
#
# In week 2 a single sigmoid unit drew a straight line through the data. Here the data will
# not be split by any straight line, and you will build the smallest network that can bend
# its boundary: one hidden layer of tanh units feeding one sigmoid output.
#
# You will
# - see where a linear classifier fails on data shaped like a flower,
# - write the forward pass, the cost, the backward pass and gradient descent of a network with
#   one hidden layer,
# - train it and watch its decision boundary follow the petals,
# - find out how many hidden units the flower needs, and try other data sets in a widget.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt
from sklearn.linear_model import LogisticRegression
from tqdm.auto import tqdm

from helpers.planar import load_extra_datasets, load_planar_dataset, plot_2d_dataset, plot_decision_boundary
from helpers.shallow_network import decision_boundary_widget
from helpers.public_tests.c1w3_planar_data_classification import (
    backward_propagation_test,
    compute_cost_test,
    forward_propagation_test,
    initialize_parameters_test,
    layer_sizes_test,
    nn_model_test,
    predict_test,
    update_parameters_test,
)

# %% [markdown]
# ## 1. The data: a flower in the plane
#
# Each example is a point $x^{(i)} = (x_1, x_2)$ with a label $y^{(i)}$ that is 0 or 1. The
# points lie on eight petals, and neighbouring petals carry different labels. As in week 2, the
# examples sit in **columns**: `X` has shape $(2, m)$ and `Y` has shape $(1, m)$.

# %%
X, Y = load_planar_dataset()

shape_X = X.shape
shape_Y = Y.shape
m = X.shape[1]

print(f"The shape of X is: {shape_X}")
print(f"The shape of Y is: {shape_Y}")
print(f"There are m = {m} training examples")

# %%
plot_2d_dataset(X, Y, title="The flower: 400 points in two classes");

# %% [markdown]
# ## 2. A straight line first: logistic regression
#
# Before building anything, measure what a linear classifier can do. scikit-learn's
# `LogisticRegression` trains one in a line. It expects one example per **row**, so it gets
# `X.T` and the labels as a flat vector `Y.ravel()`.

# %%
clf = LogisticRegression()
clf.fit(X.T, Y.ravel())

LR_predictions = clf.predict(X.T)
print(f"Accuracy of logistic regression: {np.mean(LR_predictions == Y.ravel()) * 100:.1f} % "
      "(percentage of correctly labelled points)")

# %%
plot_decision_boundary(lambda points: clf.predict(points.T), X, Y,
                       title="Logistic regression: one straight boundary");

# %% [markdown]
# About half the points are on the wrong side — no better than a coin toss. A straight line
# can cut the flower in two halves, but every half holds petals of both colours. The model
# needs a boundary that can bend.

# %% [markdown]
# ## 3. A network with one hidden layer
#
# The network reads the two coordinates, passes them through a hidden layer of $n_h$ tanh
# units, and combines those into one sigmoid output. For one example $x^{(i)}$:
#
# $$z^{[1](i)} = W^{[1]} x^{(i)} + b^{[1]}, \qquad a^{[1](i)} = \tanh(z^{[1](i)}),$$
#
# $$z^{[2](i)} = W^{[2]} a^{[1](i)} + b^{[2]}, \qquad \hat{y}^{(i)} = a^{[2](i)} = \sigma(z^{[2](i)}),$$
#
# and it predicts 1 when $a^{[2](i)} > 0.5$. Training lowers the cross-entropy cost
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[2](i)} + (1 - y^{(i)}) \log\left(1 - a^{[2](i)}\right) \right).$$
#
# Each hidden unit draws its own straight line ($z^{[1]}_j = 0$); tanh turns each line into a
# soft step, and the output unit weighs the steps against each other. A few steps in different
# directions are enough to carve out petals.
#
# You will build it the usual way: define the sizes, initialise the parameters, then loop over
# forward propagation, cost, backward propagation and the parameter update.

# %% [markdown]
# ### Exercise 1: `layer_sizes`
#
# Return the sizes of the three layers: $n_x$, the number of input features (rows of `X`);
# $n_h = 4$ hidden units; and $n_y$, the number of outputs (rows of `Y`).

# %%
# GRADED FUNCTION: layer_sizes
def layer_sizes(X, Y):
    """
    Read the sizes of the network's layers from the data.

    Arguments:
    X -- input data of shape (input size, number of examples)
    Y -- labels of shape (output size, number of examples)

    Returns:
    n_x -- the size of the input layer
    n_h -- the size of the hidden layer (4)
    n_y -- the size of the output layer
    """
    ### START CODE HERE ### (≈ 3 lines of code)
    n_x = X.shape[0]
    n_h = 4
    n_y = Y.shape[0]
    ### END CODE HERE ###
    return (n_x, n_h, n_y)


# %%
layer_sizes_test(layer_sizes)

# %%
# HIDDEN TESTS: layer_sizes

# %% [markdown]
# ### Exercise 2: `initialize_parameters`
#
# Start the weights at small random values, `np.random.randn(rows, columns) * 0.01`, and the
# biases at zero (`np.zeros((rows, 1))`). Random weights give each hidden unit a different line
# to start from; with all-zero weights every hidden unit would compute the same thing and
# receive the same update, forever.
#
# - $W^{[1]}$ has shape $(n_h, n_x)$ and $b^{[1]}$ has shape $(n_h, 1)$;
# - $W^{[2]}$ has shape $(n_y, n_h)$ and $b^{[2]}$ has shape $(n_y, 1)$.
#
# Draw $W^{[1]}$ first, then $W^{[2]}$, and **do not** call `np.random.seed` here: the caller
# seeds the generator (`nn_model` will), and the test does too.

# %%
# GRADED FUNCTION: initialize_parameters
def initialize_parameters(n_x, n_h, n_y):
    """
    Initialise the parameters of a network with one hidden layer.

    Arguments:
    n_x -- size of the input layer
    n_h -- size of the hidden layer
    n_y -- size of the output layer

    Returns:
    parameters -- python dictionary containing:
                    W1 -- weight matrix of shape (n_h, n_x)
                    b1 -- bias vector of shape (n_h, 1)
                    W2 -- weight matrix of shape (n_y, n_h)
                    b2 -- bias vector of shape (n_y, 1)
    """
    ### START CODE HERE ### (≈ 4 lines of code)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END CODE HERE ###

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}
    return parameters


# %%
initialize_parameters_test(initialize_parameters)

# %%
# HIDDEN TESTS: initialize_parameters

# %% [markdown]
# ### Exercise 3: `forward_propagation`
#
# Vectorized over all $m$ examples at once:
#
# $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]}), \quad
# Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]}).$$
#
# Use `np.tanh` for the hidden layer and write the sigmoid as $1 / (1 + e^{-z})$. Keep the four
# arrays in `cache`: backward propagation will need them.

# %%
# GRADED FUNCTION: forward_propagation
def forward_propagation(X, parameters):
    """
    Compute the network's output for every example.

    Arguments:
    X -- input data of size (n_x, m)
    parameters -- python dictionary containing your parameters (output of initialize_parameters)

    Returns:
    A2 -- the sigmoid output of the second activation, of shape (1, m)
    cache -- a dictionary containing "Z1", "A1", "Z2" and "A2"
    """
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    ### START CODE HERE ### (≈ 4 lines of code)
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = 1 / (1 + np.exp(-Z2))
    ### END CODE HERE ###

    cache = {"Z1": Z1,
             "A1": A1,
             "Z2": Z2,
             "A2": A2}
    return A2, cache


# %%
forward_propagation_test(forward_propagation)

# %%
# HIDDEN TESTS: forward_propagation

# %% [markdown]
# ### Exercise 4: `compute_cost`
#
# Compute the cross-entropy cost $J$ from $A^{[2]}$ and $Y$. Multiply elementwise
# (`np.multiply` or `*`) and sum with `np.sum`: no loop is needed. Return a Python float.

# %%
# GRADED FUNCTION: compute_cost
def compute_cost(A2, Y):
    """
    Compute the cross-entropy cost.

    Arguments:
    A2 -- the sigmoid output of the second activation, of shape (1, number of examples)
    Y -- "true" labels vector of shape (1, number of examples)

    Returns:
    cost -- cross-entropy cost, a Python float
    """
    m = Y.shape[1]

    ### START CODE HERE ### (≈ 2 lines of code)
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = -np.sum(logprobs) / m
    ### END CODE HERE ###

    cost = float(np.squeeze(cost))
    return cost


# %%
compute_cost_test(compute_cost)

# %%
# HIDDEN TESTS: compute_cost

# %% [markdown]
# ### Exercise 5: `backward_propagation`
#
# The gradients of the cost, vectorized over the examples. With a sigmoid output and the
# cross-entropy cost, the error at the output is simply $dZ^{[2]} = A^{[2]} - Y$. The derivative
# of tanh is $1 - \tanh^2$, which you already have in the cache as $1 - (A^{[1]})^2$:
#
# $$dZ^{[2]} = A^{[2]} - Y, \qquad dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}, \qquad
# db^{[2]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)},$$
#
# $$dZ^{[1]} = W^{[2]T} dZ^{[2]} * \left(1 - (A^{[1]})^2\right), \qquad
# dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T, \qquad db^{[1]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)},$$
#
# where $*$ multiplies elementwise. Sum over the examples — the columns — with
# `np.sum(dZ, axis=1, keepdims=True)`, so that `db1` keeps the shape $(n_h, 1)$ of `b1`.

# %%
# GRADED FUNCTION: backward_propagation
def backward_propagation(parameters, cache, X, Y):
    """
    Compute the gradients of the cost with respect to the parameters.

    Arguments:
    parameters -- python dictionary containing our parameters
    cache -- a dictionary containing "Z1", "A1", "Z2" and "A2"
    X -- input data of shape (2, number of examples)
    Y -- "true" labels vector of shape (1, number of examples)

    Returns:
    grads -- python dictionary containing the gradients "dW1", "db1", "dW2" and "db2"
    """
    m = X.shape[1]

    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]

    ### START CODE HERE ### (≈ 6 lines of code)
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    ### END CODE HERE ###

    grads = {"dW1": dW1,
             "db1": db1,
             "dW2": dW2,
             "db2": db2}
    return grads


# %%
backward_propagation_test(backward_propagation)

# %%
# HIDDEN TESTS: backward_propagation

# %% [markdown]
# ### Exercise 6: `update_parameters`
#
# One step of gradient descent: $\theta := \theta - \alpha \, d\theta$ for every parameter
# $\theta$, with the learning rate $\alpha$ = `learning_rate`. The cell hands you copies of the
# parameters, so updating them in place cannot change the caller's dictionary.
#
# With a good learning rate the cost falls steadily; with one too large it jumps around or
# grows. For this network $\alpha = 1.2$ works well.

# %%
# GRADED FUNCTION: update_parameters
def update_parameters(parameters, grads, learning_rate=1.2):
    """
    Update the parameters with one step of gradient descent.

    Arguments:
    parameters -- python dictionary containing your parameters
    grads -- python dictionary containing your gradients
    learning_rate -- the step size alpha

    Returns:
    parameters -- python dictionary containing the updated parameters
    """
    W1 = parameters["W1"].copy()
    b1 = parameters["b1"].copy()
    W2 = parameters["W2"].copy()
    b2 = parameters["b2"].copy()

    dW1 = grads["dW1"]
    db1 = grads["db1"]
    dW2 = grads["dW2"]
    db2 = grads["db2"]

    ### START CODE HERE ### (≈ 4 lines of code)
    W1 = W1 - learning_rate * dW1
    b1 = b1 - learning_rate * db1
    W2 = W2 - learning_rate * dW2
    b2 = b2 - learning_rate * db2
    ### END CODE HERE ###

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}
    return parameters


# %%
update_parameters_test(update_parameters)

# %%
# HIDDEN TESTS: update_parameters

# %% [markdown]
# ### Exercise 7: `nn_model`
#
# Put the pieces together. The first lines are written for you: they seed the random generator
# with 3, so your numbers match the tests, and read $n_x$ and $n_y$ from the data. Then
# initialise the parameters with $n_h$ hidden units, and repeat `num_iterations` times:
# forward propagation, cost, backward propagation, update (with the default learning rate).

# %%
# GRADED FUNCTION: nn_model
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """
    Train a network with one hidden layer by gradient descent.

    Arguments:
    X -- dataset of shape (2, number of examples)
    Y -- labels of shape (1, number of examples)
    n_h -- size of the hidden layer
    num_iterations -- number of iterations of the gradient descent loop
    print_cost -- if True, print the cost every 1000 iterations

    Returns:
    parameters -- parameters learnt by the model; they can then be used to predict
    """
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]

    ### START CODE HERE ### (≈ 1 line of code)
    parameters = initialize_parameters(n_x, n_h, n_y)
    ### END CODE HERE ###

    for i in range(0, num_iterations):
        ### START CODE HERE ### (≈ 4 lines of code)
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        ### END CODE HERE ###

        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")

    return parameters


# %%
nn_model_test(nn_model)

# %%
# HIDDEN TESTS: nn_model

# %% [markdown]
# ### Exercise 8: `predict`
#
# Run forward propagation with the learned parameters and answer 1 where the output
# probability is above 0.5:
#
# $$y_{\text{prediction}} = \begin{cases} 1 & \text{if } a^{[2]} > 0.5 \\ 0 & \text{otherwise.} \end{cases}$$
#
# A comparison such as `A2 > 0.5` does this for every example at once.

# %%
# GRADED FUNCTION: predict
def predict(parameters, X):
    """
    Predict a class for each example in X with the learned parameters.

    Arguments:
    parameters -- python dictionary containing your parameters
    X -- input data of size (n_x, m)

    Returns:
    predictions -- vector of predictions of our model (0 or 1), of shape (1, m)
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    A2, cache = forward_propagation(X, parameters)
    predictions = A2 > 0.5
    ### END CODE HERE ###

    return predictions


# %%
predict_test(predict)

# %%
# HIDDEN TESTS: predict

# %% [markdown]
# ## 4. Train the network on the flower
#
# Four hidden units, 10 000 iterations of gradient descent: about a second.

# %%
parameters = nn_model(X, Y, n_h=4, num_iterations=10000, print_cost=True)

predictions = predict(parameters, X)
print(f"Accuracy: {np.mean(predictions == Y) * 100:.1f} %")

# %%
plot_decision_boundary(lambda points: predict(parameters, points), X, Y,
                       title="One hidden layer of 4 tanh units");

# %% [markdown]
# The boundary now follows the petals, and about nine points in ten are on the right side,
# where logistic regression managed one in two. The points it still gets wrong sit where
# petals cross near the centre, or are outliers that the noise carried into a neighbouring
# petal.

# %% [markdown]
# ## 5. How many hidden units?
#
# Train the same network with more and fewer hidden units (5000 iterations each) and compare
# the accuracies and the boundaries.

# %%
hidden_layer_sizes = [1, 2, 3, 4, 5, 20, 50]
sweep = {}
for n_h in tqdm(hidden_layer_sizes, desc="training"):
    sweep[n_h] = nn_model(X, Y, n_h, num_iterations=5000)

print("hidden units   accuracy")
for n_h, trained in sweep.items():
    accuracy = np.mean(predict(trained, X) == Y) * 100
    print(f"{n_h:>12}   {accuracy:.2f} %")

# %%
fig, axes = plt.subplots(2, 4, figsize=(16, 7.6), layout="constrained")
plot_decision_boundary(lambda points: clf.predict(points.T), X, Y, ax=axes[0, 0], resolution=120,
                       title="logistic regression")
for ax, (n_h, trained) in zip(axes.flat[1:], sweep.items()):
    accuracy = np.mean(predict(trained, X) == Y) * 100
    plot_decision_boundary(lambda points, trained=trained: predict(trained, points), X, Y, ax=ax,
                           resolution=120, title=f"{n_h} hidden unit{'s' if n_h > 1 else ''}: {accuracy:.1f} %")
    ax.get_legend().remove()  # the first panel's legend serves them all
fig.suptitle("Decision boundaries by number of hidden units");

# %% [markdown]
# What the table and the boundaries show:
#
# - **One or two hidden units underfit.** Two soft steps cannot carve out eight petals; the
#   accuracy stalls near 70 %.
# - **Three to five units fit the flower.** The accuracy jumps to about 90 % and more.
# - **More units draw finer boundaries** that curl around single points. On a training set,
#   that raises the accuracy a little; on new points it would not help, and could hurt. That
#   is *overfitting*, and Course 2 gives you regularisation to control it.

# %% [markdown]
# ## 6. Explore: other data, other settings
#
# The widget trains a network with your `initialize_parameters`, `forward_propagation`,
# `backward_propagation` and `update_parameters` — the loop of `nn_model`, seeded the same
# way, but with the learning rate you choose — and redraws the boundary with your `predict`.
#
# Things to try:
# - On the flower, slide the hidden units from 1 to 5. Where does the boundary start to follow
#   the petals?
# - Raise the learning rate to 5. Does the accuracy still climb?
# - Switch to *noisy moons* or *gaussian quantiles*. How many hidden units does each need?
#   Does logistic regression stand a chance on any of them?

# %%
datasets = {"flower": (X, Y), **load_extra_datasets()}
decision_boundary_widget(datasets, initialize_parameters=initialize_parameters,
                         forward_propagation=forward_propagation,
                         backward_propagation=backward_propagation,
                         update_parameters=update_parameters, predict=predict)

# %% [markdown]
# ## What you built
# - A network with one hidden layer: tanh hidden units and a sigmoid output.
# - Its forward pass, its cross-entropy cost, its backward pass with $1 - \tanh^2$, and
#   gradient descent.
# - Evidence that a hidden layer bends the boundary: from about 50 % with a straight line to
#   about 90 % on the flower.
# - A feel for the size of the hidden layer: too few units underfit; many units fit finer
#   details, which can turn into overfitting.
#
# In week 4 you stack more layers and write a network of any depth.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | hidden layer | 隐藏层 |
# | hidden unit | 隐藏单元 |
# | activation function | 激活函数 |
# | tanh function | tanh 函数 |
# | forward propagation / backpropagation | 前向传播 / 反向传播 |
# | cross-entropy loss | 交叉熵损失函数 |
# | random initialization | 随机初始化 |
# | gradient descent | 梯度下降 |
# | decision boundary | 决策边界 |
# | overfitting / underfitting | 过拟合 / 欠拟合 |
