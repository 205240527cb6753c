# %% [markdown]
# # Emojify
#
# You will build two classifiers that read a short sentence and pick the emoji that suits it:
#
# | label | 0 | 1 | 2 | 3 | 4 |
# |---|---|---|---|---|---|
# | emoji | ❤️ | ⚾ | 😄 | 😞 | 🍴 |
# | meaning | love | sport | joy | sadness | food |
#
# "let's play ball" → ⚾, "i am starving" → 🍴. The training set is small: 132 sentences. A model
# that only learned from those sentences would know nothing about a word it has never seen. Both of
# yours start from the 50-dimensional **GloVe word embeddings** instead, learned from billions of
# words, so a sentence with "adore" can be classified ❤️ even if only "love" appears in training.
#
# - **Emojifier-V1** averages the word vectors of a sentence and feeds the average to a softmax layer,
#   in numpy.
# - **Emojifier-V2** feeds the sequence of word vectors to two stacked LSTMs, in Keras, and so reads
#   the words in order.
#
# Write your code between `### START CODE HERE ###` and `### END CODE HERE ###` and run the test
# cell below each exercise. Running the whole notebook takes well under a minute.

# %%
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf
from tensorflow.keras.layers import LSTM, Activation, Dense, Dropout, Embedding, Input
from tensorflow.keras.models import Model

from helpers.emojify import (NEGATION_PROBE, ORDER_PAIRS, convert_to_one_hot, emojifier_widget, label_to_emoji,
                             load_emoji_dataset, plot_confusion_matrix, predict, predictions_html, softmax,
                             unseen_word_mask)
from helpers.progress import report_every
from helpers.public_tests.c5w2_emojify import (Emojify_V2_test, model_test, pretrained_embedding_layer_test,
                                               sentence_to_avg_test, sentences_to_indices_test)
from helpers.widgets import under_nbgrader
from helpers.word_vectors import read_glove_vecs

tf.get_logger().setLevel("ERROR")  # keep TensorFlow's informational messages out of the notebook

# %% [markdown]
# ## 1. The data
#
# The course's sentence set (the original's could not be shipped): 132 sentences for training and
# 56 for testing, at most 10 words each, all in lower case. `X` holds the sentences, `Y` their labels
# 0 to 4. `label_to_emoji` turns a label into its emoji.

# %%
X_train, Y_train, X_test, Y_test = load_emoji_dataset()
maxLen = max(len(sentence.split()) for sentence in X_train)
print("X_train:", X_train.shape, " Y_train:", Y_train.shape, " X_test:", X_test.shape, " longest sentence:", maxLen,
      "words")
print("training examples per label:", np.bincount(Y_train))
predictions_html(X_train[::13], Y_train[::13])

# %% [markdown]
# ## 2. Emojifier-V1: the average of the word vectors
#
# Each word becomes its GloVe vector $e$; the sentence becomes the average of its words' vectors, a
# vector of 50 numbers however long the sentence is. A softmax layer turns that average into five
# probabilities:
#
# $$z^{(i)} = W \, avg^{(i)} + b, \qquad a^{(i)} = \text{softmax}(z^{(i)}), \qquad
#   \hat{y}^{(i)} = \arg\max_k a^{(i)}_k.$$
#
# `read_glove_vecs` returns `word_to_index` (each word's number, from 1 to 400,000 in alphabetical
# order), `index_to_word` and `word_to_vec_map` (each word's vector, shape `(50,)`).

# %%
word_to_index, index_to_word, word_to_vec_map = read_glove_vecs()
word = "cucumber"
idx = 289846
print("the index of", word, "in the vocabulary is", word_to_index[word])
print("the", str(idx) + "th word in the vocabulary is", index_to_word[idx])

# %% [markdown]
# ### Exercise 1: `sentence_to_avg`
#
# Lower-case the sentence and split it into words (`sentence.lower().split()`). Add up the vectors of
# the words that are in `word_to_vec_map` (skip the others), count them, and divide by the count when
# it is positive. A sentence with no known word averages to the zero vector.

