# %% [markdown]
# # Neural machine translation of dates, with attention
#
# People write dates in countless ways: "thursday, may 3, 1979", "03.05.79", "3. mai 1979",
# "5/3/79". A program that files records needs one form, the ISO date `1979-05-03`. In this
# notebook you build a network that translates the first kind into the second, the way a
# translation model turns a French sentence into English: an **encoder** reads the whole input,
# and a **decoder** writes the output one symbol at a time, and at each step an **attention**
# mechanism chooses which input characters to look at.
#
# You will
# - write one step of attention, `one_step_attention`, with Keras layers shared across steps,
# - assemble the whole translator, `modelf`: a bidirectional LSTM, ten attention steps and a
#   post-attention LSTM, 52,960 parameters,
# - train it briefly, then load weights trained for longer and measure how many held-out dates it
#   gets exactly right,
# - look at its **attention map**, for the original's examples and for any date you type.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf
import keras
from keras.layers import Bidirectional, Concatenate, Dense, Dot, Input, LSTM, RepeatVector, Softmax
from keras.models import Model
from keras.optimizers import Adam
from keras.optimizers.schedules import InverseTimeDecay

from helpers.dates import (
    EXAMPLES,
    attention_widget,
    exact_match_accuracy,
    load_dataset,
    plot_attention_map,
    predict_dates,
    preprocess_data,
    translate_dates,
)
from helpers.public_tests.c5w3_neural_machine_translation import modelf_test, one_step_attention_test
from helpers.trained_models import load_weights
from helpers.trained_models.nmt_dates import held_out_dates
from helpers.widgets import under_nbgrader

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. The dates
#
# `load_dataset(m)` draws `m` days between 1970 and 2029 and writes each the way a person might:
# in one of sixteen patterns, in American or British English, French, German or Spanish, in lower
# case and without commas. It returns
# - `dataset`: a list of pairs (human-readable date, ISO date),
# - `human_vocab`: a dictionary from every input character to its index,
# - `machine_vocab`: a dictionary from every output character (`-` and the ten digits) to its index,
# - `inv_machine_vocab`: the inverse of `machine_vocab`, from index to character.
#
# The data are generated on your machine from a seed (with `babel`, a library that knows how each
# locale writes dates): the same call always gives the same pairs.

# %%
m = 10000
dataset, human_vocab, machine_vocab, inv_machine_vocab = load_dataset(m)
dataset[:10]

# %% [markdown]
# The input vocabulary has 37 symbols: the space, `.` and `/`, the ten digits, the 22 letters of the
# English month and day names, `<unk>` for any other character (an `é`, a `k`, the `z` of "märz") and
# `<pad>`. Every input is cut or padded to $T_x = 30$ characters, every output has $T_y = 10$.
# `preprocess_data` returns the indices `X` (m, 30) and `Y` (m, 10) and their one-hot versions
# `Xoh` (m, 30, 37) and `Yoh` (m, 10, 11).

# %%
Tx = 30
Ty = 10
X, Y, Xoh, Yoh = preprocess_data(dataset, human_vocab, machine_vocab, Tx, Ty)

print("X.shape:", X.shape)
print("Y.shape:", Y.shape)
print("Xoh.shape:", Xoh.shape)
print("Yoh.shape:", Yoh.shape)
print("human vocabulary:", len(human_vocab), "symbols; machine vocabulary:", len(machine_vocab), "symbols")

index = 0
print("Source date:", dataset[index][0])
print("Target date:", dataset[index][1])
print("Source after preprocessing (indices):", X[index])
print("Target after preprocessing (indices):", Y[index])

