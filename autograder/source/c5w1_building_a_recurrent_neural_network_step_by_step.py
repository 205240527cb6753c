# %% [markdown]
# # Building a recurrent neural network, step by step
#
# A recurrent neural network (RNN) reads a sequence one element at a time and carries a
# *hidden state* from each step to the next: a memory of what it has read so far. That is what
# makes it suited to text, speech, music and any other data where order matters.
#
# In this notebook you build, in numpy, the three recurrent cells of the lectures — the basic
# RNN, the LSTM and the GRU — forward and backward, check every backward pass against finite
# differences, and finally train an LSTM with your own code and watch its gates at work.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the
# test cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers.diagrams import draw_unrolled_rnn
from helpers.gradient_check import compare_gradients
from helpers.plotting import plot_costs
from helpers.rnn import (
    LAST_SYMBOL_INPUTS,
    LAST_SYMBOL_TARGETS,
    make_last_symbol_sequences,
    plot_gate_activations,
    sigmoid,
    softmax,
    train_lstm,
)
from helpers.public_tests.c5w1_building_a_recurrent_neural_network_step_by_step import (
    gru_cell_backward_test,
    gru_cell_forward_test,
    lstm_backward_test,
    lstm_cell_backward_test,
    lstm_cell_forward_test,
    lstm_forward_test,
    rnn_backward_test,
    rnn_cell_backward_test,
    rnn_cell_forward_test,
    rnn_forward_test,
)

# %% [markdown]
# ## Notation
#
# - A superscript $(i)$ names example $i$, a superscript $\langle t \rangle$ names time step $t$:
#   $x^{(i)\langle t \rangle}$ is the input of example $i$ at step $t$. A sequence has $T_x$ steps.
# - You process $m$ sequences at once. The inputs of one step form a matrix $x^{\langle t \rangle}$
#   of shape $(n_x, m)$ — one column per example — and the whole batch is a 3-D array `x` of
#   shape $(n_x, m, T_x)$: `x[:, :, t]` is one time step.
# - The hidden state $a^{\langle t \rangle}$ has $n_a$ units, so it has shape $(n_a, m)$; the
#   predictions $\hat y^{\langle t \rangle}$ have shape $(n_y, m)$.
#
# `sigmoid` and `softmax` (over axis 0, the classes) are imported from `helpers/rnn.py`.

# %% [markdown]
# ## 1. The basic RNN
#
# An RNN applies the **same cell**, with the same parameters, at every time step. Unrolled over
# time it looks like a deep network in which every layer shares its weights:

# %%
draw_unrolled_rnn(4, cell="RNN",
                  parameters=r"the same parameters at every step: $W_{ax}, W_{aa}, W_{ya}, b_a, b_y$");

# %% [markdown]
# One step of the cell takes the current input and the previous hidden state:
#
# $$a^{\langle t \rangle} = \tanh\left(W_{aa} a^{\langle t-1 \rangle} + W_{ax} x^{\langle t \rangle} + b_a\right),
# \qquad \hat y^{\langle t \rangle} = \mathrm{softmax}\left(W_{ya} a^{\langle t \rangle} + b_y\right).$$
#
# The shapes: $W_{ax}$ is $(n_a, n_x)$, $W_{aa}$ is $(n_a, n_a)$, $W_{ya}$ is $(n_y, n_a)$,
# $b_a$ is $(n_a, 1)$ and $b_y$ is $(n_y, 1)$ (broadcast over the $m$ columns).
#
# ### Exercise 1: `rnn_cell_forward`
#
# Compute the new hidden state and the prediction. The cache keeps what the backward pass will
# need: `(a_next, a_prev, xt, parameters)`.

# %%
# GRADED FUNCTION: rnn_cell_forward
def rnn_cell_forward(xt, a_prev, parameters):
    """
    Implement a single forward step of the RNN cell.

    Arguments:
    xt -- your input data at timestep "t", numpy array of shape (n_x, m)
    a_prev -- hidden state at timestep "t-1", numpy array of shape (n_a, m)
    parameters -- python dictionary containing:
                        Wax -- weight matrix multiplying the input, numpy array of shape (n_a, n_x)
                        Waa -- weight matrix multiplying the hidden state, numpy array of shape (n_a, n_a)
                        Wya -- weight matrix relating the hidden state to the output, numpy array of shape (n_y, n_a)
                        ba -- bias, numpy array of shape (n_a, 1)
                        by -- bias relating the hidden state to the output, numpy array of shape (n_y, 1)

    Returns:
    a_next -- next hidden state, of shape (n_a, m)
    yt_pred -- prediction at timestep "t", numpy array of shape (n_y, m)
    cache -- tuple of values needed for the backward pass, contains (a_next, a_prev, xt, parameters)
    """
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]
    Wya = parameters["Wya"]
    ba = parameters["ba"]
    by = parameters["by"]

    ### START CODE HERE ### (≈ 2 lines of code)
    a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)
    yt_pred = softmax(Wya @ a_next + by)
    ### END CODE HERE ###

    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache


# %%
rnn_cell_forward_test(rnn_cell_forward)

# %%
# HIDDEN TESTS: rnn_cell_forward

# %%
np.random.seed(1)
xt_tmp = np.random.randn(3, 10)
a_prev_tmp = np.random.randn(5, 10)
parameters_tmp = {}
parameters_tmp["Waa"] = np.random.randn(5, 5)
parameters_tmp["Wax"] = np.random.randn(5, 3)
parameters_tmp["Wya"] = np.random.randn(2, 5)
parameters_tmp["ba"] = np.random.randn(5, 1)
parameters_tmp["by"] = np.random.randn(2, 1)

a_next_tmp, yt_pred_tmp, cache_tmp = rnn_cell_forward(xt_tmp, a_prev_tmp, parameters_tmp)
print("a_next[4] =", a_next_tmp[4])
print("a_next.shape =", a_next_tmp.shape)
print("yt_pred[1] =", yt_pred_tmp[1])
print("yt_pred.shape =", yt_pred_tmp.shape)

# %% [markdown]
# ### Exercise 2: `rnn_forward`
#
# Run the cell over the $T_x$ steps, starting from the initial hidden state $a^{\langle 0 \rangle}$
# (`a0`). Store every hidden state in `a` and every prediction in `y_pred`, both 3-D arrays with
# the time steps on the last axis, and collect the caches of all steps in a list.

