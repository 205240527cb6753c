# %% [markdown]
# # Building a deep neural network, step by step
#
# Last week your network had exactly two layers, and you wrote each of them by hand. This week
# you write the pieces once and stack them as deep as you like: a network of $L$ layers in which
# every hidden layer is LINEAR → RELU and the output layer is LINEAR → SIGMOID. In the next
# notebook you will train such networks on images.
#
# You will
# - initialise the parameters of a 2-layer and of an $L$-layer network,
# - write the forward pass one layer at a time, keeping a **cache** of what the backward pass
#   will need,
# - compute the cost,
# - write the backward pass one layer at a time, from the output back to the input,
# - update the parameters with gradient descent.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise.

# %%
import copy

import numpy as np
import matplotlib.pyplot as plt

from helpers.activations import relu, relu_backward, sigmoid, sigmoid_backward
from helpers.diagrams import draw_deep_network
from helpers.public_tests.c1w4_deep_neural_network_step_by_step import (
    L_model_backward_test,
    L_model_forward_test,
    compute_cost_test,
    initialize_parameters_deep_test,
    initialize_parameters_test,
    linear_activation_backward_test,
    linear_activation_forward_test,
    linear_backward_test,
    linear_forward_test,
    update_parameters_test,
)

# %% [markdown]
# ## 1. The plan
#
# Every layer $l$ does the same two things forward — a linear step, then an activation:
#
# $$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}(Z^{[l]}),$$
#
# starting from $A^{[0]} = X$ and ending with $A^{[L]} = \hat{Y}$, the predicted probabilities.
# Backward, every layer does the same two things in reverse: it receives $dA^{[l]}$, the gradient
# of the cost with respect to its output, and returns $dA^{[l-1]}$ to the layer before it,
# together with the gradients $dW^{[l]}$ and $db^{[l]}$ of its own parameters.
#
# To compute those gradients, a layer needs the values it saw going forward. So each forward
# block stores them in a **cache**, and the backward block of the same layer reads it. The
# diagram shows the whole flow for the network you will train in the next notebook, with the
# shape of every array for $m$ examples:

# %%
draw_deep_network([784, 20, 7, 5, 1]);

# %% [markdown]
# Two shape rules carry you through the notebook:
#
# - $W^{[l]}$ has shape $(n^{[l]}, n^{[l-1]})$ and $b^{[l]}$ has shape $(n^{[l]}, 1)$, where
#   $n^{[l]}$ is the number of units in layer $l$ and $n^{[0]} = n_x$;
# - $Z^{[l]}$, $A^{[l]}$ and their gradients have shape $(n^{[l]}, m)$: one column per example.
#
# A gradient always has the shape of the thing it is the gradient of: $dW^{[l]}$ like
# $W^{[l]}$, $dA^{[l]}$ like $A^{[l]}$.

# %% [markdown]
# ## 2. Initialization
#
# ### Exercise 1: `initialize_parameters` — a 2-layer network
#
# The network is LINEAR → RELU → LINEAR → SIGMOID. Set the weights to small random numbers,
# `np.random.randn(rows, columns) * 0.01`, and the biases to zeros, `np.zeros((rows, 1))`.
# Draw `W1` before `W2`. The seed is set for you, so your numbers match the test.

# %%
# GRADED FUNCTION: initialize_parameters
def initialize_parameters(n_x, n_h, n_y):
    """
    Initialise the parameters of a 2-layer network.

    Arguments:
    n_x -- size of the input layer
    n_h -- size of the hidden layer
    n_y -- size of the output layer

    Returns:
    parameters -- python dictionary containing your parameters:
                    W1 -- weight matrix of shape (n_h, n_x)
                    b1 -- bias vector of shape (n_h, 1)
                    W2 -- weight matrix of shape (n_y, n_h)
                    b2 -- bias vector of shape (n_y, 1)
    """
    np.random.seed(1)

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
# ### Exercise 2: `initialize_parameters_deep` — an $L$-layer network
#
# Now the sizes come as a list, `layer_dims` $= [n^{[0]}, n^{[1]}, \dots, n^{[L]}]$, so the
# network has `len(layer_dims) - 1` layers. Loop over $l = 1, \dots, L$ and create
#
# - `parameters["W" + str(l)]` $=$ `np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01`,
# - `parameters["b" + str(l)]` $=$ `np.zeros((layer_dims[l], 1))`.
#
# For example, `layer_dims = [5, 4, 3]` gives `W1` of shape $(4, 5)$, `b1` $(4, 1)$, `W2` $(3, 4)$
# and `b2` $(3, 1)$.

