# %% [markdown]
# # Gradient checking
#
# Every network so far relied on a backward pass written by hand. A mistake there rarely
# crashes anything: the shapes still fit, the cost still goes down a little, and the model is
# just worse than it should be — a bug you might never notice.
#
# Gradient checking catches such bugs. It estimates each derivative numerically, from the
# cost alone, and compares the estimate with what your backward pass computes. In this
# notebook you will
# - implement the check for a function of one parameter,
# - implement it for all the parameters of a three-layer network,
# - use it to find two bugs planted in a backward pass.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the
# test cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers.gradient_check import (
    dictionary_to_vector,
    gradients_to_vector,
    plot_epsilon_sweep,
    plot_gradient_differences,
    vector_to_dictionary,
)
from helpers.three_layer_net import forward_propagation_n
from helpers.three_layer_net import backward_propagation as backward_propagation_fixed  # used in section 5
from helpers.public_tests.c2w1_gradient_checking import (
    backward_propagation_test,
    forward_propagation_test,
    gradient_check_n_test,
    gradient_check_test,
)

# %% [markdown]
# ## 1. How it works
#
# The derivative of a cost $J$ with respect to a parameter $\theta$ is the limit
#
# $$\frac{\partial J}{\partial \theta} = \lim_{\varepsilon \to 0} \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}.$$
#
# With a small but finite $\varepsilon$, such as $10^{-7}$, the fraction is an approximation,
# `gradapprox`, that needs nothing but two evaluations of the cost. This two-sided difference
# is much more accurate than the one-sided $\frac{J(\theta + \varepsilon) - J(\theta)}{\varepsilon}$:
# its error shrinks like $\varepsilon^2$ instead of $\varepsilon$.
#
# To compare `gradapprox` with the gradient `grad` of your backward pass, use the relative
# difference
#
# $$\text{difference} = \frac{\lVert \text{grad} - \text{gradapprox} \rVert_2}{\lVert \text{grad} \rVert_2 + \lVert \text{gradapprox} \rVert_2},$$
#
# which does not depend on the scale of the gradient. With $\varepsilon = 10^{-7}$, a
# difference around $10^{-7}$ or below means the two agree; around $10^{-3}$ or above there is
# almost certainly a bug.

# %% [markdown]
# ## 2. A function of one parameter
#
# Start with the simplest "network": $J(\theta) = \theta x$, one parameter $\theta$ and one
# input $x$. You know its derivative, $\frac{dJ}{d\theta} = x$, so you can see the check work.
#
# ### Exercise 1: `forward_propagation`
#
# Compute $J = \theta x$.

# %%
# GRADED FUNCTION: forward_propagation
def forward_propagation(x, theta):
    """
    Compute the cost J = theta * x of the one-parameter model.

    Arguments:
    x -- a real-valued input
    theta -- our parameter, a real number as well

    Returns:
    J -- the value of the function J, computed with the formula J(theta) = theta * x
    """
    ### START CODE HERE ### (≈ 1 line of code)
    J = theta * x
    ### END CODE HERE ###
    return J


# %%
forward_propagation_test(forward_propagation)

# %%
# HIDDEN TESTS: forward_propagation

# %% [markdown]
# ### Exercise 2: `backward_propagation`
#
# Return the derivative of $J$ with respect to $\theta$: `dtheta` $= \frac{dJ}{d\theta} = x$.

# %%
# GRADED FUNCTION: backward_propagation
def backward_propagation(x, theta):
    """
    Compute the derivative of J with respect to theta.

    Arguments:
    x -- a real-valued input
    theta -- our parameter, a real number as well

    Returns:
    dtheta -- the gradient of the cost with respect to theta
    """
    ### START CODE HERE ### (≈ 1 line of code)
    dtheta = x
    ### END CODE HERE ###
    return dtheta


# %%
backward_propagation_test(backward_propagation)

# %%
# HIDDEN TESTS: backward_propagation

# %% [markdown]
# ### Exercise 3: `gradient_check`
#
# Check `backward_propagation` against the numerical estimate:
# 1. compute `gradapprox`:
#    - $\theta^{+} = \theta + \varepsilon$ and $\theta^{-} = \theta - \varepsilon$,
#    - $J^{+} = J(\theta^{+})$ and $J^{-} = J(\theta^{-})$ with `forward_propagation`,
#    - $\text{gradapprox} = \frac{J^{+} - J^{-}}{2 \varepsilon}$;
# 2. compute `grad` with `backward_propagation`;
# 3. compute the relative difference, with `np.linalg.norm` for the norms.

