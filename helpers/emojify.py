"""Emojify: short sentences labelled with one of five emoji, and the tools of the *Emojify* notebook.

The original course's data (``train_emoji.csv``, ``tesss.csv``) are not shipped, so this module holds
the course's own labelled sentences, written for it: 132 for training and 56 for testing, five classes
(0 ❤️ love, 1 ⚾ sport, 2 😄 joy, 3 😞 sadness, 4 🍴 food), at most 10 words each, every word in the
50-d GloVe vocabulary (a test checks). The sets are written so that two lessons can be measured:

- many test sentences use words that never appear in training ("adore", "ballpark", "thrilled"), which
  a model reading word vectors can still classify;
- :data:`NEGATION_PROBE`, eight test sentences such as "not feeling happy", labelled 😞, whose words
  are mostly happy ones. Training has "not" in every class ("i could not love you more", "not bad at
  all", "do not miss the game tonight") and "not" + a happy word labelled 😞, so only a model that reads
  the order of the words can tell.

Emoji are Unicode characters shown as HTML (matplotlib's fonts may lack them); figures name the classes
in words. Nothing here changes global state or touches the disk.
"""
import html

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import HTML

from helpers.plotting import OKABE_ITO, new_axes
from helpers.widgets import figure_widget

__all__ = [
    "CLASS_NAMES",
    "EMOJIS",
    "NEGATION_PROBE",
    "ORDER_PAIRS",
    "convert_to_one_hot",
    "emojifier_widget",
    "label_to_emoji",
    "load_emoji_dataset",
    "plot_confusion_matrix",
    "predict",
    "predictions_html",
    "softmax",
    "unseen_word_mask",
]

#: The five classes' emoji, by label.
EMOJIS = ("\u2764\ufe0f", "\u26be", "\U0001f604", "\U0001f61e", "\U0001f374")
#: The five classes in words (for figures, whose fonts may lack emoji).
CLASS_NAMES = ("heart", "baseball", "smile", "disappointed", "fork and knife")

_TRAIN = """
0 i love you
0 i love you so much
0 you are the love of my life
0 i adore my wife
0 my heart belongs to you
0 i miss you my darling
0 she is my sweetheart
0 he loves her deeply
0 i love my family
0 will you marry me
0 you mean everything to me
0 i want to hug you forever and ever my love
0 my parents love each other
0 i really love my boyfriend
0 we have been in love for years
0 she kissed me goodnight
0 my dear i love you
0 i could not love you more
0 he is in love with his girlfriend
0 i cherish every moment with you
0 love is all we need
0 my grandmother loves me
0 i am crazy about you
0 she said she loves me
0 sending love to my sister
0 i will always love you
0 he brought me flowers
1 lets play baseball
1 he hit a home run
1 the game starts at seven
1 we won the baseball game
1 i want to play ball
1 she throws the ball fast
1 our team scored two runs
1 he is the best pitcher
1 the stadium was full tonight
1 go team win the game
1 i play catch with my son
1 do not miss the game tonight
1 the players are on the field
1 he caught the ball
1 we practice every weekend
1 the coach called the batter
1 who won the match
1 she plays on the softball team
1 he swings the bat hard
1 the season starts in april
1 they are the league champions
1 i bought tickets for the game
1 the umpire made a bad call
1 my son joined the little league
1 we watched the game on tv
1 he struck out three batters
2 i am so happy
2 what a great day
2 this is so much fun
2 i feel good today
2 she is smiling
2 we had a wonderful time
2 that was awesome
2 i am happy for you
2 we are having fun
2 not bad at all
2 i am not sad anymore
2 this is not boring
2 it was not terrible at all
2 i am not worried anymore
2 he is not upset anymore
2 that was not awful
2 she is not lonely now
2 i finally passed my exam
2 life is beautiful
2 i feel great not awful
2 we are glad not upset
2 it was fun not boring
2 she is cheerful not sad
2 today is great not bad
2 you seem happy not lonely
2 the show was funny not sad
2 he feels good not miserable
3 i am so sad
3 i feel lonely
3 this is so depressing
3 she is crying
3 i failed my exam
3 my dog died
3 i feel awful
3 she broke my heart
3 i am disappointed
3 i am not happy
3 this is not good
3 not feeling great today
3 she is not glad at all
3 we are not having fun
3 it was not a good day
3 i do not feel good
3 he is not smiling
3 that was not funny
3 i feel awful not great
3 we are upset not glad
3 it was boring not fun
3 she is sad not cheerful
3 today is bad not great
3 you seem lonely not happy
3 the show was sad not funny
3 he feels miserable not good
4 lets eat dinner
4 i am hungry
4 what is for lunch
4 the pizza is delicious
4 i want some sushi
4 she cooked pasta for us
4 we had breakfast together
4 dinner is ready
4 can we get burgers
4 i had a sandwich for lunch
4 the soup is hot
4 lets grab a bite
4 he ordered a steak
4 i made cookies
4 this restaurant serves great food
4 we are having tacos tonight
4 pass me the salt
4 i am starving
4 she bakes bread every morning
4 do you want dessert
4 the cake tastes amazing
4 i can not wait to eat
4 lets cook chicken tonight
4 the salad was fresh
4 breakfast is served
4 i ate too much rice
"""