# %%
# GRADED FUNCTION: rnn_forward
def rnn_forward(x, a0, parameters):
    """
    Implement the forward propagation of the recurrent neural network.

    Arguments:
    x -- input data for every time step, of shape (n_x, m, T_x)
    a0 -- initial hidden state, of shape (n_a, m)
    parameters -- python dictionary containing Waa, Wax, Wya, ba, by (see rnn_cell_forward)

    Returns:
    a -- hidden states for every time step, numpy array of shape (n_a, m, T_x)
    y_pred -- predictions for every time step, numpy array of shape (n_y, m, T_x)
    caches -- tuple of values needed for the backward pass, contains (list of caches, x)
    """
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wya"].shape

    # a and y_pred initialised with zeros, and the first hidden state
    ### START CODE HERE ### (≈ 3 lines of code)
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    a_next = a0
    ### END CODE HERE ###

    for t in range(T_x):
        # One step of the cell, then store its hidden state and its prediction
        ### START CODE HERE ### (≈ 3 lines of code)
        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)
        a[:, :, t] = a_next
        y_pred[:, :, t] = yt_pred
        ### END CODE HERE ###
        caches.append(cache)

    caches = (caches, x)
    return a, y_pred, caches


# %%
rnn_forward_test(rnn_forward)

# %%
# HIDDEN TESTS: rnn_forward

# %%
np.random.seed(1)
x_tmp = np.random.randn(3, 10, 4)
a0_tmp = np.random.randn(5, 10)
parameters_tmp = {}
parameters_tmp["Waa"] = np.random.randn(5, 5)
parameters_tmp["Wax"] = np.random.randn(5, 3)
parameters_tmp["Wya"] = np.random.randn(2, 5)
parameters_tmp["ba"] = np.random.randn(5, 1)
parameters_tmp["by"] = np.random.randn(2, 1)

a_tmp, y_pred_tmp, caches_tmp = rnn_forward(x_tmp, a0_tmp, parameters_tmp)
print("a[4][1] =", a_tmp[4][1])
print("a.shape =", a_tmp.shape)
print("y_pred[1][3] =", y_pred_tmp[1][3])
print("y_pred.shape =", y_pred_tmp.shape)
print("len(caches) =", len(caches_tmp))

# %% [markdown]
# The basic RNN works, but its memory is short: the gradient that reaches step $t$ from a loss
# many steps later is multiplied, once per step in between, by $W_{aa}^T$ and by the
# derivative of $\tanh$. It usually vanishes, so the network cannot learn that a word at the
# start of a sentence decides a word near its end. Gated cells fix this.

# %% [markdown]
# ## 2. The LSTM
#
# A long short-term memory (LSTM) cell keeps, besides the hidden state $a^{\langle t \rangle}$,
# a **memory cell** $c^{\langle t \rangle}$ and three *gates*: vectors of numbers between 0 and 1,
# computed from $[a^{\langle t-1 \rangle}; x^{\langle t \rangle}]$, the previous hidden state
# stacked on top of the input, which decide entry by entry what happens to the memory:
#
# $$
# \begin{aligned}
# \Gamma_f^{\langle t \rangle} &= \sigma\left(W_f [a^{\langle t-1 \rangle}; x^{\langle t \rangle}] + b_f\right)
#   && \text{forget gate: how much of the old memory to keep} \\
# \Gamma_i^{\langle t \rangle} &= \sigma\left(W_i [a^{\langle t-1 \rangle}; x^{\langle t \rangle}] + b_i\right)
#   && \text{update (input) gate: how much of the candidate to write} \\
# \tilde c^{\langle t \rangle} &= \tanh\left(W_c [a^{\langle t-1 \rangle}; x^{\langle t \rangle}] + b_c\right)
#   && \text{candidate value} \\
# c^{\langle t \rangle} &= \Gamma_f^{\langle t \rangle} * c^{\langle t-1 \rangle}
#   + \Gamma_i^{\langle t \rangle} * \tilde c^{\langle t \rangle} && \text{new memory} \\
# \Gamma_o^{\langle t \rangle} &= \sigma\left(W_o [a^{\langle t-1 \rangle}; x^{\langle t \rangle}] + b_o\right)
#   && \text{output gate: how much of the memory to show} \\
# a^{\langle t \rangle} &= \Gamma_o^{\langle t \rangle} * \tanh\left(c^{\langle t \rangle}\right), \qquad
# \hat y^{\langle t \rangle} = \mathrm{softmax}\left(W_y a^{\langle t \rangle} + b_y\right)
# \end{aligned}
# $$
#
# where $*$ multiplies entry by entry. Each $W$ of a gate has shape $(n_a, n_a + n_x)$. (The
# lecture calls the update gate $\Gamma_u$; the code calls it `it`, and the candidate `cct`.)
# When $\Gamma_f \approx 1$ and $\Gamma_i \approx 0$ the memory passes through a step unchanged,
# and so does its gradient: that is how an LSTM remembers over hundreds of steps.

# %%
draw_unrolled_rnn(4, cell="LSTM", states=("c", "a"),
                  parameters=r"the same parameters at every step: $W_f, b_f, W_i, b_i, W_c, b_c, W_o, b_o, W_y, b_y$");

# %% [markdown]
# ### Exercise 3: `lstm_cell_forward`
#
# Stack $a^{\langle t-1 \rangle}$ on top of $x^{\langle t \rangle}$ with
# `np.concatenate((a_prev, xt), axis=0)`, a matrix of shape $(n_a + n_x, m)$, then follow the
# equations above.

# %%
# GRADED FUNCTION: lstm_cell_forward
def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    """
    Implement a single forward step of the LSTM cell.

    Arguments:
    xt -- your input data at timestep "t", numpy array of shape (n_x, m)
    a_prev -- hidden state at timestep "t-1", numpy array of shape (n_a, m)
    c_prev -- memory state at timestep "t-1", numpy array of shape (n_a, m)
    parameters -- python dictionary containing:
                        Wf -- weight matrix of the forget gate, numpy array of shape (n_a, n_a + n_x)
                        bf -- bias of the forget gate, numpy array of shape (n_a, 1)
                        Wi -- weight matrix of the update gate, numpy array of shape (n_a, n_a + n_x)
                        bi -- bias of the update gate, numpy array of shape (n_a, 1)
                        Wc -- weight matrix of the candidate value, numpy array of shape (n_a, n_a + n_x)
                        bc -- bias of the candidate value, numpy array of shape (n_a, 1)
                        Wo -- weight matrix of the output gate, numpy array of shape (n_a, n_a + n_x)
                        bo -- bias of the output gate, numpy array of shape (n_a, 1)
                        Wy -- weight matrix relating the hidden state to the output, numpy array of shape (n_y, n_a)
                        by -- bias relating the hidden state to the output, numpy array of shape (n_y, 1)

    Returns:
    a_next -- next hidden state, of shape (n_a, m)
    c_next -- next memory state, of shape (n_a, m)
    yt_pred -- prediction at timestep "t", numpy array of shape (n_y, m)
    cache -- tuple of values needed for the backward pass, contains
             (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    """
    Wf = parameters["Wf"]
    bf = parameters["bf"]
    Wi = parameters["Wi"]
    bi = parameters["bi"]
    Wc = parameters["Wc"]
    bc = parameters["bc"]
    Wo = parameters["Wo"]
    bo = parameters["bo"]
    Wy = parameters["Wy"]
    by = parameters["by"]

    # Stack a_prev on top of xt
    ### START CODE HERE ### (≈ 1 line of code)
    concat = np.concatenate((a_prev, xt), axis=0)
    ### END CODE HERE ###

    # The gates, the candidate, the new memory and the new hidden state
    ### START CODE HERE ### (≈ 6 lines of code)
    ft = sigmoid(Wf @ concat + bf)
    it = sigmoid(Wi @ concat + bi)
    cct = np.tanh(Wc @ concat + bc)
    c_next = ft * c_prev + it * cct
    ot = sigmoid(Wo @ concat + bo)
    a_next = ot * np.tanh(c_next)
    ### END CODE HERE ###

    # The prediction
    ### START CODE HERE ### (≈ 1 line of code)
    yt_pred = softmax(Wy @ a_next + by)
    ### END CODE HERE ###

    cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    return a_next, c_next, yt_pred, cache