# %%
# GRADED FUNCTION: gradient_check
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    """
    Check backward_propagation() against a two-sided numerical estimate of the derivative.

    Arguments:
    x -- a real-valued input
    theta -- our parameter, a real number as well
    epsilon -- tiny shift to the input to compute the approximated gradient
    print_msg -- if True, print whether the backward pass looks right

    Returns:
    difference -- relative difference between the approximated gradient and the backward
                  propagation gradient
    """
    # Compute gradapprox from the cost alone
    ### START CODE HERE ### (≈ 5 lines of code)
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    ### END CODE HERE ###

    # The gradient of the backward pass
    ### START CODE HERE ### (≈ 1 line of code)
    grad = backward_propagation(x, theta)
    ### END CODE HERE ###

    # The relative difference
    ### START CODE HERE ### (≈ 3 lines of code)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END CODE HERE ###

    if print_msg:
        if difference > 2e-7:
            print(f"\033[93mThe backward pass has a mistake: difference = {difference}\033[0m")
        else:
            print(f"\033[92mThe backward pass is correct: difference = {difference}\033[0m")
    return difference


# %%
gradient_check_test(gradient_check)

# %%
# HIDDEN TESTS: gradient_check

# %% [markdown]
# Check the derivative at $x = 3$, $\theta = 4$:

# %%
difference_1d = gradient_check(3, 4, print_msg=True)
print(f"gradient_check(3, 4) = {difference_1d:.2e}")

# %% [markdown]
# The difference is far below $10^{-7}$: `backward_propagation` is right. It is not exactly
# zero because a computer rounds every number to about 16 significant digits, and
# $J^{+} - J^{-}$ subtracts two nearly equal numbers, which leaves fewer correct digits.

# %% [markdown]
# ## 3. All the parameters of a network
#
# A real cost depends on every weight and bias of the network. The check is the same, done for
# one parameter at a time: nudge that parameter up and down, keep all the others fixed, and
# compare with the matching entry of the gradient.
#
# The network here is LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID with layer sizes
# `[4, 5, 3, 1]`, 47 parameters in all. `forward_propagation_n(X, Y, parameters)` (from
# `helpers.three_layer_net`) returns its cost and a cache. To nudge one number at a time, the
# parameters are laid out in one column:
#
# - `dictionary_to_vector(parameters)` stacks `W1, b1, W2, b2, W3, b3`, each flattened, into a
#   column `theta` of shape `(47, 1)` (and returns the name each entry comes from);
# - `vector_to_dictionary(theta)` turns such a column back into a dictionary of parameters;
# - `gradients_to_vector(gradients)` stacks `dW1, db1, ..., db3` in the same order, so that
#   entry `i` of the gradient belongs to entry `i` of `theta`.

# %%
np.random.seed(1)
X = np.random.randn(4, 3)
Y = np.array([[1, 1, 0]])
parameters = {"W1": np.random.randn(5, 4), "b1": np.random.randn(5, 1),
              "W2": np.random.randn(3, 5), "b2": np.random.randn(3, 1),
              "W3": np.random.randn(1, 3), "b3": np.random.randn(1, 1)}

theta, keys = dictionary_to_vector(parameters)
print(f"theta: {theta.shape}; entries 0-2 come from {keys[:3]}, entry 46 from {keys[46]}")
cost, cache = forward_propagation_n(X, Y, parameters)
print(f"cost = {cost:.6f}")

# %% [markdown]
# Here is a backward pass for this network, as you might write it. It contains **two
# mistakes** of the kind everybody makes sooner or later. Do not look for them yet: let the
# gradient check tell you that something is wrong first.