# %%
# GRADED FUNCTION: sentence_to_avg
def sentence_to_avg(sentence, word_to_vec_map):
    """
    Average the GloVe vectors of the words of a sentence.

    Arguments:
    sentence -- a sentence, string
    word_to_vec_map -- dictionary mapping every word of the vocabulary to its vector, numpy array of shape (n_h,)

    Returns:
    avg -- the average of the vectors of the sentence's known words, numpy array of shape (n_h,)
    """
    any_word = next(iter(word_to_vec_map))  # a word of the vocabulary, for the vectors' size
    # Step 1: the sentence's lower-case words; the average starts as zeros of the vectors' shape, the count at 0
    ### START CODE HERE ### (≈ 3 lines of code)
    words = sentence.lower().split()
    avg = np.zeros(word_to_vec_map[any_word].shape)
    count = 0
    ### END CODE HERE ###
    # Step 2: add up the vectors of the words word_to_vec_map knows and count them; then, if the count is
    # positive, divide the sum by it
    ### START CODE HERE ### (≈ 6 lines of code)
    for w in words:
        if w in word_to_vec_map:
            avg += word_to_vec_map[w]
            count += 1
    if count > 0:
        avg = avg / count
    ### END CODE HERE ###
    return avg


# %%
sentence_to_avg_test(sentence_to_avg)

# %%
# HIDDEN TESTS: sentence_to_avg

# %%
avg = sentence_to_avg("Morrocan couscous is my favorite dish", word_to_vec_map)
print("avg[:5] =", avg[:5])

# %% [markdown]
# ### Exercise 2: `model`
#
# Train the softmax layer with stochastic gradient descent, one sentence at a time, as the original
# did. For each of the `m` sentences:
#
# $$avg = \text{sentence\_to\_avg}(X^{(i)}), \quad z = W \cdot avg + b, \quad a = \text{softmax}(z),$$
# $$\mathcal{L} = -\sum_{k=1}^{5} Y^{(i)}_{oh,k} \log a_k, \quad dz = a - Y^{(i)}_{oh}, \quad
#   dW = dz \; avg^T, \quad db = dz,$$
#
# then update $W$ and $b$ with `learning_rate`. The loss of each sentence is added to `cost`.
# Initialization, the one-hot labels (`convert_to_one_hot`) and the report every 100 iterations are
# written for you. `softmax` and `predict` come from `helpers.emojify`.

# %%
# GRADED FUNCTION: model
def model(X, Y, word_to_vec_map, learning_rate=0.01, num_iterations=400):
    """
    Train Emojifier-V1: a softmax layer on the average of a sentence's word vectors.

    Arguments:
    X -- sentences, numpy array of strings of shape (m,)
    Y -- labels, integers 0 to n_y - 1, numpy array of shape (m,)
    word_to_vec_map -- dictionary mapping every word of the vocabulary to its vector, numpy array of shape (n_h,)
    learning_rate -- the learning rate of stochastic gradient descent
    num_iterations -- the number of passes over the training set

    Returns:
    pred -- the predictions on X at the last report, numpy array of shape (m, 1)
    W -- the weights of the softmax layer, numpy array of shape (n_y, n_h)
    b -- the biases of the softmax layer, numpy array of shape (n_y,)
    """
    any_word = next(iter(word_to_vec_map))  # a word of the vocabulary, for the vectors' size
    np.random.seed(1)
    m = Y.shape[0]                             # number of training examples
    n_y = len(np.unique(Y))                    # number of classes
    n_h = word_to_vec_map[any_word].shape[0]   # dimension of the GloVe vectors
    W = np.random.randn(n_y, n_h) / np.sqrt(n_h)
    b = np.zeros((n_y,))
    Y_oh = convert_to_one_hot(Y, C=n_y)

    for t in range(num_iterations):
        cost = 0
        for i in range(m):
            # The i-th sentence's average; forward propagation z, then a = softmax(z)
            ### START CODE HERE ### (≈ 3 lines of code)
            avg = sentence_to_avg(X[i], word_to_vec_map)
            z = np.dot(W, avg) + b
            a = softmax(z)
            ### END CODE HERE ###
            # Add this sentence's cross-entropy to the cost
            ### START CODE HERE ### (≈ 1 line of code)
            cost += -np.sum(Y_oh[i] * np.log(a))
            ### END CODE HERE ###
            # The gradients dz, dW (shape (n_y, n_h)) and db
            ### START CODE HERE ### (≈ 3 lines of code)
            dz = a - Y_oh[i]
            dW = np.dot(dz.reshape(n_y, 1), avg.reshape(1, n_h))
            db = dz
            ### END CODE HERE ###
            # The update of stochastic gradient descent
            ### START CODE HERE ### (≈ 2 lines of code)
            W = W - learning_rate * dW
            b = b - learning_rate * db
            ### END CODE HERE ###

        if t % 100 == 0:
            print("Epoch: " + str(t) + " --- cost = " + str(cost))
            pred = predict(X, Y, W, b, word_to_vec_map)

    return pred, W, b