# %% [markdown]
# ## 2. Attention
#
# A plain encoder–decoder squeezes the whole input into one vector before it writes anything. For a
# short date that might do; for a sentence of 50 words it does not, and its quality falls with the
# sentence's length. Attention lets the decoder look back at every input position at every step.
#
# The encoder here is a **bidirectional LSTM** with $n_a = 32$ units each way: at each input position
# $t'$ it outputs $a^{\langle t' \rangle}$, the forward and the backward hidden states side by side
# (64 numbers), a summary of the character and its neighbours on both sides. The decoder is a
# second LSTM, the **post-attention LSTM**, with $n_s = 64$ units and state $s^{\langle t \rangle}$.
# At output step $t$:
#
# 1. for each input position $t'$, a small network scores how much the decoder, in state
#    $s^{\langle t-1 \rangle}$, should look at $a^{\langle t' \rangle}$: the **energy**
#    $e^{\langle t, t' \rangle}$. Here it is two `Dense` layers, with 10 tanh units and then one ReLU
#    unit, applied to $[a^{\langle t' \rangle}; s^{\langle t-1 \rangle}]$;
# 2. a softmax over the $T_x$ positions turns the energies into **attention weights** that are
#    positive and sum to 1:
#    $$\alpha^{\langle t, t' \rangle} = \frac{\exp(e^{\langle t, t' \rangle})}{\sum_{t''=1}^{T_x} \exp(e^{\langle t, t'' \rangle})};$$
# 3. the **context** is the weighted average of the encoder's outputs,
#    $$\text{context}^{\langle t \rangle} = \sum_{t'=1}^{T_x} \alpha^{\langle t, t' \rangle} a^{\langle t' \rangle};$$
# 4. the post-attention LSTM reads the context and updates $s$; a softmax layer turns $s^{\langle t \rangle}$
#    into the probabilities of the 11 output symbols.
#
# Unlike the language models of week 1, this decoder does not read the symbol it wrote at the
# previous step: in a date, the output symbols depend on the input far more than on each other.
#
# **Shared layers.** Steps 1 to 3 must use the same weights at every output step, so each layer is
# created once, as a global variable, and your function calls these objects. `repeator` copies
# $s^{\langle t-1 \rangle}$ to all 30 positions, `concatenator` joins it to $a$ on the last axis,
# `densor1` and `densor2` compute the energies, `activator` is the softmax over axis 1 (the 30 input
# positions, not the last axis), named `'attention_weights'` so that it can be found later, and
# `dotor` computes the weighted sum over axis 1. They are at the top of the exercise's cell, outside the
# part you write.

# %% [markdown]
# ### Exercise 1: `one_step_attention`
#
# Compute the context of one output step from `a`, the encoder's outputs of shape (m, $T_x$, 64), and
# `s_prev`, the decoder's previous state of shape (m, 64):
# 1. `repeator(s_prev)` gives shape (m, $T_x$, 64);
# 2. `concatenator([a, s_prev])`, with `a` first, gives (m, $T_x$, 128);
# 3. `densor1`, then `densor2`: the energies, (m, $T_x$, 1);
# 4. `activator`: the attention weights `alphas`, (m, $T_x$, 1);
# 5. `dotor([alphas, a])`: the context, (m, 1, 64).

# %%
# GRADED FUNCTION: one_step_attention

# Layers shared by every attention step: created once, called Ty times
repeator = RepeatVector(30)  # Tx = 30 input positions
concatenator = Concatenate(axis=-1)
densor1 = Dense(10, activation="tanh")
densor2 = Dense(1, activation="relu")
activator = Softmax(axis=1, name="attention_weights")  # softmax over the Tx input positions
dotor = Dot(axes=1)


def one_step_attention(a, s_prev):
    """
    Performs one step of attention: outputs a context vector computed as a dot product of the attention weights
    "alphas" and the hidden states "a" of the Bi-LSTM.

    Arguments:
    a -- hidden state output of the Bi-LSTM, numpy-array of shape (m, Tx, 2*n_a)
    s_prev -- previous hidden state of the (post-attention) LSTM, numpy-array of shape (m, n_s)

    Returns:
    context -- context vector, input of the next (post-attention) LSTM cell
    """
    ### START CODE HERE ### (≈ 6 lines of code)
    # Repeat s_prev to shape (m, Tx, n_s) so that it can be concatenated with every a<t'>
    s_prev = repeator(s_prev)
    # Concatenate a and s_prev on the last axis
    concat = concatenator([a, s_prev])
    # The small network that computes the "intermediate energies" e, then the "energies"
    e = densor1(concat)
    energies = densor2(e)
    # The attention weights "alphas": a softmax over the Tx positions
    alphas = activator(energies)
    # The context: the sum of a<t'> weighted by alphas<t'>
    context = dotor([alphas, a])
    ### END CODE HERE ###

    return context


# %% [markdown]
# The test calls your function on numbers, not on a symbolic graph: eight random encoder outputs and
# states. Whatever the weights of the shared layers, the context is an average of the rows of `a`, so
# each of its numbers must lie between the smallest and the largest value of that feature over the
# 30 positions; when every position holds the same vector, the context must be that vector.

# %%
one_step_attention_test(one_step_attention)

# %%
# HIDDEN TESTS: one_step_attention