_TEST = """
0 i adore you
0 i love you dearly
0 you are my true love
0 she is my beloved
0 he hugged his wife
0 i miss you honey
0 they married last summer
0 my heart is yours
0 we love our children
0 kiss me
1 he hit the ball
1 lets go to the ballpark
1 the pitcher threw a strike
1 our team won the championship
1 i love baseball
1 she scored a run
1 the game was exciting
1 the batter hit a homer
1 we lost the game
1 he plays shortstop
2 i am happy
2 what a lovely day
2 she laughed
2 this is terrific
2 i am thrilled
2 i feel great
2 she is joyful
2 i am happy not sad
2 he is joyful not miserable
2 this day was good not bad
3 i feel sad
3 she is heartbroken
3 i am miserable
3 this is awful
3 i feel so alone
3 not feeling happy
3 i am not glad
3 this is not fun
3 it is not great
3 we are not happy today
3 she is not feeling good
3 that was not nice
3 i am not joyful
3 i am sad not happy
3 he is miserable not joyful
3 this day was bad not good
4 i want to eat
4 lets have lunch
4 the burger is tasty
4 dinner was delicious
4 i am craving pizza
4 she made soup
4 we ordered sushi
4 food is ready
4 i like spaghetti
4 grab some snacks
"""

#: The negation probe: test sentences labelled 😞 whose words are mostly happy ones.
NEGATION_PROBE = ("not feeling happy", "i am not glad", "this is not fun", "it is not great",
                  "we are not happy today", "she is not feeling good", "that was not nice", "i am not joyful")


#: Pairs of test sentences with the same words in another order and opposite labels (😄, 😞): a model
#: that averages word vectors gives both sentences of a pair the same answer.
ORDER_PAIRS = (("i am happy not sad", "i am sad not happy"), ("he is joyful not miserable", "he is miserable not joyful"),
               ("this day was good not bad", "this day was bad not good"))


def _parse(text):
    rows = [line.split(" ", 1) for line in text.strip().splitlines()]
    return np.array([sentence for _, sentence in rows]), np.array([int(label) for label, _ in rows])


def load_emoji_dataset():
    """The labelled sentences, as the original's ``read_csv`` returned them.

    Returns
    -------
    X_train : ndarray of shape (132,), str
    Y_train : ndarray of shape (132,), int, labels 0 to 4
    X_test : ndarray of shape (56,), str
    Y_test : ndarray of shape (56,), int
    """
    X_train, Y_train = _parse(_TRAIN)
    X_test, Y_test = _parse(_TEST)
    return X_train, Y_train, X_test, Y_test


def label_to_emoji(label):
    """The emoji of a label (0 to 4), a Unicode string."""
    return EMOJIS[int(label)]


def convert_to_one_hot(Y, C):
    """One-hot rows: ndarray of shape (m, C) with a 1 in column ``Y[i]`` of row ``i``."""
    return np.eye(C)[np.asarray(Y).reshape(-1).astype(int)]


def softmax(x):
    """Softmax of a vector (or along the last axis), shifted by the maximum for stability."""
    e_x = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e_x / e_x.sum(axis=-1, keepdims=True)


