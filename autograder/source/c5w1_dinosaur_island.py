# %% [markdown]
# # Dinosaur island: a character-level language model
#
# You have been hired to name the dinosaurs of a new park. Your tool is a **character-level language
# model**: a recurrent network that reads a name one letter at a time and, at every step, gives a
# probability to each possible next character. Trained on real dinosaur names, it can then write new
# ones, letter by letter, by **sampling** from its own predictions.
#
# In this notebook you will
# - clip gradients, so that one unlucky name cannot blow the training up,
# - sample new names from the network, one character at a time,
# - write one step of training (forward pass, backward pass, clipping, update) and the training loop,
# - watch the samples turn from noise into plausible names as the loss falls, and measure it,
# - play with the sampling temperature and seed letters, and see what the model expects at every step.
#
# The recurrent network is the one you built step by step in the previous notebook; its forward and
# backward passes over one name are given here (`rnn_forward`, `rnn_backward` in `helpers.char_lm`).
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test cell
# below each exercise.

# %%
import contextlib
import io

import numpy as np
import matplotlib.pyplot as plt

from helpers.char_lm import (
    CORPORA,
    char_lm_widget,
    describe_samples,
    get_initial_loss,
    get_sample,
    initialize_parameters,
    load_corpus,
    plot_character_probabilities,
    plot_loss_curve,
    random_strings,
    recording,
    rnn_backward,
    rnn_forward,
    sample_names,
    sample_with_temperature,
    smooth,
    update_parameters,
)
from helpers.public_tests.c5w1_dinosaur_island import clip_test, model_test, optimize_test, sample_test
from helpers.rnn import softmax
from helpers.widgets import under_nbgrader

# %% [markdown]
# ## 1. The data
#
# The training set is a list of 980 real dinosaur genera, from *Aardonyx* to *Zupaysaurus*, written
# for this course (`helpers/dinosaur_genera.py`; the original assignment used a similar list of 1,536).
# `load_corpus` returns them as one text, one lower-case name a line. The model sees 27 characters:
# the 26 letters and the newline `"\n"`, which plays the role of the `<EOS>` token of the lecture — it
# marks the end of a name.

# %%
data = load_corpus("dinosaurs")
chars = sorted(set(data))
data_size, vocab_size = len(data), len(chars)
print(f"There are {data_size} total characters and {vocab_size} unique characters in your data.")
print("source:", CORPORA["dinosaurs"])

# %% [markdown]
# Two dictionaries translate between characters and indices: the newline is 0, `a` is 1, …, `z` is 26.

# %%
char_to_ix = {ch: i for i, ch in enumerate(chars)}
ix_to_char = {i: ch for i, ch in enumerate(chars)}
print(ix_to_char)

# %% [markdown]
# ## 2. The model
#
# At time step $t$ the network reads the one-hot vector $x^{\langle t \rangle}$ of the previous
# character (a zero vector at the first step), updates its hidden state and predicts the next one:
#
# $$a^{\langle t \rangle} = \tanh\left(W_{ax} x^{\langle t \rangle} + W_{aa} a^{\langle t-1 \rangle} + b\right),
# \qquad \hat{y}^{\langle t \rangle} = \mathrm{softmax}\left(W_{ya} a^{\langle t \rangle} + b_y\right).$$
#
# For a name such as "rex", the inputs are $[\varnothing, r, e, x]$ and the targets $[r, e, x,
# \text{\n}]$: the targets are the inputs shifted by one, ending with the newline. The loss is the
# cross-entropy of the predictions, summed over the steps. Training repeats, name after name:
# forward pass, backward pass, **clip** the gradients, update the parameters.
#
# ### 2.1 Gradient clipping
#
# Backpropagated through many steps, gradients can grow huge (**exploding gradients**), and a single
# huge step throws the parameters far from where training had brought them. **Gradient clipping**
# caps them: every entry above `maxValue` is set to `maxValue`, every entry below `-maxValue` to
# `-maxValue`. (Other versions rescale the whole gradient when its norm is too large; here each entry
# is clipped on its own.)
#
# ### Exercise 1: `clip`
#
# Clip `dWaa`, `dWax`, `dWya`, `db` and `dby` **in place**, with `np.clip(gradient, -maxValue,
# maxValue, out=gradient)` in a loop over the five arrays: the `out=` argument writes the result into
# the array itself. (Writing `gradient = np.clip(gradient, ...)` in the loop would only rebind the loop
# variable, and leave the dictionary's arrays as they were.)

