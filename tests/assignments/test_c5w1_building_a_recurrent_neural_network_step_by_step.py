"""Building a recurrent neural network, step by step: hidden tests catch plausible bugs, accept other
correct answers, and the notebook still teaches its lesson."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c5w1_building_a_recurrent_neural_network_step_by_step"

RNN_CELL_FORWARD = '''
def rnn_cell_forward(xt, a_prev, parameters):
    Wax, Waa, Wya, ba, by = (parameters[k] for k in ("Wax", "Waa", "Wya", "ba", "by"))
    a_next = {a_next}
    yt_pred = {yt_pred}
    return a_next, yt_pred, {cache}
'''


def rnn_cell_forward(a_next="np.tanh(Waa @ a_prev + Wax @ xt + ba)", yt_pred="softmax(Wya @ a_next + by)",
                     cache="(a_next, a_prev, xt, parameters)"):
    return RNN_CELL_FORWARD.format(a_next=a_next, yt_pred=yt_pred, cache=cache)


RNN_FORWARD = '''
def rnn_forward(x, a0, parameters):
    caches = []
    n_x, m, T_x = x.shape
    {sizes}
    a, y_pred = np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x))
    a_next = a0
    for t in range(T_x):
        {step}
        a[:, :, t] = {stored}
        y_pred[:, :, t] = yt_pred
        caches.append(cache)
    return a, y_pred, {caches}
'''
GOOD_RNN_STEP = "a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)"


def rnn_forward(step=GOOD_RNN_STEP, stored="a_next", caches="(caches, x)",
                sizes='n_y, n_a = parameters["Wya"].shape'):
    return RNN_FORWARD.format(step=step, stored=stored, caches=caches, sizes=sizes)


LSTM_CELL_FORWARD = '''
def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    Wf, bf, Wi, bi, Wc, bc, Wo, bo, Wy, by = (parameters[k] for k in
                                              ("Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo", "Wy", "by"))
    concat = {concat}
    ft = sigmoid(Wf @ concat + bf)
    it = sigmoid(Wi @ concat + bi)
    cct = np.tanh(Wc @ concat + bc)
    c_next = {c_next}
    ot = sigmoid(Wo @ concat + bo)
    a_next = {a_next}
    yt_pred = softmax(Wy @ a_next + by)
    return a_next, c_next, yt_pred, {cache}
'''


def lstm_cell_forward(concat="np.concatenate((a_prev, xt), axis=0)", c_next="ft * c_prev + it * cct",
                      a_next="ot * np.tanh(c_next)",
                      cache="(a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)"):
    return LSTM_CELL_FORWARD.format(concat=concat, c_next=c_next, a_next=a_next, cache=cache)


LSTM_FORWARD = '''
def lstm_forward(x, a0, parameters):
    caches = []
    n_x, m, T_x = x.shape
    {sizes}
    a, c, y = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x))
    a_next, c_next = a0, {c0}
    for t in range(T_x):
        {step}
        a[:, :, t], c[:, :, t], y[:, :, t] = a_next, c_next, yt
        caches.append(cache)
    return a, y, c, (caches, x)
'''
GOOD_LSTM_STEP = "a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)"


def lstm_forward(c0="np.zeros((n_a, m))", step=GOOD_LSTM_STEP, sizes='n_y, n_a = parameters["Wy"].shape'):
    return LSTM_FORWARD.format(c0=c0, step=step, sizes=sizes)


RNN_CELL_BACKWARD = '''
def rnn_cell_backward(da_next, cache):
    (a_next, a_prev, xt, parameters) = cache
    Wax, Waa = parameters["Wax"], parameters["Waa"]
    dz = {dz}
    return {{"dxt": Wax.T @ dz, "da_prev": Waa.T @ dz, "dWax": {dWax}, "dWaa": dz @ a_prev.T, "dba": {dba}}}
'''


def rnn_cell_backward(dz="(1 - a_next ** 2) * da_next", dWax="dz @ xt.T", dba="np.sum(dz, axis=1, keepdims=True)"):
    return RNN_CELL_BACKWARD.format(dz=dz, dWax=dWax, dba=dba)


RNN_BACKWARD = '''
def rnn_backward(da, caches):
    (caches, x) = caches
    (a1, a0, x1, parameters) = caches[0]
    n_a, m, T_x = da.shape
    n_x = {n_x}
    dx = np.zeros((n_x, m, T_x))
    dWax, dWaa, dba = np.zeros((n_a, n_x)), np.zeros((n_a, n_a)), np.zeros((n_a, 1))
    da_prevt = np.zeros((n_a, m))
    for t in {order}:
        gradients = rnn_cell_backward({da_t}, caches[t])
        dx[:, :, t] = gradients["dxt"]
        {accumulate}
        da_prevt = gradients["da_prev"]
    da0 = {da0}
    return {{"dx": dx, "da0": da0, "dWax": dWax, "dWaa": dWaa, "dba": dba}}
'''
GOOD_ACCUMULATE = 'dWax += gradients["dWax"]; dWaa += gradients["dWaa"]; dba += gradients["dba"]'


def rnn_backward(order="reversed(range(T_x))", da_t="da[:, :, t] + da_prevt", accumulate=GOOD_ACCUMULATE,
                 da0="da_prevt", n_x="x1.shape[0]"):
    return RNN_BACKWARD.format(order=order, da_t=da_t, accumulate=accumulate, da0=da0, n_x=n_x)


LSTM_CELL_BACKWARD = '''
def lstm_cell_backward(da_next, dc_next, cache):
    (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters) = cache
    n_a = {n_a}
    dc = {dc}
    dot = {dot}
    dcct = dc * it * (1 - cct ** 2)
    dit = dc * cct * it * (1 - it)
    dft = dc * c_prev * ft * (1 - ft)
    concat = np.concatenate((a_prev, xt), axis=0)
    gradients = {{}}
    for name, d in (("f", dft), ("i", dit), ("c", dcct), ("o", dot)):
        gradients["dW" + name] = d @ concat.T
        gradients["db" + name] = {db}
    dconcat = sum(parameters["W" + name].T @ d for name, d in (("f", dft), ("i", dit), ("c", dcct), ("o", dot)))
    gradients["da_prev"] = {da_prev}
    gradients["dxt"] = dconcat[n_a:]
    gradients["dc_prev"] = {dc_prev}
    return gradients
'''


def lstm_cell_backward(dc="dc_next + da_next * ot * (1 - np.tanh(c_next) ** 2)",
                       dot="da_next * np.tanh(c_next) * ot * (1 - ot)", db="np.sum(d, axis=1, keepdims=True)",
                       da_prev="dconcat[:n_a]", dc_prev="dc * ft", n_a="a_next.shape[0]"):
    return LSTM_CELL_BACKWARD.format(dc=dc, dot=dot, db=db, da_prev=da_prev, dc_prev=dc_prev, n_a=n_a)


LSTM_BACKWARD = '''
def lstm_backward(da, caches):
    (caches, x) = caches
    n_a, m, T_x = da.shape
    n_x = {n_x}
    dx = np.zeros((n_x, m, T_x))
    totals = {{k: np.zeros((n_a, n_a + n_x)) for k in ("dWf", "dWi", "dWc", "dWo")}}
    totals.update({{k: np.zeros((n_a, 1)) for k in ("dbf", "dbi", "dbc", "dbo")}})
    da_prevt, dc_prevt = np.zeros((n_a, m)), np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        gradients = lstm_cell_backward({da_t}, {dc_t}, caches[t])
        dx[:, :, t] = gradients["dxt"]
        for k in totals:
            totals[k] += gradients[k]
        da_prevt, dc_prevt = gradients["da_prev"], {dc_next}
    return {{"dx": dx, "da0": {da0}, **totals}}
'''


def lstm_backward(da_t="da[:, :, t] + da_prevt", dc_t="dc_prevt", dc_next='gradients["dc_prev"]', da0="da_prevt",
                  n_x="x.shape[0]"):
    return LSTM_BACKWARD.format(da_t=da_t, dc_t=dc_t, dc_next=dc_next, da0=da0, n_x=n_x)


GRU_CELL_FORWARD = '''
def gru_cell_forward(xt, a_prev, parameters):
    Wu, bu, Wr, br, Wc, bc, Wy, by = (parameters[k] for k in ("Wu", "bu", "Wr", "br", "Wc", "bc", "Wy", "by"))
    concat = {concat}
    ut = sigmoid(Wu @ concat + bu)
    rt = sigmoid(Wr @ concat + br)
    cct = np.tanh(Wc @ {candidate_input} + bc)
    a_next = {a_next}
    yt_pred = softmax(Wy @ a_next + by)
    return a_next, yt_pred, {cache}
'''


def gru_cell_forward(concat="np.concatenate((a_prev, xt), axis=0)",
                     candidate_input="np.concatenate((rt * a_prev, xt), axis=0)",
                     a_next="ut * cct + (1 - ut) * a_prev", cache="(a_next, a_prev, ut, rt, cct, xt, parameters)"):
    return GRU_CELL_FORWARD.format(concat=concat, candidate_input=candidate_input, a_next=a_next, cache=cache)


GRU_CELL_BACKWARD = '''
def gru_cell_backward(da_next, cache):
    (a_next, a_prev, ut, rt, cct, xt, parameters) = cache
    Wu, Wr, Wc = parameters["Wu"], parameters["Wr"], parameters["Wc"]
    n_a = {n_a}
    dcct = da_next * ut * (1 - cct ** 2)
    dut = {dut}
    dra = Wc[:, :n_a].T @ dcct
    drt = dra * a_prev * rt * (1 - rt)
    concat = np.concatenate((a_prev, xt), axis=0)
    return {{"dxt": Wu[:, n_a:].T @ dut + Wr[:, n_a:].T @ drt + Wc[:, n_a:].T @ dcct,
            "da_prev": {da_prev},
            "dWu": dut @ concat.T, "dbu": dut.sum(axis=1, keepdims=True),
            "dWr": drt @ concat.T, "dbr": drt.sum(axis=1, keepdims=True),
            "dWc": dcct @ {candidate_input}.T, "dbc": dcct.sum(axis=1, keepdims=True)}}
'''
GOOD_GRU_DA_PREV = "da_next * (1 - ut) + dra * rt + Wu[:, :n_a].T @ dut + Wr[:, :n_a].T @ drt"


def gru_cell_backward(dut="da_next * (cct - a_prev) * ut * (1 - ut)", da_prev=GOOD_GRU_DA_PREV,
                      candidate_input="np.concatenate((rt * a_prev, xt), axis=0)", n_a="a_next.shape[0]"):
    return GRU_CELL_BACKWARD.format(dut=dut, da_prev=da_prev, candidate_input=candidate_input, n_a=n_a)


MUTANTS = {
    "rnn_cell_forward": [
        rnn_cell_forward(a_next="np.tanh(Wax @ xt + ba)"),  # forgot the recurrence
        rnn_cell_forward(a_next="sigmoid(Waa @ a_prev + Wax @ xt + ba)"),
        rnn_cell_forward(yt_pred="np.exp(Wya @ a_next + by) / np.sum(np.exp(Wya @ a_next + by), axis=1, keepdims=True)"),
        rnn_cell_forward(yt_pred="Wya @ a_next + by"),  # forgot the softmax
        rnn_cell_forward(cache="(a_prev, a_next, xt, parameters)"),  # cache layout
        rnn_cell_forward(cache="[a_next, a_prev, xt, parameters]"),  # a list, not the tuple
        rnn_cell_forward(a_next="Waa @ a_prev + Wax @ xt + ba"),  # tanh(z) ~ z: right for small z only
    ],
    "rnn_forward": [
        rnn_forward(step="a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a0, parameters)"),  # no chaining
        rnn_forward(stored="cache[1]"),  # stores a_prev: off by one step
        rnn_forward(caches="caches"),  # forgot x
        rnn_forward(sizes="n_y, n_a = 2, 5"),  # the example's sizes
        rnn_forward(caches="[caches, x]"),  # a list, not the tuple
        # squeezing the time step also drops the batch axis of a single example
        rnn_forward(step="a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t].squeeze(), a_next, parameters)"),
    ],
    "lstm_cell_forward": [
        lstm_cell_forward(concat="np.concatenate((xt, a_prev), axis=0)"),  # stacked the wrong way round
        lstm_cell_forward(a_next="ot * c_next"),  # the slide's shorthand (tanh(c) ~ c for small c)
        lstm_cell_forward(a_next="ot * np.tanh(c_prev)"),
        lstm_cell_forward(c_next="ft * c_prev + (1 - ft) * cct"),
        lstm_cell_forward(cache="(a_next, c_next, a_prev, c_prev, it, ft, cct, ot, xt, parameters)"),
    ],
    "lstm_forward": [
        lstm_forward(c0="a0"),  # c<0> is zero, not a<0>
        lstm_forward(sizes="n_y, n_a = 2, 5"),  # the example's sizes
        lstm_forward(step="a_next, _, yt, cache = lstm_cell_forward(x[:, :, t], a_next, np.zeros((n_a, m)), "
                          "parameters); c_next = cache[1]"),  # the memory never flows on
    ],
    "rnn_cell_backward": [
        rnn_cell_backward(dz="(1 - a_next) * da_next"),
        rnn_cell_backward(dz="da_next"),  # forgot the tanh
        # 1 - z ** 2 for 1 - tanh(z) ** 2: right for small pre-activations only
        rnn_cell_backward(dz="(1 - (Waa @ a_prev + Wax @ xt + parameters['ba']) ** 2) * da_next"),
        rnn_cell_backward(dba="np.sum(dz, axis=0, keepdims=True)"),  # wrong axis
        rnn_cell_backward(dWax="dz @ xt.T / xt.shape[1]"),  # averaged
    ],
    "rnn_backward": [
        rnn_backward(da_t="da[:, :, t]"),  # forgot the gradient from the next step
        rnn_backward(order="range(T_x)"),  # the wrong direction
        rnn_backward(da0="da[:, :, 0]"),
        rnn_backward(n_x="3"),  # the example's n_x
        rnn_backward(accumulate='dWax = gradients["dWax"]; dWaa += gradients["dWaa"]; dba += gradients["dba"]'),
    ],
    "lstm_cell_backward": [
        lstm_cell_backward(dc_prev="dc_next * ft"),  # forgot the path through a_next
        lstm_cell_backward(dc="dc_next"),
        lstm_cell_backward(dot="da_next * c_next * ot * (1 - ot)"),
        lstm_cell_backward(db="np.sum(d, axis=0, keepdims=True)"),
        lstm_cell_backward(da_prev="dconcat[-n_a:]"),  # the x rows
        # 1 - c ** 2 for 1 - tanh(c) ** 2: right for a small memory only
        lstm_cell_backward(dc="dc_next + da_next * ot * (1 - c_next ** 2)"),
        # a_next where the course uses tanh(c_next): right only where the output gate is open
        lstm_cell_backward(dot="da_next * a_next * ot * (1 - ot)"),
        lstm_cell_backward(n_a="5"),  # the example's n_a
    ],
    "lstm_backward": [
        lstm_backward(da_t="da[:, :, t]"),
        lstm_backward(dc_next="dc_prevt"),  # the memory's gradient never flows back
        lstm_backward(da0="da[:, :, 0]"),
        lstm_backward(n_x="3"),  # the example's n_x
    ],
    "gru_cell_forward": [
        gru_cell_forward(candidate_input="concat"),  # forgot the relevance gate
        gru_cell_forward(a_next="(1 - ut) * cct + ut * a_prev"),
        gru_cell_forward(concat="np.concatenate((xt, a_prev), axis=0)",
                         candidate_input="np.concatenate((xt, rt * a_prev), axis=0)"),
        gru_cell_forward(cache="(a_next, a_prev, rt, ut, cct, xt, parameters)"),
    ],
    "gru_cell_backward": [
        gru_cell_backward(da_prev="dra * rt + Wu[:, :n_a].T @ dut + Wr[:, :n_a].T @ drt"),  # no direct path
        gru_cell_backward(da_prev="da_next * (1 - ut) + Wu[:, :n_a].T @ dut + Wr[:, :n_a].T @ drt"),
        gru_cell_backward(candidate_input="concat"),
        gru_cell_backward(dut="da_next * cct * ut * (1 - ut)"),
        gru_cell_backward(dut="da_next * (cct - a_prev) / 4"),  # sigmoid'(z) ~ 1/4: right for small z only
        gru_cell_backward(n_a="5"),  # the example's n_a
    ],
}

VARIANTS = {
    "rnn_cell_forward": [
        rnn_cell_forward(),
        rnn_cell_forward(a_next="np.tanh(np.hstack([Waa, Wax]) @ np.vstack([a_prev, xt]) + ba)",
                         yt_pred="np.exp(Wya @ a_next + by) / np.exp(Wya @ a_next + by).sum(axis=0)"),
        rnn_cell_forward(a_next="np.tanh(np.dot(Waa, a_prev) + np.dot(Wax, xt) + ba)"),
    ],
    "rnn_forward": [
        rnn_forward(),
        "def rnn_forward(x, a0, parameters):\n"
        "    caches, states, predictions = [], [], []\n"
        "    a_next = a0\n"
        "    for t in range(x.shape[2]):\n"
        "        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)\n"
        "        states.append(a_next); predictions.append(yt_pred); caches.append(cache)\n"
        "    return np.stack(states, axis=2), np.stack(predictions, axis=2), (caches, x)",
    ],
    "lstm_cell_forward": [
        lstm_cell_forward(),
        lstm_cell_forward(concat="np.vstack([a_prev, xt])", c_next="np.multiply(ft, c_prev) + np.multiply(it, cct)"),
        "def lstm_cell_forward(xt, a_prev, c_prev, parameters):\n"
        "    n_a = a_prev.shape[0]\n"
        "    def gate(name, activation):\n"
        "        W = parameters['W' + name]\n"
        "        return activation(W[:, :n_a] @ a_prev + W[:, n_a:] @ xt + parameters['b' + name])\n"
        "    ft, it, ot = (gate(g, lambda z: 1 / (1 + np.exp(-z))) for g in 'fio')\n"
        "    cct = gate('c', np.tanh)\n"
        "    c_next = ft * c_prev + it * cct\n"
        "    a_next = ot * np.tanh(c_next)\n"
        "    yt_pred = softmax(parameters['Wy'] @ a_next + parameters['by'])\n"
        "    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)",
    ],
    "lstm_forward": [
        lstm_forward(),
        lstm_forward(c0="np.zeros_like(a0)",
                     step="xt = x[:, :, t]; a_next, c_next, yt, cache = lstm_cell_forward(xt, a_next, c_next, "
                          "parameters)"),
    ],
    "rnn_cell_backward": [
        rnn_cell_backward(),
        rnn_cell_backward(dz="da_next * (1 - np.tanh(parameters['Waa'] @ a_prev + parameters['Wax'] @ xt "
                             "+ parameters['ba']) ** 2)",
                          dWax="np.dot(dz, xt.T)", dba="dz.sum(axis=1).reshape(-1, 1)"),
    ],
    "rnn_backward": [
        rnn_backward(),
        rnn_backward(da0='gradients["da_prev"]', order="range(T_x - 1, -1, -1)",
                     accumulate='dWax = dWax + gradients["dWax"]; dWaa = dWaa + gradients["dWaa"]; '
                                'dba = dba + gradients["dba"]'),
    ],
    "lstm_cell_backward": [
        lstm_cell_backward(),
        lstm_cell_backward(dot="da_next * a_next * (1 - ot)"),  # a_next = ot * tanh(c_next)
        # the original's expanded formulas, written without dc
        "def lstm_cell_backward(da_next, dc_next, cache):\n"
        "    (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters) = cache\n"
        "    n_a = a_next.shape[0]\n"
        "    t2 = 1 - np.tanh(c_next) ** 2\n"
        "    dot = da_next * np.tanh(c_next) * ot * (1 - ot)\n"
        "    dcct = (dc_next * it + ot * t2 * it * da_next) * (1 - cct ** 2)\n"
        "    dit = (dc_next * cct + ot * t2 * cct * da_next) * it * (1 - it)\n"
        "    dft = (dc_next * c_prev + ot * t2 * c_prev * da_next) * ft * (1 - ft)\n"
        "    concat = np.concatenate((a_prev, xt), axis=0)\n"
        "    Wf, Wi, Wc, Wo = (parameters[k] for k in ('Wf', 'Wi', 'Wc', 'Wo'))\n"
        "    return {'dxt': np.dot(Wf[:, n_a:].T, dft) + np.dot(Wi[:, n_a:].T, dit) + np.dot(Wc[:, n_a:].T, dcct)"
        " + np.dot(Wo[:, n_a:].T, dot),\n"
        "            'da_prev': Wf[:, :n_a].T @ dft + Wi[:, :n_a].T @ dit + Wc[:, :n_a].T @ dcct + Wo[:, :n_a].T @ dot,\n"
        "            'dc_prev': dc_next * ft + ot * t2 * ft * da_next,\n"
        "            'dWf': dft @ concat.T, 'dWi': dit @ concat.T, 'dWc': dcct @ concat.T, 'dWo': dot @ concat.T,\n"
        "            'dbf': dft.sum(axis=1, keepdims=True), 'dbi': dit.sum(axis=1, keepdims=True),\n"
        "            'dbc': dcct.sum(axis=1, keepdims=True), 'dbo': dot.sum(axis=1, keepdims=True)}",
    ],
    "lstm_backward": [
        lstm_backward(),
        lstm_backward(da0='gradients["da_prev"]'),
    ],
    "gru_cell_forward": [
        gru_cell_forward(),
        "def gru_cell_forward(xt, a_prev, parameters):\n"
        "    n_a = a_prev.shape[0]\n"
        "    Wu, Wr, Wc = parameters['Wu'], parameters['Wr'], parameters['Wc']\n"
        "    ut = 1 / (1 + np.exp(-(Wu[:, :n_a] @ a_prev + Wu[:, n_a:] @ xt + parameters['bu'])))\n"
        "    rt = 1 / (1 + np.exp(-(Wr[:, :n_a] @ a_prev + Wr[:, n_a:] @ xt + parameters['br'])))\n"
        "    cct = np.tanh(Wc[:, :n_a] @ (rt * a_prev) + Wc[:, n_a:] @ xt + parameters['bc'])\n"
        "    a_next = a_prev + ut * (cct - a_prev)\n"
        "    yt_pred = softmax(parameters['Wy'] @ a_next + parameters['by'])\n"
        "    return a_next, yt_pred, (a_next, a_prev, ut, rt, cct, xt, parameters)",
    ],
    "gru_cell_backward": [
        gru_cell_backward(),
        gru_cell_backward(dut="(da_next * cct - da_next * a_prev) * ut * (1 - ut)",
                          da_prev="da_next - da_next * ut + rt * dra + np.dot(Wu[:, :n_a].T, dut) "
                                  "+ np.dot(Wr[:, :n_a].T, drt)"),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do forgotten recurrences, wrong axes, stacking orders and gradient paths, and wrong cache layouts fail,
    and np.dot, split weight matrices and expanded formulas pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_reproduces_the_original_rnn_cell():
    """Does the rnn_cell_forward example print the original's a_next[4][0] = 0.59584544?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    first = float(re.search(r"a_next\[4\] = \[\s*([-\d.]+)", text)[1])
    assert first == pytest.approx(0.59584544, abs=1e-8)
    assert "a.shape = (5, 10, 4)" in text and "a.shape = (5, 10, 7)" in text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_passes_every_gradient_check():
    """Do the gradient checks of rnn_backward, lstm_backward and gru_cell_backward all agree to 1e-7?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    differences = [float(d) for d in re.findall(r"relative difference ([\d.e+-]+)", text)]
    assert len(differences) == 5 + 10 + 8, text
    assert max(differences) < 1e-7
    assert "DIFFERENT" not in text


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_trained_lstm_remembers_and_its_forget_gate_acts_on_symbols():
    """Does the LSTM trained with the learner's code solve the task, with the forget gate closing on symbols?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    assert float(re.search(r"accuracy on 500 new sequences .*: ([\d.]+) %", text)[1]) >= 95
    on_symbols, on_blanks = map(float, re.search(
        r"mean forget gate: ([\d.]+) when a symbol arrives, ([\d.]+) on blanks", text).groups())
    assert on_blanks - on_symbols >= 0.1, text