# %%
# GRADED FUNCTION: initialize_parameters_deep
def initialize_parameters_deep(layer_dims):
    """
    Initialise the parameters of an L-layer network.

    Arguments:
    layer_dims -- python list containing the size of each layer, the input first

    Returns:
    parameters -- python dictionary containing your parameters "W1", "b1", ..., "WL", "bL":
                    Wl -- weight matrix of shape (layer_dims[l], layer_dims[l-1])
                    bl -- bias vector of shape (layer_dims[l], 1)
    """
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)  # number of layers in the network, counting the input

    for l in range(1, L):
        ### START CODE HERE ### (≈ 2 lines of code)
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        ### END CODE HERE ###

    return parameters


# %%
initialize_parameters_deep_test(initialize_parameters_deep)

# %%
# HIDDEN TESTS: initialize_parameters_deep

# %% [markdown]
# The network of the diagram, layer by layer — check that every shape follows the rule
# $W^{[l]}: (n^{[l]}, n^{[l-1]})$:

# %%
deep_parameters = initialize_parameters_deep([784, 20, 7, 5, 1])
print("layer   W shape      b shape")
for l in range(1, len(deep_parameters) // 2 + 1):
    print(f"{l:>5}   {str(deep_parameters['W' + str(l)].shape):<11}  {deep_parameters['b' + str(l)].shape}")

# %% [markdown]
# ## 3. Forward propagation
#
# You build the forward pass in three steps:
#
# 1. `linear_forward`: the linear part of one layer;
# 2. `linear_activation_forward`: the linear part followed by RELU or SIGMOID;
# 3. `L_model_forward`: $L - 1$ layers of LINEAR → RELU, then one LINEAR → SIGMOID.
#
# ### Exercise 3: `linear_forward`
#
# Compute $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ with `np.dot` (or `@`); broadcasting adds
# the column $b^{[l]}$ to every column. The cache keeps the inputs, `(A, W, b)`.

# %%
# GRADED FUNCTION: linear_forward
def linear_forward(A, W, b):
    """
    Implement the linear part of a layer's forward propagation.

    Arguments:
    A -- activations from the previous layer (or input data): (size of previous layer, number of examples)
    W -- weights matrix: numpy array of shape (size of current layer, size of previous layer)
    b -- bias vector, numpy array of shape (size of the current layer, 1)

    Returns:
    Z -- the input of the activation function, also called pre-activation parameter
    cache -- a python tuple containing "A", "W" and "b"; stored for computing the backward pass efficiently
    """
    ### START CODE HERE ### (≈ 1 line of code)
    Z = np.dot(W, A) + b
    ### END CODE HERE ###

    cache = (A, W, b)
    return Z, cache


# %%
linear_forward_test(linear_forward)

# %%
# HIDDEN TESTS: linear_forward

# %% [markdown]
# ### Exercise 4: `linear_activation_forward`
#
# Two activation functions are provided, each returning the activation **and** its cache,
# which is just `Z`:
#
# - `A, activation_cache = sigmoid(Z)` computes $\sigma(Z) = 1 / (1 + e^{-Z})$;
# - `A, activation_cache = relu(Z)` computes $\max(0, Z)$.
#
# Chain `linear_forward` and the activation named by `activation`. The layer's cache is the
# pair `(linear_cache, activation_cache)`.

# %%
# GRADED FUNCTION: linear_activation_forward
def linear_activation_forward(A_prev, W, b, activation):
    """
    Implement the forward propagation for the LINEAR->ACTIVATION layer.

    Arguments:
    A_prev -- activations from previous layer (or input data): (size of previous layer, number of examples)
    W -- weights matrix: numpy array of shape (size of current layer, size of previous layer)
    b -- bias vector, numpy array of shape (size of the current layer, 1)
    activation -- the activation to be used in this layer, stored as a text string: "sigmoid" or "relu"

    Returns:
    A -- the output of the activation function, also called the post-activation value
    cache -- a python tuple containing "linear_cache" and "activation_cache";
             stored for computing the backward pass efficiently
    """
    if activation == "sigmoid":
        ### START CODE HERE ### (≈ 2 lines of code)
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
        ### END CODE HERE ###

    elif activation == "relu":
        ### START CODE HERE ### (≈ 2 lines of code)
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
        ### END CODE HERE ###

    cache = (linear_cache, activation_cache)
    return A, cache


# %%
linear_activation_forward_test(linear_activation_forward)

# %%
# HIDDEN TESTS: linear_activation_forward

# %% [markdown]
# ### Exercise 5: `L_model_forward`
#
# Run the whole network: `L - 1` times `linear_activation_forward` with `"relu"`, then once with
# `"sigmoid"`. Take the parameters of layer $l$ from `parameters["W" + str(l)]` and
# `parameters["b" + str(l)]`, and append each layer's cache to `caches`, so that `caches[l - 1]`
# belongs to layer $l$.

# %%
# GRADED FUNCTION: L_model_forward
def L_model_forward(X, parameters):
    """
    Implement forward propagation for the [LINEAR->RELU]*(L-1)->LINEAR->SIGMOID computation.

    Arguments:
    X -- data, numpy array of shape (input size, number of examples)
    parameters -- output of initialize_parameters_deep()

    Returns:
    AL -- last post-activation value, of shape (1, number of examples)
    caches -- list of caches containing every cache of linear_activation_forward()
              (there are L of them, indexed from 0 to L-1)
    """
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers in the neural network

    # [LINEAR -> RELU]*(L-1)
    for l in range(1, L):
        A_prev = A
        ### START CODE HERE ### (≈ 1 line of code)
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        ### END CODE HERE ###
        caches.append(cache)

    # LINEAR -> SIGMOID
    ### START CODE HERE ### (≈ 1 line of code)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    ### END CODE HERE ###
    caches.append(cache)

    return AL, caches


# %%
L_model_forward_test(L_model_forward)

# %%
# HIDDEN TESTS: L_model_forward

# %% [markdown]
# Your forward pass on ten random examples through the network of the diagram. Each row is one
# layer's cache, read back from `caches`:

# %%
rng = np.random.default_rng(0)
X_demo = rng.random((784, 10))
AL_demo, caches_demo = L_model_forward(X_demo, deep_parameters)

print("layer   A_prev       W            b          Z")
for l, ((A_prev, W, b), Z) in enumerate(caches_demo, start=1):
    print(f"{l:>5}   {str(A_prev.shape):<11}  {str(W.shape):<11}  {str(b.shape):<9}  {Z.shape}")
print(f"AL: {AL_demo.shape}, one probability per example")

# %% [markdown]
# ## 4. The cost
#
# ### Exercise 6: `compute_cost`
#
# The cross-entropy cost of the predictions $A^{[L]}$:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[L](i)} + (1 - y^{(i)}) \log\left(1 - a^{[L](i)}\right) \right).$$

# %%
# GRADED FUNCTION: compute_cost
def compute_cost(AL, Y):
    """
    Implement the cross-entropy cost.

    Arguments:
    AL -- probability vector corresponding to your label predictions, shape (1, number of examples)
    Y -- true "label" vector (for example: 0 if even, 1 if odd), shape (1, number of examples)

    Returns:
    cost -- cross-entropy cost
    """
    m = Y.shape[1]

    ### START CODE HERE ### (≈ 1 line of code)
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    ### END CODE HERE ###

    cost = np.squeeze(cost)  # makes sure the cost is a scalar (e.g. turns [[17]] into 17)
    return cost


# %%
compute_cost_test(compute_cost)

# %%
# HIDDEN TESTS: compute_cost

# %% [markdown]
# ## 5. Backward propagation
#
# Backward, the three steps come in reverse: the linear part of one layer, then one whole
# layer with its activation, then the whole network.
#
# ### Exercise 7: `linear_backward`
#
# Suppose you already have $dZ^{[l]} = \partial J / \partial Z^{[l]}$. The linear step
# $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ gives the three other gradients, averaged over the
# $m$ examples:
#
# $$dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}, \qquad
# db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}, \qquad
# dA^{[l-1]} = W^{[l]T} dZ^{[l]}.$$
#
# Sum over the columns with `np.sum(dZ, axis=1, keepdims=True)` so that `db` keeps the shape
# of `b`. $dA^{[l-1]}$ has no $\frac{1}{m}$: it is a gradient per example, one column each.

# %%
# GRADED FUNCTION: linear_backward
def linear_backward(dZ, cache):
    """
    Implement the linear portion of backward propagation for a single layer (layer l).

    Arguments:
    dZ -- gradient of the cost with respect to the linear output (of current layer l)
    cache -- tuple of values (A_prev, W, b) coming from the forward propagation in the current layer

    Returns:
    dA_prev -- gradient of the cost with respect to the activation (of the previous layer l-1), same shape as A_prev
    dW -- gradient of the cost with respect to W (current layer l), same shape as W
    db -- gradient of the cost with respect to b (current layer l), same shape as b
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]

    ### START CODE HERE ### (≈ 3 lines of code)
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    ### END CODE HERE ###

    return dA_prev, dW, db


# %%
linear_backward_test(linear_backward)

# %%
# HIDDEN TESTS: linear_backward

# %% [markdown]
# ### Exercise 8: `linear_activation_backward`
#
# The activation comes first on the way back: $dZ^{[l]} = dA^{[l]} * g'(Z^{[l]})$. Two functions
# compute it for you from the activation cache:
#
# - `dZ = sigmoid_backward(dA, activation_cache)`,
# - `dZ = relu_backward(dA, activation_cache)`.
#
# Then `linear_backward` with the linear cache does the rest.

# %%
# GRADED FUNCTION: linear_activation_backward
def linear_activation_backward(dA, cache, activation):
    """
    Implement the backward propagation for the LINEAR->ACTIVATION layer.

    Arguments:
    dA -- post-activation gradient for current layer l
    cache -- tuple of values (linear_cache, activation_cache) we store for computing backward propagation efficiently
    activation -- the activation to be used in this layer, stored as a text string: "sigmoid" or "relu"

    Returns:
    dA_prev -- gradient of the cost with respect to the activation (of the previous layer l-1), same shape as A_prev
    dW -- gradient of the cost with respect to W (current layer l), same shape as W
    db -- gradient of the cost with respect to b (current layer l), same shape as b
    """
    linear_cache, activation_cache = cache

    if activation == "relu":
        ### START CODE HERE ### (≈ 2 lines of code)
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        ### END CODE HERE ###

    elif activation == "sigmoid":
        ### START CODE HERE ### (≈ 2 lines of code)
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        ### END CODE HERE ###

    return dA_prev, dW, db


# %%
linear_activation_backward_test(linear_activation_backward)

# %%
# HIDDEN TESTS: linear_activation_backward

# %% [markdown]
# ### Exercise 9: `L_model_backward`
#
# The backward pass starts at the output. With a sigmoid output and the cross-entropy cost, the
# gradient with respect to $A^{[L]}$ is
#
# $$dA^{[L]} = -\left( \frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}} \right),$$
#
# elementwise, which in numpy reads `dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))`.
# Then walk back through the layers:
#
# - layer $L$ (SIGMOID) uses `caches[L - 1]` and stores `grads["dA" + str(L - 1)]`,
#   `grads["dW" + str(L)]` and `grads["db" + str(L)]`;
# - each layer $l + 1$ for $l = L-2, \dots, 0$ (RELU) takes `grads["dA" + str(l + 1)]` and
#   `caches[l]` and stores `grads["dA" + str(l)]`, `grads["dW" + str(l + 1)]` and
#   `grads["db" + str(l + 1)]`.

# %%
# GRADED FUNCTION: L_model_backward
def L_model_backward(AL, Y, caches):
    """
    Implement the backward propagation for the [LINEAR->RELU] * (L-1) -> LINEAR -> SIGMOID group.

    Arguments:
    AL -- probability vector, output of the forward propagation (L_model_forward())
    Y -- true "label" vector (containing 0 or 1), shape (1, number of examples)
    caches -- list of caches containing
                every cache of linear_activation_forward() with "relu" (caches[l], for l in range(L-1))
                the cache of linear_activation_forward() with "sigmoid" (caches[L-1])

    Returns:
    grads -- a dictionary with the gradients
             grads["dA" + str(l)] = ...
             grads["dW" + str(l)] = ...
             grads["db" + str(l)] = ...
    """
    grads = {}
    L = len(caches)  # the number of layers
    m = AL.shape[1]
    Y = Y.reshape(AL.shape)  # after this line, Y is the same shape as AL

    # Initializing the backpropagation
    ### START CODE HERE ### (1 line of code)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    ### END CODE HERE ###

    # Layer L (SIGMOID -> LINEAR) gradients
    ### START CODE HERE ### (≈ 5 lines of code)
    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp
    ### END CODE HERE ###

    # Layers l = L-2 ... 0 (RELU -> LINEAR) gradients
    for l in reversed(range(L - 1)):
        ### START CODE HERE ### (≈ 5 lines of code)
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
        ### END CODE HERE ###

    return grads


# %%
L_model_backward_test(L_model_backward)

# %%
# HIDDEN TESTS: L_model_backward

# %% [markdown]
# Your backward pass on the ten random examples from before, with random labels. Every
# gradient has the shape of what it is the gradient of:

# %%
Y_demo = (rng.random((1, 10)) > 0.5).astype(float)
grads_demo = L_model_backward(AL_demo, Y_demo, caches_demo)

print("layer   dA_prev      dW           db         dW like W?")
for l in range(len(caches_demo), 0, -1):
    dA_prev, dW, db = grads_demo["dA" + str(l - 1)], grads_demo["dW" + str(l)], grads_demo["db" + str(l)]
    same = dW.shape == deep_parameters["W" + str(l)].shape and db.shape == deep_parameters["b" + str(l)].shape
    print(f"{l:>5}   {str(dA_prev.shape):<11}  {str(dW.shape):<11}  {str(db.shape):<9}  {'yes' if same else 'NO'}")

# %% [markdown]
# ## 6. Update the parameters
#
# ### Exercise 10: `update_parameters`
#
# One step of gradient descent for every layer:
#
# $$W^{[l]} := W^{[l]} - \alpha \, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha \, db^{[l]},$$
#
# where $\alpha$ is the learning rate. The function works on a deep copy of `params`, so the
# dictionary you pass in stays as it was.

# %%
# GRADED FUNCTION: update_parameters
def update_parameters(params, grads, learning_rate):
    """
    Update parameters using gradient descent.

    Arguments:
    params -- python dictionary containing your parameters
    grads -- python dictionary containing your gradients, output of L_model_backward

    Returns:
    parameters -- python dictionary containing your updated parameters
                  parameters["W" + str(l)] = ...
                  parameters["b" + str(l)] = ...
    """
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2  # number of layers in the neural network

    for l in range(L):
        ### START CODE HERE ### (≈ 2 lines of code)
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
        ### END CODE HERE ###

    return parameters


# %%
update_parameters_test(update_parameters)

# %%
# HIDDEN TESTS: update_parameters

# %% [markdown]
# ## What you built
# - Initializers for a 2-layer and for an $L$-layer network.
# - A forward pass built from one reusable layer, caching $(A^{[l-1]}, W^{[l]}, b^{[l]})$ and
#   $Z^{[l]}$ at every layer.
# - The cross-entropy cost.
# - A backward pass built from the same layer in reverse, starting from $dA^{[L]}$.
# - The gradient-descent update.
#
# One training iteration is now four calls: `L_model_forward`, `compute_cost`,
# `L_model_backward`, `update_parameters`. In the next notebook you loop over them and train
# networks of 2 and 4 layers on images of handwritten digits.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | deep neural network | 深度神经网络 |
# | building blocks | 基本模块 |
# | random initialization | 随机初始化 |
# | forward propagation | 前向传播 |
# | backward propagation | 反向传播 |
# | cache | 缓存 |
# | ReLU activation function | ReLU 激活函数 |
# | cost function | 代价函数 |
# | gradient descent | 梯度下降 |
# | matrix dimensions | 矩阵的维数 |
