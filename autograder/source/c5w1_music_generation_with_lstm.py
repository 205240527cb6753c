# %% [markdown]
# # Improvise music with an LSTM
#
# In this notebook you will teach a recurrent network to continue melodies, then let it improvise. The
# melodies are the soprano lines of Johann Sebastian Bach's four-part chorales, which ship with the
# `music21` package; the network is a Keras **LSTM** that reads a melody one note at a time and predicts
# the next note. Once trained, the same layers run in a loop that feeds each predicted note back as the
# next input: a **one-to-many** network that turns one starting note into a whole melody.
#
# You will
# - build the training network, whose 30 time steps share one LSTM cell and one output layer,
# - build the inference network, which feeds every prediction back into the cell,
# - generate a melody, look at it as a piano roll, listen to it and save it as a MIDI file,
# - measure whether the trained network's melodies keep the statistics of Bach's (which notes, which
#   steps between notes) better than an untrained network's.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test cell
# below each exercise.

# %%
import os
import tempfile

import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf
import keras
from IPython.display import Audio, display
from tensorflow.keras.layers import Dense, Input, LSTM, Reshape, RepeatVector
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.utils import to_categorical

from helpers.music import (
    describe_statistics,
    generate_with_temperature,
    load_music_utils,
    music_statistics,
    music_widget,
    plot_histograms,
    plot_piano_roll,
    synthesize,
    tokens_of,
    write_midi,
)
from helpers.public_tests.c5w1_music_generation_with_lstm import (
    djmodel_test,
    music_inference_model_test,
    predict_and_sample_test,
)
from helpers.trained_models import load_weights
from helpers.widgets import under_nbgrader

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. The data: Bach's soprano lines as tokens
#
# A melody is a sequence of notes, each with a **pitch** and a **duration**. Each pair (pitch,
# duration) — say, (C5, a quarter note) — is one **token**, one "word" of the melody, as a character was
# one token of a dinosaur name. The chorales were first transposed to C major or A minor, so that the
# same token means the same step of the scale in every chorale. The 89 most frequent tokens each get an
# index from 0 to 88; the few rare ones share index 89, "other": `n_values = 90` tokens in all, each a
# one-hot vector of length 90.
#
# `load_music_utils` cuts 60 windows of 30 consecutive tokens out of the first 60 chorales:
# - `X` of shape $(m, T_x, n_{values}) = (60, 30, 90)$: the training examples;
# - `Y` of shape $(T_y, m, n_{values}) = (30, 60, 90)$: at every step, the token that comes next, so
#   `Y[t]` is `X[:, t+1]`. `Y` is ordered by time first because the network has one output per step,
#   and Keras wants the targets as a list of 30 arrays of shape (60, 90);
# - `indices_values`, what each index stands for; `corpus`, every soprano line as indices.

# %%
X, Y, n_values, indices_values, corpus = load_music_utils()
print("number of training examples:", X.shape[0])
print("Tx (length of sequence):", X.shape[1])
print("total # of unique values:", n_values)
print("shape of X:", X.shape)
print("Shape of Y:", Y.shape)
print("the five most frequent tokens (MIDI pitch, quarter notes):", [indices_values[i] for i in range(5)])

# %% [markdown]
# Here is the first chorale's soprano line as a piano roll — time runs to the right in quarter notes,
# higher notes are higher up — and as sound. The sound is synthesized here, in NumPy, from the tokens:
# a few harmonics per note, under a fast attack and a slow decay (no instrument samples).

# %%
bach = tokens_of(corpus[0], indices_values)
plot_piano_roll(bach, title="Bach, soprano line of the first chorale", color="0.45");
display(Audio(synthesize(bach), rate=16000))

# %% [markdown]
# ## 2. The training network
#
# The network reads a window one token at a time. At step $t$ one **LSTM cell** takes the token
# $x^{\langle t \rangle}$ and its previous hidden state and memory, $a^{\langle t-1 \rangle}$ and
# $c^{\langle t-1 \rangle}$, and a **softmax** layer turns the new hidden state $a^{\langle t \rangle}$
# into the probabilities of the next token, $\hat{y}^{\langle t \rangle}$. As in every RNN, the 30
# steps use **the same weights**: in Keras, you create each layer once and call that one object at
# every step. The three shared layers are globals:

# %%
n_a = 64
n_values = 90
reshaper = Reshape((1, n_values))                  # one token (m, 90) -> a sequence of one step (m, 1, 90)
LSTM_cell = LSTM(n_a, return_state=True)         # returns a, a and c at every call
densor = Dense(n_values, activation='softmax')    # the probabilities of the next token