# %%
lstm_cell_forward_test(lstm_cell_forward)

# %%
# HIDDEN TESTS: lstm_cell_forward

# %%
np.random.seed(1)
xt_tmp = np.random.randn(3, 10)
a_prev_tmp = np.random.randn(5, 10)
c_prev_tmp = np.random.randn(5, 10)
parameters_tmp = {}
for gate in ("f", "i", "o", "c"):
    parameters_tmp["W" + gate] = np.random.randn(5, 5 + 3)
    parameters_tmp["b" + gate] = np.random.randn(5, 1)
parameters_tmp["Wy"] = np.random.randn(2, 5)
parameters_tmp["by"] = np.random.randn(2, 1)

a_next_tmp, c_next_tmp, yt_tmp, cache_tmp = lstm_cell_forward(xt_tmp, a_prev_tmp, c_prev_tmp, parameters_tmp)
print("a_next[4] =", a_next_tmp[4])
print("c_next[2] =", c_next_tmp[2])
print("yt[1] =", yt_tmp[1])
print("cache[1][3] =", cache_tmp[1][3])
print("len(cache) =", len(cache_tmp))

# %% [markdown]
# ### Exercise 4: `lstm_forward`
#
# Like `rnn_forward`, with the memory cell as a second state: it starts at zero,
# $c^{\langle 0 \rangle} = 0$, and every step's memory is stored in `c`.

# %%
# GRADED FUNCTION: lstm_forward
def lstm_forward(x, a0, parameters):
    """
    Implement the forward propagation of the recurrent neural network using an LSTM cell.

    Arguments:
    x -- input data for every time step, of shape (n_x, m, T_x)
    a0 -- initial hidden state, of shape (n_a, m)
    parameters -- python dictionary containing Wf, bf, Wi, bi, Wc, bc, Wo, bo, Wy, by (see lstm_cell_forward)

    Returns:
    a -- hidden states for every time step, numpy array of shape (n_a, m, T_x)
    y -- predictions for every time step, numpy array of shape (n_y, m, T_x)
    c -- memory states for every time step, numpy array of shape (n_a, m, T_x)
    caches -- tuple of values needed for the backward pass, contains (list of all the caches, x)
    """
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wy"].shape

    # a, c and y initialised with zeros, and the first hidden and memory states
    ### START CODE HERE ### (≈ 5 lines of code)
    a = np.zeros((n_a, m, T_x))
    c = np.zeros((n_a, m, T_x))
    y = np.zeros((n_y, m, T_x))
    a_next = a0
    c_next = np.zeros((n_a, m))
    ### END CODE HERE ###

    for t in range(T_x):
        # One step of the cell, then store its hidden state, its memory and its prediction
        ### START CODE HERE ### (≈ 5 lines of code)
        xt = x[:, :, t]
        a_next, c_next, yt, cache = lstm_cell_forward(xt, a_next, c_next, parameters)
        a[:, :, t] = a_next
        c[:, :, t] = c_next
        y[:, :, t] = yt
        ### END CODE HERE ###
        caches.append(cache)

    caches = (caches, x)
    return a, y, c, caches


# %%
lstm_forward_test(lstm_forward)

# %%
# HIDDEN TESTS: lstm_forward

# %%
np.random.seed(1)
x_tmp = np.random.randn(3, 10, 7)
a0_tmp = np.random.randn(5, 10)
parameters_tmp = {}
for gate in ("f", "i", "o", "c"):
    parameters_tmp["W" + gate] = np.random.randn(5, 5 + 3)
    parameters_tmp["b" + gate] = np.random.randn(5, 1)
parameters_tmp["Wy"] = np.random.randn(2, 5)
parameters_tmp["by"] = np.random.randn(2, 1)

a_tmp, y_tmp, c_tmp, caches_tmp = lstm_forward(x_tmp, a0_tmp, parameters_tmp)
print("a[4][3][6] =", a_tmp[4][3][6])
print("a.shape =", a_tmp.shape)
print("y[1][4][3] =", y_tmp[1][4][3])
print("c[1][2][1] =", c_tmp[1][2][1])
print("len(caches) =", len(caches_tmp))

# %% [markdown]
# ## 3. Backpropagation through time
#
# The backward pass runs the steps in reverse. Each cell receives the gradient of the cost with
# respect to its outputs and returns the gradients with respect to its inputs and parameters.
# Two things are special about a recurrent network:
#
# - the hidden state $a^{\langle t \rangle}$ feeds both the prediction at step $t$ and the cell
#   at step $t+1$, so its gradient is the **sum** of what comes from both;
# - the parameters are shared by all steps, so their gradients are **summed over the steps**.
#
# The functions below start from `da`, the gradient of the cost with respect to every hidden
# state *coming from the predictions*. The output layer's own backward pass is left out here;
# section 5 adds it when it trains an LSTM.
#
# ### 3.1 The basic RNN cell
#
# With $a^{\langle t \rangle} = \tanh(z)$ and $z = W_{ax} x^{\langle t \rangle} + W_{aa} a^{\langle t-1 \rangle} + b_a$,
# the gradient first crosses the $\tanh$, whose derivative is $1 - \tanh^2(z) = 1 - (a^{\langle t \rangle})^2$:
#
# $$dz = \left(1 - (a^{\langle t \rangle})^2\right) * da_{next}, \qquad
# dx^{\langle t \rangle} = W_{ax}^T dz, \qquad dW_{ax} = dz\, x^{\langle t \rangle T},$$
#
# $$da_{prev} = W_{aa}^T dz, \qquad dW_{aa} = dz\, a^{\langle t-1 \rangle T}, \qquad
# db_a = \textstyle\sum_{\text{examples}} dz \;\; (\text{`np.sum(dz, axis=1, keepdims=True)`}).$$
#
# ### Exercise 5: `rnn_cell_backward`