# %% [markdown]
# ## 3. The translator
#
# The post-attention LSTM and the output layer are shared by the ten output steps too; they are
# created at the top of the next cell.
#
# ### Exercise 2: `modelf`
#
# Build the model:
# 1. the inputs: `X` of shape $(T_x, $ `human_vocab_size`$)$, and the decoder's initial state `s0` and
#    cell `c0`, both of shape $(n_s,)$ — three `Input`s;
# 2. the encoder: `Bidirectional(LSTM(n_a, return_sequences=True))` applied to `X` gives `a`, of shape
#    (m, $T_x$, $2 n_a$);
# 3. for each of the $T_y$ output steps: the context from `one_step_attention(a, s)`; one step of
#    `post_activation_LSTM_cell` on it, with `initial_state=[s, c]` — with `return_state=True` it
#    returns three tensors, the output, the new state and the new cell, and for a one-step LSTM
#    the output *is* the new state: write `s, _, c = post_activation_LSTM_cell(...)`; then
#    `output_layer(s)`, appended to `outputs`;
# 4. `Model(inputs=[X, s0, c0], outputs=outputs)`.

# %%
# GRADED FUNCTION: modelf

n_a = 32  # units of each direction of the pre-attention Bi-LSTM
n_s = 64  # units of the post-attention LSTM
post_activation_LSTM_cell = LSTM(n_s, return_state=True)  # shared: called once per output step
output_layer = Dense(11, activation="softmax")  # 11 = len(machine_vocab)


def modelf(Tx, Ty, n_a, n_s, human_vocab_size, machine_vocab_size):
    """
    Arguments:
    Tx -- length of the input sequence
    Ty -- length of the output sequence
    n_a -- hidden state size of the Bi-LSTM
    n_s -- hidden state size of the post-attention LSTM
    human_vocab_size -- size of the python dictionary "human_vocab"
    machine_vocab_size -- size of the python dictionary "machine_vocab"

    Returns:
    model -- Keras model instance
    """
    # The input of the model, of shape (Tx, human_vocab_size)
    # s0 and c0, the initial hidden state and cell of the decoder LSTM, of shape (n_s,)
    X = Input(shape=(Tx, human_vocab_size))
    s0 = Input(shape=(n_s,), name="s0")
    c0 = Input(shape=(n_s,), name="c0")
    s = s0
    c = c0

    # The list of outputs
    outputs = []

    ### START CODE HERE ### (≈ 7 lines of code)
    # Step 1: the pre-attention Bi-LSTM, returning sequences
    a = Bidirectional(LSTM(n_a, return_sequences=True))(X)

    # Step 2: Ty output steps
    for t in range(Ty):
        # one step of attention: the context vector
        context = one_step_attention(a, s)
        # the post-attention LSTM cell on the context, from initial_state = [hidden state, cell state]
        s, _, c = post_activation_LSTM_cell(context, initial_state=[s, c])
        # the output layer on the post-attention LSTM's hidden state
        out = output_layer(s)
        # append it to the outputs
        outputs.append(out)

    # Step 3: the model, from the three inputs to the Ty outputs
    model = Model(inputs=[X, s0, c0], outputs=outputs)
    ### END CODE HERE ###

    return model


# %% [markdown]
# The test builds your model with the notebook's sizes and compares it with the expected one layer by
# layer; it then gives the shared layers fixed weights and compares the model's first and last outputs
# on two dates with the expected probabilities, which catches a swapped state and cell or `a` and
# `s_prev` joined in the other order.

# %%
modelf_test(modelf)

# %%
# HIDDEN TESTS: modelf

# %% [markdown]
# Your model has 52,960 parameters: 17,920 in the Bi-LSTM, 1,290 + 11 in the two attention layers,
# 33,024 in the post-attention LSTM and 715 in the output layer. Its list of layers is short, because
# every shared layer appears once however many times it is called.

# %%
model = modelf(Tx, Ty, n_a, n_s, len(human_vocab), len(machine_vocab))
print(f"parameters: {model.count_params():,}")
for layer in model.layers:
    print(f"  {type(layer).__name__:<20} {layer.count_params():>7,}")

# %% [markdown]
# ## 4. Training
#
# `compile_model` compiles the translator as the original did: categorical cross-entropy on each of
# the ten outputs, and Adam with a learning rate of 0.005, $\beta_1 = 0.9$, $\beta_2 = 0.999$ and an
# inverse-time decay of 0.01 per mini-batch,
# $$\text{learning rate after } k \text{ mini-batches} = \frac{0.005}{1 + 0.01\,k}.$$
# (Keras 2 wrote that decay as `Adam(..., decay=0.01)`; Keras 3 writes it as a schedule.) Keras 3 wants
# one metric list per output: `["accuracy"] * Ty`.

