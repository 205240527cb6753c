# %% [markdown]
# # Word2vec and GloVe from scratch
#
# Word embeddings like GloVe's are not written by hand: an algorithm reads a large text and
# gives each word a vector, so that words used in similar contexts get similar vectors. In the
# lectures you met the two most famous such algorithms, **word2vec** (skip-gram with negative
# sampling) and **GloVe**. Here you build both in numpy and train them on real text.
#
# In this notebook you will
# - cut a text into the (context, target) pairs skip-gram learns from,
# - write the negative-sampling distribution and the loss of one positive and $K$ negative
#   examples, with its gradients, checked against finite differences,
# - train skip-gram first on a tiny planted grammar (does king − man + woman land on queen?), then
#   on 331,339 words of Wikipedia,
# - count co-occurrences, write GloVe's weighting function and its loss with gradients, and train
#   GloVe,
# - compare your vectors with GloVe's vectors trained on 6 billion words: nearest neighbours and the
#   Google analogy questions,
# - watch the words move on a 2-D map during training.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise.

# %%
import numpy as np
import matplotlib.pyplot as plt
import pandas as pd

from helpers.gradient_check import compare_gradients
from helpers.rnn import sigmoid
from helpers.widgets import under_nbgrader
from helpers.word2vec import (
    ATTRIBUTE_TABLE,
    analogy_accuracy,
    build_vocabulary,
    complete_analogies,
    embedding_map_widget,
    encode,
    glove_vectors_for,
    load_analogy_questions,
    load_wiki_corpus,
    make_attribute_corpus,
    nearest_words,
    plot_losses,
    train_glove,
    train_skipgram,
)
from helpers.public_tests.c5w2_word2vec_and_glove import (
    cooccurrence_matrix_test,
    glove_loss_and_grads_test,
    glove_weight_test,
    negative_sampling_distribution_test,
    sgns_loss_and_grads_test,
    skipgram_pairs_test,
)

# %% [markdown]
# ## Notation
#
# - The vocabulary has $V$ words, numbered $0, \dots, V-1$ (most frequent first). A text is an
#   array `token_ids` of word numbers.
# - Every word has two vectors of $n_e$ numbers: $e_w$, its vector as a **context** word, and
#   $\theta_w$, its vector as a **target** word. They are the rows of two matrices `E` and
#   `theta` of shape $(V, n_e)$: `E[w]` is $e_w$. (The lecture's $E$ is the transpose, one column
#   per word; rows are handier in numpy.)
# - $\sigma(z) = 1 / (1 + e^{-z})$ is `sigmoid`, imported from `helpers/rnn.py`.

# %% [markdown]
# ## 1. Skip-gram: context and target
#
# Skip-gram turns plain text into a supervised problem. Pick a word $c$ of the text, the
# **context** word, and any word $t$ at most `window` positions before or after it, the
# **target**: the model learns to predict $t$ from $c$. In "I want a glass of orange juice to go
# along with my cereal", with `window = 2`, the context *orange* gives the targets *glass*, *of*,
# *juice* and *to*. A word that often appears near *juice* — *orange*, *apple* — must help
# predict the same targets, so it ends up with a similar vector.
#
# ### Exercise 1: `skipgram_pairs`
#
# Return every (context, target) pair of a text as the rows of an integer array of shape
# `(n_pairs, 2)`: column 0 the context word, column 1 the target. Order the rows as two nested
# loops would produce them: position $i$ of the context from the first to the last, and for each
# $i$ the target positions $j = i - \text{window}, \dots, i + \text{window}$ in increasing order,
# skipping $j = i$ and positions outside the text. A loop is fine; so is numpy (`np.repeat`,
# `np.tile` and a mask of valid positions build the same rows in the same order).