# %%
# GRADED FUNCTION: clip
def clip(gradients, maxValue):
    """
    Clip the gradients' values between minimum and maximum.

    Arguments:
    gradients -- a dictionary containing the gradients "dWaa", "dWax", "dWya", "db", "dby"
    maxValue -- everything above this number is set to this number, and everything less than -maxValue
                is set to -maxValue

    Returns:
    gradients -- a dictionary with the clipped gradients.
    """
    dWaa, dWax, dWya, db, dby = gradients['dWaa'], gradients['dWax'], gradients['dWya'], gradients['db'], gradients['dby']

    # Clip to mitigate exploding gradients, loop over [dWax, dWaa, dWya, db, dby].
    ### START CODE HERE ### (≈ 2 lines of code)
    for gradient in [dWax, dWaa, dWya, db, dby]:
        np.clip(gradient, -maxValue, maxValue, out=gradient)
    ### END CODE HERE ###

    gradients = {"dWaa": dWaa, "dWax": dWax, "dWya": dWya, "db": db, "dby": dby}

    return gradients


# %% [markdown]
# The test draws the five gradients with `np.random.seed(3)` (entries between about −30 and 30), as
# the original did, and clips them at 10 and at 5.

# %%
clip_test(clip)

# %%
# HIDDEN TESTS: clip

# %% [markdown]
# ### 2.2 Sampling
#
# Once trained, the network writes a name like this:
#
# 1. Start with $x^{\langle 1 \rangle} = \vec{0}$ and $a^{\langle 0 \rangle} = \vec{0}$ (no character read yet).
# 2. Run one step forward: $a^{\langle t+1 \rangle} = \tanh(W_{ax} x^{\langle t+1 \rangle} + W_{aa}
#    a^{\langle t \rangle} + b)$, $z^{\langle t+1 \rangle} = W_{ya} a^{\langle t+1 \rangle} + b_y$,
#    $\hat{y}^{\langle t+1 \rangle} = \mathrm{softmax}(z^{\langle t+1 \rangle})$ — a probability for each
#    of the 27 characters.
# 3. **Draw** the next character's index at random, with those probabilities:
#    `np.random.choice(range(vocab_size), p=y.ravel())`. Drawing rather than taking the most likely
#    character (the `argmax`) is what makes every name different.
# 4. Feed the character back: $x^{\langle t+1 \rangle}$ becomes its one-hot vector, and go back to step 2.
#
# Stop when the newline is drawn, or after 50 characters; in that case append the newline's index
# yourself, so that every sample ends with it.
#
# **Seeding, for grading.** Just before each draw, call `np.random.seed(counter + seed)`, then, after
# the draw, add 1 to both `seed` and `counter`. The function is then reproducible: the same `seed`
# always gives the same name, and different seeds give different names. The parameter dictionary holds
# `Waa`, `Wax`, `Wya`, `by` and `b` (the hidden state's bias is `b`, not `ba`). `softmax` is imported
# from `helpers.rnn`.
#
# ### Exercise 2: `sample`