# %% [markdown]
# ### Exercise 1: `djmodel`
#
# 1. Create the inputs: `X = Input(shape=(Tx, n_values))`, and the initial hidden state and memory,
#    `a0 = Input(shape=(n_a,), name='a0')` and `c0 = Input(shape=(n_a,), name='c0')`. Read `n_values` and
#    `n_a` from the layers you are given: `densor.units` and `LSTM_cell.units`.
# 2. Loop over the `Tx` steps:
#    - select the step's token, `x = X[:, t, :]` (shape `(m, n_values)`);
#    - reshape it to a sequence of one step with `reshaper` (an LSTM layer reads sequences);
#    - run one step of the cell: `_, a, c = LSTM_cell(x, initial_state=[a, c])` (with
#      `return_state=True` the layer returns its output, which for one step is `a`, then `a` and `c`);
#    - apply `densor` to `a` and append the result to `outputs`.
# 3. Return `Model(inputs=[X, a0, c0], outputs=outputs)`.
#
# Keras builds a graph here, it computes nothing yet: `X`, `a` and `c` are symbolic tensors.

# %%
# GRADED FUNCTION: djmodel
def djmodel(Tx, LSTM_cell, densor, reshaper):
    """
    Implement the djmodel composed of Tx LSTM cells where each cell is responsible
    for learning the following note based on the previous note and context.
    Each cell has the following schema:
            [X_{t}, a_{t-1}, c0_{t-1}] -> RESHAPE() -> LSTM() -> DENSE()
    Arguments:
        Tx -- length of the sequences in the corpus
        LSTM_cell -- LSTM layer instance
        densor -- Dense layer instance
        reshaper -- Reshape layer instance

    Returns:
        model -- a keras instance model with inputs [X, a0, c0]
    """
    # Get the shape of input values
    n_values = densor.units

    # Get the number of the hidden state vector
    n_a = LSTM_cell.units

    # Define the input layer and specify the shape
    X = Input(shape=(Tx, n_values))

    # Define the initial hidden state a0 and initial cell state c0
    # using `Input`
    a0 = Input(shape=(n_a,), name='a0')
    c0 = Input(shape=(n_a,), name='c0')
    a = a0
    c = c0

    # Step 1: an empty list for the outputs of the Tx steps
    outputs = []

    # Step 2: loop over the Tx steps
    for t in range(Tx):
        # Step 2.A: select the "t"th time step vector from X
        ### START CODE HERE ### (≈ 1 line of code)
        x = X[:, t, :]
        ### END CODE HERE ###

        # Step 2.B: use reshaper to reshape x to be (1, n_values)
        ### START CODE HERE ### (≈ 1 line of code)
        x = reshaper(x)
        ### END CODE HERE ###

        # Step 2.C: perform one step of the LSTM_cell, from the states a and c
        ### START CODE HERE ### (≈ 1 line of code)
        _, a, c = LSTM_cell(x, initial_state=[a, c])
        ### END CODE HERE ###

        # Step 2.D: apply densor to the hidden state output of LSTM_cell
        ### START CODE HERE ### (≈ 1 line of code)
        out = densor(a)
        ### END CODE HERE ###

        # Step 2.E: add the output to "outputs"
        outputs.append(out)

    # Step 3: create the model instance, from [X, a0, c0] to the outputs
    ### START CODE HERE ### (≈ 1 line of code)
    model = Model(inputs=[X, a0, c0], outputs=outputs)
    ### END CODE HERE ###

    return model


# %% [markdown]
# The test builds your network with fresh layers of the notebook's sizes and checks its inputs, its 30
# outputs, its 45,530 parameters (the LSTM's $4 \cdot (64 + 90 + 1) \cdot 64 = 39{,}680$ and the softmax
# layer's $(64 + 1) \cdot 90 = 5{,}850$, shared by all steps) and its outputs on a few windows, compared
# with the expected network's, weight for weight.

# %%
djmodel_test(djmodel)

# %%
# HIDDEN TESTS: djmodel

# %%
model = djmodel(Tx=30, LSTM_cell=LSTM_cell, densor=densor, reshaper=reshaper)
print(f"{model.count_params():,} parameters; {len(model.outputs)} outputs of shape {tuple(model.outputs[0].shape)}")

# %% [markdown]
# ### Training
#
# The loss is the categorical cross-entropy of each of the 30 outputs, summed. The original assignment
# trained with Adam at a learning rate of 0.01 that shrinks after every mini-batch ("decay" 0.01), for
# 100 epochs. Here your network trains for a few epochs, on one mini-batch of all 60 windows, so that
# you see the loss fall; then trained weights are loaded into it.