# %%
# GRADED FUNCTION: skipgram_pairs
def skipgram_pairs(token_ids, window):
    """
    List every (context, target) pair of a text for skip-gram.

    Arguments:
    token_ids -- the text as word numbers, numpy array of integers of shape (n,)
    window -- how many positions before and after a context word its targets can be, integer >= 1

    Returns:
    pairs -- numpy array of shape (n_pairs, 2), dtype int64: one row [context word, target word]
             per pair of positions (i, j) with 1 <= |i - j| <= window, ordered by i, then by j
    """
    n = len(token_ids)
    offsets = np.array([o for o in range(-window, window + 1) if o != 0])

    ### START CODE HERE ### (≈ 4 lines of code)
    i = np.repeat(np.arange(n), len(offsets))
    j = i + np.tile(offsets, n)
    valid = (j >= 0) & (j < n)
    pairs = np.stack([token_ids[i[valid]], token_ids[j[valid]]], axis=1).astype(np.int64)
    ### END CODE HERE ###

    return pairs


# %%
skipgram_pairs_test(skipgram_pairs)

# %%
# HIDDEN TESTS: skipgram_pairs

# %%
sentence = "i want a glass of orange juice to go along with my cereal".split()
sentence_ids = np.arange(len(sentence))   # each word its own number
sentence_pairs = skipgram_pairs(sentence_ids, 2)
print("pairs.shape =", sentence_pairs.shape)
print("targets of 'orange':", [sentence[t] for c, t in sentence_pairs if sentence[c] == "orange"])

# %% [markdown]
# ## 2. Negative sampling
#
# Predicting $t$ among all $V$ words needs a softmax over the vocabulary, whose denominator costs
# $V$ dot products for every pair. **Negative sampling** asks an easier question instead: *is
# $t$ really a target of $c$?* For each true pair (label 1) it draws $K$ random words
# $n_1, \dots, n_K$ as false targets (label 0) and trains $K + 1$ logistic classifiers,
#
# $$P(y = 1 \mid c, t) = \sigma(\theta_t^T e_c),$$
#
# so each step touches $K + 1$ target vectors instead of $V$. The lecture's example with $K = 4$:
#
# | context | word | target? |
# |---|---|---|
# | orange | juice | 1 |
# | orange | king | 0 |
# | orange | book | 0 |
# | orange | the | 0 |
# | orange | of | 0 |
#
# ### Exercise 2: `negative_sampling_distribution`
#
# Which words to draw as negatives? Drawing by frequency gives mostly *the*, *of*, *and*;
# drawing uniformly gives mostly rare words. Word2vec uses a compromise, the frequencies raised
# to the power $3/4$:
#
# $$P(w_i) = \frac{f(w_i)^{3/4}}{\sum_{j} f(w_j)^{3/4}},$$
#
# where $f(w_i)$ is the count of word $i$ in the text (counts or frequencies give the same $P$).