# %%
model_test(model)

# %%
# HIDDEN TESTS: model

# %% [markdown]
# Train it on the 132 sentences: 400 passes of 132 updates, a few seconds.

# %%
pred, W, b = model(X_train, Y_train, word_to_vec_map)

# %% [markdown]
# ### How well does V1 do?

# %%
print("Training set:")
pred_train = predict(X_train, Y_train, W, b, word_to_vec_map)
print("Test set:")
pred_test = predict(X_test, Y_test, W, b, word_to_vec_map)
v1_test_accuracy = float(np.mean(pred_test[:, 0] == Y_test))

# %% [markdown]
# Random guessing would score 20 %. Many test sentences use words that training never shows: "adore",
# "ballpark", "thrilled", "spaghetti", "heartbroken". A model that learned one number per training
# word could not classify them; V1 can, because their GloVe vectors are close to those of "love",
# "baseball", "happy", "pasta", "sad".

# %%
unseen = unseen_word_mask(X_test, X_train)
v1_unseen_accuracy = float(np.mean(pred_test[unseen, 0] == Y_test[unseen]))
print(f"V1 on the {unseen.sum()} test sentences with a word never seen in training: accuracy {v1_unseen_accuracy:.2f}")
predictions_html(X_test[unseen][:8], pred_test[unseen][:8, 0], Y_test[unseen][:8])

# %% [markdown]
# Now the weakness. An average forgets the order of the words: "i am happy not sad" and "i am sad not
# happy" hold the same five words, so they have the same average and V1 *must* give them the same
# emoji, whatever it learned. The test set holds three such pairs (😄 and 😞). It also holds eight
# plain negations like "not feeling happy" (😞).

# %%
order_sentences = np.array([s for pair in ORDER_PAIRS for s in pair])
order_labels = np.array([2, 3] * len(ORDER_PAIRS))
negation_labels = np.full(len(NEGATION_PROBE), 3)
pred_order = predict(order_sentences, order_labels, W, b, word_to_vec_map)
pred_negation = predict(np.array(NEGATION_PROBE), negation_labels, W, b, word_to_vec_map)
v1_order_accuracy = float(np.mean(pred_order[:, 0] == order_labels))
v1_negation_accuracy = float(np.mean(pred_negation[:, 0] == negation_labels))
print(f"V1 on the word-order pairs: accuracy {v1_order_accuracy:.2f}")
print(f"V1 on the plain negations: accuracy {v1_negation_accuracy:.2f}")
predictions_html(order_sentences, pred_order[:, 0], order_labels)

# %% [markdown]
# On the pairs V1 can at best get one sentence of each pair right: 0.5, whatever its weights. Its score
# on plain negations looks perfect, but for a poor reason: it answers 😞 for most sentences about
# feelings, happy ones included (the confusion matrix below shows it). In this training set the happy
# words occur as often in sad sentences ("i am not happy", "you seem lonely not happy") as in happy
# ones, so in an average they carry little signal, and "not" (which GloVe places among "nothing" and
# "never") and the sad words decide. Word order is what V1 cannot learn.
#
# ## 3. Emojifier-V2: LSTMs in Keras
#
# V2 reads the sentence word by word:
#
# sentence indices → frozen GloVe embedding → LSTM(128), every step → Dropout(0.5) → LSTM(128), last
# step → Dropout(0.5) → Dense(5) → softmax.
#
# Keras trains on mini-batches, which must be rectangular: every sentence is padded with zeros to
# `maxLen` words. Index 0 is no word (the vocabulary is numbered from 1), and the embedding maps it to
# a vector of zeros.
#
# ### Exercise 3: `sentences_to_indices`
#
# Turn each sentence into the indices of its words, in order, in a row of `max_len` numbers, zeros after
# the last word. Skip words that `word_to_index` does not know (the next known word takes their place).

