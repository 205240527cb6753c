# %% [markdown]
# # Optimization methods
#
# Gradient descent takes one step per pass over the whole training set, each step straight
# down the current slope. This notebook builds the faster methods of the lectures and compares
# them on the same network:
# - **mini-batch** gradient descent: a step after every small batch of examples;
# - **momentum**: steps that follow an average of the recent gradients;
# - **Adam**: momentum combined with a step size adapted to each parameter (RMSprop);
# - **learning-rate decay**: steps that shrink as training goes on.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the
# test cell below each exercise.

# %%
import copy
import math

import numpy as np
import matplotlib.pyplot as plt
from tqdm.auto import trange

from helpers.loss_surfaces import optimizer_race_widget, plot_learning_rate_schedules
from helpers.planar import load_moons_dataset, plot_2d_dataset, plot_model_comparison
from helpers.plotting import plot_cost_comparison
from helpers.three_layer_net import (
    accuracy,
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    predict_dec,
)
from helpers.public_tests.c2w2_optimization_methods import (
    initialize_adam_test,
    initialize_velocity_test,
    random_mini_batches_test,
    schedule_lr_decay_test,
    update_lr_test,
    update_parameters_with_adam_test,
    update_parameters_with_gd_test,
    update_parameters_with_momentum_test,
)

# %% [markdown]
# ## 1. Gradient descent
#
# One step of gradient descent moves every parameter against its gradient, for $l = 1, \dots, L$:
#
# $$W^{[l]} := W^{[l]} - \alpha \, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha \, db^{[l]},$$
#
# where $\alpha$ is the learning rate. The parameters live in a dictionary: `parameters["W1"]`,
# `parameters["b1"]`, … and the gradients in another: `grads["dW1"]`, `grads["db1"]`, …
#
# ### Exercise 1: `update_parameters_with_gd`
#
# Apply one step to every layer. The function first makes a copy of `parameters`, so that
# the dictionary you pass in stays unchanged; update the copy. `str(l)` turns the layer
# number into text, so `"W" + str(l)` is `"W1"` for `l = 1`.

# %%
# GRADED FUNCTION: update_parameters_with_gd
def update_parameters_with_gd(parameters, grads, learning_rate):
    """
    Update parameters using one step of gradient descent.

    Arguments:
    parameters -- python dictionary containing your parameters to be updated:
                    parameters['W' + str(l)] = Wl
                    parameters['b' + str(l)] = bl
    grads -- python dictionary containing your gradients to update each parameter:
                    grads['dW' + str(l)] = dWl
                    grads['db' + str(l)] = dbl
    learning_rate -- the learning rate, scalar

    Returns:
    parameters -- python dictionary containing your updated parameters
    """
    parameters = {key: value.copy() for key, value in parameters.items()}  # leave the caller's unchanged
    L = len(parameters) // 2  # number of layers in the neural network

    for l in range(1, L + 1):
        ### START CODE HERE ### (≈ 2 lines of code)
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
        ### END CODE HERE ###
    return parameters


# %%
update_parameters_with_gd_test(update_parameters_with_gd)

# %%
# HIDDEN TESTS: update_parameters_with_gd

# %% [markdown]
# ## 2. Mini-batch gradient descent
#
# Computing the gradient on all $m$ examples before every step is slow when $m$ is large.
# **Stochastic** gradient descent goes to the other extreme: one step per example. Its steps
# are cheap but noisy, and it loses the speed of vectorized code. **Mini-batch** gradient
# descent sits in between: split the training set into small batches, of 64 examples say, and
# take one step per batch. One pass through all the batches is an **epoch**.
#
# Building the mini-batches takes two steps:
# 1. **shuffle** the examples — the same random permutation for the columns of `X` and of `Y`,
#    so that each example keeps its label (written for you);
# 2. **partition** the shuffled examples into batches of `mini_batch_size` columns; when $m$ is
#    not a multiple of the size, the last batch holds the $m - \text{mini\_batch\_size} \times \lfloor m / \text{mini\_batch\_size} \rfloor$
#    examples left over.
#
# Sizes that are powers of 2 (64, 128, 256, 512) are the usual choice.
#
# ### Exercise 2: `random_mini_batches`
#
# Write the partition. Mini-batch `k` (counting from 0) holds the shuffled columns
# `k * mini_batch_size` to `(k + 1) * mini_batch_size`, which the slice
# `shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]` selects.