# %%
# GRADED FUNCTION: rnn_cell_backward
def rnn_cell_backward(da_next, cache):
    """
    Implement the backward pass for the RNN cell (single time step).

    Arguments:
    da_next -- gradient of the loss with respect to the next hidden state, of shape (n_a, m)
    cache -- python tuple containing useful values (output of rnn_cell_forward())

    Returns:
    gradients -- python dictionary containing:
                        dxt -- gradient of the input data, of shape (n_x, m)
                        da_prev -- gradient of the previous hidden state, of shape (n_a, m)
                        dWax -- gradient of the input-to-hidden weights, of shape (n_a, n_x)
                        dWaa -- gradient of the hidden-to-hidden weights, of shape (n_a, n_a)
                        dba -- gradient of the bias, of shape (n_a, 1)
    """
    (a_next, a_prev, xt, parameters) = cache
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]

    ### START CODE HERE ### (≈ 6 lines of code)
    dz = (1 - a_next ** 2) * da_next
    dxt = Wax.T @ dz
    dWax = dz @ xt.T
    da_prev = Waa.T @ dz
    dWaa = dz @ a_prev.T
    dba = np.sum(dz, axis=1, keepdims=True)
    ### END CODE HERE ###

    gradients = {"dxt": dxt, "da_prev": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}
    return gradients


# %%
rnn_cell_backward_test(rnn_cell_backward)

# %%
# HIDDEN TESTS: rnn_cell_backward

# %% [markdown]
# ### Exercise 6: `rnn_backward`
#
# Go through the steps from $T_x$ down to 1. At step $t$ the hidden state's gradient is
# `da[:, :, t]` (from the prediction) plus `da_prevt` (from step $t+1$; zero at the last
# step). Store each `dxt` in `dx`, add each step's parameter gradients to the totals, and hand
# `da_prev` to the step before. What is left after step 1 is the gradient of $a^{\langle 0 \rangle}$.

# %%
# GRADED FUNCTION: rnn_backward
def rnn_backward(da, caches):
    """
    Implement the backward pass for a RNN over an entire sequence of input data.

    Arguments:
    da -- upstream gradients of all hidden states, of shape (n_a, m, T_x)
    caches -- tuple containing information from the forward pass (rnn_forward)

    Returns:
    gradients -- python dictionary containing:
                        dx -- gradient with respect to the input data, numpy array of shape (n_x, m, T_x)
                        da0 -- gradient with respect to the initial hidden state, numpy array of shape (n_a, m)
                        dWax -- gradient with respect to the input's weight matrix, numpy array of shape (n_a, n_x)
                        dWaa -- gradient with respect to the hidden state's weight matrix, numpy array of shape (n_a, n_a)
                        dba -- gradient with respect to the bias, of shape (n_a, 1)
    """
    # The list of caches and x, and the first cache
    ### START CODE HERE ### (≈ 2 lines of code)
    (caches, x) = caches
    (a1, a0, x1, parameters) = caches[0]
    ### END CODE HERE ###

    n_a, m, T_x = da.shape
    n_x, m = x1.shape

    # The gradients initialised with zeros
    ### START CODE HERE ### (≈ 6 lines of code)
    dx = np.zeros((n_x, m, T_x))
    dWax = np.zeros((n_a, n_x))
    dWaa = np.zeros((n_a, n_a))
    dba = np.zeros((n_a, 1))
    da0 = np.zeros((n_a, m))
    da_prevt = np.zeros((n_a, m))
    ### END CODE HERE ###

    for t in reversed(range(T_x)):
        # The cell's backward pass at step t, and its gradients
        ### START CODE HERE ### (≈ 2 lines of code)
        gradients = rnn_cell_backward(da[:, :, t] + da_prevt, caches[t])
        dxt, da_prevt, dWaxt, dWaat, dbat = (gradients["dxt"], gradients["da_prev"], gradients["dWax"],
                                             gradients["dWaa"], gradients["dba"])
        ### END CODE HERE ###
        # Store dxt, and add this step's parameter gradients to the totals with +=
        ### START CODE HERE ### (≈ 4 lines of code)
        dx[:, :, t] = dxt
        dWax += dWaxt
        dWaa += dWaat
        dba += dbat
        ### END CODE HERE ###

    # The gradient of a0 is what flows out of the first step
    ### START CODE HERE ### (≈ 1 line of code)
    da0 = da_prevt
    ### END CODE HERE ###

    gradients = {"dx": dx, "da0": da0, "dWax": dWax, "dWaa": dWaa, "dba": dba}
    return gradients


# %%
rnn_backward_test(rnn_backward)

# %%
# HIDDEN TESTS: rnn_backward

# %% [markdown]
# #### Check it against finite differences
#
# Take the cost $J = \sum a * G$ over all units, examples and steps, for a fixed random $G$ of
# the shape of `a`. Its gradient with respect to the hidden states is $G$, so
# `rnn_backward(G, caches)` must return the gradients of $J$. `compare_gradients` (from
# `helpers/gradient_check.py`) nudges every entry of `x`, `a0` and the parameters by
# $\pm\varepsilon$, recomputes $J$ with your `rnn_forward`, and compares the slopes it measures
# with your gradients. Below $10^{-7}$, they agree.

# %%
rng = np.random.default_rng(0)
n_x, n_a, n_y, m, T_x = 3, 4, 2, 2, 5
x_check = rng.normal(size=(n_x, m, T_x))
a0_check = rng.normal(size=(n_a, m))
rnn_check = {"Wax": rng.normal(size=(n_a, n_x)), "Waa": rng.normal(size=(n_a, n_a)) / 2,
             "Wya": rng.normal(size=(n_y, n_a)), "ba": rng.normal(size=(n_a, 1)), "by": rng.normal(size=(n_y, 1))}
G = rng.normal(size=(n_a, m, T_x))

_, _, caches_check = rnn_forward(x_check, a0_check, rnn_check)
grads_check = rnn_backward(G, caches_check)
print("gradient check of rnn_backward:")
compare_gradients(lambda: np.sum(rnn_forward(x_check, a0_check, rnn_check)[0] * G),
                  {"x": x_check, "a0": a0_check, "Wax": rnn_check["Wax"], "Waa": rnn_check["Waa"], "ba": rnn_check["ba"]},
                  {"x": grads_check["dx"], "a0": grads_check["da0"], "Wax": grads_check["dWax"],
                   "Waa": grads_check["dWaa"], "ba": grads_check["dba"]});

