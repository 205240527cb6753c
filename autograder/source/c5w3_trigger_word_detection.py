# %% [markdown]
# # Trigger word detection
#
# A smart speaker listens all the time but wakes up only when it hears its name: "Alexa", "Hey
# Siri", "Okay Google", "小度你好". Spotting that one word in a stream of sound is **trigger word
# detection**. In this notebook the trigger word is **"activate"**: you build a data set of
# 10-second clips in which it is said (or not) over background noise, and a recurrent network that
# outputs, at every moment, the probability that "activate" has just been said. When it fires, a
# chime sounds.
#
# You will
# - mix spoken words into background noise at random, non-overlapping places, and label each clip,
#   writing `get_random_time_segment`, `is_overlapping`, `insert_audio_clip`, `insert_ones` and
#   `create_training_example`,
# - build the original's detector, `modelf`: a 1-d convolution over the spectrogram, two GRU layers
#   and a sigmoid at each of 1,375 output steps, 523,329 parameters,
# - run a trained detector on voices it never heard, measure its precision and recall, and listen
#   to it chime.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf
from IPython.display import display
from keras.layers import Activation, BatchNormalization, Conv1D, Dense, Dropout, GRU, Input, TimeDistributed
from keras.models import Model

from helpers.public_tests.c5w3_trigger_word_detection import (
    create_training_example_test,
    get_random_time_segment_test,
    insert_audio_clip_test,
    insert_ones_test,
    is_overlapping_test,
    modelf_test,
)
from helpers.trained_models import get_entry, load_model
from helpers.trained_models.trigger_word import held_out_examples, make_examples, predict
from helpers.trigger_word import (
    chime_on_activate,
    detect_triggers,
    load_raw_audio,
    match_target_amplitude,
    play,
    plot_example,
    precision_recall,
    spectrogram,
)
from helpers.widgets import under_nbgrader

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. The raw audio
#
# Recording thousands of people saying "activate" in kitchens and living rooms is how a product
# team would start. Here the words were synthesised once with the open-source speech synthesiser
# espeak-ng, by 20 voices (accents and voice types) at different speeds and pitches, and ship with
# the course as small 16 kHz recordings (`helpers/speech_clips/`). `load_raw_audio()` returns the
# training split:
# - `activates`: 45 recordings of "activate" by 15 voices,
# - `negatives`: 90 recordings of other words, half of them close to it in sound ("activity",
#   "motivate", "captivate", …) and half not ("kitchen", "weather", …),
# - `backgrounds`: six 10-second noises generated on your machine: **pink** noise (like rain),
#   **brown** noise (a low rumble) and **babble** (a crowd talking), two of each.
#
# The five other voices are kept apart, for the end of the notebook.

# %%
activates, negatives, backgrounds = load_raw_audio()
print(f"{len(activates)} activates, {len(negatives)} negatives, {len(backgrounds)} backgrounds")
print("durations (ms):", len(activates[0]), len(negatives[0]), len(backgrounds[0]))

# %% [markdown]
# Listen to one "activate", one other word and the babble background:

# %%
display(play(activates[0]), play(negatives[4]), play(backgrounds[2]))

# %% [markdown]
# **How audio is stored.** The original course used the pydub library; here each recording is an
# `AudioClip`, a NumPy array of samples (16,000 per second, values between −1 and 1) that keeps
# pydub's habits, all measured in **milliseconds**:
#
# | expression | meaning |
# |---|---|
# | `len(clip)` | its duration in ms (a 10-second background: 10000) |
# | `background.overlay(clip, position=t)` | a new clip: `clip` mixed into `background` from `t` ms on, cut at its end |
# | `clip.apply_gain(-20)` | a new clip 20 dB quieter |
# | `clip.dBFS`, `match_target_amplitude(clip, -20.0)` | its loudness in dB; the same clip at a chosen loudness |
#
# Indexing and arithmetic are NumPy's, sample by sample.