# %%
schedule = keras.optimizers.schedules.InverseTimeDecay(0.01, decay_steps=1, decay_rate=0.01)
# run_eagerly: step by step, without first compiling the 30 unrolled steps into a graph (which takes longer
# than the few epochs below)
model.compile(optimizer=Adam(learning_rate=schedule), loss='categorical_crossentropy', run_eagerly=True)
m = X.shape[0]
a0 = np.zeros((m, n_a))
c0 = np.zeros((m, n_a))
epochs = 1 if under_nbgrader() else 6
history = model.fit([X, a0, c0], list(Y), epochs=epochs, batch_size=60, verbose=0)
print(f"loss after epoch 1: {history.history['loss'][0]:.1f}, after epoch {epochs}: {history.history['loss'][-1]:.1f}")

# %% [markdown]
# A hundred epochs take well over a minute on the two-core machines this course is tested on, so the
# course ships the same network trained for the original's 100 epochs (seeded, on these very 60
# windows, by `helpers/trained_models/music_lstm.py`). `load_weights` copies its weights into *your*
# network — that is, into the shared `LSTM_cell` and `densor`, which the inference network below
# will use too. Its loss on the training windows is about 36, 1.2 per step (the original, on one jazz
# solo with many repeated figures, went from about 130 down to about 9), and it predicts the next token
# of chorales it never saw one time in four (a uniform guess: one in 90).

# %%
load_weights(model, "music_lstm_bach")
print(f"loss of the trained network on the training windows: {model.evaluate([X, a0, c0], list(Y), verbose=0)[0]:.1f}")

# %% [markdown]
# ## 3. Generating music
#
# To improvise, the network has no window to read: it must read its own predictions. Starting from
# $x^{\langle 1 \rangle}$ and zero states, at every step the cell runs, `densor` gives the probabilities
# of the next token, and the **most likely** token, as a one-hot vector, becomes the next input.
#
# ### Exercise 2: `music_inference_model`
#
# Create the inputs `x0 = Input(shape=(1, n_values))`, `a0` and `c0` (as before), then for each of `Ty`
# steps:
# 1. run the cell on `x`: `_, a, c = LSTM_cell(x, initial_state=[a, c])`;
# 2. apply `densor` to `a` and append the result to `outputs`;
# 3. turn the prediction into the next input: its most likely index with `keras.ops.argmax(out,
#    axis=-1)`, that index as a one-hot vector with `keras.ops.one_hot(x, n_values)`, and a sequence of
#    one step with `RepeatVector(1)(x)`.
#
# While a network is being built, its tensors are symbolic: use `keras.ops` functions (or layers), not
# NumPy. Return `Model(inputs=[x0, a0, c0], outputs=outputs)`.

# %%
# GRADED FUNCTION: music_inference_model
def music_inference_model(LSTM_cell, densor, Ty=100):
    """
    Uses the trained "LSTM_cell" and "densor" from model() to generate a sequence of values.

    Arguments:
    LSTM_cell -- the trained "LSTM_cell" from model(), Keras layer object
    densor -- the trained "densor" from model(), Keras layer object
    Ty -- integer, number of time steps to generate

    Returns:
    inference_model -- Keras model instance
    """
    # Get the shape of input values
    n_values = densor.units
    # Get the number of the hidden state vector
    n_a = LSTM_cell.units

    # Define the input of your model with a shape
    x0 = Input(shape=(1, n_values))

    # Define s0, initial hidden state for the decoder LSTM
    a0 = Input(shape=(n_a,), name='a0')
    c0 = Input(shape=(n_a,), name='c0')
    a = a0
    c = c0
    x = x0

    # Step 1: an empty list for the predicted values
    outputs = []

    # Step 2: loop over Ty and generate a value at every time step
    for t in range(Ty):
        # Step 2.A: perform one step of LSTM_cell; use "x", not "x0"
        ### START CODE HERE ### (≈ 1 line of code)
        _, a, c = LSTM_cell(x, initial_state=[a, c])
        ### END CODE HERE ###

        # Step 2.B: apply densor to the hidden state output of the LSTM_cell
        ### START CODE HERE ### (≈ 1 line of code)
        out = densor(a)
        ### END CODE HERE ###

        # Step 2.C: append the prediction "out" to "outputs"; out.shape = (None, 90)
        outputs.append(out)

        # Step 2.D: select the most likely next value and set "x" to its one-hot vector (see the instructions)
        ### START CODE HERE ### (≈ 2 lines of code)
        x = keras.ops.argmax(out, axis=-1)
        x = keras.ops.one_hot(x, n_values)
        ### END CODE HERE ###

        # Step 2.E: use RepeatVector(1) to convert x into a tensor with shape=(None, 1, 90)
        ### START CODE HERE ### (≈ 1 line of code)
        x = RepeatVector(1)(x)
        ### END CODE HERE ###

    # Step 3: create the model instance with the correct "inputs" and "outputs"
    ### START CODE HERE ### (≈ 1 line of code)
    inference_model = Model(inputs=[x0, a0, c0], outputs=outputs)
    ### END CODE HERE ###

    return inference_model