# %% [markdown]
# ### 3.2 The LSTM cell
#
# The LSTM's backward pass has more pieces but no new idea. Below, $d\Gamma_f$, $d\Gamma_i$,
# $d\tilde c$ and $d\Gamma_o$ are the gradients with respect to the *inputs* of the gates'
# sigmoids and of the candidate's $\tanh$ (what multiplies $[a_{prev}; x_t]$), so each ends with
# the derivative of its activation: $\sigma' = \sigma (1 - \sigma)$, $\tanh' = 1 - \tanh^2$.
#
# The memory $c_{next}$ gets gradient from two places: directly from the next step
# ($dc_{next}$) and through $a_{next} = \Gamma_o * \tanh(c_{next})$. Their sum is
#
# $$dc = dc_{next} + da_{next} * \Gamma_o * \left(1 - \tanh^2(c_{next})\right).$$
#
# Then, following each equation of the forward pass backwards:
#
# $$
# \begin{aligned}
# d\Gamma_o &= da_{next} * \tanh(c_{next}) * \Gamma_o (1 - \Gamma_o), &
# d\tilde c &= dc * \Gamma_i * (1 - \tilde c^2), \\
# d\Gamma_i &= dc * \tilde c * \Gamma_i (1 - \Gamma_i), &
# d\Gamma_f &= dc * c_{prev} * \Gamma_f (1 - \Gamma_f).
# \end{aligned}
# $$
#
# The weights multiply $[a_{prev}; x_t]$, so $dW_f = d\Gamma_f\, [a_{prev}; x_t]^T$ and
# $db_f = \sum_{\text{examples}} d\Gamma_f$, and likewise for $W_i$ (with $d\Gamma_i$), $W_c$
# (with $d\tilde c$) and $W_o$ (with $d\Gamma_o$). The gradient of $[a_{prev}; x_t]$ is
# $W_f^T d\Gamma_f + W_i^T d\Gamma_i + W_c^T d\tilde c + W_o^T d\Gamma_o$: its first $n_a$ rows
# are $da_{prev}$, the other $n_x$ rows are $dx_t$. Finally $dc_{prev} = dc * \Gamma_f$.
#
# ### Exercise 7: `lstm_cell_backward`

# %%
# GRADED FUNCTION: lstm_cell_backward
def lstm_cell_backward(da_next, dc_next, cache):
    """
    Implement the backward pass for the LSTM cell (single time step).

    Arguments:
    da_next -- gradient of the next hidden state, of shape (n_a, m)
    dc_next -- gradient of the next memory state, of shape (n_a, m)
    cache -- cache storing information from the forward pass (output of lstm_cell_forward())

    Returns:
    gradients -- python dictionary containing:
                        dxt -- gradient of the input data at time-step t, of shape (n_x, m)
                        da_prev -- gradient of the previous hidden state, numpy array of shape (n_a, m)
                        dc_prev -- gradient of the previous memory state, of shape (n_a, m)
                        dWf -- gradient of the weight matrix of the forget gate, numpy array of shape (n_a, n_a + n_x)
                        dWi -- gradient of the weight matrix of the update gate, numpy array of shape (n_a, n_a + n_x)
                        dWc -- gradient of the weight matrix of the candidate, numpy array of shape (n_a, n_a + n_x)
                        dWo -- gradient of the weight matrix of the output gate, numpy array of shape (n_a, n_a + n_x)
                        dbf -- gradient of the bias of the forget gate, of shape (n_a, 1)
                        dbi -- gradient of the bias of the update gate, of shape (n_a, 1)
                        dbc -- gradient of the bias of the candidate, of shape (n_a, 1)
                        dbo -- gradient of the bias of the output gate, of shape (n_a, 1)
    """
    (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters) = cache
    n_a, m = a_next.shape

    # The gradient reaching c_next, then the gradients of the gates' and the candidate's inputs
    ### START CODE HERE ### (≈ 5 lines of code)
    dc = dc_next + da_next * ot * (1 - np.tanh(c_next) ** 2)
    dot = da_next * np.tanh(c_next) * ot * (1 - ot)
    dcct = dc * it * (1 - cct ** 2)
    dit = dc * cct * it * (1 - it)
    dft = dc * c_prev * ft * (1 - ft)
    ### END CODE HERE ###

    # The parameters' gradients
    ### START CODE HERE ### (≈ 9 lines of code)
    concat = np.concatenate((a_prev, xt), axis=0)
    dWf = dft @ concat.T
    dWi = dit @ concat.T
    dWc = dcct @ concat.T
    dWo = dot @ concat.T
    dbf = np.sum(dft, axis=1, keepdims=True)
    dbi = np.sum(dit, axis=1, keepdims=True)
    dbc = np.sum(dcct, axis=1, keepdims=True)
    dbo = np.sum(dot, axis=1, keepdims=True)
    ### END CODE HERE ###

    # The gradients of the previous hidden state, of the previous memory and of the input
    ### START CODE HERE ### (≈ 4 lines of code)
    dconcat = (parameters["Wf"].T @ dft + parameters["Wi"].T @ dit + parameters["Wc"].T @ dcct
               + parameters["Wo"].T @ dot)
    da_prev = dconcat[:n_a, :]
    dxt = dconcat[n_a:, :]
    dc_prev = dc * ft
    ### END CODE HERE ###

    gradients = {"dxt": dxt, "da_prev": da_prev, "dc_prev": dc_prev, "dWf": dWf, "dbf": dbf, "dWi": dWi,
                 "dbi": dbi, "dWc": dWc, "dbc": dbc, "dWo": dWo, "dbo": dbo}
    return gradients


# %%
lstm_cell_backward_test(lstm_cell_backward)

# %%
# HIDDEN TESTS: lstm_cell_backward

# %% [markdown]
# ### Exercise 8: `lstm_backward`
#
# The same loop as `rnn_backward`, with two states flowing backwards: `da_prevt` and
# `dc_prevt`, both zero after the last step. No prediction reads the memory directly, so the
# memory's gradient at step $t$ is only what comes back from step $t+1$.