# %%
# GRADED FUNCTION: random_mini_batches
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """
    Create a list of random minibatches from (X, Y).

    Arguments:
    X -- input data, of shape (input size, number of examples)
    Y -- true "label" vector (1 for blue dot / 0 for red dot), of shape (1, number of examples)
    mini_batch_size -- size of the mini-batches, integer
    seed -- seed of NumPy's random generator, so that your batches match the tests'

    Returns:
    mini_batches -- list of synchronous (mini_batch_X, mini_batch_Y)
    """
    np.random.seed(seed)
    m = X.shape[1]  # number of training examples
    mini_batches = []

    # Step 1: shuffle (X, Y)
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))

    # Step 2: partition (shuffled_X, shuffled_Y), the complete mini-batches first
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        ### START CODE HERE ### (≈ 2 lines of code)
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        ### END CODE HERE ###
        mini_batches.append((mini_batch_X, mini_batch_Y))

    # The last, smaller mini-batch, when m is not a multiple of mini_batch_size
    if m % mini_batch_size != 0:
        ### START CODE HERE ### (≈ 2 lines of code)
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:]
        ### END CODE HERE ###
        mini_batches.append((mini_batch_X, mini_batch_Y))

    return mini_batches


# %%
random_mini_batches_test(random_mini_batches)

# %%
# HIDDEN TESTS: random_mini_batches

# %% [markdown]
# ## 3. Momentum
#
# A mini-batch gradient points roughly downhill, but each batch pulls a little differently, so
# the steps zig-zag. Momentum replaces each gradient by an **exponentially weighted average** of
# the recent ones, the "velocity" $v$. Components that flip sign from step to step cancel out;
# components that agree add up. For $l = 1, \dots, L$:
#
# $$v_{dW^{[l]}} := \beta\, v_{dW^{[l]}} + (1 - \beta)\, dW^{[l]}, \qquad W^{[l]} := W^{[l]} - \alpha\, v_{dW^{[l]}},$$
#
# $$v_{db^{[l]}} := \beta\, v_{db^{[l]}} + (1 - \beta)\, db^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha\, v_{db^{[l]}}.$$
#
# With $\beta = 0.9$, the usual choice, the velocity averages about the last
# $1 / (1 - \beta) = 10$ gradients.
#
# ### Exercise 3: `initialize_velocity`
#
# The velocity starts at zero, with the shape of each gradient: `v["dW1"]` has the shape of
# `parameters["W1"]`, `v["db1"]` that of `parameters["b1"]`, and so on.

# %%
# GRADED FUNCTION: initialize_velocity
def initialize_velocity(parameters):
    """
    Initialize the velocity as a python dictionary with the keys "dW1", "db1", ..., "dWL", "dbL"
    and numpy arrays of zeros of the same shape as the corresponding gradients/parameters.

    Arguments:
    parameters -- python dictionary containing your parameters:
                    parameters['W' + str(l)] = Wl
                    parameters['b' + str(l)] = bl

    Returns:
    v -- python dictionary containing the current velocity:
                    v['dW' + str(l)] = velocity of dWl
                    v['db' + str(l)] = velocity of dbl
    """
    L = len(parameters) // 2  # number of layers in the neural network
    v = {}

    for l in range(1, L + 1):
        ### START CODE HERE ### (≈ 2 lines of code)
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        ### END CODE HERE ###
    return v


# %%
initialize_velocity_test(initialize_velocity)

# %%
# HIDDEN TESTS: initialize_velocity

# %% [markdown]
# ### Exercise 4: `update_parameters_with_momentum`
#
# Update the velocity, then the parameters, with the formulas above — for every layer, for the
# weights and for the biases. The function works on copies of `parameters` and `v` and returns
# both.

