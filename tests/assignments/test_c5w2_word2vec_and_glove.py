"""Word2vec and GloVe from scratch: hidden tests catch plausible bugs, accept other correct answers, and
the notebook still teaches its lesson."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c5w2_word2vec_and_glove"

SKIPGRAM_PAIRS = '''
def skipgram_pairs(token_ids, window):
    n = len(token_ids)
    offsets = np.array([o for o in range({low}, {high}) if {keep}])
    i = np.repeat(np.arange(n), len(offsets))
    j = i + np.tile(offsets, n)
    valid = (j >= 0) & (j < n)
    return np.stack([{columns}], axis=1).astype(np.int64)
'''


def skipgram_pairs(low="-window", high="window + 1", keep="o != 0",
                   columns="token_ids[i[valid]], token_ids[j[valid]]"):
    return SKIPGRAM_PAIRS.format(low=low, high=high, keep=keep, columns=columns)


NEGATIVE_SAMPLING = '''
def negative_sampling_distribution(counts, power=0.75):
    {body}
'''


def negative_sampling(body):
    return NEGATIVE_SAMPLING.format(body=body)


SGNS = '''
def sgns_loss_and_grads(e_c, theta_t, theta_neg):
    s_pos = np.sum(theta_t * e_c, axis=-1)
    s_neg = {s_neg}
    loss = {loss}
    d_pos = sigmoid(s_pos) - 1
    d_neg = {d_neg}
    de_c = {de_c}
    dtheta_t = {dtheta_t}
    dtheta_neg = d_neg[..., None] * e_c[..., None, :]
    return loss, {{"de_c": de_c, "dtheta_t": dtheta_t, "dtheta_neg": dtheta_neg}}
'''
GOOD_SGNS_LOSS = "float(-np.sum(np.log(sigmoid(s_pos))) - np.sum(np.log(sigmoid(-s_neg))))"


def sgns(s_neg="np.sum(theta_neg * e_c[..., None, :], axis=-1)", loss=GOOD_SGNS_LOSS, d_neg="sigmoid(s_neg)",
         de_c="d_pos[..., None] * theta_t + np.sum(d_neg[..., None] * theta_neg, axis=-2)",
         dtheta_t="d_pos[..., None] * e_c"):
    return SGNS.format(s_neg=s_neg, loss=loss, d_neg=d_neg, de_c=de_c, dtheta_t=dtheta_t)


COOCCURRENCE = '''
def cooccurrence_matrix(token_ids, vocab_size, window):
    pairs = {pairs}
    X = np.zeros((vocab_size, vocab_size){dtype})
    {count}
    return X
'''


def cooccurrence(pairs="skipgram_pairs(token_ids, window)", dtype="", count="np.add.at(X, (pairs[:, 0], pairs[:, 1]), 1)"):
    return COOCCURRENCE.format(pairs=pairs, dtype=dtype, count=count)


GLOVE_WEIGHT = '''
def glove_weight(x, x_max=100, alpha=0.75):
    return {fx}
'''


def glove_weight(fx):
    return GLOVE_WEIGHT.format(fx=fx)


GLOVE_LOSS = '''
def glove_loss_and_grads(X, theta, e, b, b_prime, x_max=100, alpha=0.75):
    fX = {fX}
    log_X = {log_X}
    D = theta @ e.T + b[:, None] + b_prime[None, :] - log_X
    loss = {loss}
    G = {G}
    return loss, {{"dtheta": {dtheta}, "de": G.T @ theta, "db": {db}, "db_prime": {db_prime}}}
'''


def glove_loss(fX="glove_weight(X, x_max, alpha)", log_X="np.log(np.where(X > 0, X, 1))",
               loss="float(np.sum(fX * D ** 2))", G="2 * fX * D", dtheta="G @ e", db="G.sum(axis=1)",
               db_prime="G.sum(axis=0)"):
    return GLOVE_LOSS.format(fX=fX, log_X=log_X, loss=loss, G=G, dtheta=dtheta, db=db, db_prime=db_prime)


MUTANTS = {
    "skipgram_pairs": [
        skipgram_pairs(keep="True"),  # the word paired with itself
        skipgram_pairs(low="-window + 1", high="window"),  # a window one too narrow
        skipgram_pairs(low="1"),  # only the words after the context
        skipgram_pairs(columns="token_ids[j[valid]], token_ids[i[valid]]"),  # (target, context)
        skipgram_pairs(columns="i[valid], j[valid]"),  # positions, not words
        # offsets outside, positions inside: the right pairs in another order
        "def skipgram_pairs(token_ids, window):\n"
        "    rows = []\n"
        "    for o in range(-window, window + 1):\n"
        "        if o != 0:\n"
        "            i = np.arange(max(0, -o), min(len(token_ids), len(token_ids) - o))\n"
        "            rows.append(np.stack([token_ids[i], token_ids[i + o]], axis=1))\n"
        "    return np.concatenate(rows).astype(np.int64)",
    ],
    "negative_sampling_distribution": [
        negative_sampling("return (counts / np.sum(counts)) ** power"),  # no renormalisation after the power
        negative_sampling("return counts ** 0.75 / np.sum(counts ** 0.75)"),  # ignores power
        negative_sampling("return counts ** power / np.sum(counts) ** power"),
        negative_sampling("return counts / np.sum(counts)"),  # plain frequencies
    ],
    "sgns_loss_and_grads": [
        # the mean over the batch, not the sum
        sgns(loss="float(np.mean(-np.log(sigmoid(s_pos)) - np.sum(np.log(sigmoid(-s_neg)), axis=-1)))"),
        sgns(loss="float(-np.sum(np.log(sigmoid(s_pos))) - np.sum(np.log(sigmoid(s_neg))))"),  # sign of negatives
        sgns(d_neg="sigmoid(s_neg) - 1"),  # negatives treated as positives in the gradient
        sgns(de_c="d_pos[..., None] * theta_t"),  # forgot the negatives' pull on e_c
        sgns(dtheta_t="d_pos[..., None] * theta_t"),
        sgns(s_neg="theta_neg @ e_c"),  # right for one pair only
        sgns(loss="float(-np.sum(np.log(sigmoid(s_pos))))"),  # the positive term only
    ],
    "cooccurrence_matrix": [
        cooccurrence(count="X[pairs[:, 0], pairs[:, 1]] += 1"),  # buffered: repeated pairs count once
        cooccurrence(dtype=", dtype=np.int64"),  # integers, not float64
        # made "symmetric" by hand, though the pairs already go both ways
        cooccurrence(count="np.add.at(X, (pairs[:, 0], pairs[:, 1]), 1); X = X + X.T"),
        cooccurrence(pairs="skipgram_pairs(token_ids, window + 1)"),
    ],
    "glove_weight": [
        glove_weight("(x / x_max) ** alpha"),  # no cap at 1
        glove_weight("np.where(x < x_max, (x_max / x) ** alpha, 1.0)"),
        glove_weight("np.where(x < x_max, x ** alpha / x_max, 1.0)"),
        glove_weight("np.where(x < x_max, (x / x_max) ** 0.75, 1.0)"),  # ignores alpha
    ],
    "glove_loss_and_grads": [
        glove_loss(log_X="np.log(X)"),  # log 0: nan
        glove_loss(G="fX * D"),  # forgot the 2 of the square's derivative
        glove_loss(G="2 * D"),  # forgot the weights in the gradient
        glove_loss(db="G.sum(axis=0)", db_prime="G.sum(axis=1)"),  # the biases' axes swapped
        glove_loss(dtheta="G.T @ e"),
        glove_loss(fX="glove_weight(X)"),  # x_max and alpha not passed on
        glove_loss(loss="float(0.5 * np.sum(fX * D ** 2))"),
    ],
}

VARIANTS = {
    "skipgram_pairs": [
        skipgram_pairs(),
        "def skipgram_pairs(token_ids, window):\n"
        "    pairs = []\n"
        "    for i in range(len(token_ids)):\n"
        "        for j in range(max(0, i - window), min(len(token_ids), i + window + 1)):\n"
        "            if j != i:\n"
        "                pairs.append([token_ids[i], token_ids[j]])\n"
        "    return np.array(pairs, dtype=np.int64).reshape(-1, 2)",
        # offset-major, then sorted into the documented order
        "def skipgram_pairs(token_ids, window):\n"
        "    n = len(token_ids)\n"
        "    i_all, j_all = [], []\n"
        "    for o in range(-window, window + 1):\n"
        "        if o != 0:\n"
        "            i = np.arange(max(0, -o), min(n, n - o))\n"
        "            i_all.append(i); j_all.append(i + o)\n"
        "    i, j = np.concatenate(i_all), np.concatenate(j_all)\n"
        "    order = np.lexsort((j, i))\n"
        "    return np.column_stack([token_ids[i[order]], token_ids[j[order]]]).astype(np.int64)",
    ],
    "negative_sampling_distribution": [
        negative_sampling("w = np.power(counts, power, dtype=float)\n    return w / w.sum()"),
        negative_sampling("f = counts / counts.sum()\n    w = f ** power\n    return w / np.sum(w)"),
    ],
    "sgns_loss_and_grads": [
        sgns(),
        sgns(s_neg="np.einsum('...kd,...d->...k', theta_neg, e_c)",
             loss="float(np.sum(np.logaddexp(0, -s_pos)) + np.sum(np.logaddexp(0, s_neg)))",
             de_c="d_pos[..., None] * theta_t + np.einsum('...k,...kd->...d', d_neg, theta_neg)",
             dtheta_t="(sigmoid(s_pos) - 1)[..., None] * e_c"),
        sgns(loss="-float(np.sum(np.log(1 / (1 + np.exp(-s_pos)))) + np.sum(np.log(1 - 1 / (1 + np.exp(-s_neg)))))",
             d_neg="1 / (1 + np.exp(-s_neg))"),
    ],
    "cooccurrence_matrix": [
        cooccurrence(),
        cooccurrence(count="for c, t in pairs:\n        X[c, t] += 1"),
        cooccurrence(pairs="None", count="for i in range(len(token_ids)):\n"
                     "        for j in range(max(0, i - window), min(len(token_ids), i + window + 1)):\n"
                     "            if j != i:\n"
                     "                X[token_ids[i], token_ids[j]] += 1.0"),
        cooccurrence(count="X += np.bincount(pairs[:, 0] * vocab_size + pairs[:, 1], "
                     "minlength=vocab_size ** 2).reshape(vocab_size, vocab_size)"),
    ],
    "glove_weight": [
        glove_weight("np.where(x < x_max, (x / x_max) ** alpha, 1.0)"),
        glove_weight("np.minimum((x / x_max) ** alpha, 1.0)"),
        glove_weight("np.clip(np.power(x / x_max, alpha), 0, 1)"),
    ],
    "glove_loss_and_grads": [
        glove_loss(),
        glove_loss(log_X="np.log(X, out=np.zeros_like(X), where=X > 0)",
                   loss="float(np.sum(fX * np.square(D)))", dtheta="np.dot(G, e)",
                   db="np.sum(G, axis=1)", db_prime="np.sum(G.T, axis=1)"),
        glove_loss(G="fX * D * 2", dtheta="np.einsum('ij,jd->id', G, e)"),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do self-pairs, one-sided windows, buffered counting, missing factors and swapped axes fail, and
    loops, sorting, einsum, logaddexp and bincount pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.fixture(scope="module")
def text():
    _, graded = graded_reference(ASSIGNMENT)
    return printed_text(graded)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_gradient_checks_agree(text):
    """Do the finite-difference checks of both losses agree to 1e-7 on all seven gradients?"""
    differences = [float(d) for d in re.findall(r"relative difference ([\d.e+-]+)", text)]
    assert len(differences) == 3 + 4, text
    assert max(differences) < 1e-7


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_planted_grammar_gives_the_lecture_analogies(text):
    """Does skip-gram on the planted grammar give king - man + woman = queen and its relatives?"""
    assert "man -> king :: woman -> queen " in text
    assert "boy -> girl :: prince -> princess " in text
    assert "woman -> girl :: man -> boy " in text
    assert re.search(r"nearest to apple: (orange|mango|bread|cheese|juice), ", text)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_skipgram_learns_on_wikipedia_but_glove_6b_knows_far_more(text):
    """Does the loss fall, does skip-gram answer a few analogies, and does GloVe 6B answer many more?"""
    first, last = map(float, re.search(r"loss per pair: ([\d.]+) at first, ([\d.]+) at the end", text).groups())
    assert last < first - 1.0
    assert "1077 of the 19,544 Google questions" in text
    ours, theirs = map(float, re.search(r"1077 Google questions: your skip-gram ([\d.]+)%, GloVe 6B ([\d.]+)%",
                                        text).groups())
    assert 1.0 <= ours <= 15.0, text
    assert 65.0 <= theirs <= 80.0 and theirs > 5 * ours


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_glove_objective_falls(text):
    """Does training the GloVe objective on the 1,000-word matrix cut the loss at least fivefold?"""
    assert "X.shape = (1000, 1000)  symmetric: True" in text
    first, last = map(float, re.search(r"GloVe loss: (\d+) at first, (\d+) after", text).groups())
    assert last < first / 5
    ours, theirs = map(float, re.search(r"frequent words: your GloVe ([\d.]+)%, GloVe 6B ([\d.]+)%", text).groups())
    assert 5.0 <= ours < theirs
