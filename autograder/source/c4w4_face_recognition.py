# %% [markdown]
# # Face recognition
#
# A door that opens for the people who work in a building, without badges: a camera takes a photo
# of whoever stands in front of it, and a network decides who it is. Two tasks hide in that sentence:
# - **face verification** (1:1): "I am Bao" — is the photo Bao's? One comparison.
# - **face recognition** (1:K): whose photo is it, among the K people in the database, or nobody's?
#   K comparisons, so K chances to make a mistake: it needs a much better verifier.
#
# Neither can be a classifier with one output per person: there is one photo of each person (this
# is **one-shot learning**), and a new colleague would mean retraining. Instead a network, the
# **encoder**, maps each photo to 128 numbers, its **encoding**, trained so that photos of one person
# land close together and photos of different people far apart. Comparing two faces is then
# measuring a distance.
#
# You will
# - write the **triplet loss** that trains such an encoder,
# - use an encoder trained with it to **verify** a claimed identity and to **recognise** a visitor
#   among twelve people,
# - measure how often it lets a stranger in or keeps a colleague out, on people it never saw, with a
#   **ROC curve**,
# - look at the encodings on a map, before and after training, and compare pairs of photos yourself.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf

from helpers.face_verification import (
    CAMERA,
    DATABASE_NAMES,
    encode_faces,
    img_to_encoding,
    pair_distance_widget,
    pair_distances,
    plot_embedding_map,
    plot_roc,
    read_photo,
    roc_auc,
    train_with_triplet_loss,
    verification_rates,
    write_face_photos,
)
from helpers.faces import make_faces
from helpers.plotting import plot_image_grid
from helpers.public_tests.c4w4_face_recognition import triplet_loss_test, verify_test, who_is_it_test
from helpers.trained_models import load_model
from helpers.trained_models.face_encoder import build_model, held_out_faces
from helpers.widgets import under_nbgrader

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. People and their photos
#
# The original notebook uses photos of the course's staff, and an encoder (FaceNet) trained by others
# on millions of photos of real people. Neither can ship with an offline course, and no installed
# package has many photos of each of many people. So the people here are **generated**, by
# `helpers.faces`, and you should know exactly what that means:
#
# - A **person** — an *identity* — is a set of drawn numbers: the width of the face and the length of
#   the chin, the skin tone, the colour, length and hairline of the hair (or none), where the eyes
#   sit, their size and the colour of the irises, the thickness and slope of the brows, the length and
#   width of the nose, the height and width of the mouth and the lips, a beard or not, a mole (and
#   where) or not, and a habit of wearing glasses (in most photos or in few), in a frame of their own.
# - A **photo** of that person keeps all of that and draws everything else afresh: where the face
#   is and how big, its tilt, how far the head turns, the expression (a smile or not, mouth open,
#   eyes half closed, brows raised), glasses or not, a cap or not, the light (strength, colour,
#   direction), the background (crops of photos or colour gradients), blur and noise.
#
# Two photos show "the same person" when they come from the same set of numbers, and nothing else.
# These are cartoons: what you measure below is how well the method learns to ignore the photo
# and keep the person, not how well it would recognise real faces. Each row below is one person.

# %%
X_people, y_people = make_faces(6, 8, random_state=5)
plot_image_grid(X_people, [f"person {person}" for person in y_people], ncols=8);

# %% [markdown]
# Light, background and pose change the pixels far more than the person does: raw pixels tell two
# people apart little better than a coin toss (section 6 measures it). The encoder has to learn what
# to ignore.

# %% [markdown]
# ## 2. The encoder
#
# FaceNet is a deep Inception network that takes a 160 × 160 photo and returns 128 numbers. The
# encoder shipped with this course is much smaller, for 64 × 64 photos: four blocks of convolution,
# batch normalisation, ReLU and max pooling (16, 32, 64 and 128 filters), a global average, a dense
# layer of 128 units and a last layer that divides the encoding by its length, so that every
# encoding lies on the unit sphere in 128 dimensions. `load_model` builds it and loads weights that
# `helpers/trained_models/face_encoder.py` trained, offline and seeded, with the triplet loss you
# are about to write, on 10,000 photos of 1,000 generated people.

# %%
FRmodel = load_model("face_encoder_people")
print("input shape:", FRmodel.input.shape)
print("output shape:", FRmodel.output.shape)
print(f"parameters: {FRmodel.count_params():,}")