# %% [markdown]
# ## 2. From sound to spectrogram
#
# A microphone records air pressure, a long list of numbers that says little to the eye. A
# **spectrogram** says which frequencies are present at each moment: it slides a window of 200
# samples (12.5 ms) along the clip, one step every 29 samples, and measures the energy of 101
# frequencies (0 to 8 kHz) in each window. A 10-second clip becomes an array of shape
# $(n_{freq}, T_x) = (101, 5511)$: the network's input is 5,511 time steps of 101 numbers each.
#
# The network's output has $T_y = 1375$ steps, each covering 7.3 ms of the 10 seconds. Both are
# constants of this notebook:

# %%
Tx = 5511  # time steps of the spectrogram: the model's input
n_freq = 101  # frequencies at each step
Ty = 1375  # time steps of the model's output

example = backgrounds[2].overlay(activates[0], position=4000)
x = spectrogram(example)
print("spectrogram shape:", x.shape)
plot_example(x);

# %% [markdown]
# The word is the bright stack of bands just after the 4-second mark: voiced sounds put their energy
# into a few frequencies (the pitch and its multiples), while noise spreads its energy over all of
# them.

# %% [markdown]
# ## 3. Building the training set
#
# Each training example is made the same way:
# 1. take a 10-second background and make it 20 dB quieter,
# 2. insert between 0 and 4 "activate"s at random places,
# 3. insert between 0 and 2 negatives at random places where nothing else was inserted,
# 4. label it: $y^{\langle t \rangle} = 1$ for the 50 output steps (364 ms) right after each
#    "activate" ends, 0 everywhere else.
#
# Labelling a single step after the word would make the 1s very rare (the network would learn to
# answer 0 everywhere); 50 ones make them rarer than zeros still, but common enough to learn.
#
# ### Exercise 1: `get_random_time_segment`
#
# Draw a random place for a clip of `segment_ms` ms in the 10,000 ms background: its start with
# `np.random.randint(low=0, high=10000 - segment_ms)`, its end `segment_ms - 1` ms later (both ends
# are part of the segment).

# %%
# GRADED FUNCTION: get_random_time_segment

