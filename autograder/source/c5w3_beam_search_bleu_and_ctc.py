# %% [markdown]
# # Beam search, BLEU and CTC
#
# A sequence model gives probabilities; something else must turn them into an output. This notebook
# builds the three tools the week's lectures describe for that, and measures them:
# - **beam search** with **length normalization**, the search for the most probable output, and the
#   **error analysis** that tells whether a wrong output is the search's fault or the model's;
# - the **BLEU score**, which grades a translation against human references, checked against the
#   `sacrebleu` library;
# - **CTC** (connectionist temporal classification), which lets a speech model output one symbol per
#   audio frame: its collapsing rule, greedy decoding, and the forward recursion that gives the
#   probability of a transcript, checked against TensorFlow.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise.

# %%
import re
import time

import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf

from helpers.decoding import (
    beam_tree_widget,
    beam_width_sweep,
    bleu_table,
    error_tally,
    name_model,
    plot_beam_sweep,
    plot_beam_tree,
    plot_ctc_lattice,
    random_ctc_problem,
    sacrebleu_score,
    sequence_log_probs,
    tokenize,
    translator_tables,
    TRANSLATIONS,
)
from helpers.public_tests.c5w3_beam_search_bleu_and_ctc import (
    attribute_error_test,
    beam_search_test,
    bleu_test,
    brevity_penalty_test,
    ctc_collapse_test,
    ctc_forward_test,
    ctc_greedy_decode_test,
    length_normalized_score_test,
    modified_precision_test,
)
from helpers.trained_models.nmt_dates import held_out_dates

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. A decoder as a table
#
# A decoder writes $y^{\langle 1 \rangle}, y^{\langle 2 \rangle}, \dots$ one symbol at a time, and
# the probability of a whole output is the product of the probabilities of its symbols:
# $$P(y \mid x) = \prod_{t=1}^{T_y} P\left(y^{\langle t \rangle} \mid x, y^{\langle 1 \rangle}, \dots, y^{\langle t-1 \rangle}\right).$$
#
# In this notebook a decoder is given as data: a table `log_probs` of shape $(T, V, V)$ over a
# vocabulary `vocab` of $V$ one-character symbols, where `log_probs[t, i, j]` is the log-probability
# that the symbol at step $t$ is `vocab[j]` when the previous one was `vocab[i]`. One symbol, the
# **end token** (`"\n"`), ends an output; it also stands before the first symbol, so step 0 reads
# its row. (A table like this remembers only the previous symbol; a neural decoder remembers more, but
# the search works the same way.)
#
# The first table is a small model of English first names: how often each letter follows another in
# the U.S. census lists of the `names` package.

# %%
name_log_probs, name_vocab = name_model(max_len=12)
print("table:", name_log_probs.shape, " vocabulary:", "".join(name_vocab[1:]), "and the end token")
start = name_vocab.index("\n")
first = np.exp(name_log_probs[0, start])
print("most likely first letters:", [(name_vocab[j], round(float(first[j]), 3)) for j in np.argsort(-first)[:5]])
print("log P('anna' then the end) =", round(float(sequence_log_probs(name_log_probs, name_vocab, "anna\n").sum()), 3))

# %% [markdown]
# ## 2. Length normalization
#
# Searching for the $y$ that maximizes $P(y \mid x)$ has two problems. A product of many numbers
# below 1 underflows, so you add logarithms instead. And every extra symbol multiplies by a number
# below 1, so the search prefers short outputs: at the extreme, the end token right away. The fix of
# the lecture divides the sum of log-probabilities by the length, softened by an exponent $\alpha$:
# $$\frac{1}{T_y^{\alpha}} \sum_{t=1}^{T_y} \log P\left(y^{\langle t \rangle} \mid x, y^{\langle 1 \rangle}, \dots, y^{\langle t-1 \rangle}\right).$$
# $\alpha = 0$ is no normalization, $\alpha = 1$ is the average log-probability per symbol; 0.7 is a
# common compromise. $T_y$ counts every symbol, the end token included.
#
# ### Exercise 1: `length_normalized_score`