# %% [markdown]
# ## 3. The triplet loss
#
# Write $f(x)$ for the encoding of photo $x$. Training looks at three photos at a time: an
# **anchor** $A$, a **positive** $P$ (another photo of the same person) and a **negative** $N$ (a
# photo of someone else). It wants the anchor closer to the positive than to the negative, by a
# **margin** $\alpha$:
# $$\|f(A) - f(P)\|_2^2 + \alpha \le \|f(A) - f(N)\|_2^2 .$$
# Without the margin an encoder that maps every photo to the same point would satisfy it
# ($0 \le 0$). The loss of one triplet is how far it is from satisfying it, and zero once it does;
# the cost sums it over the $m$ triplets of a batch:
# $$\mathcal{J} = \sum_{i=1}^{m} \max\left(\|f(A^{(i)}) - f(P^{(i)})\|_2^2 - \|f(A^{(i)}) - f(N^{(i)})\|_2^2 + \alpha,\ 0\right).$$
#
# ### Exercise 1: `triplet_loss`
#
# `y_pred` holds three tensors of shape $(m, 128)$ — the anchors', positives' and negatives'
# encodings, row $i$ of each forming triplet $i$. `y_true` is not used (Keras passes it to every
# loss). With TensorFlow operations (`tf.reduce_sum`, `tf.square`, `tf.subtract`, `tf.add`,
# `tf.maximum`):
# 1. the squared distance between each anchor and its positive, summed over the last axis: $m$ numbers;
# 2. the same between each anchor and its negative;
# 3. the first minus the second, plus `alpha`;
# 4. the maximum of that and 0, summed over the $m$ triplets.

# %%
# GRADED FUNCTION: triplet_loss

def triplet_loss(y_true, y_pred, alpha = 0.2):
    """
    The triplet loss of a batch of triplets, summed over the batch.

    Arguments:
    y_true -- the labels Keras passes to every loss; not used here
    y_pred -- a list or tuple of three tensors of shape (m, 128):
            anchor -- the encodings of the anchor photos
            positive -- the encodings of the positive photos (the same person as the anchor)
            negative -- the encodings of the negative photos (someone else)
    alpha -- the margin, a float

    Returns:
    loss -- a scalar tensor, the sum over the m triplets of max(pos_dist - neg_dist + alpha, 0)
    """
    anchor, positive, negative = y_pred[0], y_pred[1], y_pred[2]

    ### START CODE HERE ### (≈ 4 lines of code)
    # Step 1: squared distance between each anchor and its positive, summed over the last axis
    pos_dist = tf.reduce_sum(tf.square(tf.subtract(anchor, positive)), axis=-1)
    # Step 2: squared distance between each anchor and its negative
    neg_dist = tf.reduce_sum(tf.square(tf.subtract(anchor, negative)), axis=-1)
    # Step 3: the first minus the second, plus the margin
    basic_loss = tf.add(tf.subtract(pos_dist, neg_dist), alpha)
    # Step 4: the maximum of basic_loss and 0, summed over the triplets
    loss = tf.reduce_sum(tf.maximum(basic_loss, 0.0))
    ### END CODE HERE ###

    return loss


# %% [markdown]
# The test checks values you can work out by hand (a triplet that already meets the margin costs
# nothing; a zero or negative margin), a batch of random encodings, and that the loss is computed with
# TensorFlow, so that gradients can flow through it.

# %%
triplet_loss_test(triplet_loss)

# %%
# HIDDEN TESTS: triplet_loss

# %% [markdown]
# ### Your loss at work
#
# To see the loss train something, here is a fresh encoder of the same shape trained with **your**
# `triplet_loss` for a few dozen steps. Each step takes four photos of each of eight people (of 300
# generated for this) and hands every valid triplet of those 32 photos to your function at once:
# 32 anchors × 3 positives × 28 negatives = 2,688 triplets. The curve shows the loss per triplet.

# %%
X_train, y_train = make_faces(300, 6, random_state=3)
fresh_encoder = build_model()
steps = 5 if under_nbgrader() else 60  # while the notebook is graded, a few steps: nothing graded uses them
losses = train_with_triplet_loss(fresh_encoder, triplet_loss, X_train, y_train, steps=steps)
print(f"loss per triplet: {losses[0]:.3f} at the first step, {np.mean(losses[-5:]):.3f} over the last five")