def predict(X, Y, W, b, word_to_vec_map):
    """Predictions of the averaging model (Emojifier-V1) and its accuracy, printed as the original did.

    Parameters
    ----------
    X : ndarray of shape (m,), str
    Y : ndarray of shape (m,) or (m, 1), int
    W : ndarray of shape (n_y, n_h)
    b : ndarray of shape (n_y,)
    word_to_vec_map : mapping of {str: ndarray of shape (n_h,)}

    Returns
    -------
    pred : ndarray of shape (m, 1), float
        The predicted labels.
    """
    m = X.shape[0]
    pred = np.zeros((m, 1))
    n_h = W.shape[1]
    for j in range(m):
        vectors = [word_to_vec_map[w] for w in X[j].lower().split() if w in word_to_vec_map]
        avg = np.mean(vectors, axis=0) if vectors else np.zeros(n_h)
        pred[j] = np.argmax(softmax(W @ avg + b))
    print("Accuracy: " + str(np.mean(pred[:, 0] == np.asarray(Y).reshape(-1))))
    return pred


def unseen_word_mask(X, X_train):
    """For each sentence of ``X``, whether it has a word that no sentence of ``X_train`` uses."""
    seen = {w for sentence in X_train for w in sentence.lower().split()}
    return np.array([any(w not in seen for w in sentence.lower().split()) for sentence in X])


def predictions_html(X, pred, Y=None, *, probabilities=None):
    """A table of sentences with their predicted emoji (and the true one when ``Y`` is given), as HTML."""
    rows = []
    for i, sentence in enumerate(X):
        cells = [html.escape(str(sentence)), label_to_emoji(pred[i])]
        if Y is not None:
            mark = "" if int(pred[i]) == int(Y[i]) else " ✗"
            cells.append(label_to_emoji(Y[i]) + mark)
        if probabilities is not None:
            cells.append(f"{float(np.max(probabilities[i])):.2f}")
        rows.append("<tr>" + "".join(f"<td style='text-align:left'>{c}</td>" for c in cells) + "</tr>")
    head = ["sentence", "predicted"] + (["true"] if Y is not None else []) + (
        ["probability"] if probabilities is not None else [])
    header = "<tr>" + "".join(f"<th style='text-align:left'>{h}</th>" for h in head) + "</tr>"
    return HTML(f"<table style='font-size:1.05em'>{header}{''.join(rows)}</table>")


def plot_confusion_matrix(y_true, y_pred, *, ax=None, title="confusion matrix"):
    """Counts of (true, predicted) labels for the five classes, as an annotated heat map. Returns ``ax``."""
    ax = new_axes(ax, figsize=(5, 4.4))
    counts = np.zeros((5, 5), dtype=int)
    np.add.at(counts, (np.asarray(y_true).reshape(-1).astype(int), np.asarray(y_pred).reshape(-1).astype(int)), 1)
    ax.imshow(counts, cmap="Blues")
    for (i, j), n in np.ndenumerate(counts):
        ax.text(j, i, str(n), ha="center", va="center", color="white" if n > counts.max() / 2 else "black")
    labels = [f"{k} {name}" for k, name in enumerate(CLASS_NAMES)]
    ax.set_xticks(range(5), labels, rotation=30, ha="right")
    ax.set_yticks(range(5), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    return ax


def emojifier_widget(predictors, *, sentence="not feeling happy"):
    """Type a sentence: each model's emoji and its five probabilities.

    Parameters
    ----------
    predictors : dict of {str: callable}
        Model name -> ``f(sentence) -> probabilities``, an array of 5 numbers.
    sentence : str, keyword-only
        The sentence shown first.
    """
    controls = {"sentence": widgets.Text(value=sentence, description="sentence", continuous_update=False,
                                         layout=widgets.Layout(width="420px")),
                "shown": widgets.Dropdown(options=["all models", *predictors], value="all models",
                                          description="show", layout=widgets.Layout(width="260px"))}

    def draw(sentence, shown):
        names = list(predictors) if shown == "all models" else [shown]
        fig, ax = plt.subplots(figsize=(7, 2.8), layout="constrained")
        x = np.arange(5)
        width = 0.8 / len(names)
        line = []
        for k, name in enumerate(names):
            p = np.asarray(predictors[name](sentence), dtype=float).reshape(-1)
            ax.bar(x + (k - (len(names) - 1) / 2) * width, p, width=width, label=name,
                   color=(OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["bluish_green"])[k % 3])
            line.append(f"{name}: {label_to_emoji(np.argmax(p))} ({p.max():.2f})")
        ax.set_xticks(x, [f"{k} {n}" for k, n in enumerate(CLASS_NAMES)])
        ax.set_ylim(0, 1)
        ax.set_ylabel("probability")
        ax.set_title(f"“{sentence}”")
        ax.legend(fontsize=8)
        return fig, "     ".join(line)

    return figure_widget(draw, controls)