# %% [markdown]
# The test builds your inference network for 5 steps with small fresh layers, checks its inputs,
# outputs and parameters, and runs it: every step after the first must read the one-hot vector of the
# previous step's most likely token.

# %%
music_inference_model_test(music_inference_model)

# %%
# HIDDEN TESTS: music_inference_model

# %%
inference_model = music_inference_model(LSTM_cell, densor, Ty=50)
print(f"{inference_model.count_params():,} parameters (the same shared layers); {len(inference_model.outputs)} outputs")

# %% [markdown]
# ### Exercise 3: `predict_and_sample`
#
# Run the inference network on a starting token and zero states, and turn its `Ty` outputs into
# indices and one-hot vectors:
# 1. `pred = inference_model.predict([x_initializer, a_initializer, c_initializer], verbose=0)`: a list
#    of `Ty` arrays of shape (1, n_values);
# 2. `indices = np.argmax(pred, axis=-1)`: shape (Ty, 1);
# 3. `results = to_categorical(indices, num_classes=n_values)`: shape (Ty, n_values), with `n_values`
#    read from `x_initializer.shape[2]`.

# %%
# GRADED FUNCTION: predict_and_sample
# The default starting token and states: a zero token (no note yet) and zero states, for n_values = 90, n_a = 64
x_initializer = np.zeros((1, 1, 90))
a_initializer = np.zeros((1, 64))
c_initializer = np.zeros((1, 64))


def predict_and_sample(inference_model, x_initializer=x_initializer, a_initializer=a_initializer,
                       c_initializer=c_initializer):
    """
    Predicts the next value of values using the inference model.

    Arguments:
    inference_model -- Keras model instance for inference time
    x_initializer -- numpy array of shape (1, 1, n_values), one-hot vector initializing the values generation
    a_initializer -- numpy array of shape (1, n_a), initializing the hidden state of the LSTM_cell
    c_initializer -- numpy array of shape (1, n_a), initializing the cell state of the LSTM_cel

    Returns:
    results -- numpy-array of shape (Ty, n_values), matrix of one-hot vectors representing the values generated
    indices -- numpy-array of shape (Ty, 1), matrix of indices representing the values generated
    """
    n_values = x_initializer.shape[2]

    ### START CODE HERE ###
    # Step 1: Use your inference model to predict an output sequence given x_initializer, a_initializer and c_initializer.
    pred = inference_model.predict([x_initializer, a_initializer, c_initializer], verbose=0)
    # Step 2: Convert "pred" into an np.array() of indices with the maximum probabilities
    indices = np.argmax(pred, axis=-1)
    # Step 3: Convert indices to one-hot vectors, the shape of the results should be (Ty, n_values)
    results = to_categorical(indices, num_classes=n_values)
    ### END CODE HERE ###

    return results, indices


# %% [markdown]
# The test runs your function on a small network with fixed weights whose predictions it knows.

# %%
predict_and_sample_test(predict_and_sample)

# %%
# HIDDEN TESTS: predict_and_sample

# %% [markdown]
# Now improvise: start from the most frequent token (index 0) and let the network write 50 tokens.

# %%
inference_model.run_eagerly = True  # predict step by step rather than compiling 50 unrolled steps first
start = np.zeros((1, 1, n_values))
start[0, 0, 0] = 1
results, indices = predict_and_sample(inference_model, start, a_initializer, c_initializer)
print("np.argmax(results[12]) =", np.argmax(results[12]))
print("np.argmax(results[17]) =", np.argmax(results[17]))
print("list(indices[12:18]) =", [int(i) for i in indices[12:18, 0]])
improvised = tokens_of(np.concatenate([[0], indices[:, 0]]), indices_values)

# %% [markdown]
# The improvisation as a piano roll and as sound, and written as a MIDI file, which any music program
# can open (in your computer's temporary folder, not next to this notebook).