# %%
# GRADED FUNCTION: length_normalized_score
def length_normalized_score(log_probs, alpha=0.7):
    """
    The length-normalized log-likelihood of one output.

    Arguments:
    log_probs -- log-probabilities of the output's symbols, one per step, 1-D numpy array of length T_y >= 1
    alpha -- exponent of the length normalization (0: none, 1: the average per symbol)

    Returns:
    score -- float, (1 / T_y**alpha) * sum(log_probs)
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    T_y = len(log_probs)
    score = float(np.sum(log_probs) / T_y ** alpha)
    ### END CODE HERE ###
    return score


# %%
length_normalized_score_test(length_normalized_score)

# %%
# HIDDEN TESTS: length_normalized_score

# %% [markdown]
# ## 3. Beam search
#
# Greedy decoding keeps only the most probable symbol at each step; it can miss an output whose first
# symbol is less likely but whose continuation is much better. Trying every output is impossible
# ($V^{T}$ of them). **Beam search** keeps the $B$ most probable partial outputs (the *beam*):
#
# 1. start from the empty output, with log-probability 0;
# 2. at step $t$, extend every partial output in the beam by every symbol of the vocabulary, adding
#    `log_probs[t, previous, j]` to its log-probability (the previous symbol is the end token for the
#    empty output);
# 3. keep the $B$ extensions with the highest log-probability (the plain sum, not normalized); record
#    them, as `(sequence, log-probability)` pairs, in `history`;
# 4. an extension that ends with the end token is finished: it leaves the beam and joins `finished`;
#    the others go on to the next step. Stop when the beam is empty or after `max_len` steps (and at
#    most `len(log_probs)` steps); what is left in the beam then counts as finished too;
# 5. among the finished outputs, return the one with the best **length-normalized** score (use your
#    `length_normalized_score` on its list of per-step log-probabilities), with that score.
#
# With $B = 1$ this is greedy decoding. When you sort, keep the order of the candidates (beam by beam,
# then symbol by symbol) among equal log-probabilities: Python's `sorted` with `key=` does.
#
# ### Exercise 2: `beam_search`

# %%
# GRADED FUNCTION: beam_search
def beam_search(log_probs, vocab, beam_width=3, max_len=20, alpha=0.7, end_token="\n"):
    """
    Beam search over a decoder given as a table of log-probabilities.

    Arguments:
    log_probs -- numpy array of shape (T, V, V): log_probs[t, i, j] is log P(y<t> = vocab[j] | y<t-1> = vocab[i]);
                 step 0 reads the row of the end token
    vocab -- list of V one-character strings
    beam_width -- B, the number of partial outputs kept at each step
    max_len -- the largest number of steps
    alpha -- exponent of the length normalization used to choose among the finished outputs
    end_token -- the symbol that ends an output (and precedes the first symbol)

    Returns:
    best -- string, the chosen output (ending with end_token if it finished)
    best_score -- float, its length-normalized score
    history -- list with one list per step of the (sequence, log-probability) pairs kept, best first
    """
    index = {symbol: k for k, symbol in enumerate(vocab)}
    beams = [("", [])]  # (sequence, log-probabilities of its symbols)
    finished = []
    history = []

    for t in range(min(max_len, len(log_probs))):
        ### START CODE HERE ### (≈ 10 lines of code)
        candidates = []
        for sequence, steps in beams:
            previous = index[sequence[-1]] if sequence else index[end_token]
            for j, symbol in enumerate(vocab):
                candidates.append((sequence + symbol, steps + [float(log_probs[t, previous, j])]))
        kept = sorted(candidates, key=lambda candidate: -sum(candidate[1]))[:beam_width]
        history.append([(sequence, float(sum(steps))) for sequence, steps in kept])
        finished = finished + [c for c in kept if c[0].endswith(end_token)]
        beams = [c for c in kept if not c[0].endswith(end_token)]
        ### END CODE HERE ###
        if not beams:
            break

    finished = finished + beams
    ### START CODE HERE ### (≈ 3 lines of code)
    scores = [length_normalized_score(np.array(steps), alpha) for _, steps in finished]
    best_index = int(np.argmax(scores))
    best, best_score = finished[best_index][0], scores[best_index]
    ### END CODE HERE ###
    return best, best_score, history


# %% [markdown]
# The test runs your search on a table of three symbols where greedy decoding picks `"a"` first but
# `"b"` leads to the better output, checks that $B = 1$ is greedy, and that the history holds at most
# $B$ pairs per step.

# %%
beam_search_test(beam_search)

# %%
# HIDDEN TESTS: beam_search

# %% [markdown]
# ### The most probable names
#
# Run your search on the name model with three beam widths and three values of $\alpha$:

# %%
print(f"{'':>10}" + "".join(f"{f'alpha = {a}':>22}" for a in (0.0, 0.7, 1.0)))
for B in (1, 3, 10):
    row = [beam_search(name_log_probs, name_vocab, beam_width=B, max_len=12, alpha=a) for a in (0.0, 0.7, 1.0)]
    print(f"{f'B = {B}':>10}" + "".join(f"{best.strip():>14} ({score:6.2f})" for best, score, _ in row))

# %% [markdown]
# Without normalization ($\alpha = 0$) the search prefers the shortest outputs, since every letter
# costs probability, and the wider the beam, the shorter and more probable what it finds: with $B = 10$,
# a single letter. With $\alpha = 0.7$ or 1 it returns a real name. (A wider beam usually finds an
# output with a better score, but not always: beam search is not an exact search.) Below, the beam
# itself: each column is one step, each box a partial output with its
# log-probability, the red path the output returned. Move the sliders.

# %%
best, best_score, history = beam_search(name_log_probs, name_vocab, beam_width=3, max_len=12, alpha=0.7)
plot_beam_tree(history, best, title=f"B = 3, α = 0.7: {best.strip()!r}");

# %%
beam_tree_widget(beam_search, name_log_probs, name_vocab, beam_width=3, alpha=0.7)

# %% [markdown]
# ## 4. Error analysis: the search or the model?
#
# When a translator gets a sentence wrong, should you widen the beam or improve the model? The
# lecture's test: take the human translation $y^*$ and the output $\hat y$, and ask the model for
# both probabilities.
# - If $P(y^* \mid x) > P(\hat y \mid x)$, the model prefers the right answer and beam search did not
#   find it: **beam search is at fault**.
# - If $P(y^* \mid x) \le P(\hat y \mid x)$, the model prefers the wrong answer: **the model is at
#   fault**, and no search can fix it.
#
# Tally the verdicts over the errors of a held-out set; only if beam search is at fault in a large
# share of them is a wider beam worth its cost. (With length normalization, compare the normalized
# scores instead of the plain probabilities.)
#
# ### Exercise 3: `attribute_error`

# %%
# GRADED FUNCTION: attribute_error
def attribute_error(p_star, p_hat):
    """
    Error analysis of one wrong output: is beam search or the model at fault?

    Arguments:
    p_star -- float, P(y* | x), the model's probability of the right output
    p_hat -- float, P(y_hat | x), the model's probability of the output beam search returned

    Returns:
    culprit -- "beam search" if the model prefers the right output, else "model"
    """
    ### START CODE HERE ### (≈ 1 line of code)
    culprit = "beam search" if p_star > p_hat else "model"
    ### END CODE HERE ###
    return culprit


# %%
attribute_error_test(attribute_error)

# %%
# HIDDEN TESTS: attribute_error

# %% [markdown]
# ### The date translator, under the microscope
#
# Now the real translator: the attention model of the previous notebook, with its shipped weights,
# on its 1,000 held-out dates. `translator_tables` runs it once per date and writes its output
# probabilities as tables like the name model's (ten date symbols, then the end token). Decode them
# with several beam widths, timing each:

# %%
dates = held_out_dates()
date_tables, date_vocab = translator_tables(dates)
targets = [iso + "\n" for _, iso in dates]
sweep = beam_width_sweep(beam_search, date_tables, date_vocab, targets, widths=(1, 2, 3, 5, 10))
for row in sweep:
    print(f"B = {row['B']:>2}: exact-match accuracy {row['accuracy']:.3f}, {row['seconds']:.2f} s for {len(dates)} dates")
plot_beam_sweep(sweep, title="the date translator: beam width against accuracy and run time");

# %%
tally = error_tally(beam_search, attribute_error, date_tables, date_vocab, targets, beam_width=3)
print(f"right: {tally['right']}, wrong: {tally['beam search'] + tally['model']} — beam search at fault: "
      f"{tally['beam search']}, model at fault: {tally['model']}")
for target, output, log_p_star, log_p_hat in tally["examples"]:
    print(f"  y* = {target.strip()}  ŷ = {output.strip()}   log P(y*|x) = {log_p_star:7.2f}   "
          f"log P(ŷ|x) = {log_p_hat:6.2f}")

# %% [markdown]
# Widening the beam changes nothing here but the run time, and the tally says why: every error is the
# model's. This translator's decoder never reads the symbols it wrote (look at its architecture:
# each step's softmax depends on $x$ and on the attention, not on $y^{\langle t-1 \rangle}$), so the
# probability of an output is a product of independent factors, and picking the best symbol at each
# step — greedy decoding — already finds the most probable output. The lesson's rule in practice: a
# beam wider than 1 pays only when the decoder feeds its outputs back, as the name model and real
# translators do; and before paying for it, count who is at fault. Here the effort belongs to the
# model (more data, more formats, longer training).

# %% [markdown]
# ## 5. The BLEU score
#
# A sentence has many good translations, so a translation is graded against several human
# **references**. BLEU (bilingual evaluation understudy) counts how many of the candidate's $n$-grams
# (runs of $n$ words) appear in a reference. To stop "the the the the the the the" from scoring 7/7, each
# $n$-gram's count is **clipped** to the largest number of times it appears in any single reference:
# $$p_n = \frac{\sum_{\text{n-gram} \in \hat y} \text{Count}_{\text{clip}}(\text{n-gram})}{\sum_{\text{n-gram} \in \hat y} \text{Count}(\text{n-gram})}.$$
#
# Compare words in lower case and without punctuation: `tokenize("The cat is on the mat.")` gives
# `['the', 'cat', 'is', 'on', 'the', 'mat']`. A candidate with no $n$-gram (shorter than $n$ words)
# has $p_n = 0$.
#
# ### Exercise 4: `modified_precision`

# %%
print(tokenize("The cat is on the mat."))

# %%
# GRADED FUNCTION: modified_precision
def modified_precision(candidate, references, n):
    """
    The modified (clipped) n-gram precision of a candidate translation.

    Arguments:
    candidate -- string, the machine translation
    references -- list of strings, the human translations
    n -- integer >= 1, the length of the n-grams

    Returns:
    p_n -- float, clipped n-gram count of the candidate divided by its n-gram count (0.0 without n-grams)
    """
    words = tokenize(candidate)
    ### START CODE HERE ### (≈ 8 lines of code)
    grams = [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]
    if not grams:
        return 0.0
    clipped = 0
    for gram in set(grams):
        most = 0
        for reference in references:
            reference_words = tokenize(reference)
            reference_grams = [tuple(reference_words[i:i + n]) for i in range(len(reference_words) - n + 1)]
            most = max(most, reference_grams.count(gram))
        clipped += min(grams.count(gram), most)
    p_n = clipped / len(grams)
    ### END CODE HERE ###
    return float(p_n)


# %%
modified_precision_test(modified_precision)

# %%
# HIDDEN TESTS: modified_precision

# %% [markdown]
# Precision alone rewards short candidates: "the cat" scores $p_1 = p_2 = 1$. BLEU multiplies by a
# **brevity penalty**, with $c$ the candidate's length in words and $r$ the length of the reference
# closest to it (the shorter one on a tie):
# $$\text{BP} = \begin{cases} 1 & \text{if } c > r, \\ \exp(1 - r / c) & \text{if } c \le r. \end{cases}$$
# (A candidate with no word gets 0.)
#
# ### Exercise 5: `brevity_penalty`

# %%
# GRADED FUNCTION: brevity_penalty
def brevity_penalty(c, r):
    """
    BLEU's brevity penalty.

    Arguments:
    c -- integer, the candidate's length in words
    r -- integer, the length of the reference closest to c

    Returns:
    bp -- float, 1 if c > r, else exp(1 - r / c); 0.0 when c is 0
    """
    ### START CODE HERE ### (≈ 4 lines of code)
    if c == 0:
        return 0.0
    bp = 1.0 if c > r else float(np.exp(1 - r / c))
    ### END CODE HERE ###
    return bp


# %%
brevity_penalty_test(brevity_penalty)

# %%
# HIDDEN TESTS: brevity_penalty

# %% [markdown]
# BLEU combines the precisions of 1- to 4-grams by their geometric mean:
# $$\text{BLEU} = \text{BP} \cdot \exp\Big(\frac{1}{N} \sum_{n=1}^{N} \log p_n\Big), \qquad N = 4.$$
# The lecture writes the simpler $\text{BP} \cdot \exp(\frac{1}{4}\sum_n p_n)$; the standard form,
# used by every BLEU tool, averages the *logarithms*, and is 0 as soon as one $p_n$ is 0 (here
# without smoothing).
#
# ### Exercise 6: `bleu`

# %%
# GRADED FUNCTION: bleu
def bleu(candidate, references, max_n=4):
    """
    The BLEU score of one candidate translation.

    Arguments:
    candidate -- string, the machine translation
    references -- list of strings, the human translations
    max_n -- integer, the longest n-grams counted

    Returns:
    score -- float between 0 and 1
    """
    c = len(tokenize(candidate))
    lengths = [len(tokenize(reference)) for reference in references]
    ### START CODE HERE ### (≈ 5 lines of code)
    r = min(lengths, key=lambda length: (abs(length - c), length))
    precisions = [modified_precision(candidate, references, n) for n in range(1, max_n + 1)]
    if min(precisions) == 0:
        return 0.0
    score = brevity_penalty(c, r) * float(np.exp(np.mean(np.log(precisions))))
    ### END CODE HERE ###
    return float(score)


# %%
bleu_test(bleu)

# %%
# HIDDEN TESTS: bleu

# %% [markdown]
# Your scores beside `sacrebleu`'s, the reference implementation of the field, on the same words
# (lower case, no punctuation, no smoothing):

# %%
print(bleu_table(bleu, modified_precision, brevity_penalty))
gap = max(abs(bleu(c, list(refs)) - sacrebleu_score(c, refs)) for c, refs in TRANSLATIONS)
print(f"\nlargest difference from sacrebleu over the {len(TRANSLATIONS)} candidates: {gap:.2e}")

# %% [markdown]
# The two agree to rounding. "The cat the cat on the mat." has $p_1 = 5/7$ and $p_2 = 4/6$ but no
# 4-gram in common with either reference, hence BLEU 0; the candidates that differ from a reference
# only at the end lose some $p_3$ and $p_4$. Sentence-level BLEU is harsh and noisy: it was designed
# for a whole test set, where the $n$-gram counts are summed over all sentences before dividing.

# %% [markdown]
# ## 6. CTC: one output per audio frame
#
# A speech recognizer hears, say, 100 frames per second of audio but writes far fewer letters. With
# **connectionist temporal classification** (CTC) the network outputs one symbol per frame, from the
# alphabet plus a **blank** (`_`), and the transcript is read off by a rule: **collapse repeated
# symbols that are not separated by a blank, then remove the blanks**. So
# `"ttt_h_eee___ ___qqq__"` reads `"the q"`: the space is a real symbol, the blank is not, and a
# blank between two equal letters keeps them both (`"l_l"` is `"ll"`).
#
# ### Exercise 7: `ctc_collapse`

# %%
# GRADED FUNCTION: ctc_collapse
def ctc_collapse(s, blank="_"):
    """
    The transcript a CTC output reads as.

    Arguments:
    s -- string, one symbol per frame
    blank -- the blank symbol

    Returns:
    transcript -- string: repeated symbols collapsed, then blanks removed
    """
    ### START CODE HERE ### (≈ 5 lines of code)
    kept = []
    previous = None
    for symbol in s:
        if symbol != previous and symbol != blank:
            kept.append(symbol)
        previous = symbol
    transcript = "".join(kept)
    ### END CODE HERE ###
    return transcript


# %%
ctc_collapse_test(ctc_collapse)

# %%
# HIDDEN TESTS: ctc_collapse

# %% [markdown]
# **Greedy CTC decoding** takes the most probable symbol at each frame, then collapses. Given `probs`
# of shape (T, K), the probabilities of the K symbols of `alphabet` (a string, blank included) at each
# of T frames:
#
# ### Exercise 8: `ctc_greedy_decode`

# %%
# GRADED FUNCTION: ctc_greedy_decode
def ctc_greedy_decode(probs, alphabet, blank="_"):
    """
    Greedy CTC decoding.

    Arguments:
    probs -- numpy array of shape (T, K), the probabilities of the K symbols at each of T frames
    alphabet -- string of K symbols, the blank among them
    blank -- the blank symbol

    Returns:
    transcript -- string
    """
    ### START CODE HERE ### (≈ 2 lines of code)
    frames = "".join(alphabet[k] for k in np.argmax(probs, axis=1))
    transcript = ctc_collapse(frames, blank)
    ### END CODE HERE ###
    return transcript


# %%
ctc_greedy_decode_test(ctc_greedy_decode)

# %%
# HIDDEN TESTS: ctc_greedy_decode

# %% [markdown]
# TensorFlow has the same decoder, `tf.nn.ctc_greedy_decoder` (it wants logits of shape (T, batch, K) and
# the blank as the last class). On 200 random problems:

# %%
rng = np.random.default_rng(0)
alphabet = "abc _"
agree = 0
for _ in range(200):
    probs, _ = random_ctc_problem(rng, T=15, alphabet=alphabet)
    decoded, _ = tf.nn.ctc_greedy_decoder(np.log(probs)[:, None, :].astype(np.float32), [len(probs)])
    theirs = "".join(alphabet[k] for k in tf.sparse.to_dense(decoded[0]).numpy()[0])
    agree += theirs == ctc_greedy_decode(probs, alphabet)
print(f"ctc_greedy_decode agrees with tf.nn.ctc_greedy_decoder on {agree} of 200 random problems")

# %% [markdown]
# **The probability of a transcript.** Training needs $P(l \mid x)$, the total probability of every
# frame sequence that collapses to the label $l$. There are exponentially many, but a forward
# recursion sums them in $O(T \cdot |l|)$. Put a blank before, between and after the letters of $l$:
# the **extended label** $l'$, of length $S = 2|l| + 1$ (`"cab"` becomes `_c_a_b_`). Let
# $\alpha_t(s)$ be the probability of the first $t+1$ frames ending at position $s$ of $l'$ with $y_t$
# its symbol's probability at frame $t$:
# - $\alpha_0(0) = y_0(\_)$, $\alpha_0(1) = y_0(l'_1)$, and $\alpha_0(s) = 0$ for $s \ge 2$;
# - $\alpha_t(s) = \big(\alpha_{t-1}(s) + \alpha_{t-1}(s-1)\big)\, y_t(l'_s)$ when $l'_s$ is a blank or
#   equals $l'_{s-2}$ (you may not skip a blank between two equal letters);
# - otherwise $\alpha_t(s) = \big(\alpha_{t-1}(s) + \alpha_{t-1}(s-1) + \alpha_{t-1}(s-2)\big)\, y_t(l'_s)$;
# - $P(l \mid x) = \alpha_{T-1}(S-1) + \alpha_{T-1}(S-2)$: the path ends on the last letter or the last blank.
#
# (Terms with $s - 1 < 0$ or $s - 2 < 0$ are 0.)
#
# ### Exercise 9: `ctc_forward`

# %%
# GRADED FUNCTION: ctc_forward
def ctc_forward(probs, label, alphabet, blank="_"):
    """
    The CTC forward recursion.

    Arguments:
    probs -- numpy array of shape (T, K), the probabilities of the K symbols of alphabet at each of T frames
    label -- string, the transcript (without blanks), at least one symbol
    alphabet -- string of K symbols, the blank among them
    blank -- the blank symbol

    Returns:
    alpha -- numpy array of shape (T, 2 * len(label) + 1), the forward variables
    probability -- float, P(label | probs)
    """
    extended = [blank]
    for symbol in label:
        extended += [symbol, blank]
    columns = [alphabet.index(symbol) for symbol in extended]
    T, S = probs.shape[0], len(extended)
    alpha = np.zeros((T, S))
    alpha[0, 0] = probs[0, columns[0]]
    alpha[0, 1] = probs[0, columns[1]]

    ### START CODE HERE ### (≈ 8 lines of code)
    for t in range(1, T):
        for s in range(S):
            total = alpha[t - 1, s]
            if s >= 1:
                total += alpha[t - 1, s - 1]
            if s >= 2 and extended[s] != blank and extended[s] != extended[s - 2]:
                total += alpha[t - 1, s - 2]
            alpha[t, s] = total * probs[t, columns[s]]
    probability = float(alpha[T - 1, S - 1] + alpha[T - 1, S - 2])
    ### END CODE HERE ###
    return alpha, probability


# %%
ctc_forward_test(ctc_forward)

# %%
# HIDDEN TESTS: ctc_forward

# %% [markdown]
# TensorFlow's `tf.nn.ctc_loss` computes $-\log P(l \mid x)$ from logits (it applies the softmax
# itself). On 100 random problems of 12 frames and labels of 1 to 4 letters:

# %%
rng = np.random.default_rng(1)
alphabet = "abc_"
differences = []
for _ in range(100):
    probs, label = random_ctc_problem(rng, T=12, alphabet=alphabet, label_length=int(rng.integers(1, 5)))
    loss = tf.nn.ctc_loss(labels=tf.constant([[alphabet.index(ch) for ch in label]], dtype=tf.int32),
                          logits=tf.constant(np.log(probs)[None], dtype=tf.float32),
                          label_length=tf.constant([len(label)]), logit_length=tf.constant([len(probs)]),
                          logits_time_major=False, blank_index=alphabet.index("_"))
    differences.append(abs(-np.log(ctc_forward(probs, label, alphabet)[1]) - float(loss[0])))
print(f"largest |-log P(l|x) - tf.nn.ctc_loss| over 100 random problems: {max(differences):.2e}")

# %% [markdown]
# The lattice of one problem: each column is a frame, each row a position of the extended label, and
# the colour shows where the probability mass is at that frame. Paths start at the top left (the
# first blank or the first letter) and must end at the bottom right.

# %%
probs, label = random_ctc_problem(np.random.default_rng(7), T=14, alphabet="abc_", label_length=3)
alpha, probability = ctc_forward(probs, label, "abc_")
print(f"label {label!r}: P(label | x) = {probability:.3e}")
plot_ctc_lattice(alpha, label);

# %% [markdown]
# ## What you built
# - Length normalization and beam search over any decoder given as a table; on a name model, $\alpha$
#   and $B$ change what comes out.
# - Error analysis: on the date translator every error is the model's, so a wider beam only costs time.
# - BLEU from clipped $n$-gram precisions and a brevity penalty, equal to `sacrebleu`'s.
# - CTC's collapsing rule, greedy decoding and forward recursion, equal to TensorFlow's.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | beam search | 集束搜索 |
# | beam width | 束宽 |
# | greedy search | 贪心搜索 |
# | length normalization | 长度归一化 |
# | error analysis | 误差分析 |
# | Bleu score | Bleu 得分 |
# | modified precision | 改良精度 |
# | brevity penalty | 简短惩罚 |
# | connectionist temporal classification (CTC) | 联结主义时间分类 |
# | blank | 空白符 |