# %%
# GRADED FUNCTION: sample
def sample(parameters, char_to_ix, seed):
    """
    Sample a sequence of characters according to a sequence of probability distributions output of the RNN

    Arguments:
    parameters -- python dictionary containing the parameters Waa, Wax, Wya, by, and b.
    char_to_ix -- python dictionary mapping each character to an index.
    seed -- used for grading purposes. Do not worry about it.

    Returns:
    indices -- a list of length n containing the indices of the sampled characters.
    """
    # Retrieve parameters and relevant shapes from "parameters" dictionary
    Waa, Wax, Wya, by, b = parameters['Waa'], parameters['Wax'], parameters['Wya'], parameters['by'], parameters['b']
    vocab_size = by.shape[0]
    n_a = Waa.shape[1]

    ### START CODE HERE ###
    # Step 1: the one-hot vector x of the first character (zeros) and the initial hidden state a_prev (zeros)
    x = np.zeros((vocab_size, 1))
    a_prev = np.zeros((n_a, 1))
    ### END CODE HERE ###

    # The list of the indices of the characters generated
    indices = []

    # idx is the index of the character just drawn (-1: none yet)
    idx = -1

    # Loop over time steps t: draw a character from the distribution, append its index to "indices",
    # stop at the newline or after 50 characters
    counter = 0
    newline_character = char_to_ix['\n']

    while (idx != newline_character and counter != 50):

        # Step 2: forward propagate x
        ### START CODE HERE ### (≈ 3 lines of code)
        a = np.tanh(Wax @ x + Waa @ a_prev + b)
        z = Wya @ a + by
        y = softmax(z)
        ### END CODE HERE ###

        # for grading purposes
        np.random.seed(counter + seed)

        # Step 3: draw the index of the next character from the probability distribution y
        ### START CODE HERE ### (≈ 1 line of code)
        idx = np.random.choice(range(vocab_size), p=y.ravel())
        ### END CODE HERE ###

        # Append the index to "indices"
        indices.append(idx)

        # Step 4: overwrite x with the one-hot vector of the sampled character, and move a_prev on
        ### START CODE HERE ### (≈ 3 lines of code)
        x = np.zeros((vocab_size, 1))
        x[idx] = 1
        a_prev = a
        ### END CODE HERE ###

        # for grading purposes
        seed += 1
        counter += 1

    if (counter == 50):
        indices.append(char_to_ix['\n'])

    return indices


# %% [markdown]
# The test uses the original's untrained example (`np.random.seed(24)`, `n_a = 100`, seed 0), whose
# first sampled indices are 23, 16, 26, 26, 24, 3; it also checks that the same seed gives the same
# name and that, over many seeds, the characters drawn follow the network's probabilities.

# %%
sample_test(sample)

# %%
# HIDDEN TESTS: sample

# %% [markdown]
# ## 3. Building the language model
#
# ### 3.1 One step of optimization
#
# One step of training on one name: forward pass, backward pass, clipping at 5, update. The given
# functions are
# ```python
# loss, cache = rnn_forward(X, Y, a_prev, parameters)       # cache = (y_hat, a, x)
# gradients, a = rnn_backward(X, Y, parameters, cache)      # a: the hidden states, by step
# parameters = update_parameters(parameters, gradients, learning_rate)
# ```
# `update_parameters` changes `parameters` **in place** (and returns it): that is how the training
# loop below sees the new values. Return the loss, the clipped gradients and the last hidden state,
# `a[len(X)-1]`, from which the next name's forward pass starts.
#
# ### Exercise 3: `optimize`