# %%
plot_piano_roll(improvised, title="your LSTM's improvisation (always the most likely next token)", color="C1");
display(Audio(synthesize(improvised), rate=16000))
midi_path = write_midi(improvised, os.path.join(tempfile.gettempdir(), "my_music.mid"))
print(f"MIDI file written: {midi_path} ({os.path.getsize(midi_path)} bytes)")

# %% [markdown]
# ## 4. Does it sound like Bach? Measured
#
# Listening is the real test, but two histograms say something too: **which pitches** a melody uses,
# and **which steps** it takes from one note to the next (Bach's sopranos mostly move by a step of one
# or two semitones, sometimes leap a third or more, and rarely repeat a note). The distance between a
# histogram and the corpus's is the *total variation*: half the sum of the absolute differences, 0 for
# the same histogram, 1 for histograms with nothing in common.
#
# Compare three improvisers, each starting 8 melodies of 50 tokens from the 8 most frequent tokens:
# your trained network taking the most likely token (the inference network above), the same network
# **sampling** each token from its softmax (as `sample` did for dinosaur names), and an **untrained**
# network with fresh layers of the same sizes.

# %%
bach_lines = [tokens_of(c, indices_values) for c in corpus]
starts = range(8)


def improvise(inference, starts):
    """One melody per starting token, all at once: the inference network's most likely tokens."""
    x = np.zeros((len(starts), 1, n_values))
    x[np.arange(len(starts)), 0, list(starts)] = 1
    zeros = np.zeros((len(starts), n_a))
    picked = np.argmax(inference.predict([x, zeros, zeros], verbose=0), axis=-1)  # (Ty, number of starts)
    return [tokens_of(np.concatenate([[s], picked[:, k]]), indices_values) for k, s in enumerate(starts)]


keras.utils.set_random_seed(1)
untrained = music_inference_model(LSTM(n_a, return_state=True), Dense(n_values, activation='softmax'), Ty=50)
untrained.run_eagerly = True
melodies = {
    "trained, most likely token": improvise(inference_model, starts),
    "trained, sampled (temperature 1)": [tokens_of(np.concatenate([[s], generate_with_temperature(
        LSTM_cell, densor, s, Ty=50, random_state=s)]), indices_values) for s in starts],
    "untrained, most likely token": improvise(untrained, starts),
}
statistics = {label: music_statistics(group, bach_lines) for label, group in melodies.items()}
statistics["Bach (8 other chorales)"] = music_statistics(bach_lines[-8:], bach_lines[:-8])
print(describe_statistics(statistics))
plot_histograms(bach_lines, melodies);

# %% [markdown]
# **What the numbers say.** The untrained network's melodies are far from Bach's (distances of about
# 0.4 for pitches and 0.6 for intervals): its choices ignore the scale and the size of the steps. The
# trained network, taking the most likely token, comes much closer (about 0.16 for both), with few
# distinct tokens: always taking the likeliest continuation, it falls into loops. Sampling from its
# softmax instead gives more varied melodies whose histograms come closest to Bach's (about 0.12),
# about as close as eight other chorales are to the rest of the corpus. What the
# histograms cannot see is longer structure: phrases, cadences, a return to the home note. An LSTM
# trained on 60 windows of 30 notes has not learned much of that; larger networks trained on much more
# music do.
#
# ## 5. Your turn: temperature
#
# The widget puts a training melody and your network's improvisation from the same first note one
# above the other. At a temperature near 0 the network always takes its most likely token (the
# inference network above); at 1 it samples its own probabilities; above 1 it takes more risks.

# %%
music_widget(LSTM_cell, densor, corpus, indices_values)

# %% [markdown]
# ## What you built
# - `djmodel`: 30 steps of one shared LSTM cell and one shared softmax layer, 45,530 parameters.
# - `music_inference_model`: the same layers in a loop that feeds back the one-hot vector of each
#   predicted token — a one-to-many network.
# - `predict_and_sample`: from the inference network's outputs to indices and one-hot vectors.
# - Melodies you can see, hear and save as MIDI, measured against Bach's pitch and interval statistics.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | one-to-many | 一对多 |
# | long short-term memory (LSTM) | 长短期记忆 |
# | sequence generation | 序列生成 |
# | hidden state / memory cell | 隐藏状态 / 记忆细胞 |
# | shared weights (parameter sharing) | 参数共享 |
# | one-hot vector | one-hot 向量 |
# | sampling | 采样 |
# | softmax | softmax 函数 |