# %%
# GRADED FUNCTION: update_parameters_with_momentum
def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """
    Update parameters using momentum.

    Arguments:
    parameters -- python dictionary containing your parameters:
                    parameters['W' + str(l)] = Wl
                    parameters['b' + str(l)] = bl
    grads -- python dictionary containing your gradients for each parameter:
                    grads['dW' + str(l)] = dWl
                    grads['db' + str(l)] = dbl
    v -- python dictionary containing the current velocity:
                    v['dW' + str(l)] = ...
                    v['db' + str(l)] = ...
    beta -- the momentum hyperparameter, scalar
    learning_rate -- the learning rate, scalar

    Returns:
    parameters -- python dictionary containing your updated parameters
    v -- python dictionary containing your updated velocities
    """
    parameters = {key: value.copy() for key, value in parameters.items()}
    v = {key: value.copy() for key, value in v.items()}
    L = len(parameters) // 2  # number of layers in the neural network

    for l in range(1, L + 1):
        ### START CODE HERE ### (≈ 4 lines of code)
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
        ### END CODE HERE ###
    return parameters, v


# %%
update_parameters_with_momentum_test(update_parameters_with_momentum)

# %%
# HIDDEN TESTS: update_parameters_with_momentum

# %% [markdown]
# With $\beta = 0$ momentum is plain gradient descent; the larger $\beta$, the smoother — and
# the more sluggish — the steps. $\beta$ between 0.8 and 0.999 works in practice, 0.9 being
# a reasonable default.

# %% [markdown]
# ## 4. Adam
#
# Adam ("adaptive moment estimation") keeps two averages for each parameter:
# - $v$, the average of the gradients, as in momentum (coefficient $\beta_1$);
# - $s$, the average of the **squared** gradients, as in RMSprop (coefficient $\beta_2$),
#   which measures how large the gradients of that parameter usually are.
#
# Both start at zero, so early on they are too small; dividing by $1 - \beta^t$, where $t$
# counts the steps taken so far, corrects this **bias**. The step divides the average gradient
# by the square root of the average squared gradient, so every parameter moves at a similar
# pace whatever the scale of its gradients. For $l = 1, \dots, L$:
#
# $$\begin{aligned}
# v_{dW^{[l]}} &:= \beta_1 v_{dW^{[l]}} + (1 - \beta_1) \, dW^{[l]}, &
# v^{\text{corrected}}_{dW^{[l]}} &= \frac{v_{dW^{[l]}}}{1 - \beta_1^{\,t}}, \\
# s_{dW^{[l]}} &:= \beta_2 s_{dW^{[l]}} + (1 - \beta_2) \left(dW^{[l]}\right)^2, &
# s^{\text{corrected}}_{dW^{[l]}} &= \frac{s_{dW^{[l]}}}{1 - \beta_2^{\,t}}, \\
# W^{[l]} &:= W^{[l]} - \alpha \frac{v^{\text{corrected}}_{dW^{[l]}}}{\sqrt{s^{\text{corrected}}_{dW^{[l]}}} + \varepsilon},
# \end{aligned}$$
#
# and the same for $b^{[l]}$. The square and the square root act on each entry; $\varepsilon$
# (about $10^{-8}$) prevents a division by zero. The usual values are $\beta_1 = 0.9$ and
# $\beta_2 = 0.999$; the learning rate $\alpha$ still needs tuning.
#
# ### Exercise 5: `initialize_adam`
#
# Return `v` and `s`, two dictionaries of zeros with the keys `"dW1", "db1", …` and the shapes
# of the matching parameters, as in `initialize_velocity`.