# %%
# GRADED FUNCTION: optimize
def optimize(X, Y, a_prev, parameters, learning_rate=0.01):
    """
    Execute one step of the optimization to train the model.

    Arguments:
    X -- list of integers, where each integer is a number that maps to a character in the vocabulary.
    Y -- list of integers, exactly the same as X but shifted one index to the left.
    a_prev -- previous hidden state.
    parameters -- python dictionary containing:
                        Wax -- Weight matrix multiplying the input, numpy array of shape (n_a, n_x)
                        Waa -- Weight matrix multiplying the hidden state, numpy array of shape (n_a, n_a)
                        Wya -- Weight matrix relating the hidden-state to the output, numpy array of shape (n_y, n_a)
                        b --  Bias, numpy array of shape (n_a, 1)
                        by -- Bias relating the hidden-state to the output, numpy array of shape (n_y, 1)
    learning_rate -- learning rate for the model.

    Returns:
    loss -- value of the loss function (cross-entropy)
    gradients -- python dictionary containing:
                        dWax -- Gradients of input-to-hidden weights, of shape (n_a, n_x)
                        dWaa -- Gradients of hidden-to-hidden weights, of shape (n_a, n_a)
                        dWya -- Gradients of hidden-to-output weights, of shape (n_y, n_a)
                        db -- Gradients of bias vector, of shape (n_a, 1)
                        dby -- Gradients of output bias vector, of shape (n_y, 1)
    a[len(X)-1] -- the last hidden state, of shape (n_a, 1)
    """
    ### START CODE HERE ###
    # Forward propagate through time (≈1 line)
    loss, cache = rnn_forward(X, Y, a_prev, parameters)

    # Backpropagate through time (≈1 line)
    gradients, a = rnn_backward(X, Y, parameters, cache)

    # Clip your gradients between -5 (min) and 5 (max) (≈1 line)
    gradients = clip(gradients, 5)

    # Update parameters (≈1 line)
    parameters = update_parameters(parameters, gradients, learning_rate)
    ### END CODE HERE ###

    return loss, gradients, a[len(X)-1]


# %% [markdown]
# The test uses the original's example: `np.random.seed(1)`, 27 characters, 100 hidden units, the
# inputs `[12, 3, 5, 11, 22, 3]` and the targets `[4, 14, 11, 22, 25, 26]`; the loss is 126.50397572165389.

# %%
optimize_test(optimize)

# %%
# HIDDEN TESTS: optimize

# %% [markdown]
# ### 3.2 Training the model
#
# The training loop visits the names one at a time (**stochastic gradient descent**), in a shuffled
# order, and starts again when it reaches the end of the list. For iteration `j`:
#
# - the name is `examples[j % len(examples)]`;
# - `X = [None] + [char_to_ix[ch] for ch in name]` (`None` stands for the zero input of the first step,
#   which `rnn_forward` understands) and `Y = X[1:] + [char_to_ix["\n"]]`;
# - one call of `optimize(X, Y, a_prev, parameters, learning_rate=0.01)`, whose last hidden state
#   becomes the next `a_prev`;
# - the printed loss is smoothed: `loss = smooth(loss, curr_loss)` (that is, `0.999 * loss + 0.001 *
#   curr_loss`), starting from `get_initial_loss(vocab_size, dino_names)`, the loss of a uniform guess.
#
# Every 2,000 iterations the loop prints the smoothed loss and `dino_names` sampled names, with the
# seeds 0, 1, …, `dino_names − 1`. Given: `initialize_parameters(n_a, n_x, n_y)`, which seeds NumPy
# with 1 and draws small random weights, and `get_sample(sampled_indices, ix_to_char)`, which turns
# indices into text with a capital first letter (the final newline included).
#
# ### Exercise 4: `model`