fig, ax = plt.subplots(figsize=(5, 3), layout="constrained")
ax.plot(np.arange(1, len(losses) + 1), losses)
ax.set(xlabel="step", ylabel="loss per triplet", title="A fresh encoder trained with your triplet_loss");

# %% [markdown]
# The loss falls fast at first: many triplets are easy. A few dozen steps are far from enough,
# though: section 6 shows that this encoder tells unseen people apart barely better than random
# weights. The shipped encoder took 1,500 steps of 64 photos (16 people × 4), and most of them were
# spent on the hard triplets, where the negative is almost as close as the positive; the lecture calls
# choosing those triplets the key to training well.

# %% [markdown]
# ## 4. Face verification
#
# The building's database holds one photo of each of its twelve people — as many as the original's
# — and their names. The photos are PNG files that `write_face_photos` writes into a new temporary
# folder, as a camera would; so are the photos the door's camera takes later, `camera_0.png` to
# `camera_4.png`.

# %%
folder = write_face_photos()
plot_image_grid([read_photo(folder / f"{name}.png") for name in DATABASE_NAMES], DATABASE_NAMES, ncols=12);

# %% [markdown]
# `img_to_encoding(image_path, model)` reads a photo file, scales its pixels to $[0, 1]$, runs the
# encoder on it (a batch of one) and returns its encoding, of shape (1, 128) and length 1. The
# database keeps each person's encoding, not the photo: it is computed once.

# %%
database = {name: img_to_encoding(str(folder / f"{name}.png"), FRmodel) for name in DATABASE_NAMES}
print("database:", len(database), "people; each encoding of shape", database["ada"].shape)

# %% [markdown]
# ### Exercise 2: `verify`
#
# Someone in front of the camera says who they are. Open the door when the photo's encoding lies
# closer than 0.7 to the encoding of that person in the database:
# 1. the encoding of the photo at `image_path`, with `img_to_encoding`;
# 2. `dist`, the distance (not squared) between it and `database[identity]`, with `np.linalg.norm`;
# 3. `door_open` is `True` when `dist < 0.7` and `False` otherwise (a Python `bool`); when it is
#    `True` print `"It's " + str(identity) + ", welcome in!"`, otherwise print
#    `"It's not " + str(identity) + ", please go away"`.

# %%
# GRADED FUNCTION: verify

def verify(image_path, identity, database, model):
    """
    Decide whether the person in the photo at image_path is the person they claim to be, identity.

    Arguments:
    image_path -- path to a photo file
    identity -- string, the name the person claims; a key of database
    database -- python dictionary mapping each name (string) to that person's encoding, of shape (1, 128)
    model -- the encoder, a Keras model

    Returns:
    dist -- distance between the encoding of the photo and database[identity]
    door_open -- True if the door should open, False otherwise
    """
    ### START CODE HERE ### (≈ 7 lines of code)
    # Step 1: the encoding of the photo
    encoding = img_to_encoding(image_path, model)
    # Step 2: its distance to the identity's encoding in the database
    dist = np.linalg.norm(database[identity] - encoding)
    # Step 3: open the door if the distance is below 0.7, and say so
    door_open = bool(dist < 0.7)
    if door_open:
        print("It's " + str(identity) + ", welcome in!")
    else:
        print("It's not " + str(identity) + ", please go away")
    ### END CODE HERE ###

    return dist, door_open


# %% [markdown]
# The test encodes photos of the database's people and of strangers, compares them with an
# encoding it chooses, and checks the distance, the decision and the message.

# %%
verify_test(verify, FRmodel)

# %%
# HIDDEN TESTS: verify

# %% [markdown]
# Bao comes to the door; the camera takes `camera_0.png`. Then a stranger (`camera_2.png`) says they
# are Kofi. Each photo is shown beside the database photo of the person claimed.

# %%
plot_image_grid([read_photo(folder / "camera_0.png"), read_photo(folder / "bao.png"),
                 read_photo(folder / "camera_2.png"), read_photo(folder / "kofi.png")],
                ["camera_0", "bao (database)", "camera_2", "kofi (database)"], ncols=4, figsize_per_image=1.8);