# %%
# GRADED FUNCTION: initialize_adam
def initialize_adam(parameters):
    """
    Initialize v and s as two python dictionaries with the keys "dW1", "db1", ..., "dWL", "dbL"
    and numpy arrays of zeros of the same shape as the corresponding gradients/parameters.

    Arguments:
    parameters -- python dictionary containing your parameters:
                    parameters["W" + str(l)] = Wl
                    parameters["b" + str(l)] = bl

    Returns:
    v -- python dictionary that will contain the exponentially weighted average of the gradient:
                    v["dW" + str(l)] = ...
                    v["db" + str(l)] = ...
    s -- python dictionary that will contain the exponentially weighted average of the squared gradient:
                    s["dW" + str(l)] = ...
                    s["db" + str(l)] = ...
    """
    L = len(parameters) // 2  # number of layers in the neural network
    v = {}
    s = {}

    for l in range(1, L + 1):
        ### START CODE HERE ### (≈ 4 lines of code)
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        ### END CODE HERE ###
    return v, s


# %%
initialize_adam_test(initialize_adam)

# %%
# HIDDEN TESTS: initialize_adam

# %% [markdown]
# ### Exercise 6: `update_parameters_with_adam`
#
# Implement the five formulas for every layer, for the weights and the biases, in order:
# average of the gradients, its bias correction, average of the squared gradients, its bias
# correction, update. `t` is the number of steps taken so far, this one included (it starts
# at 1). Return the updated parameters, `v` and `s`, and the two corrected dictionaries.