# %%
# GRADED FUNCTION: sentences_to_indices
def sentences_to_indices(X, word_to_index, max_len):
    """
    Turn sentences into rows of word indices, padded with zeros, for an Embedding layer.

    Arguments:
    X -- sentences, numpy array of strings of shape (m,)
    word_to_index -- dictionary mapping each word to its index
    max_len -- the number of words of the longest sentence; every row has this length

    Returns:
    X_indices -- the indices of the sentences' words, numpy array of shape (m, max_len)
    """
    m = X.shape[0]
    # A matrix of zeros of shape (m, max_len)
    ### START CODE HERE ### (≈ 1 line of code)
    X_indices = np.zeros((m, max_len))
    ### END CODE HERE ###
    # For each sentence i: its lower-case words; put the index of each known word in the next free column j
    ### START CODE HERE ### (≈ 7 lines of code)
    for i in range(m):
        sentence_words = X[i].lower().split()
        j = 0
        for w in sentence_words:
            if w in word_to_index:
                X_indices[i, j] = word_to_index[w]
                j = j + 1
    ### END CODE HERE ###
    return X_indices


# %%
sentences_to_indices_test(sentences_to_indices)

# %%
# HIDDEN TESTS: sentences_to_indices

# %%
X1 = np.array(["funny lol", "lets play baseball", "food is ready for you"])
X1_indices = sentences_to_indices(X1, word_to_index, max_len=5)
print("X1 =", X1)
print("X1_indices =\n", X1_indices)

# %% [markdown]
# ### Exercise 4: `pretrained_embedding_layer`
#
# An `Embedding` layer is a lookup table: row $i$ of its matrix is the vector of the word of index $i$.
# Fill the matrix from GloVe: row 0 stays zeros (padding), row `word_to_index[w]` gets the vector of
# `w`. Then make the layer, freeze it (`trainable=False`, so training never changes GloVe's vectors),
# build it and set its weights:
#
# ```python
# embedding_layer = Embedding(vocab_size, emb_dim, trainable=False)
# embedding_layer.build((None,))          # creates its matrix, of shape (vocab_size, emb_dim)
# embedding_layer.set_weights([emb_matrix])
# ```
#
# Keras 3's `Embedding` has no `input_length`: the sentences' length comes from the model's input.

# %%
# GRADED FUNCTION: pretrained_embedding_layer
def pretrained_embedding_layer(word_to_vec_map, word_to_index):
    """
    A frozen Keras Embedding layer holding the GloVe vectors.

    Arguments:
    word_to_vec_map -- dictionary mapping words to their GloVe vectors, numpy arrays of shape (emb_dim,)
    word_to_index -- dictionary mapping words to their indices in the vocabulary (1 to len(word_to_index))

    Returns:
    embedding_layer -- a built, non-trainable Keras Embedding layer of len(word_to_index) + 1 rows
    """
    vocab_size = len(word_to_index) + 1        # one more row, for the padding index 0
    any_word = next(iter(word_to_vec_map))
    emb_dim = word_to_vec_map[any_word].shape[0]
    # Step 1: the embedding matrix, zeros of shape (vocab_size, emb_dim)
    ### START CODE HERE ### (≈ 1 line of code)
    emb_matrix = np.zeros((vocab_size, emb_dim))
    ### END CODE HERE ###
    # Step 2: row idx of the matrix gets the vector of the word whose index is idx
    ### START CODE HERE ### (≈ 2 lines of code)
    for word, idx in word_to_index.items():
        emb_matrix[idx, :] = word_to_vec_map[word]
    ### END CODE HERE ###
    # Step 3: a frozen Embedding layer of vocab_size rows of emb_dim numbers
    ### START CODE HERE ### (≈ 1 line of code)
    embedding_layer = Embedding(vocab_size, emb_dim, trainable=False)
    ### END CODE HERE ###
    # Step 4: build the layer, then set its weights to [emb_matrix]
    embedding_layer.build((None,))
    ### START CODE HERE ### (≈ 1 line of code)
    embedding_layer.set_weights([emb_matrix])
    ### END CODE HERE ###
    return embedding_layer


# %%
pretrained_embedding_layer_test(pretrained_embedding_layer)

# %%
# HIDDEN TESTS: pretrained_embedding_layer