# %%
dist, door_open = verify(str(folder / "camera_0.png"), "bao", database, FRmodel)
print(f"distance {dist:.3f}, door open: {door_open}")
dist, door_open = verify(str(folder / "camera_2.png"), "kofi", database, FRmodel)
print(f"distance {dist:.3f}, door open: {door_open}")

# %% [markdown]
# ## 5. Face recognition
#
# Nobody should have to say their name. To recognise a visitor, compare the photo's encoding with
# every encoding in the database and keep the closest.
#
# ### Exercise 3: `who_is_it`
#
# 1. the encoding of the photo at `image_path`;
# 2. start with `min_dist = 100`, larger than any distance between encodings of length 1 (at most 2),
#    and `identity = None`; then, for each `(name, db_enc)` in `database.items()`, compute the
#    distance and, when it is smaller than `min_dist`, keep it in `min_dist` and the name in `identity`;
# 3. when `min_dist > 0.7`, print `"Not in the database."`; otherwise print
#    `"it's " + str(identity) + ", the distance is " + str(min_dist)`.
#
# Return `min_dist` and `identity` in both cases: the closest person, even when too far.

# %%
# GRADED FUNCTION: who_is_it

def who_is_it(image_path, database, model):
    """
    Find who, among the people of the database, is in the photo at image_path.

    Arguments:
    image_path -- path to a photo file
    database -- python dictionary mapping each name (string) to that person's encoding, of shape (1, 128)
    model -- the encoder, a Keras model

    Returns:
    min_dist -- the smallest distance between the encoding of the photo and an encoding of the database
    identity -- string, the name of the person at that distance
    """
    ### START CODE HERE ### (≈ 12 lines of code)
    # Step 1: the encoding of the photo
    encoding = img_to_encoding(image_path, model)

    # Step 2: the closest encoding of the database
    min_dist = 100
    identity = None
    for (name, db_enc) in database.items():
        dist = np.linalg.norm(db_enc - encoding)
        if dist < min_dist:
            min_dist = dist
            identity = name

    # Step 3: too far from everyone?
    if min_dist > 0.7:
        print("Not in the database.")
    else:
        print("it's " + str(identity) + ", the distance is " + str(min_dist))
    ### END CODE HERE ###

    return min_dist, identity


# %%
who_is_it_test(who_is_it, FRmodel)

# %%
# HIDDEN TESTS: who_is_it

# %% [markdown]
# Here is every photo the camera took, with the person who really stood in front of it, and what
# `who_is_it` makes of each. These five were picked to show each case once — a colleague let in, a
# stranger kept out — not to show how often the door errs: section 6 counts that.

# %%
plot_image_grid([read_photo(folder / f"{stem}.png") for stem in CAMERA],
                [f"{stem}: {person or 'a stranger'}" for stem, person in CAMERA.items()], ncols=5,
                figsize_per_image=1.8);

# %%
for stem in CAMERA:
    print(f"{stem}: ", end="")
    min_dist, identity = who_is_it(str(folder / f"{stem}.png"), database, FRmodel)
    print(f"    the closest in the database: {identity}, at {min_dist:.3f}")

# %% [markdown]
# The second stranger, `camera_4`, is a lookalike: about 0.8 from the closest colleague, not far
# above the threshold. A threshold of 0.85 would have let them in.

# %% [markdown]
# ## 6. How good is it, on people it never saw?
#
# Five photos prove nothing. To measure the encoder, take 500 photos of **100 people drawn with
# another seed than its 1,000 training people** — people it never saw — and compare every pair: 1,000
# pairs show one person, 123,750 show two. For a threshold $\tau$, a pair closer than $\tau$ is
# accepted as one person:
# - the **false accept rate** is the share of different-people pairs accepted (a stranger let in),
# - the **false reject rate** is the share of same-person pairs refused (a colleague kept out).
#
# A larger $\tau$ lets more strangers in and keeps fewer colleagues out. The **ROC curve** draws
# the true accept rate (1 − false reject rate) against the false accept rate for every $\tau$; the
# area under it (**AUC**) is the chance that a random same-person pair lies closer than a random
# different-people pair (1 is perfect, 0.5 is a coin). Beside the shipped encoder: raw pixels, the
# untrained encoder (random weights) and the one you trained for a few dozen steps above.