# %%
# GRADED FUNCTION: update_parameters_with_adam
def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01,
                                beta1=0.9, beta2=0.999, epsilon=1e-8):
    """
    Update parameters using Adam.

    Arguments:
    parameters -- python dictionary containing your parameters:
                    parameters['W' + str(l)] = Wl
                    parameters['b' + str(l)] = bl
    grads -- python dictionary containing your gradients for each parameter:
                    grads['dW' + str(l)] = dWl
                    grads['db' + str(l)] = dbl
    v -- Adam variable, moving average of the first gradient, python dictionary
    s -- Adam variable, moving average of the squared gradient, python dictionary
    t -- Adam variable, counts the number of steps taken, including this one
    learning_rate -- the learning rate, scalar
    beta1 -- exponential decay hyperparameter for the first moment estimates
    beta2 -- exponential decay hyperparameter for the second moment estimates
    epsilon -- hyperparameter preventing division by zero in Adam updates

    Returns:
    parameters -- python dictionary containing your updated parameters
    v -- Adam variable, moving average of the first gradient, python dictionary
    s -- Adam variable, moving average of the squared gradient, python dictionary
    v_corrected -- python dictionary, the bias-corrected first moment estimates
    s_corrected -- python dictionary, the bias-corrected second moment estimates
    """
    parameters = {key: value.copy() for key, value in parameters.items()}
    v = {key: value.copy() for key, value in v.items()}
    s = {key: value.copy() for key, value in s.items()}
    L = len(parameters) // 2  # number of layers in the neural network
    v_corrected = {}
    s_corrected = {}

    for l in range(1, L + 1):
        # Moving average of the gradients
        ### START CODE HERE ### (≈ 2 lines of code)
        v["dW" + str(l)] = beta1 * v["dW" + str(l)] + (1 - beta1) * grads["dW" + str(l)]
        v["db" + str(l)] = beta1 * v["db" + str(l)] + (1 - beta1) * grads["db" + str(l)]
        ### END CODE HERE ###

        # Bias-corrected first moment estimate
        ### START CODE HERE ### (≈ 2 lines of code)
        v_corrected["dW" + str(l)] = v["dW" + str(l)] / (1 - beta1 ** t)
        v_corrected["db" + str(l)] = v["db" + str(l)] / (1 - beta1 ** t)
        ### END CODE HERE ###

        # Moving average of the squared gradients
        ### START CODE HERE ### (≈ 2 lines of code)
        s["dW" + str(l)] = beta2 * s["dW" + str(l)] + (1 - beta2) * np.square(grads["dW" + str(l)])
        s["db" + str(l)] = beta2 * s["db" + str(l)] + (1 - beta2) * np.square(grads["db" + str(l)])
        ### END CODE HERE ###

        # Bias-corrected second raw moment estimate
        ### START CODE HERE ### (≈ 2 lines of code)
        s_corrected["dW" + str(l)] = s["dW" + str(l)] / (1 - beta2 ** t)
        s_corrected["db" + str(l)] = s["db" + str(l)] / (1 - beta2 ** t)
        ### END CODE HERE ###

        # Update the parameters
        ### START CODE HERE ### (≈ 2 lines of code)
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v_corrected["dW" + str(l)] / (
            np.sqrt(s_corrected["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v_corrected["db" + str(l)] / (
            np.sqrt(s_corrected["db" + str(l)]) + epsilon)
        ### END CODE HERE ###

    return parameters, v, s, v_corrected, s_corrected


# %%
update_parameters_with_adam_test(update_parameters_with_adam)

# %%
# HIDDEN TESTS: update_parameters_with_adam

# %% [markdown]
# ## 5. A race on a two-dimensional surface
#
# Before you train a network, watch the update rules at work where you can see everything: a
# loss of just two parameters, drawn as a contour map. The widget runs gradient descent,
# momentum, RMSprop and Adam from the same starting point with the same learning rate (its own
# implementation of the formulas above, for a single point) and draws their paths.
#
# Three surfaces, three classic difficulties:
# - a **ravine**, steep across and nearly flat along: gradient descent zig-zags across it and
#   crawls along it; Adam's per-parameter scaling heads straight for the minimum;
# - a **banana valley** (Rosenbrock's function): at the same learning rate, gradient descent
#   bounces off the steep walls and diverges, while momentum and Adam follow the curved floor;
# - a **saddle point**: the slope away from the ridge is tiny, gradient descent stays stuck
#   there for hundreds of steps, Adam gets away almost at once.
#
# Watch RMSprop's first steps too: its average of squared gradients starts at zero, so it
# divides by far too small a number and jumps too far — exactly what Adam's bias correction
# prevents. Change the learning rate and the $\beta$'s and see when each method wins or fails.

# %%
optimizer_race_widget()

# %% [markdown]
# ## 6. The three optimizers on a real network
#
# The data: 300 points of two interleaving half-moons, with noise.

# %%
train_X, train_Y = load_moons_dataset()
plot_2d_dataset(train_X, train_Y, title="Training set: two moons");

# %% [markdown]
# The network is the three-layer LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID network of
# last week, with `layers_dims = [2, 5, 2, 1]` and He initialization. `model` trains it with
# mini-batches for `num_epochs` epochs, updating the parameters with the optimizer you name:
# `"gd"`, `"momentum"` or `"adam"`. It records the average cost over each epoch, every 100
# epochs. (The `decay` arguments are for section 7.)

# %%
def model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, print_cost=True, decay=None, decay_rate=1):
    """
    Train the three-layer network with mini-batches and the chosen optimizer.

    Arguments:
    X -- input data, of shape (2, number of examples)
    Y -- true "label" vector (1 for blue dot / 0 for red dot), of shape (1, number of examples)
    layers_dims -- python list, containing the size of each layer
    optimizer -- "gd", "momentum" or "adam"
    learning_rate -- the learning rate, scalar
    mini_batch_size -- the size of a mini batch
    beta -- momentum hyperparameter
    beta1 -- exponential decay hyperparameter for the past gradients estimates
    beta2 -- exponential decay hyperparameter for the past squared gradients estimates
    epsilon -- hyperparameter preventing division by zero in Adam updates
    num_epochs -- number of epochs
    print_cost -- if True, print the cost every 1000 epochs and show a progress bar
    decay -- a function learning_rate = decay(learning_rate0, epoch_num, decay_rate), or None
    decay_rate -- the decay rate passed to decay

    Returns:
    parameters -- python dictionary containing your updated parameters
    costs -- the average cost of an epoch, every 100 epochs
    """
    costs = []
    t = 0  # Adam's step counter
    seed = 10  # a different, fixed shuffle at every epoch
    m = X.shape[1]
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims, gain=2)  # He initialization, np.random.seed(3)

    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in trange(num_epochs, desc=optimizer, disable=not print_cost):
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            A3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(A3, minibatch_Y) * minibatch_Y.shape[1]
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)

            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)
            elif optimizer == "adam":
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,
                                                                     beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if decay:
            learning_rate = decay(learning_rate0, i, decay_rate)

        if i % 100 == 0:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay:
                print(f"learning rate after epoch {i}: {learning_rate:f}")

    return parameters, costs