# %%
# GRADED FUNCTION: model
def model(data_x, ix_to_char, char_to_ix, num_iterations=35000, n_a=50, dino_names=7, vocab_size=27, verbose=False):
    """
    Trains the model and generates dinosaur names.

    Arguments:
    data_x -- text corpus, divided in words
    ix_to_char -- dictionary that maps the index to a character
    char_to_ix -- dictionary that maps a character to an index
    num_iterations -- number of iterations to train the model for
    n_a -- number of units of the RNN cell
    dino_names -- number of dinosaur names you want to sample at each iteration.
    vocab_size -- number of unique characters found in the text (size of the vocabulary)

    Returns:
    parameters -- learned parameters
    last_dino_name -- the last name sampled
    """
    # Retrieve n_x and n_y from vocab_size
    n_x, n_y = vocab_size, vocab_size

    # Initialize parameters
    parameters = initialize_parameters(n_a, n_x, n_y)

    # Initialize loss (this is required because we want to smooth our loss)
    loss = get_initial_loss(vocab_size, dino_names)

    # Build list of all dinosaur names (training examples).
    examples = [x.strip() for x in data_x]

    # Shuffle list of all dinosaur names
    np.random.seed(0)
    np.random.shuffle(examples)

    # Initialize the hidden state of your LSTM
    a_prev = np.zeros((n_a, 1))

    # for grading purposes
    last_dino_name = "abc"

    # Optimization loop
    for j in range(num_iterations):

        ### START CODE HERE ###
        # Set the index `idx` (see the instructions above)
        idx = j % len(examples)

        # Set the input X (see the instructions above)
        single_example = examples[idx]
        single_example_chars = [c for c in single_example]
        single_example_ix = [char_to_ix[c] for c in single_example_chars]
        X = [None] + single_example_ix

        # Set the labels Y (see the instructions above)
        ix_newline = char_to_ix["\n"]
        Y = X[1:] + [ix_newline]

        # Perform one optimization step: Forward-prop -> Backward-prop -> Clip -> Update parameters
        # Choose a learning rate of 0.01
        curr_loss, gradients, a_prev = optimize(X, Y, a_prev, parameters, learning_rate=0.01)
        ### END CODE HERE ###

        # debug statements to aid in correctly forming X, Y
        if verbose and j in [0, len(examples) - 1, len(examples)]:
            print("j = ", j, "idx = ", idx)
        if verbose and j in [0]:
            print("single_example =", single_example)
            print("single_example_chars", single_example_chars)
            print("single_example_ix", single_example_ix)
            print(" X = ", X, "\n", "Y =       ", Y, "\n")

        # to keep the loss smooth.
        loss = smooth(loss, curr_loss)

        # Every 2000 Iteration, generate "n" characters thanks to sample() to check if the model is learning properly
        if j % 2000 == 0:

            print('Iteration: %d, Loss: %f' % (j, loss) + '\n')

            # The number of dinosaur names to print
            seed = 0
            for name in range(dino_names):

                # Sample indices and print them
                sampled_indices = sample(parameters, char_to_ix, seed)
                last_dino_name = get_sample(sampled_indices, ix_to_char)
                print(last_dino_name.replace('\n', ''))

                seed += 1  # To get the same result (for grading purposes), increment the seed by one.

            print('\n')

    return parameters, last_dino_name


# %% [markdown]
# The test trains on five short names for 22 iterations, checks what your loop prints at iteration 0
# and the smoothed loss, and the sampled name it returns.

# %%
model_test(model)

# %%
# HIDDEN TESTS: model

# %% [markdown]
# ## 4. Training on the dinosaurs
#
# Now train for 22,001 iterations — about 22 passes over the 980 names. `recording` keeps the loss of
# every iteration and a copy of the parameters at a few iterations while *your* `model` runs, for the
# figures below; the printed progress is your loop's own. Watch the names: at iteration 0 they are
# random letters of random length; within a few thousand iterations they get the endings of real
# genera (*-saurus*, *-raptor*, *-don*).
#
# (While your notebook is graded, this training is shortened to 4,001 iterations.)

# %%
num_iterations = 4001 if under_nbgrader() else 22001
snapshot_at = (0, 500, 2000)
with recording(model, snapshot_at=snapshot_at) as history:
    parameters, last_name = model(data.split("\n"), ix_to_char, char_to_ix, num_iterations, verbose=True)

# %% [markdown]
# The loss of single names (grey) jumps around — a long name costs more than a short one — so the
# model prints an exponential moving average (blue). That average starts at the loss of a uniform guess
# over a 7-letter name, `get_initial_loss(27, 7)` ≈ 23.07, as in the original; the names here average
# about 12 letters, so the average first climbs toward the real losses, which start near 40, and then
# falls with them. The grey cloud shows the learning itself: most of it happens in the first pass
# over the names.

# %%
plot_loss_curve(history);
print(f"smoothed loss: {history.smoothed[0]:.2f} at iteration 0, {history.smoothed[2000]:.2f} at 2,000, "
      f"{history.smoothed[-1]:.2f} at {len(history.losses) - 1:,}")