# %%
X_held_out, y_held_out = held_out_faces()
encodings = {"shipped encoder": encode_faces(FRmodel, X_held_out),
             "your brief training": encode_faces(fresh_encoder, X_held_out),
             "untrained encoder": encode_faces(build_model(), X_held_out)}
pixels = X_held_out.reshape(len(X_held_out), -1) / 255.0
pixels = pixels / np.linalg.norm(pixels, axis=1, keepdims=True)

ax = None
for label, E in [("raw pixels", pixels), *encodings.items()][::-1]:
    distances, same = pair_distances(E, y_held_out)
    ax = plot_roc(distances, same, label=label, ax=ax)

distances, same = pair_distances(encodings["shipped encoder"], y_held_out)
false_accept, false_reject = verification_rates(distances, same, 0.7)
print(f"{same.sum():,} same-person pairs, {(~same).sum():,} different-people pairs")
print(f"ROC-AUC of the shipped encoder on unseen people: {roc_auc(distances, same):.3f}")
print(f"at the threshold 0.7: false accept rate {false_accept:.3f}, false reject rate {false_reject:.3f}")

# %% [markdown]
# Read the dots, the threshold 0.7: verification is good; recognition is harder, as the lecture
# warns: with K people in the database, a visitor has K chances to be mistaken for someone. Below,
# the first photo of each of the 100 unseen people is the database, the four others are visitors,
# and each visitor is recognised as the closest person in that database (ignoring the threshold).

# %%
E = encodings["shipped encoder"]
first = np.arange(0, len(y_held_out), 5)
visitors = np.setdiff1d(np.arange(len(y_held_out)), first)
closest = np.argmin(np.linalg.norm(E[visitors, None, :] - E[None, first, :], axis=-1), axis=1)
accuracy = np.mean(y_held_out[first][closest] == y_held_out[visitors])
print(f"recognition among 100 unseen people, one photo each: {accuracy:.3f} of {len(visitors)} visitors")

# %% [markdown]
# ## 7. Compare two photos yourself
#
# Pick two photos of the unseen people — by person and photo number — and see the distance between
# their encodings, where it falls among the distances of all pairs (same person in green, different
# people in red), and what the door decides. Move the threshold: every setting trades false accepts
# for false rejects. Try two photos of one person under very different light, or two people who
# share a skin tone and hair colour.

# %%
pair_distance_widget(X_held_out[:100], y_held_out[:100], E[:100])

# %% [markdown]
# ## 8. The encodings on a map
#
# 128 numbers cannot be drawn. The map below projects the encodings of ten unseen people (five
# photos each) onto the two directions along which they vary most (a principal component
# analysis), one colour per person, before training (random weights) and after (shipped weights).
# A projection loses most of the 128 dimensions, so clusters that touch here may be far apart in
# the encoder's space; still, training is what gathers each person's photos.

# %%
ten = y_held_out < 10
fig, axes = plt.subplots(1, 2, figsize=(9, 4.4), layout="constrained")
plot_embedding_map(encodings["untrained encoder"][ten], y_held_out[ten], title="Before training", ax=axes[0])
plot_embedding_map(E[ten], y_held_out[ten], title="After training", ax=axes[1])
axes[1].legend(title="person", fontsize=7, loc="center left", bbox_to_anchor=(1, 0.5));

# %% [markdown]
# ## What you built
# - The triplet loss: a margin between the distance to another photo of the same person and the
#   distance to someone else, summed over a batch of triplets.
# - Face verification (one comparison, with a threshold) and face recognition (the closest of the
#   database, or nobody), on an encoder trained with that loss, from photo files.
# - Measurements on people the encoder never saw: a ROC curve, the false accept and false reject
#   rates of the threshold 0.7, and recognition among 100 people.
#
# Real systems train on millions of photos of real people, add a check that the face is alive and
# not a printed photo, and need far lower error rates than these before they open a door.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | face verification | 人脸验证 |
# | face recognition | 人脸识别 |
# | one-shot learning | 一次学习 |
# | Siamese network | Siamese 网络 |
# | triplet loss | 三元组损失 |
# | anchor / positive / negative | 锚点 / 正例 / 反例 |
# | encoding | 编码 |
# | similarity function | 相似度函数 |
# | false accept / false reject | 误识 / 拒识 |
# | ROC curve | ROC 曲线 |