# %%
# GRADED FUNCTION: lstm_backward
def lstm_backward(da, caches):
    """
    Implement the backward pass for the RNN with LSTM-cell (over a whole sequence).

    Arguments:
    da -- gradients with respect to the hidden states, numpy array of shape (n_a, m, T_x)
    caches -- cache storing information from the forward pass (lstm_forward)

    Returns:
    gradients -- python dictionary containing:
                        dx -- gradient of the inputs, of shape (n_x, m, T_x)
                        da0 -- gradient with respect to the initial hidden state, numpy array of shape (n_a, m)
                        dWf, dWi, dWc, dWo -- gradients of the weight matrices, each of shape (n_a, n_a + n_x)
                        dbf, dbi, dbc, dbo -- gradients of the biases, each of shape (n_a, 1)
    """
    # The list of caches and x, and the first cache
    ### START CODE HERE ### (≈ 2 lines of code)
    (caches, x) = caches
    (a1, c1, a0, c0, f1, i1, cc1, o1, x1, parameters) = caches[0]
    ### END CODE HERE ###

    n_a, m, T_x = da.shape
    n_x, m = x1.shape

    # The gradients initialised with zeros
    ### START CODE HERE ### (≈ 12 lines of code)
    dx = np.zeros((n_x, m, T_x))
    da0 = np.zeros((n_a, m))
    da_prevt = np.zeros((n_a, m))
    dc_prevt = np.zeros((n_a, m))
    dWf = np.zeros((n_a, n_a + n_x))
    dWi = np.zeros((n_a, n_a + n_x))
    dWc = np.zeros((n_a, n_a + n_x))
    dWo = np.zeros((n_a, n_a + n_x))
    dbf = np.zeros((n_a, 1))
    dbi = np.zeros((n_a, 1))
    dbc = np.zeros((n_a, 1))
    dbo = np.zeros((n_a, 1))
    ### END CODE HERE ###

    for t in reversed(range(T_x)):
        # The cell's backward pass at step t
        ### START CODE HERE ### (≈ 1 line of code)
        gradients = lstm_cell_backward(da[:, :, t] + da_prevt, dc_prevt, caches[t])
        ### END CODE HERE ###
        # Store dxt, add the parameter gradients to the totals with +=, and pass da_prev and
        # dc_prev on to step t - 1
        ### START CODE HERE ### (≈ 11 lines of code)
        dx[:, :, t] = gradients["dxt"]
        dWf += gradients["dWf"]
        dWi += gradients["dWi"]
        dWc += gradients["dWc"]
        dWo += gradients["dWo"]
        dbf += gradients["dbf"]
        dbi += gradients["dbi"]
        dbc += gradients["dbc"]
        dbo += gradients["dbo"]
        da_prevt = gradients["da_prev"]
        dc_prevt = gradients["dc_prev"]
        ### END CODE HERE ###

    # The gradient of a0 is what flows out of the first step
    ### START CODE HERE ### (≈ 1 line of code)
    da0 = da_prevt
    ### END CODE HERE ###

    gradients = {"dx": dx, "da0": da0, "dWf": dWf, "dbf": dbf, "dWi": dWi, "dbi": dbi,
                 "dWc": dWc, "dbc": dbc, "dWo": dWo, "dbo": dbo}
    return gradients


# %%
lstm_backward_test(lstm_backward)

# %%
# HIDDEN TESTS: lstm_backward

# %%
n_x, n_a, n_y, m, T_x = 2, 3, 2, 2, 4
x_check = rng.normal(size=(n_x, m, T_x))
a0_check = rng.normal(size=(n_a, m))
lstm_check = {"Wy": rng.normal(size=(n_y, n_a)), "by": rng.normal(size=(n_y, 1))}
for gate in ("f", "i", "c", "o"):
    lstm_check["W" + gate] = rng.normal(size=(n_a, n_a + n_x))
    lstm_check["b" + gate] = rng.normal(size=(n_a, 1))
G = rng.normal(size=(n_a, m, T_x))

_, _, _, caches_check = lstm_forward(x_check, a0_check, lstm_check)
grads_check = lstm_backward(G, caches_check)
checked = ["Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo"]
print("gradient check of lstm_backward:")
compare_gradients(lambda: np.sum(lstm_forward(x_check, a0_check, lstm_check)[0] * G),
                  {"x": x_check, "a0": a0_check, **{name: lstm_check[name] for name in checked}},
                  {"x": grads_check["dx"], "a0": grads_check["da0"],
                   **{name: grads_check["d" + name] for name in checked}});

# %% [markdown]
# ## 4. The GRU
#
# The gated recurrent unit (GRU) is a simpler gated cell: no separate memory (its state
# $c^{\langle t \rangle}$ *is* the hidden state $a^{\langle t \rangle}$) and two gates instead of three.
# With $[a^{\langle t-1 \rangle}; x^{\langle t \rangle}]$ stacked as for the LSTM:
#
# $$
# \begin{aligned}
# \Gamma_u &= \sigma\left(W_u [a^{\langle t-1 \rangle}; x^{\langle t \rangle}] + b_u\right)
#   && \text{update gate: how much of the state to replace} \\
# \Gamma_r &= \sigma\left(W_r [a^{\langle t-1 \rangle}; x^{\langle t \rangle}] + b_r\right)
#   && \text{relevance gate: how much of the old state the candidate may use} \\
# \tilde c^{\langle t \rangle} &= \tanh\left(W_c [\Gamma_r * a^{\langle t-1 \rangle}; x^{\langle t \rangle}] + b_c\right)
#   && \text{candidate value} \\
# a^{\langle t \rangle} = c^{\langle t \rangle} &= \Gamma_u * \tilde c^{\langle t \rangle}
#   + (1 - \Gamma_u) * a^{\langle t-1 \rangle}, \qquad
# \hat y^{\langle t \rangle} = \mathrm{softmax}\left(W_y a^{\langle t \rangle} + b_y\right)
# \end{aligned}
# $$
#
# One gate, $\Gamma_u$, plays the roles of the LSTM's forget and update gates at once: what is
# written is exactly what is forgotten. When $\Gamma_u \approx 0$ the state passes through
# unchanged.
#
# **The API of the GRU functions.** The lectures give the equations; the functions follow the
# conventions of the LSTM's:
#
# - `gru_cell_forward(xt, a_prev, parameters) -> a_next, yt_pred, cache`, with `xt` of shape
#   $(n_x, m)$, `a_prev` and `a_next` of shape $(n_a, m)$, `yt_pred` of shape $(n_y, m)$;
#   `parameters` holds `Wu, Wr, Wc` of shape $(n_a, n_a + n_x)$, `bu, br, bc` of shape
#   $(n_a, 1)$, `Wy` of shape $(n_y, n_a)$ and `by` of shape $(n_y, 1)$; the cache is
#   `(a_next, a_prev, ut, rt, cct, xt, parameters)`, where `ut`, `rt` are the gates and `cct`
#   the candidate.
# - `gru_cell_backward(da_next, cache) -> gradients`, a dict with keys `dxt`, `da_prev`,
#   `dWu`, `dbu`, `dWr`, `dbr`, `dWc`, `dbc` (shapes as the variables they differentiate).
#
# ### Exercise 9: `gru_cell_forward`
#
# Note that $\Gamma_r$ multiplies only the $a^{\langle t-1 \rangle}$ part of the candidate's input:
# stack `rt * a_prev` on top of `xt`.