# %%
def backward_propagation_n(X, Y, cache):
    """
    Backward pass of LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID (with two bugs).

    Arguments:
    X -- input data, of shape (input size, number of examples)
    Y -- true labels, of shape (1, number of examples)
    cache -- cache output from forward_propagation_n()

    Returns:
    gradients -- a dictionary with the gradients of the cost with respect to each parameter,
                 activation and pre-activation variable
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dA1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3,
                 "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# %% [markdown]
# ### Exercise 4: `gradient_check_n`
#
# For each index `i` of `theta` (the parameters as a column):
# - to compute `J_plus[i]`:
#   1. copy the column: `theta_plus = np.copy(parameters_values)`,
#   2. nudge entry `i` up: `theta_plus[i] = theta_plus[i] + epsilon`,
#   3. evaluate the cost: `J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))`;
# - compute `J_minus[i]` the same way, with `theta_minus[i] = theta_minus[i] - epsilon`;
# - estimate the derivative: `gradapprox[i]` $= \frac{J^{+}_i - J^{-}_i}{2 \varepsilon}$.
#
# Then compare the whole column `gradapprox` with `grad`, the gradients of the backward pass
# laid out the same way, using the relative difference of Exercise 3.

# %%
# GRADED FUNCTION: gradient_check_n
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """
    Check a backward pass of the three-layer network against numerical estimates of all the
    derivatives of the cost computed by forward_propagation_n.

    Arguments:
    parameters -- python dictionary containing your parameters "W1", "b1", "W2", "b2", "W3", "b3"
    gradients -- output of a backward pass, a dictionary with the gradients of the cost with
                 respect to the parameters ("dW1", "db1", ...)
    X -- input datapoints, of shape (input size, number of examples)
    Y -- true "label"
    epsilon -- tiny shift to the input to compute the approximated gradient
    print_msg -- if True, print whether the backward pass looks right

    Returns:
    difference -- relative difference between the approximated gradient and the backward
                  propagation gradient
    """
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))

    for i in range(num_parameters):
        # The cost with parameter i nudged up by epsilon
        ### START CODE HERE ### (≈ 3 lines of code)
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        ### END CODE HERE ###

        # The cost with parameter i nudged down by epsilon
        ### START CODE HERE ### (≈ 3 lines of code)
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        ### END CODE HERE ###

        # The numerical estimate of the derivative with respect to parameter i
        ### START CODE HERE ### (≈ 1 line of code)
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
        ### END CODE HERE ###

    # The relative difference between grad and gradapprox
    ### START CODE HERE ### (≈ 3 lines of code)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END CODE HERE ###

    if print_msg:
        if difference > 2e-7:
            print(f"\033[93mThe backward pass has a mistake: difference = {difference}\033[0m")
        else:
            print(f"\033[92mThe backward pass is correct: difference = {difference}\033[0m")
    return difference


# %%
gradient_check_n_test(gradient_check_n)

# %%
# HIDDEN TESTS: gradient_check_n

# %% [markdown]
# ## 4. Finding the bugs
#
# Run the check on the backward pass above:

# %%
gradients = backward_propagation_n(X, Y, cache)
difference_buggy = gradient_check_n(parameters, gradients, X, Y, print_msg=True)
print(f"with the bugs: difference = {difference_buggy:.2e}")

# %% [markdown]
# A difference of this size is no rounding error: some gradients are wrong. The check does not
# say which, but it tells you where to look — the formulas of the backward pass:
#
# $$dZ^{[l]} = dA^{[l]} \ast g'(Z^{[l]}), \qquad dW^{[l]} = \frac{1}{m}\, dZ^{[l]} A^{[l-1]T}, \qquad db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}.$$
#
# Read `backward_propagation_n` line by line against them and find the two lines that break
# them. Then fix them in its cell, run that cell and the check again: the difference should
# drop below $2 \cdot 10^{-7}$.

# %% [markdown]
# ## 5. After the fix
#
# The course's backward pass for this network, `backward_propagation` from
# `helpers.three_layer_net` (imported here as `backward_propagation_fixed`, the one the
# Regularization notebook used), has those two lines right. The same check now agrees:

# %%
gradients_fixed = backward_propagation_fixed(X, Y, cache)
difference_fixed = gradient_check_n(parameters, gradients_fixed, X, Y, print_msg=True)
print(f"after the fix: difference = {difference_fixed:.2e}")

# %%
plot_gradient_differences({"J = θx": difference_1d,
                           "network, with the bugs": difference_buggy,
                           "network, fixed": difference_fixed});

# %% [markdown]
# ## 6. How small should $\varepsilon$ be?
#
# Two errors pull in opposite directions. With a large $\varepsilon$, the two-sided difference
# is only an approximation of the derivative: its error shrinks like $\varepsilon^2$. With a
# tiny $\varepsilon$, $J^{+}$ and $J^{-}$ are so close that rounding eats their difference: that
# error grows like $10^{-16} / \varepsilon$. Check the correct backward pass with many values
# of $\varepsilon$ and watch both:

# %%
epsilons = 10.0 ** -np.arange(1, 12)
differences = [gradient_check_n(parameters, gradients_fixed, X, Y, epsilon=float(e)) for e in epsilons]
for e, d in zip(epsilons, differences):
    print(f"epsilon = {e:.0e}: difference = {d:.1e}")
plot_epsilon_sweep(epsilons, differences, chosen=1e-7);

# %% [markdown]
# Right of the dip, the approximation error wins; left of it, rounding wins. The best
# $\varepsilon$ here is about $10^{-4}$. The usual $10^{-7}$ sits on the rounding side, yet a
# correct backward pass still scores about $10^{-7}$ there — more than a thousand times less
# than the buggy one. Any $\varepsilon$ from $10^{-8}$ to $10^{-3}$ would have told the two
# apart. (With ReLU units, a large $\varepsilon$ has one more problem: a nudge that moves an
# input of a ReLU across zero crosses the kink, where the function has no derivative.)

# %% [markdown]
# ## What you learned
# - Gradient checking estimates each derivative with
#   $\frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2\varepsilon}$ and compares the
#   estimates with the backward pass through a relative difference.
# - Around $10^{-7}$: correct; around $10^{-3}$ or more: a bug. It told you the backward pass
#   was wrong even though it ran without error.
# - It is slow — two cost evaluations per parameter — so use it to debug, never during
#   training. Include the regularization term in $J$ if you use one, and switch dropout off
#   (`keep_prob = 1`) while checking: dropout makes $J$ random.
#
# Next week: faster optimization algorithms than plain gradient descent.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | gradient checking | 梯度检验 |
# | numerical approximation of gradients | 梯度的数值逼近 |
# | two-sided difference | 双边误差 |
# | approximation error | 逼近误差 |
# | partial derivative | 偏导数 |
# | backpropagation | 反向传播 |
# | Euclidean norm | 欧几里得范数 |
# | relative difference | 相对误差 |
# | debugging | 调试 |