# %%
def compile_model(model):
    """Compile the translator ``model``: Adam (0.005, 0.9, 0.999) with inverse-time decay 0.01, categorical
    cross-entropy and accuracy on each of its outputs. Returns the model."""
    opt = Adam(learning_rate=InverseTimeDecay(0.005, decay_steps=1, decay_rate=0.01), beta_1=0.9, beta_2=0.999)
    model.compile(loss="categorical_crossentropy", optimizer=opt, metrics=[["accuracy"]] * len(model.outputs))
    return model


model = compile_model(model)

# %% [markdown]
# The decoder starts from zeros, and the targets are a list of ten arrays of shape (m, 11), one per
# output: `Yoh[:, t, :]` is the target of step $t$. One epoch over the 10,000 pairs takes a few seconds.

# %%
s0 = np.zeros((m, n_s), dtype=np.float32)
c0 = np.zeros((m, n_s), dtype=np.float32)
outputs = list(Yoh.swapaxes(0, 1))

n_train = 1000 if under_nbgrader() else m  # while the notebook is graded, a shorter epoch: nothing graded uses it
history = model.fit([Xoh[:n_train], s0[:n_train], c0[:n_train]], [Y_t[:n_train] for Y_t in outputs],
                    epochs=1, batch_size=100, verbose=0)
print(f"after one epoch: loss {history.history['loss'][-1]:.3f}")
print("accuracy of each output symbol on the first 1,000 training dates:",
      np.round((predict_dates(model, Xoh[:1000]).argmax(axis=-1) == Y[:1000]).mean(axis=0), 2))
print(f"exact-match accuracy on the first 1,000 training dates: {exact_match_accuracy(model, dataset[:1000]):.3f}")

# %% [markdown]
# After one epoch the network has learned the shape of an ISO date — the dashes and the century
# come first — but few dates come out right. The shipped weights were trained the same way for longer
# (see `helpers/trained_models/nmt_dates.py`), offline and seeded. `load_weights` copies them into
# **your** model: they fit only if your model has the expected layers.

# %%
load_weights(model, "nmt_dates")
held_out = held_out_dates()
accuracy = exact_match_accuracy(model, held_out)
print(f"exact-match accuracy on {len(held_out)} held-out dates: {accuracy:.3f}")

# %% [markdown]
# Exact match is strict: one wrong digit makes the whole date wrong. Here are the original notebook's
# examples (written in ways the training data never used, such as "21th of" or "3rd"):

# %%
for source, prediction in zip(EXAMPLES, translate_dates(model, list(EXAMPLES))):
    print(f"{source:<22} → {prediction}")

# %% [markdown]
# ## 5. Where the translator looks
#
# The attention weights $\alpha^{\langle t, t' \rangle}$ are computed inside the model and are not among
# its outputs. `plot_attention_map` builds a **second model** from the same layer objects — your
# Bi-LSTM, the shared attention layers, the post-attention LSTM — whose outputs are the ten calls of
# `activator`; because the layers are the same objects, it has the trained weights. Each row of the
# map is one output step, each column one input character.

# %%
plot_attention_map(model, "Thursday May 3 1979");

# %% [markdown]
# Read the map row by row: to write the year the translator looks at "1979" at the end, to write the
# month at "may", and for the day at the "3". It has learned, without being told, which part of the
# input each output symbol comes from. Type your own dates below — a format it has never seen, a
# nonsense date, another language — and see where it looks.

# %%
attention_widget(model, source="Saturday 9 May 2018")

# %% [markdown]
# ## What you built
# - One step of attention from shared Keras layers: energies, a softmax over the input positions, a
#   context that is a weighted average of the encoder's outputs.
# - A translator of dates with 52,960 parameters: a Bi-LSTM encoder, ten attention steps and a
#   post-attention LSTM decoder.
# - Trained weights in your model: the held-out accuracy above, and attention maps that line each
#   output symbol up with the input characters it comes from.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | machine translation | 机器翻译 |
# | encoder / decoder | 编码器 / 解码器 |
# | attention model | 注意力模型 |
# | attention weights | 注意力权重 |
# | context | 上下文 |
# | bidirectional RNN | 双向循环神经网络 |
# | shared layer | 共享层 |