# %% [markdown]
# Train the network three times, 5000 epochs each (a few seconds each), with the same small
# learning rate of 0.0007:

# %%
layers_dims = [train_X.shape[0], 5, 2, 1]
runs = {}
for optimizer in ("gd", "momentum", "adam"):
    parameters, costs = model(train_X, train_Y, layers_dims, optimizer=optimizer)
    runs[optimizer] = (parameters, costs)
    print(f"{optimizer}: accuracy {accuracy(parameters, train_X, train_Y):.1f} %")

# %%
names = {"gd": "gradient descent", "momentum": "momentum", "adam": "Adam"}
plot_model_comparison(
    {names[o]: (lambda X, p=runs[o][0]: predict_dec(p, X)) for o in runs},
    {names[o]: runs[o][1] for o in runs},
    train_X, train_Y, every=100, unit="epoch",
    notes={names[o]: f"accuracy {accuracy(runs[o][0], train_X, train_Y):.1f} %" for o in runs});

# %%
ax = plot_cost_comparison({names[o]: runs[o][1] for o in runs}, every=100)
ax.set_xlabel("epoch");

# %% [markdown]
# With this learning rate, gradient descent and momentum have barely started after 5000
# epochs: their boundaries are almost straight lines. Momentum helps little here — it averages
# the steps but does not make them larger, and the learning rate is simply too small for
# these gradients. Adam scales each step by the typical size of its gradients, so the same
# learning rate takes it much further: it finds the curved boundary between the moons.
#
# Adam is the usual first choice in practice: it works well with little tuning and uses little
# extra memory (two averages per parameter).

# %% [markdown]
# ## 7. Learning-rate decay
#
# Late in training, a large step keeps jumping over the minimum that mini-batch noise hides.
# Shrinking the learning rate over time, $\alpha = \frac{1}{1 + \text{decay\_rate} \times \text{epoch\_num}}\, \alpha_0$,
# lets you start with large steps and still settle down at the end.
#
# ### Exercise 7: `update_lr`
#
# Return the learning rate of epoch `epoch_num` with this formula, where `learning_rate0` is
# $\alpha_0$.

# %%
# GRADED FUNCTION: update_lr
def update_lr(learning_rate0, epoch_num, decay_rate):
    """
    Calculate the updated learning rate using exponential weight decay.

    Arguments:
    learning_rate0 -- original learning rate, scalar
    epoch_num -- epoch number, integer
    decay_rate -- decay rate, scalar

    Returns:
    learning_rate -- updated learning rate, scalar
    """
    ### START CODE HERE ### (≈ 1 line of code)
    learning_rate = 1 / (1 + decay_rate * epoch_num) * learning_rate0
    ### END CODE HERE ###
    return learning_rate


# %%
update_lr_test(update_lr)

# %%
# HIDDEN TESTS: update_lr

# %% [markdown]
# Train gradient descent with a learning rate of 0.1 — more than a hundred times the one
# above — decayed at every epoch:

# %%
parameters, costs = model(train_X, train_Y, layers_dims, optimizer="gd", learning_rate=0.1, decay=update_lr)
runs["gd, decay every epoch"] = (parameters, costs)
print(f"gd with update_lr: accuracy {accuracy(parameters, train_X, train_Y):.1f} %")

# %% [markdown]
# Worse than before: after 100 epochs the learning rate is already 100 times smaller, and long
# before the end the steps are too small to matter. Decaying at every epoch is too fast for
# thousands of epochs.
#
# ### Exercise 8: `schedule_lr_decay`
#
# Decay in stages instead: keep the learning rate fixed for `time_interval` epochs, then lower
# it, with
#
# $$\alpha = \frac{1}{1 + \text{decay\_rate} \times \left\lfloor \frac{\text{epoch\_num}}{\text{time\_interval}} \right\rfloor}\, \alpha_0.$$
#
# $\lfloor \cdot \rfloor$ rounds down (`np.floor`).