# %% [markdown]
# ### Exercise 5: `Emojify_V2`
#
# Build the network with the functional API, from the layers imported above:
#
# | tensor | layer |
# |---|---|
# | `sentence_indices` | `Input(shape=input_shape, dtype="int32")` |
# | `embeddings` | your `pretrained_embedding_layer`, called on `sentence_indices` |
# | `X` | `LSTM(128, return_sequences=True)`: a state for every word |
# | `X` | `Dropout(0.5)` |
# | `X` | `LSTM(128, return_sequences=False)`: the last state only |
# | `X` | `Dropout(0.5)` |
# | `X` | `Dense(5)` |
# | `X` | `Activation("softmax")` |
#
# and return `Model(inputs=sentence_indices, outputs=X)`.

# %%
# GRADED FUNCTION: Emojify_V2
def Emojify_V2(input_shape, word_to_vec_map, word_to_index):
    """
    Emojifier-V2: GloVe embeddings, two stacked LSTMs, a softmax over the five emoji.

    Arguments:
    input_shape -- shape of one input, (max_len,)
    word_to_vec_map -- dictionary mapping words to their GloVe vectors
    word_to_index -- dictionary mapping words to their indices in the vocabulary

    Returns:
    model -- a Keras Model from sentence indices of shape input_shape to 5 probabilities
    """
    # sentence_indices: Input of shape input_shape, dtype "int32"
    # embedding_layer: your pretrained_embedding_layer; embeddings: it, called on sentence_indices
    # X: LSTM(128, return_sequences=True), Dropout(0.5), LSTM(128, return_sequences=False), Dropout(0.5),
    #    Dense(5), Activation("softmax"), each called on the X before
    # model: Model(inputs=sentence_indices, outputs=X)
    ### START CODE HERE ### (≈ 10 lines of code)
    sentence_indices = Input(shape=input_shape, dtype="int32")
    embedding_layer = pretrained_embedding_layer(word_to_vec_map, word_to_index)
    embeddings = embedding_layer(sentence_indices)
    X = LSTM(128, return_sequences=True)(embeddings)
    X = Dropout(0.5)(X)
    X = LSTM(128, return_sequences=False)(X)
    X = Dropout(0.5)(X)
    X = Dense(5)(X)
    X = Activation("softmax")(X)
    model = Model(inputs=sentence_indices, outputs=X)
    ### END CODE HERE ###
    return model


# %%
Emojify_V2_test(Emojify_V2)

# %%
# HIDDEN TESTS: Emojify_V2

# %% [markdown]
# Built on the full vocabulary, the model has 20,223,927 parameters, of which only 223,877 train: the
# embedding holds $400{,}001 \times 50 = 20{,}000{,}050$ frozen GloVe numbers. The first LSTM has
# $4 \cdot (128 \cdot (50 + 128) + 128) = 91{,}648$ parameters, the second $4 \cdot (128 \cdot (128 + 128)
# + 128) = 131{,}584$, the dense layer $128 \cdot 5 + 5 = 645$.

# %%
tf.keras.utils.set_random_seed(1)
v2 = Emojify_V2((maxLen,), word_to_vec_map, word_to_index)
v2.summary()

# %% [markdown]
# ### Train V2
#
# Cross-entropy, Adam, mini-batches of 32. The original trained 50 epochs at Adam's default rate
# (0.001); on this set, 100 epochs at 0.002 learn word order reliably (over four seeds: test accuracy
# 0.86 to 0.93, and 5 or 6 of the 6 word-order sentences right). About 20 seconds; the grader trains
# for 2 epochs only.

# %%
X_train_indices = sentences_to_indices(X_train, word_to_index, maxLen)
Y_train_oh = convert_to_one_hot(Y_train, C=5)
v2.compile(loss="categorical_crossentropy", optimizer=tf.keras.optimizers.Adam(learning_rate=0.002),
           metrics=["accuracy"])
v2_epochs = 2 if under_nbgrader() else 100
history = v2.fit(X_train_indices, Y_train_oh, epochs=v2_epochs, batch_size=32, shuffle=True, verbose=0,
                 callbacks=[report_every(20 if v2_epochs > 20 else 1)])

# %%
X_test_indices = sentences_to_indices(X_test, word_to_index, maxLen)
v2_probabilities = v2.predict(X_test_indices, verbose=0)
pred_test_v2 = np.argmax(v2_probabilities, axis=1)
v2_test_accuracy = float(np.mean(pred_test_v2 == Y_test))