def get_random_time_segment(segment_ms):
    """
    Gets a random time segment of duration segment_ms in a 10,000 ms audio clip.

    Arguments:
    segment_ms -- the duration of the audio clip in ms ("ms" stands for "milliseconds")

    Returns:
    segment_time -- a tuple of (segment_start, segment_end) in ms
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    segment_start = np.random.randint(low=0, high=10000 - segment_ms)  # keeps the whole segment in the clip
    segment_end = segment_start + segment_ms - 1
    ### END CODE HERE ###

    return (segment_start, segment_end)


# %%
get_random_time_segment_test(get_random_time_segment)

# %%
# HIDDEN TESTS: get_random_time_segment

# %% [markdown]
# ### Exercise 2: `is_overlapping`
#
# Two segments $(s_1, e_1)$ and $(s_2, e_2)$ overlap when each starts before the other ends:
# $s_1 \le e_2$ and $e_1 \ge s_2$. Return `True` if `segment_time` overlaps any segment of
# `previous_segments`, `False` otherwise. Ends count: (750, 1250) overlaps (100, 750).

# %%
# GRADED FUNCTION: is_overlapping

def is_overlapping(segment_time, previous_segments):
    """
    Checks if the time of a segment overlaps with the times of existing segments.

    Arguments:
    segment_time -- a tuple of (segment_start, segment_end) for the new segment
    previous_segments -- a list of tuples of (segment_start, segment_end) for the existing segments

    Returns:
    True if the time segment overlaps with any of the existing segments, False otherwise
    """
    segment_start, segment_end = segment_time

    ### START CODE HERE ### (≈ 4 lines of code)
    # Step 1: initialize the overlap "flag" to False
    overlap = False

    # Step 2: loop over the previous segments' start and end times; compare them with the new segment's
    for previous_start, previous_end in previous_segments:
        if segment_start <= previous_end and segment_end >= previous_start:
            overlap = True
            break
    ### END CODE HERE ###

    return overlap


# %%
is_overlapping_test(is_overlapping)

# %%
# HIDDEN TESTS: is_overlapping

# %% [markdown]
# ### Exercise 3: `insert_audio_clip`
#
# Insert `audio_clip` into `background` at a random place that overlaps no segment of
# `previous_segments`:
# 1. get the clip's duration in ms (`len(audio_clip)`) and draw a random segment of that duration;
# 2. while the segment overlaps a previous one, draw again — at most 5 more times (`retry` counts
#    down from 5 and the loop goes on while `retry >= 0`);
# 3. if the last segment drawn is free, append it to `previous_segments` and overlay the clip at its
#    start; otherwise leave the background unchanged and return the segment `(10000, 10000)`, which
#    lies outside the clip.

# %%
# GRADED FUNCTION: insert_audio_clip

def insert_audio_clip(background, audio_clip, previous_segments):
    """
    Insert a new audio segment over the background noise at a random time step, ensuring that the
    audio segment does not overlap with existing segments.

    Arguments:
    background -- a 10 second background audio recording (an AudioClip)
    audio_clip -- the audio clip to be inserted/overlaid (an AudioClip)
    previous_segments -- times where audio segments have already been placed

    Returns:
    new_background -- the updated background audio
    segment_time -- the (segment_start, segment_end) of the inserted clip, or (10000, 10000)
    """
    ### START CODE HERE ### (≈ 8 lines of code)
    # Step 1: the duration of the audio clip in ms, and a random segment of that duration
    segment_ms = len(audio_clip)
    segment_time = get_random_time_segment(segment_ms)

    # Step 2: draw new segments while this one overlaps an existing one, at most 5 more times
    retry = 5
    while is_overlapping(segment_time, previous_segments) and retry >= 0:
        segment_time = get_random_time_segment(segment_ms)
        retry = retry - 1

    # Step 3: insert the clip only if the segment is free
    if not is_overlapping(segment_time, previous_segments):
        previous_segments.append(segment_time)
        new_background = background.overlay(audio_clip, position=segment_time[0])
    else:
        new_background = background
        segment_time = (10000, 10000)
    ### END CODE HERE ###

    return new_background, segment_time


# %%
insert_audio_clip_test(insert_audio_clip)

# %%
# HIDDEN TESTS: insert_audio_clip

# %% [markdown]
# Listen to the result: an "activate" inserted into the brown noise, where nothing else was.

# %%
np.random.seed(5)
audio_clip, segment_time = insert_audio_clip(backgrounds[1], activates[0], [(3790, 4400)])
print("segment_time:", segment_time)
play(audio_clip)

# %% [markdown]
# ### Exercise 4: `insert_ones`
#
# Label the 50 output steps that follow the end of an "activate". The end, `segment_end_ms`, is in
# ms; its output step is `int(segment_end_ms * Ty / 10000.0)`. Set `y[0, i] = 1` for the 50 steps
# after it, from that step + 1 to that step + 50, skipping those at or beyond `Ty` (a word that
# ends near the end of the clip gets fewer ones). `y` has shape (1, Ty); change it and return it.

# %%
# GRADED FUNCTION: insert_ones

def insert_ones(y, segment_end_ms):
    """
    Update the label vector y. The labels of the 50 output steps strictly after the end of the segment
    should be set to 1.

    Arguments:
    y -- numpy array of shape (1, Ty), the labels of the training example
    segment_end_ms -- the end time of the segment in ms

    Returns:
    y -- updated labels
    """
    _, Ty = y.shape

    # the output step of the segment's end
    segment_end_y = int(segment_end_ms * Ty / 10000.0)

    ### START CODE HERE ### (≈ 4 lines of code)
    if segment_end_y < Ty:
        # the 50 following steps, stopping at the end of y
        for i in range(segment_end_y + 1, segment_end_y + 51):
            if i < Ty:
                y[0, i] = 1
    ### END CODE HERE ###

    return y


# %%
insert_ones_test(insert_ones)

# %%
# HIDDEN TESTS: insert_ones

# %%
arr1 = insert_ones(np.zeros((1, Ty)), 9700)
plt.figure(figsize=(8, 2))
plt.plot(np.arange(Ty) * 10 / Ty, insert_ones(arr1, 4251)[0, :])
plt.xlabel("time (s)")
plt.ylabel("y")
plt.title("labels after \"activate\"s ending at 4.251 s and 9.700 s");
print("sanity checks:", arr1[0][1333], arr1[0][634], arr1[0][635])

# %% [markdown]
# ### Exercise 5: `create_training_example`
#
# Put it together. The background is made 20 dB quieter first; at the end the whole mix is brought to
# −20 dBFS and turned into its spectrogram. In between:
# 1. initialise `y`, zeros of shape (1, Ty), and `previous_segments`, an empty list;
# 2. for each randomly chosen "activate": insert it with `insert_audio_clip` (which updates
#    `previous_segments`), take the end of its segment and insert ones in `y` there;
# 3. for each randomly chosen negative: insert it, without labels.
#
# The random choices come from `np.random`, in the order of the code: call nothing else random.

# %%
# GRADED FUNCTION: create_training_example

def create_training_example(background, activates, negatives, Ty):
    """
    Creates a training example with a given background, activates, and negatives.

    Arguments:
    background -- a 10 second background audio recording (an AudioClip)
    activates -- a list of audio segments of the word "activate"
    negatives -- a list of audio segments of random words that are not "activate"
    Ty -- the number of time steps in the output

    Returns:
    x -- the spectrogram of the training example, shape (101, 5511)
    y -- the label at each time step of the spectrogram, shape (1, Ty)
    """
    # Make the background quieter
    background = background.apply_gain(-20)

    ### START CODE HERE ### (≈ 2 lines of code)
    # Step 1: initialize y (label vector) of zeros, and the segment times as an empty list
    y = np.zeros((1, Ty))
    previous_segments = []
    ### END CODE HERE ###

    # Select 0-4 random "activate" audio clips from the entire list of "activates" recordings
    number_of_activates = np.random.randint(0, 5)
    random_indices = np.random.randint(len(activates), size=number_of_activates)
    random_activates = [activates[i] for i in random_indices]

    ### START CODE HERE ### (≈ 3 lines of code)
    # Step 2: loop over the chosen "activate" clips: insert each into the background, then its labels into y
    for random_activate in random_activates:
        background, segment_time = insert_audio_clip(background, random_activate, previous_segments)
        segment_start, segment_end = segment_time
        y = insert_ones(y, segment_end)
    ### END CODE HERE ###

    # Select 0-2 random negatives audio recordings from the entire list of "negatives" recordings
    number_of_negatives = np.random.randint(0, 3)
    random_indices = np.random.randint(len(negatives), size=number_of_negatives)
    random_negatives = [negatives[i] for i in random_indices]

    ### START CODE HERE ### (≈ 2 lines of code)
    # Step 3: loop over the chosen negative clips and insert each into the background
    for random_negative in random_negatives:
        background, _ = insert_audio_clip(background, random_negative, previous_segments)
    ### END CODE HERE ###

    # Standardize the volume of the audio clip
    background = match_target_amplitude(background, -20.0)

    # The spectrogram of the mix (background with the inserted words)
    x = spectrogram(background)

    return x, y


# %%
create_training_example_test(create_training_example)

# %%
# HIDDEN TESTS: create_training_example

# %% [markdown]
# Here is one example, from the crowd babble: its spectrogram above, its labels below. Each block of
# ones starts where an "activate" ends.

# %%
np.random.seed(18)
x, y = create_training_example(backgrounds[2], activates, negatives, Ty)
print("x:", x.shape, " y:", y.shape, f" ones: {int(y.sum())}")
plot_example(x, y);

# %% [markdown]
# ## 4. The model
#
# The detector reads the spectrogram from left to right and, at each output step, estimates the
# probability that "activate" has just ended:
# - a **1-d convolution** (196 filters of width 15, stride 4) turns the 5,511 input steps into 1,375
#   steps of 196 features each: it picks out short sound patterns and reduces the number of steps
#   the slower recurrent layers must read;
# - two **GRU** layers (128 units, returning every step) carry what was heard so far; a GRU only
#   looks backward in time, so the detector can run live, as the sound arrives (a bidirectional
#   layer would have to wait for the end of the clip);
# - batch normalization after each stage, and dropout with rate 0.8 between them, against overfitting
#   a small data set;
# - a **time-distributed** dense layer with one sigmoid unit: the same unit applied at each of the
#   1,375 steps.
#
# ### Exercise 6: `modelf`
#
# Build it with Keras's functional API, from `X_input = Input(shape=input_shape)`:
# 1. `Conv1D(196, kernel_size=15, strides=4)`, `BatchNormalization()`, `Activation("relu")`,
#    `Dropout(rate=0.8)`;
# 2. `GRU(128, return_sequences=True)`, `Dropout(rate=0.8)`, `BatchNormalization()`;
# 3. `GRU(128, return_sequences=True)`, `Dropout(rate=0.8)`, `BatchNormalization()`,
#    `Dropout(rate=0.8)`;
# 4. `TimeDistributed(Dense(1, activation="sigmoid"))`;
# 5. `Model(inputs=X_input, outputs=X)`.

# %%
# GRADED FUNCTION: modelf

def modelf(input_shape):
    """
    Function creating the model's graph in Keras.

    Arguments:
    input_shape -- shape of the model's input data (using Keras conventions)

    Returns:
    model -- Keras model instance
    """
    X_input = Input(shape=input_shape)

    ### START CODE HERE ### (≈ 14 lines of code)
    # Step 1: CONV layer
    X = Conv1D(196, kernel_size=15, strides=4)(X_input)  # 196 filters of width 15, stride 4
    X = BatchNormalization()(X)
    X = Activation("relu")(X)
    X = Dropout(rate=0.8)(X)

    # Step 2: first GRU layer
    X = GRU(units=128, return_sequences=True)(X)  # returns the whole sequence
    X = Dropout(rate=0.8)(X)
    X = BatchNormalization()(X)

    # Step 3: second GRU layer
    X = GRU(units=128, return_sequences=True)(X)
    X = Dropout(rate=0.8)(X)
    X = BatchNormalization()(X)
    X = Dropout(rate=0.8)(X)

    # Step 4: time-distributed dense layer
    X = TimeDistributed(Dense(1, activation="sigmoid"))(X)  # a sigmoid at every time step

    model = Model(inputs=X_input, outputs=X)
    ### END CODE HERE ###

    return model


# %%
modelf_test(modelf)

# %%
# HIDDEN TESTS: modelf

# %% [markdown]
# The model takes the spectrogram with time first, shape $(T_x, n_{freq})$: transpose `x`
# (101, 5511) before giving it to the model.

# %%
model = modelf(input_shape=(Tx, n_freq))
print(f"parameters: {model.count_params():,}")
for layer in model.layers:
    print(f"  {type(layer).__name__:<20} {str(tuple(layer.output.shape)):<18} {layer.count_params():>8,}")

# %% [markdown]
# ## 5. A trained detector, on voices it never heard
#
# The original trained this model for about three hours on a GPU, on 4,000 examples. On a laptop's
# CPU the two GRU layers, which must step through all 1,375 time steps one after the other, make that
# far too slow: even one mini-batch takes many seconds. So the detector shipped with the course is a
# **CPU-sized** version of yours (`helpers/trained_models/trigger_word.py`), trained for a few CPU
# minutes on 2,560 fresh examples built like yours from the 15 training voices (160 mini-batches of 16):
# - the same convolution with 32 filters instead of 196,
# - an average over every 5 convolution outputs before the GRUs (275 steps of 36 ms), each GRU output
#   repeated 5 times afterwards to give back 1,375 steps,
# - GRUs of 32 units instead of 128, and dropout 0.2 instead of 0.8.
#
# Its weights do not fit your model, but it answers the same question in the same format: one
# probability per output step.

# %%
detector = load_model("trigger_word_small")
entry = get_entry("trigger_word_small")
print(f"shipped detector: {detector.count_params():,} parameters, {entry['size_bytes'] / 1e6:.2f} MB")

# %% [markdown]
# The held-out examples are built like the training ones, but from the 5 voices and the 6
# backgrounds that training never used. A **detection** fires when the probability rises above 0.5,
# and after one the detector stays silent for 75 output steps (0.55 s), as a product would, so that
# one word does not ring twice. A detection is right when it comes within half a second of the end
# of an "activate" (or during its 50 labelled steps); each "activate" can be found once.
# - **Precision**: the fraction of detections that were right — how rarely it wakes up for nothing.
# - **Recall**: the fraction of "activate"s that it found — how rarely it ignores you.

# %%
n_held_out = 20 if under_nbgrader() else 100  # while the notebook is graded, fewer: nothing graded uses them
X_held_out, Y_held_out, ends_held_out = held_out_examples(n_held_out)
probabilities = predict(detector, X_held_out)
detections = [detect_triggers(p, threshold=0.5) for p in probabilities]
precision, recall = precision_recall(detections, ends_held_out)
print(f"{len(X_held_out)} held-out examples, {sum(map(len, ends_held_out))} activates, "
      f"{sum(map(len, detections))} detections")
print(f"precision on held-out voices: {precision:.3f}")
print(f"recall on held-out voices: {recall:.3f}")

# %% [markdown]
# A lower threshold finds more of the words and wakes up for nothing more often; a higher one the
# reverse. A product team picks the threshold on a dev set, for the balance its users prefer.

# %%
for threshold in (0.2, 0.35, 0.5, 0.65, 0.8):
    p, r = precision_recall([detect_triggers(q, threshold=threshold) for q in probabilities], ends_held_out)
    print(f"threshold {threshold:.2f}: precision {p:.3f}, recall {r:.3f}")

# %% [markdown]
# ## 6. Listen to it
#
# One held-out example, built like yours, by a voice the detector never heard: its spectrogram, its
# labels and the detector's probability.

# %%
(x_example,), (y_example,), (ends_example,), (audio_example,) = make_examples(
    1, "held_out", random_state=7, activates_range=(2, 5), audio=True)
p_example = predict(detector, x_example[None])[0]
plot_example(x_example.T, y_example.T, p_example);
print("activates end at (ms):", ends_example)
print("detections at (ms):", [round(step * 10000 / Ty) for step in detect_triggers(p_example)])

# %% [markdown]
# The example as built:

# %%
play(audio_example)

# %% [markdown]
# The same clip, with a chime mixed in at each detection:

# %%
play(chime_on_activate(audio_example, p_example, threshold=0.5))

# %% [markdown]
# ## What you built
# - Training examples made by mixing words into noise: random non-overlapping segments, and labels
#   that turn to 1 for the 50 steps after each trigger word.
# - The original's detector, 523,329 parameters: a 1-d convolution, two GRU layers, a sigmoid at each
#   of 1,375 output steps.
# - A CPU-sized trained detector, measured on voices it never heard, and its chimes.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | trigger word detection | 触发字检测 |
# | spectrogram | 声谱图 |
# | audio clip | 音频片段 |
# | background noise | 背景噪声 |
# | gated recurrent unit (GRU) | 门控循环单元 |
# | 1-d convolution | 一维卷积 |
# | time-distributed layer | 时间分布层 |
# | precision / recall | 精确率 / 召回率 |