# %%
# GRADED FUNCTION: gru_cell_forward
def gru_cell_forward(xt, a_prev, parameters):
    """
    Implement a single forward step of the GRU cell.

    Arguments:
    xt -- your input data at timestep "t", numpy array of shape (n_x, m)
    a_prev -- hidden state at timestep "t-1", numpy array of shape (n_a, m)
    parameters -- python dictionary containing:
                        Wu -- weight matrix of the update gate, numpy array of shape (n_a, n_a + n_x)
                        bu -- bias of the update gate, numpy array of shape (n_a, 1)
                        Wr -- weight matrix of the relevance gate, numpy array of shape (n_a, n_a + n_x)
                        br -- bias of the relevance gate, numpy array of shape (n_a, 1)
                        Wc -- weight matrix of the candidate value, numpy array of shape (n_a, n_a + n_x)
                        bc -- bias of the candidate value, numpy array of shape (n_a, 1)
                        Wy -- weight matrix relating the hidden state to the output, numpy array of shape (n_y, n_a)
                        by -- bias relating the hidden state to the output, numpy array of shape (n_y, 1)

    Returns:
    a_next -- next hidden state (equal to the memory cell c_next), of shape (n_a, m)
    yt_pred -- prediction at timestep "t", numpy array of shape (n_y, m)
    cache -- tuple of values needed for the backward pass, contains (a_next, a_prev, ut, rt, cct, xt, parameters)
    """
    Wu = parameters["Wu"]
    bu = parameters["bu"]
    Wr = parameters["Wr"]
    br = parameters["br"]
    Wc = parameters["Wc"]
    bc = parameters["bc"]
    Wy = parameters["Wy"]
    by = parameters["by"]

    # Stack a_prev on top of xt
    ### START CODE HERE ### (≈ 1 line of code)
    concat = np.concatenate((a_prev, xt), axis=0)
    ### END CODE HERE ###

    # The two gates, the candidate and the new state
    ### START CODE HERE ### (≈ 4 lines of code)
    ut = sigmoid(Wu @ concat + bu)
    rt = sigmoid(Wr @ concat + br)
    cct = np.tanh(Wc @ np.concatenate((rt * a_prev, xt), axis=0) + bc)
    a_next = ut * cct + (1 - ut) * a_prev
    ### END CODE HERE ###

    # The prediction
    ### START CODE HERE ### (≈ 1 line of code)
    yt_pred = softmax(Wy @ a_next + by)
    ### END CODE HERE ###

    cache = (a_next, a_prev, ut, rt, cct, xt, parameters)
    return a_next, yt_pred, cache


# %%
gru_cell_forward_test(gru_cell_forward)

# %%
# HIDDEN TESTS: gru_cell_forward

# %% [markdown]
# ### Exercise 10: `gru_cell_backward`
#
# Write $W_c = [W_{c,a} \mid W_{c,x}]$ for the columns of $W_c$ that multiply
# $\Gamma_r * a_{prev}$ (the first $n_a$) and $x_t$ (the others), and likewise for $W_u$ and
# $W_r$. As for the LSTM, $d\tilde c$, $d\Gamma_u$ and $d\Gamma_r$ are gradients with respect to
# the inputs of the activations:
#
# $$
# \begin{aligned}
# d\tilde c &= da_{next} * \Gamma_u * (1 - \tilde c^2), &
# d\Gamma_u &= da_{next} * (\tilde c - a_{prev}) * \Gamma_u (1 - \Gamma_u), \\
# d(\Gamma_r a_{prev}) &= W_{c,a}^T\, d\tilde c, &
# d\Gamma_r &= d(\Gamma_r a_{prev}) * a_{prev} * \Gamma_r (1 - \Gamma_r),
# \end{aligned}
# $$
#
# $$dW_u = d\Gamma_u [a_{prev}; x_t]^T, \quad dW_r = d\Gamma_r [a_{prev}; x_t]^T, \quad
# dW_c = d\tilde c\, [\Gamma_r * a_{prev}; x_t]^T, \quad db_\ast = \textstyle\sum_{\text{examples}} d\ast,$$
#
# and $a_{prev}$ reaches $a_{next}$ along four paths — directly, through the candidate's input,
# and through both gates:
#
# $$da_{prev} = da_{next} * (1 - \Gamma_u) + d(\Gamma_r a_{prev}) * \Gamma_r
# + W_{u,a}^T d\Gamma_u + W_{r,a}^T d\Gamma_r, \qquad
# dx_t = W_{u,x}^T d\Gamma_u + W_{r,x}^T d\Gamma_r + W_{c,x}^T d\tilde c.$$

# %%
# GRADED FUNCTION: gru_cell_backward
def gru_cell_backward(da_next, cache):
    """
    Implement the backward pass for the GRU cell (single time step).

    Arguments:
    da_next -- gradient of the next hidden state, of shape (n_a, m)
    cache -- cache storing information from the forward pass (output of gru_cell_forward())

    Returns:
    gradients -- python dictionary containing:
                        dxt -- gradient of the input data at time-step t, of shape (n_x, m)
                        da_prev -- gradient of the previous hidden state, numpy array of shape (n_a, m)
                        dWu -- gradient of the weight matrix of the update gate, numpy array of shape (n_a, n_a + n_x)
                        dbu -- gradient of the bias of the update gate, of shape (n_a, 1)
                        dWr -- gradient of the weight matrix of the relevance gate, numpy array of shape (n_a, n_a + n_x)
                        dbr -- gradient of the bias of the relevance gate, of shape (n_a, 1)
                        dWc -- gradient of the weight matrix of the candidate, numpy array of shape (n_a, n_a + n_x)
                        dbc -- gradient of the bias of the candidate, of shape (n_a, 1)
    """
    (a_next, a_prev, ut, rt, cct, xt, parameters) = cache
    Wu = parameters["Wu"]
    Wr = parameters["Wr"]
    Wc = parameters["Wc"]
    n_a, m = a_next.shape

    # The gradients of the candidate's and the gates' inputs
    ### START CODE HERE ### (≈ 4 lines of code)
    dcct = da_next * ut * (1 - cct ** 2)
    dut = da_next * (cct - a_prev) * ut * (1 - ut)
    dra = Wc[:, :n_a].T @ dcct
    drt = dra * a_prev * rt * (1 - rt)
    ### END CODE HERE ###

    # The parameters' gradients
    ### START CODE HERE ### (≈ 7 lines of code)
    concat = np.concatenate((a_prev, xt), axis=0)
    dWu = dut @ concat.T
    dWr = drt @ concat.T
    dWc = dcct @ np.concatenate((rt * a_prev, xt), axis=0).T
    dbu = np.sum(dut, axis=1, keepdims=True)
    dbr = np.sum(drt, axis=1, keepdims=True)
    dbc = np.sum(dcct, axis=1, keepdims=True)
    ### END CODE HERE ###

    # The gradients of the previous hidden state and of the input
    ### START CODE HERE ### (≈ 2 lines of code)
    da_prev = da_next * (1 - ut) + dra * rt + Wu[:, :n_a].T @ dut + Wr[:, :n_a].T @ drt
    dxt = Wu[:, n_a:].T @ dut + Wr[:, n_a:].T @ drt + Wc[:, n_a:].T @ dcct
    ### END CODE HERE ###

    gradients = {"dxt": dxt, "da_prev": da_prev, "dWu": dWu, "dbu": dbu, "dWr": dWr, "dbr": dbr,
                 "dWc": dWc, "dbc": dbc}
    return gradients