# %% [markdown]
# ## 5. From noise to names, measured
#
# How much better are the later samples? Take the parameters the model had at a few moments of its
# training, sample 200 names from each (with NumPy's default generator, not the graded `sample`), and
# score every name with the **trained** network: its average log-probability per character. A uniform
# guess over 27 characters scores $\log(1/27) \approx -3.30$; real names score close to 0. Two
# baselines: strings of uniformly random letters with the lengths of real names, and the training names
# themselves. The second column applies a rough pronounceability rule (a vowel, no more than three
# consonants or two vowels in a row); the third counts samples that are simply copies of training
# names.

# %%
names = data.split("\n")
trained = parameters
groups = {f"samples at iteration {j:,}": sample_names(history.snapshots[j], char_to_ix, 200, random_state=1)
          for j in snapshot_at}
groups[f"samples at iteration {num_iterations:,}"] = sample_names(trained, char_to_ix, 200, random_state=1)
groups["random letters"] = random_strings(200, lengths=[len(n) for n in names], random_state=1)
groups["training names"] = names[:200]
lesson, table = describe_samples(groups, trained, char_to_ix, names)
print(table)

# %% [markdown]
# **What the numbers say.** The untrained network writes strings that are no better than random
# letters (about −5.3 per character, 8 % pronounceable), often long runs with no end. After 2,000
# names the samples score about −2.8 and most are pronounceable; at the end they score about −1.6,
# as high as the real names (a model's own samples are the strings it finds most typical), and
# more than four in five pass the pronounceability rule. Few samples are copies of the training list: the model learned what dinosaur names
# *sound like*, not the list. (The first names of the census are a larger corpus with more regular
# patterns; the widget below trains on it too.)
#
# ## 6. Temperature, seed letters, and what the model expects
#
# `sample` draws from the network's distribution as it is. Dividing the scores $z$ by a
# **temperature** $T$ before the softmax changes how adventurous the names are: $T < 1$ sharpens the
# distribution toward the likeliest letters (safe, repetitive names), $T > 1$ flattens it (more
# surprising, less name-like). You can also give the first letters and let the model finish the name.
# Below, the model's distribution at every step of one name: each column is one step, each row one
# character, the drawn character framed, and under the axis the probability it had.

# %%
name, steps = sample_with_temperature(trained, char_to_ix, temperature=1.0, prefix="tri", random_state=3)
plot_character_probabilities(steps, prefix="tri");
print("sampled:", name.capitalize())

# %% [markdown]
# The widget trains a second model, with your `model`, on the 5,163 first names of the US census
# (`names` package) for 8,001 iterations, so that you can compare the two corpora (about ten seconds,
# once). Move the temperature and the seed, type a few letters into *starts with*.

# %%
corpora = {"dinosaurs": trained}
if not under_nbgrader():
    with contextlib.redirect_stdout(io.StringIO()):
        corpora["first names"], _ = model(load_corpus("first names").split("\n"), ix_to_char, char_to_ix, 8001)
char_lm_widget(corpora, char_to_ix)

# %% [markdown]
# ## What you built
# - `clip`, which caps every gradient entry at ±`maxValue`, in place.
# - `sample`, which writes a name one character at a time by drawing from the network's softmax.
# - `optimize` and `model`: stochastic gradient descent over names, with clipping.
# - A trained character-level model whose samples went from random letters to dinosaur-like names,
#   measured by their log-likelihood under the trained network and a pronounceability rule.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | character-level language model | 基于字符的语言模型 |
# | sampling novel sequences | 新序列采样 |
# | gradient clipping | 梯度修剪 |
# | exploding gradients | 梯度爆炸 |
# | end of sentence token (`<EOS>`) | 句尾标记 |
# | softmax | softmax 函数 |
# | temperature (sampling) | 温度（采样） |
# | recurrent neural network (RNN) | 循环神经网络 |