# %%
# GRADED FUNCTION: schedule_lr_decay
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """
    Calculate the updated learning rate using exponential weight decay, in stages.

    Arguments:
    learning_rate0 -- original learning rate, scalar
    epoch_num -- epoch number, integer
    decay_rate -- decay rate, scalar
    time_interval -- number of epochs between two decays, integer

    Returns:
    learning_rate -- updated learning rate, scalar
    """
    ### START CODE HERE ### (≈ 1 line of code)
    learning_rate = 1 / (1 + decay_rate * np.floor(epoch_num / time_interval)) * learning_rate0
    ### END CODE HERE ###
    return learning_rate


# %%
schedule_lr_decay_test(schedule_lr_decay)

# %%
# HIDDEN TESTS: schedule_lr_decay

# %%
epochs = range(5000)
plot_learning_rate_schedules({"update_lr (every epoch)": [update_lr(0.1, e, 1) for e in epochs],
                              "schedule_lr_decay (every 1000 epochs)": [schedule_lr_decay(0.1, e, 1) for e in epochs]});

# %% [markdown]
# Now train gradient descent again with the same starting learning rate of 0.1, decayed every
# 1000 epochs:

# %%
parameters, costs = model(train_X, train_Y, layers_dims, optimizer="gd", learning_rate=0.1,
                          decay=schedule_lr_decay)
runs["gd, scheduled decay"] = (parameters, costs)
print(f"gd with schedule_lr_decay: accuracy {accuracy(parameters, train_X, train_Y):.1f} %")

# %%
ax = plot_cost_comparison({name: costs for name, (_, costs) in runs.items()}, every=100)
ax.set_xlabel("epoch")
ax.set_yscale("log");

# %% [markdown]
# With a larger learning rate that decays in stages, plain gradient descent now matches Adam:
# the large early steps make progress, the smaller late ones settle.
#
# Try the other two optimizers with scheduled decay as well (each run takes a few seconds),
# for example momentum from 0.1 and Adam from 0.01:
#
# ```python
# parameters, costs = model(train_X, train_Y, layers_dims, optimizer="momentum", learning_rate=0.1,
#                           decay=schedule_lr_decay)
# ```
#
# With this data and these settings they reach about 95 % and 94 %: once the learning rate is
# well chosen, the three optimizers end up close. Adam's advantage is that it gets there with
# less tuning.

# %%
print(f"{'optimizer':<32}{'final cost':>12}{'accuracy':>11}")
for name, (parameters, costs) in runs.items():
    print(f"{name:<32}{costs[-1]:>12.4f}{accuracy(parameters, train_X, train_Y):>9.1f} %")

# %% [markdown]
# ## What you learned
# - **Mini-batches**: shuffle, partition, one step per batch; an epoch is one pass over all the
#   batches.
# - **Momentum** averages the recent gradients, which damps the zig-zags; $\beta = 0.9$ is a
#   good default.
# - **Adam** combines that average with a per-parameter step size (RMSprop) and corrects the
#   bias of both averages early on. At the same small learning rate it trained the network far
#   better than gradient descent and momentum.
# - **Learning-rate decay** lets large early steps and small late steps coexist; decaying too
#   fast stops learning, decaying in stages worked well here.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | optimization algorithm | 优化算法 |
# | mini-batch gradient descent | mini-batch 梯度下降 |
# | batch / stochastic gradient descent | batch 梯度下降 / 随机梯度下降 |
# | epoch | 一代 |
# | exponentially weighted average | 指数加权平均数 |
# | bias correction | 偏差修正 |
# | gradient descent with momentum | 动量梯度下降法 |
# | RMSprop | RMSprop |
# | Adam optimization algorithm | Adam 优化算法 |
# | learning rate decay | 学习率衰减 |