def v2_predict(sentences):
    """V2's probabilities for an array of sentences."""
    return v2.predict(sentences_to_indices(np.asarray(sentences), word_to_index, maxLen), verbose=0)


v2_order = np.argmax(v2_predict(order_sentences), axis=1)
v2_negation = np.argmax(v2_predict(np.array(NEGATION_PROBE)), axis=1)
v2_order_accuracy = float(np.mean(v2_order == order_labels))
v2_negation_accuracy = float(np.mean(v2_negation == negation_labels))
v2_unseen_accuracy = float(np.mean(pred_test_v2[unseen] == Y_test[unseen]))
print(f"{'':28}{'V1':>6}{'V2':>6}")
print(f"{'test accuracy':28}{v1_test_accuracy:6.2f}{v2_test_accuracy:6.2f}")
print(f"{'sentences with unseen words':28}{v1_unseen_accuracy:6.2f}{v2_unseen_accuracy:6.2f}")
print(f"{'plain negations':28}{v1_negation_accuracy:6.2f}{v2_negation_accuracy:6.2f}")
print(f"{'word-order pairs':28}{v1_order_accuracy:6.2f}{v2_order_accuracy:6.2f}")
predictions_html(order_sentences, v2_order, order_labels, probabilities=v2_predict(order_sentences))

# %% [markdown]
# V2 reads "happy not sad" and "sad not happy" differently: the LSTM carries what it has read so far,
# so "not" can change the meaning of the word after it. Its overall test accuracy is about V1's or a
# little better; with so few sentences, both lean on GloVe for most of what they know.
#
# ### Where do they go wrong?
#
# A **confusion matrix** counts, for every true label (row), how often each label was predicted
# (column); the diagonal holds the correct answers.

# %%
fig, axes = plt.subplots(1, 2, figsize=(10, 4.4), layout="constrained")
plot_confusion_matrix(Y_test, pred_test[:, 0], ax=axes[0], title=f"V1 (average), test accuracy {v1_test_accuracy:.2f}")
plot_confusion_matrix(Y_test, pred_test_v2, ax=axes[1], title=f"V2 (LSTM), test accuracy {v2_test_accuracy:.2f}")
plt.show()

# %% [markdown]
# V1's mistakes sit in one cell: most 😄 test sentences ("i am happy", "i feel great") come out 😞, as
# the word-order section predicted. V2's are spread thin, mostly between 😄 and 😞. The test sentences
# V2 gets wrong:

# %%
wrong = pred_test_v2 != Y_test
predictions_html(X_test[wrong], pred_test_v2[wrong], Y_test[wrong], probabilities=v2_probabilities[wrong])

# %% [markdown]
# ### Try your own sentences
#
# Type a sentence (lower case, words GloVe knows; unknown words are skipped) and press Enter: both
# models' emoji and probabilities. It starts on a sentence whose twin, with the same words, means the
# opposite: an average cannot tell them apart. Try "i am sad not happy", "not feeling happy", "lets go
# eat", "i adore my cat", "the batter struck out".

# %%
emojifier_widget({"V1 (average)": lambda s: softmax(W @ sentence_to_avg(s, word_to_vec_map) + b),
                  "V2 (LSTM)": lambda s: v2_predict([s])[0]}, sentence="i am happy not sad")

# %% [markdown]
# ## What you built
# - `sentence_to_avg` and `model`: Emojifier-V1, a softmax layer on averaged GloVe vectors, trained with
#   stochastic gradient descent. It generalises from word meaning to words it never saw in training.
# - `sentences_to_indices`, `pretrained_embedding_layer` and `Emojify_V2`: Emojifier-V2, two stacked LSTMs
#   over frozen GloVe embeddings, which also reads word order.
# - A measurement of what averaging cannot see: two sentences with the same words in another order.

# %% [markdown]
# ## Glossary · 术语表
#
# | English | 中文 |
# |---|---|
# | sentiment classification | 情感分类 |
# | word embedding | 词嵌入 |
# | embedding matrix | 嵌入矩阵 |
# | embedding vector | 嵌入向量 |
# | pretrained embedding | 预训练的词嵌入 |
# | long short-term memory (LSTM) | 长短期记忆 |
# | dropout | 随机失活（dropout） |
# | softmax | softmax 回归 |
# | confusion matrix | 混淆矩阵 |
# | padding | 填充 |