# %%
gru_cell_backward_test(gru_cell_backward)

# %%
# HIDDEN TESTS: gru_cell_backward

# %%
n_x, n_a, n_y, m = 3, 4, 2, 3
xt_check = rng.normal(size=(n_x, m))
a_prev_check = rng.normal(size=(n_a, m))
gru_check = {"Wy": rng.normal(size=(n_y, n_a)), "by": rng.normal(size=(n_y, 1))}
for gate in ("u", "r", "c"):
    gru_check["W" + gate] = rng.normal(size=(n_a, n_a + n_x))
    gru_check["b" + gate] = rng.normal(size=(n_a, 1))
G = rng.normal(size=(n_a, m))

_, _, cache_check = gru_cell_forward(xt_check, a_prev_check, gru_check)
grads_check = gru_cell_backward(G, cache_check)
checked = ["Wu", "bu", "Wr", "br", "Wc", "bc"]
print("gradient check of gru_cell_backward:")
compare_gradients(lambda: np.sum(gru_cell_forward(xt_check, a_prev_check, gru_check)[0] * G),
                  {"xt": xt_check, "a_prev": a_prev_check, **{name: gru_check[name] for name in checked}},
                  {"xt": grads_check["dxt"], "a_prev": grads_check["da_prev"],
                   **{name: grads_check["d" + name] for name in checked}});

# %% [markdown]
# ## 5. Your LSTM learns to remember
#
# Time to train an LSTM with your own forward and backward passes. The task: read a sequence of
# blanks `·` in which the symbols `A` and `B` appear now and then, and say at every step which
# symbol came **last** ("none yet" before the first one). To solve it, the network must store a
# symbol when it arrives, overwrite the old one, and keep it unchanged through the blanks.
#
# `train_lstm` (in `helpers/rnn.py`) adds a softmax output layer, runs your `lstm_forward` and
# `lstm_backward` on 128 sequences of 20 steps, and updates the parameters with Adam.

# %%
x_train, y_train = make_last_symbol_sequences(128, 20, random_state=0)
x_test, y_test = make_last_symbol_sequences(500, 30, random_state=1)
print("x_train.shape =", x_train.shape, " y_train.shape =", y_train.shape)
print("first sequence:", " ".join(LAST_SYMBOL_INPUTS[k] for k in x_train[:, 0].argmax(axis=0)))
print("its targets:   ", " ".join(LAST_SYMBOL_TARGETS[k][0] for k in y_train[:, 0].argmax(axis=0)))

# %%
trained, costs = train_lstm(lstm_forward, lstm_backward, x_train, y_train, n_a=4, num_iterations=200,
                            learning_rate=0.03)
_, y_hat, _, test_caches = lstm_forward(x_test, np.zeros((4, x_test.shape[1])), trained)
accuracy = 100 * np.mean(y_hat.argmax(axis=0) == y_test.argmax(axis=0))
print(f"cost after {len(costs)} iterations: {costs[-1]:.4f}")
print(f"accuracy on 500 new sequences of 30 steps (longer than in training): {accuracy:.1f} %")
plot_costs(costs, learning_rate=0.03, every=1);

# %% [markdown]
# ### What the gates do
#
# The caches hold every gate at every step. Stack them over time and look at one test
# sequence: each row is one of the 4 units, each column a time step, labelled with the input
# read at that step.

# %%
gate_steps = test_caches[0]   # one cache per step: (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
ft_all = np.stack([cache[4] for cache in gate_steps], axis=-1)   # (n_a, m, T_x)
it_all = np.stack([cache[5] for cache in gate_steps], axis=-1)
ot_all = np.stack([cache[7] for cache in gate_steps], axis=-1)

example = 3
symbols = [LAST_SYMBOL_INPUTS[k] for k in x_test[:, example].argmax(axis=0)]
plot_gate_activations({r"forget gate $\Gamma_f$": ft_all[:, example], r"update gate $\Gamma_i$": it_all[:, example],
                       r"output gate $\Gamma_o$": ot_all[:, example]}, inputs=symbols);

# %%
reads_symbol = x_test[1:].sum(axis=0) > 0   # (m, T_x): True where the step reads A or B
print(f"mean forget gate: {ft_all[:, reads_symbol].mean():.2f} when a symbol arrives, "
      f"{ft_all[:, ~reads_symbol].mean():.2f} on blanks")
print(f"mean update gate: {it_all[:, reads_symbol].mean():.2f} when a symbol arrives, "
      f"{it_all[:, ~reads_symbol].mean():.2f} on blanks")

# %% [markdown]
# Look for the columns where `A` or `B` is read: in some units the forget gate closes (dark) —
# the old symbol is erased — while on the blanks it stays open and the memory carries the
# latest symbol forward. Nobody programmed this: gradient descent, through your backward pass,
# found that the gates should work this way.
#
# ## What you built
# - The forward pass of the basic RNN, the LSTM and the GRU, one step and a whole sequence.
# - Backpropagation through time for all three, checked against finite differences.
# - An LSTM trained with your own code, whose gates learned when to forget and when to write.
#
# In the next notebooks you use these pieces to generate text character by character, and then
# a framework's recurrent layers for larger models.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | recurrent neural network (RNN) | 循环神经网络 |
# | time step | 时间步 |
# | hidden state | 隐藏状态 |
# | backpropagation through time | 通过时间的反向传播 |
# | vanishing gradients | 梯度消失 |
# | long short-term memory (LSTM) | 长短期记忆 |
# | gated recurrent unit (GRU) | 门控循环单元 |
# | memory cell | 记忆细胞 |
# | forget gate / update gate / output gate | 遗忘门 / 更新门 / 输出门 |