# %%
# GRADED FUNCTION: negative_sampling_distribution
def negative_sampling_distribution(counts, power=0.75):
    """
    The distribution negative words are drawn from.

    Arguments:
    counts -- how often each word occurs, numpy array of shape (V,), non-negative numbers, not all zero
    power -- exponent applied to the counts, float (3/4 in word2vec)

    Returns:
    P -- numpy array of shape (V,), float64: P[i] = counts[i]**power / sum_j counts[j]**power
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    weights = counts.astype(np.float64) ** power
    P = weights / np.sum(weights)
    ### END CODE HERE ###

    return P


# %%
negative_sampling_distribution_test(negative_sampling_distribution)

# %%
# HIDDEN TESTS: negative_sampling_distribution

# %%
example_counts = np.array([1000, 100, 10, 1])
print("words:                 the    juice  orange  durian")
print("counts:               ", example_counts)
print("frequency (power 1):  ", np.round(negative_sampling_distribution(example_counts, 1.0), 4))
print("word2vec (power 3/4): ", np.round(negative_sampling_distribution(example_counts), 4))
print("uniform (power 0):    ", np.round(negative_sampling_distribution(example_counts, 0.0), 4))

# %% [markdown]
# The power $3/4$ shrinks *the*'s share from 90 % to 82 % and multiplies *durian*'s by about 5.
#
# ### Exercise 3: `sgns_loss_and_grads`
#
# For one context vector $e_c$, its true target's vector $\theta_t$ and the vectors
# $\theta_{n_1}, \dots, \theta_{n_K}$ of $K$ negative words, the loss is the cross-entropy of the
# $K + 1$ classifiers:
#
# $$L = -\log \sigma(\theta_t^T e_c) - \sum_{k=1}^{K} \log \sigma(-\theta_{n_k}^T e_c),$$
#
# using $1 - \sigma(z) = \sigma(-z)$. Write $s = \theta_t^T e_c$ and $s_k = \theta_{n_k}^T e_c$. Since
# $\frac{d}{dz}\left(-\log \sigma(z)\right) = \sigma(z) - 1$, the gradients are
#
# $$\frac{\partial L}{\partial e_c} = (\sigma(s) - 1)\, \theta_t + \sum_{k=1}^{K} \sigma(s_k)\, \theta_{n_k},
# \qquad \frac{\partial L}{\partial \theta_t} = (\sigma(s) - 1)\, e_c,
# \qquad \frac{\partial L}{\partial \theta_{n_k}} = \sigma(s_k)\, e_c.$$
#
# Training processes thousands of pairs at once, so the function must also work on a **batch**:
# `e_c` of shape $(m, n_e)$, `theta_t` of shape $(m, n_e)$, `theta_neg` of shape $(m, K, n_e)$;
# the loss is then the **sum** over the $m$ pairs, and each gradient has the shape of its input.
# Write dot products over the last axis, `np.sum(a * b, axis=-1)`, and give `e_c` an axis for
# the $K$ negatives with `e_c[..., np.newaxis, :]`: the same code then serves one pair and a
# batch. Return the loss as a Python `float`.

# %%
# GRADED FUNCTION: sgns_loss_and_grads
def sgns_loss_and_grads(e_c, theta_t, theta_neg):
    """
    Loss and gradients of skip-gram with negative sampling: one positive and K negative targets
    per context word.

    Arguments:
    e_c -- context vectors, numpy array of shape (n_e,) for one pair or (m, n_e) for a batch
    theta_t -- vectors of the true targets, same shape as e_c
    theta_neg -- vectors of the K negative words, numpy array of shape (K, n_e) or (m, K, n_e)

    Returns:
    loss -- float, -log sigmoid(theta_t . e_c) - sum_k log sigmoid(-theta_neg[k] . e_c), summed over the batch
    grads -- python dictionary containing:
                  de_c -- gradient of the loss with respect to e_c, same shape as e_c
                  dtheta_t -- gradient with respect to theta_t, same shape as theta_t
                  dtheta_neg -- gradient with respect to theta_neg, same shape as theta_neg
    """
    # The scores of the true target, shape (...), and of the negatives, shape (..., K)
    ### START CODE HERE ### (≈ 2 lines of code)
    s_pos = np.sum(theta_t * e_c, axis=-1)
    s_neg = np.sum(theta_neg * e_c[..., np.newaxis, :], axis=-1)
    ### END CODE HERE ###

    # The loss
    ### START CODE HERE ### (≈ 1 line of code)
    loss = float(-np.sum(np.log(sigmoid(s_pos))) - np.sum(np.log(sigmoid(-s_neg))))
    ### END CODE HERE ###

    # The gradients of the loss with respect to the scores, then to the vectors
    ### START CODE HERE ### (≈ 5 lines of code)
    d_pos = sigmoid(s_pos) - 1
    d_neg = sigmoid(s_neg)
    de_c = d_pos[..., np.newaxis] * theta_t + np.sum(d_neg[..., np.newaxis] * theta_neg, axis=-2)
    dtheta_t = d_pos[..., np.newaxis] * e_c
    dtheta_neg = d_neg[..., np.newaxis] * e_c[..., np.newaxis, :]
    ### END CODE HERE ###

    grads = {"de_c": de_c, "dtheta_t": dtheta_t, "dtheta_neg": dtheta_neg}
    return loss, grads


# %%
sgns_loss_and_grads_test(sgns_loss_and_grads)

# %%
# HIDDEN TESTS: sgns_loss_and_grads

# %% [markdown]
# The lecture's example, with random vectors for a toy vocabulary: *orange* is the context,
# *juice* the true target, *king*, *book*, *the* and *of* the $K = 4$ negatives.

# %%
toy_words = ["orange", "juice", "king", "book", "the", "of"]
toy_rng = np.random.default_rng(4)
toy_E, toy_theta = toy_rng.normal(size=(6, 3)), toy_rng.normal(size=(6, 3))
toy_loss, toy_grads = sgns_loss_and_grads(toy_E[0], toy_theta[1], toy_theta[2:])
print(f"loss = {toy_loss:.6f}")
print("P(target | orange):", {w: round(float(sigmoid(toy_theta[i] @ toy_E[0])), 3)
                              for i, w in enumerate(toy_words[1:], start=1)})
print("grads['dtheta_neg'].shape =", toy_grads["dtheta_neg"].shape)

# %% [markdown]
# Before training with these gradients, check them against finite differences on a batch of
# 3 pairs with $K = 4$ negatives:

# %%
check_rng = np.random.default_rng(1)
e_check = check_rng.normal(size=(3, 5))
t_check = check_rng.normal(size=(3, 5))
n_check = check_rng.normal(size=(3, 4, 5))
_, grads_check = sgns_loss_and_grads(e_check, t_check, n_check)
print("gradient check of sgns_loss_and_grads:")
compare_gradients(lambda: sgns_loss_and_grads(e_check, t_check, n_check)[0],
                  {"e_c": e_check, "theta_t": t_check, "theta_neg": n_check},
                  {"e_c": grads_check["de_c"], "theta_t": grads_check["dtheta_t"],
                   "theta_neg": grads_check["dtheta_neg"]});

# %% [markdown]
# ## 3. A first check: a grammar with planted meanings
#
# The lecture described embeddings through a table of features — gender, royal, age, food.
# `make_attribute_corpus` writes sentences from a small seeded grammar in which these features
# are planted: every sentence names one person next to words that give away the person's
# gender (*he*, *she* …), royalty (*palace*, *village* …) and age (*office*, *school* …), and
# some sentences add a food (*eats the fresh apple*). The planted values:

# %%
pd.DataFrame(ATTRIBUTE_TABLE, index=["gender", "royal", "age", "food"])

# %%
toy_sentences = make_attribute_corpus(2000, random_state=0)
print(len(toy_sentences), "sentences, e.g.")
for s in toy_sentences[:4]:
    print("   ", " ".join(s))
toy_vocab, toy_word_to_id, toy_counts = build_vocabulary(toy_sentences, min_count=1)
toy_docs = encode(toy_sentences, toy_word_to_id)
toy_tracked = ["man", "woman", "boy", "girl", "king", "queen", "prince", "princess"]
print("vocabulary:", len(toy_vocab), "words")

# %% [markdown]
# `train_skipgram` (in `helpers/word2vec.py`) calls your three functions: `skipgram_pairs` for
# each sentence, `negative_sampling_distribution` to draw $K = 5$ negatives per pair, and
# `sgns_loss_and_grads` on mini-batches of pairs, followed by a gradient step on the rows of
# `E` and `theta` involved.

# %%
toy_run = train_skipgram(toy_docs, toy_counts, skipgram_pairs=skipgram_pairs,
                         negative_sampling_distribution=negative_sampling_distribution,
                         sgns_loss_and_grads=sgns_loss_and_grads, n_e=10, window=3, K=5, epochs=10,
                         batch_size=256, learning_rate=0.05, subsample=0, tracked=[toy_word_to_id[w]
                                                                                    for w in toy_tracked],
                         random_state=0, desc="planted grammar")
toy_analogies = [("man", "king", "woman"), ("man", "woman", "king"), ("boy", "girl", "prince"),
                 ("king", "prince", "queen"), ("woman", "girl", "man")]
for (a, b, c), answer in zip(toy_analogies, complete_analogies(toy_run.E, toy_word_to_id, toy_analogies, k=2)):
    print(f"{a} -> {b} :: {c} -> {answer[0]}   (runner-up: {answer[1]})")
print("nearest to apple:", ", ".join(w for w, _ in nearest_words(toy_run.E, toy_vocab, "apple", 3)))

# %% [markdown]
# Nobody told the model what "royal" or "female" means; it only saw which words appear near
# which. Yet the offset from *man* to *king* is the offset from *woman* to *queen*, as the
# lecture's parallelograms promised.
#
# ## 4. Skip-gram on real text
#
# Now real English: the 250 Wikipedia articles that `gensim` ships as a test corpus. The text is
# already **stemmed** (*countri*, *philosophi*) and stripped of stop words (*the*, *of* …), so
# you will see stems in the results. The vocabulary keeps the words seen at least 5 times.

# %%
wiki = load_wiki_corpus()
words, word_to_id, counts = build_vocabulary(wiki, min_count=5)
wiki_docs = encode(wiki, word_to_id)
print(f"{len(wiki)} articles, {sum(map(len, wiki)):,} words; vocabulary of {len(words):,} words "
      f"covering {sum(map(len, wiki_docs)):,} of them")
print("most frequent:", ", ".join(words[:12]))

# %% [markdown]
# With 50-dimensional vectors, a window of 5, $K = 5$ and word2vec's subsampling of frequent
# words, four passes over the text take about 15 seconds (two passes, and cruder vectors, when the
# notebook is graded).

# %%
map_words = ["king", "queen", "emperor", "pope", "war", "armi", "battl", "music", "song", "film",
             "water", "ocean", "french", "german", "english", "italian"]
map_groups = ["royalty"] * 4 + ["war"] * 3 + ["arts"] * 3 + ["water"] * 2 + ["languages"] * 4
wiki_epochs = 2 if under_nbgrader() else 4
wiki_run = train_skipgram(wiki_docs, counts, skipgram_pairs=skipgram_pairs,
                          negative_sampling_distribution=negative_sampling_distribution,
                          sgns_loss_and_grads=sgns_loss_and_grads, n_e=50, window=5, K=5, epochs=wiki_epochs,
                          batch_size=4096, learning_rate=0.05, subsample=1e-4,
                          tracked=[word_to_id[w] for w in map_words], random_state=0, desc="skip-gram")
print(f"loss per pair: {wiki_run.losses[0]:.3f} at first, {wiki_run.losses[-1]:.3f} at the end")
plot_losses({"skip-gram, Wikipedia": wiki_run}, ylabel="loss per pair");

# %%
probe_words = ["king", "war", "music", "church", "water", "film"]
for word in probe_words:
    print(f"{word:>7}:", ", ".join(f"{w} ({s:.2f})" for w, s in nearest_words(wiki_run.E, words, word, 6)))

# %% [markdown]
# The neighbours share a topic with the word, though many are rare words that happen to sit in
# the same article (*cleopatra* beside *king*): each topic here has one article or two.
# Analogies are much harder. The Google analogy set has 19,544 questions ("athens is to greece
# as berlin is to ?"); keep those whose four words are all in the vocabulary and answer each
# with the word $w$ maximising $\cos(e_w, e_b - e_a + e_c)$ (among the words other than $a$,
# $b$, $c$):

# %%
questions = load_analogy_questions(word_to_id)
wiki_accuracy, wiki_sections = analogy_accuracy(wiki_run.E, word_to_id, questions)
print(f"{len(questions)} of the 19,544 Google questions use only words of this vocabulary")
print(f"skip-gram accuracy: {wiki_accuracy:.1%}")
print("by kind of question (right / asked):",
      ", ".join(f"{section} {r}/{n}" for section, (r, n) in wiki_sections.items()))
answers = complete_analogies(wiki_run.E, word_to_id, [q[1:4] for q in questions])
right = list(dict.fromkeys(q[1:] for q, a in zip(questions, answers) if a[0] == q[4]))
print("some it gets right:")
for a, b, c, d in right[:6]:
    print(f"    {a} -> {b} :: {c} -> {d}")

# %% [markdown]
# A few percent. Be honest about why: 331 thousand words is tiny — word2vec was trained on
# billions — and most questions ask about facts (capitals, currencies, comparatives) that a
# few hundred articles state once or never, while the stemming merges words the questions tell
# apart. What it gets right are the relations the articles repeat most.
#
# ## 5. GloVe
#
# GloVe ("global vectors") starts from counts instead of pairs. Let $X_{ij}$ be the number of
# times word $j$ appears within the window of word $i$; with a symmetric window,
# $X_{ij} = X_{ji}$.
#
# ### Exercise 4: `cooccurrence_matrix`
#
# Every skip-gram pair $(c, t)$ of a text adds one to $X_{ct}$, so build $X$ from your
# `skipgram_pairs`. Careful: `X[rows, cols] += 1` adds only **once** per distinct position even
# when a pair repeats; `np.add.at(X, (rows, cols), 1)` adds every time (a loop does too).

# %%
# GRADED FUNCTION: cooccurrence_matrix
def cooccurrence_matrix(token_ids, vocab_size, window):
    """
    Count how often each word appears within `window` positions of each other word.

    Arguments:
    token_ids -- the text as word numbers, numpy array of integers of shape (n,), values below vocab_size
    vocab_size -- V, the number of words in the vocabulary
    window -- the half-width of the window, integer >= 1

    Returns:
    X -- numpy array of shape (V, V), float64: X[i, j] = number of (context, target) pairs (i, j) in the text
    """
    ### START CODE HERE ### (≈ 3 lines of code)
    pairs = skipgram_pairs(token_ids, window)
    X = np.zeros((vocab_size, vocab_size))
    np.add.at(X, (pairs[:, 0], pairs[:, 1]), 1)
    ### END CODE HERE ###

    return X


# %%
cooccurrence_matrix_test(cooccurrence_matrix)

# %%
# HIDDEN TESTS: cooccurrence_matrix

# %% [markdown]
# GloVe's matrix would be $V \times V$ = 64 million numbers for the whole vocabulary, so count
# the **1,000 most frequent words** only (rarer words are dropped from the text first, as GloVe's
# own counting tool does):

# %%
n_glove = 1000
glove_words = words[:n_glove]
X = sum(cooccurrence_matrix(ids[ids < n_glove], n_glove, 5) for ids in wiki_docs)
print("X.shape =", X.shape, " symmetric:", bool(np.all(X == X.T)))
print(f"{np.mean(X > 0):.1%} of the entries are non-zero; the largest is X[{glove_words[0]}, "
      f"{glove_words[int(X[0].argmax())]}] = {X[0].max():.0f}")

# %% [markdown]
# ### Exercise 5: `glove_weight`
#
# GloVe fits $\theta_i^T e_j + b_i + b'_j$ to $\log X_{ij}$, each term weighted by
#
# $$f(x) = \begin{cases} (x / x_{max})^{\alpha} & \text{if } x < x_{max} \\ 1 & \text{otherwise,}\end{cases}
# \qquad x_{max} = 100,\ \alpha = 3/4.$$
#
# $f(0) = 0$, so pairs never seen together cost nothing (and $\log 0$ never matters); rare pairs
# count a little, and very frequent ones (*the*, *of*) no more than a pair seen 100 times.

# %%
# GRADED FUNCTION: glove_weight
def glove_weight(x, x_max=100, alpha=0.75):
    """
    GloVe's weighting function, elementwise.

    Arguments:
    x -- co-occurrence counts, numpy array of any shape, non-negative
    x_max -- the count from which the weight is 1
    alpha -- the exponent below x_max

    Returns:
    fx -- numpy array of the shape of x, float64: (x / x_max)**alpha where x < x_max, else 1
    """
    ### START CODE HERE ### (≈ 1 line of code)
    fx = np.where(x < x_max, (x / x_max) ** alpha, 1.0)
    ### END CODE HERE ###

    return fx


# %%
glove_weight_test(glove_weight)

# %%
# HIDDEN TESTS: glove_weight

# %%
x_plot = np.linspace(0, 200, 401)
fig, ax = plt.subplots(figsize=(5, 3), layout="constrained")
ax.plot(x_plot, glove_weight(x_plot), color="#0072B2")
ax.set_xlabel("co-occurrence count $X_{ij}$")
ax.set_ylabel("weight $f(X_{ij})$")
ax.set_title("GloVe's weighting function ($x_{max}$ = 100, α = 3/4)")
ax.grid(alpha=0.3);

# %% [markdown]
# ### Exercise 6: `glove_loss_and_grads`
#
# The GloVe objective, over all pairs of words:
#
# $$J = \sum_{i=1}^{V} \sum_{j=1}^{V} f(X_{ij}) \left(\theta_i^T e_j + b_i + b'_j - \log X_{ij}\right)^2.$$
#
# Write $D_{ij} = \theta_i^T e_j + b_i + b'_j - \log X_{ij}$, a $V \times V$ matrix: `theta @ e.T`
# plus the biases broadcast as a column and a row. Where $X_{ij} = 0$ the weight is 0, but
# `np.log(0)` is $-\infty$ and $0 \cdot \infty$ is `nan`: take the logarithm of
# `np.where(X > 0, X, 1)` instead (any finite value works there). With $G = 2 f(X) * D$
# (elementwise),
#
# $$\frac{\partial J}{\partial \theta} = G\, e, \qquad \frac{\partial J}{\partial e} = G^T \theta,
# \qquad \frac{\partial J}{\partial b_i} = \sum_j G_{ij}, \qquad \frac{\partial J}{\partial b'_j} = \sum_i G_{ij}.$$
#
# Use your `glove_weight`.

# %%
# GRADED FUNCTION: glove_loss_and_grads
def glove_loss_and_grads(X, theta, e, b, b_prime, x_max=100, alpha=0.75):
    """
    The GloVe objective and its gradients.

    Arguments:
    X -- co-occurrence counts, numpy array of shape (V, V)
    theta -- the vectors theta_i, numpy array of shape (V, n_e) (row i is word i)
    e -- the vectors e_j, numpy array of shape (V, n_e)
    b -- the biases b_i, numpy array of shape (V,)
    b_prime -- the biases b'_j, numpy array of shape (V,)
    x_max, alpha -- the parameters of glove_weight

    Returns:
    loss -- float, sum_ij f(X_ij) (theta_i . e_j + b_i + b'_j - log X_ij)**2
    grads -- python dictionary containing:
                  dtheta -- gradient of the loss with respect to theta, shape (V, n_e)
                  de -- gradient with respect to e, shape (V, n_e)
                  db -- gradient with respect to b, shape (V,)
                  db_prime -- gradient with respect to b_prime, shape (V,)
    """
    ### START CODE HERE ### (≈ 4 lines of code)
    fX = glove_weight(X, x_max, alpha)
    log_X = np.log(np.where(X > 0, X, 1))
    D = theta @ e.T + b[:, np.newaxis] + b_prime[np.newaxis, :] - log_X
    loss = float(np.sum(fX * D ** 2))
    ### END CODE HERE ###

    ### START CODE HERE ### (≈ 5 lines of code)
    G = 2 * fX * D
    dtheta = G @ e
    de = G.T @ theta
    db = np.sum(G, axis=1)
    db_prime = np.sum(G, axis=0)
    ### END CODE HERE ###

    grads = {"dtheta": dtheta, "de": de, "db": db, "db_prime": db_prime}
    return loss, grads


# %%
glove_loss_and_grads_test(glove_loss_and_grads)

# %%
# HIDDEN TESTS: glove_loss_and_grads

# %%
check_rng = np.random.default_rng(2)
X_check = check_rng.poisson(3.0, size=(6, 6)).astype(float) * np.array([1, 1, 40, 1, 0, 1])
params_check = {"theta": check_rng.normal(size=(6, 3)), "e": check_rng.normal(size=(6, 3)),
                "b": check_rng.normal(size=6), "b_prime": check_rng.normal(size=6)}
_, grads_check = glove_loss_and_grads(X_check, **params_check)
print("gradient check of glove_loss_and_grads:")
compare_gradients(lambda: glove_loss_and_grads(X_check, **params_check)[0], params_check,
                  {name: grads_check["d" + name] for name in params_check});

# %% [markdown]
# `train_glove` minimises $J$ with AdaGrad, the optimiser of the GloVe paper, calling your
# `glove_loss_and_grads` once per iteration on the whole matrix. Since $\theta$ and $e$ play
# symmetric roles, GloVe's final embedding of a word is their average,
# $e_w^{(final)} = (e_w + \theta_w) / 2$, which `train_glove` returns as `run.E`.

# %%
glove_iterations = 50 if under_nbgrader() else 150
glove_run = train_glove(X, glove_loss_and_grads=glove_loss_and_grads, n_e=50, iterations=glove_iterations,
                        learning_rate=0.1, random_state=0)
print(f"GloVe loss: {glove_run.losses[0]:.0f} at first, {glove_run.losses[-1]:.0f} after "
      f"{glove_iterations} iterations")
plot_losses({"GloVe, 1,000 words": glove_run}, ylabel="objective J", log=True);

# %%
for word in probe_words:
    print(f"{word:>7}:", ", ".join(f"{w} ({s:.2f})" for w, s in nearest_words(glove_run.E, glove_words, word, 6)))

# %% [markdown]
# ## 6. Yours against GloVe's 6 billion words
#
# The GloVe vectors you used in the other notebooks of this week were trained by the same
# objective on 6 billion words. For a fair comparison, both models below answer from the same
# candidates: the words of your vocabulary that GloVe also knows.

# %%
shared, G_shared = glove_vectors_for(words)
shared_id = {w: i for i, w in enumerate(shared)}
E_shared = wiki_run.E[[word_to_id[w] for w in shared]]
rows = []
for word in probe_words:
    rows.append({"word": word,
                 "your skip-gram": ", ".join(w for w, _ in nearest_words(E_shared, shared, word, 5)),
                 "GloVe 6B": ", ".join(w for w, _ in nearest_words(G_shared, shared, word, 5))})
print(f"{len(shared):,} of your {len(words):,} words are in GloVe's vocabulary")
pd.DataFrame(rows).set_index("word")

# %%
shared_questions = load_analogy_questions(shared_id)
ours, _ = analogy_accuracy(E_shared, shared_id, shared_questions)
theirs, glove_sections = analogy_accuracy(G_shared, shared_id, shared_questions)
print(f"analogy accuracy on {len(shared_questions)} Google questions: your skip-gram {ours:.1%}, "
      f"GloVe 6B {theirs:.1%}")
small_shared, G_small = glove_vectors_for(glove_words)
small_id = {w: i for i, w in enumerate(small_shared)}
small_questions = load_analogy_questions(small_id)
ours_glove, _ = analogy_accuracy(glove_run.E[[glove_words.index(w) for w in small_shared]], small_id,
                                 small_questions)
theirs_small, _ = analogy_accuracy(G_small, small_id, small_questions)
print(f"on the {len(small_questions)} questions within the 1,000 most frequent words: your GloVe "
      f"{ours_glove:.1%}, GloVe 6B {theirs_small:.1%}")

# %% [markdown]
# The same algorithms, thousands of times less text: your vectors find topical neighbours but
# few analogies, GloVe's answer most questions. With word embeddings, data is most of the
# story — which is why, in practice, you download vectors trained on billions of words and
# transfer them to your task, as the lecture recommended.
#
# ## 7. Watching the words move
#
# Both training runs saved the vectors of a few words twelve times during training: the eight
# people of the grammar, and sixteen words of four topics in the Wikipedia run. The map below
# projects them on a plane (the two principal directions of each snapshot, turned to match the
# final map). Move the slider from snapshot 0, the random start, to the end. In the planted
# grammar the people settle on the corners of a rectangle, royal against common and adults
# against children, each male word beside its female counterpart: gender is a third planted
# direction, which a flat map cannot show at the same time. In the Wikipedia run the topics
# gather.

# %%
embedding_map_widget(
    {"planted grammar": toy_run, "Wikipedia, skip-gram": wiki_run},
    labels={"planted grammar": toy_tracked, "Wikipedia, skip-gram": map_words},
    groups={"planted grammar": ["royal" if ATTRIBUTE_TABLE[w][1] else "common" for w in toy_tracked],
            "Wikipedia, skip-gram": map_groups})

# %% [markdown]
# ## What you built
# - Skip-gram's (context, target) pairs and the co-occurrence counts GloVe starts from.
# - Negative sampling: the $3/4$-power distribution and the loss of $K + 1$ logistic classifiers
#   with its gradients, checked against finite differences.
# - GloVe's weighting function and its weighted least-squares objective with gradients.
# - Two embeddings trained with your code — one that recovers the planted king − man + woman =
#   queen, one on real text — measured against GloVe's pretrained vectors.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | word embedding | 词嵌入 |
# | embedding matrix | 嵌入矩阵 |
# | skip-gram | Skip-Gram 模型 |
# | context word / target word | 上下文词 / 目标词 |
# | negative sampling | 负采样 |
# | co-occurrence matrix | 共现矩阵 |
# | weighting term $f(X_{ij})$ | 加权项 |
# | analogy reasoning | 类比推理 |
# | cosine similarity | 余弦相似度 |
