"""Neural machine translation of dates: hidden tests catch plausible bugs in one attention step and in the
translator, accept other correct answers, the public tests catch what only known weights reveal, and the
notebook teaches its lesson: 52,960 parameters, a brief epoch that gets almost no date right, shipped weights
that get almost all held-out dates right in the learner's model, and attention maps that look where the
answer is."""
import re

import pytest

from autograder.reference import reference_sources
from tests.support import check_mutants_and_variants, executed_reference, hidden_verdict, namespace_with, stderr_cells

ASSIGNMENT = "c5w3_neural_machine_translation"

# The shared layers at the top of the graded cells, which a learner's cell keeps.
ATTENTION_LAYERS = '''
repeator = RepeatVector(30)
concatenator = Concatenate(axis=-1)
densor1 = Dense(10, activation="tanh")
densor2 = Dense(1, activation="relu")
activator = Softmax(axis=1, name="attention_weights")
dotor = Dot(axes=1)
'''
DECODER_LAYERS = '''
n_a = 32
n_s = 64
post_activation_LSTM_cell = LSTM(n_s, return_state=True)
output_layer = Dense(11, activation="softmax")
'''

ATTENTION = ATTENTION_LAYERS + '''
def one_step_attention(a, s_prev):
    s_prev = repeator(s_prev)
    concat = concatenator({order})
    e = densor1(concat)
    energies = {energies}
    alphas = {alphas}
    context = dotor({dot})
    return context
'''


def attention(order="[a, s_prev]", energies="densor2(e)", alphas="activator(energies)", dot="[alphas, a]"):
    return ATTENTION.format(order=order, energies=energies, alphas=alphas, dot=dot)


MODEL = DECODER_LAYERS + '''
def modelf(Tx, Ty, n_a, n_s, human_vocab_size, machine_vocab_size):
    X = Input(shape=(Tx, human_vocab_size))
    s0 = Input(shape=(n_s,), name="s0")
    c0 = Input(shape=(n_s,), name="c0")
    s = s0
    c = c0
    outputs = []
    a = {encoder}(X)
    for t in range({steps}):
        context = one_step_attention(a, s)
        {states} = post_activation_LSTM_cell(context, initial_state=[s, c])
        out = {output}
        outputs.append(out)
    return Model(inputs=[X, s0, c0], outputs={outputs})
'''


def model(encoder="Bidirectional(LSTM(n_a, return_sequences=True))", steps="Ty", states="s, _, c",
          output="output_layer(s)", outputs="outputs"):
    return MODEL.format(encoder=encoder, steps=steps, states=states, output=output, outputs=outputs)


MUTANTS = {
    "one_step_attention": [
        attention(alphas="keras.ops.softmax(energies, axis=-1)"),  # softmax over the last axis (all ones)
        attention(alphas="energies"),  # no softmax
        attention(energies="e", alphas="activator(e)"),  # densor2 skipped
        attention(dot="[a, alphas]"),  # the Dot's inputs swapped
    ],
    "modelf": [
        model(encoder="LSTM(n_a, return_sequences=True)"),  # one direction only
        model(encoder="Bidirectional(LSTM(n_s, return_sequences=True))"),  # the decoder's size in the encoder
        model(outputs="outputs[-1]"),  # only the last output
        model(output="Dense(machine_vocab_size, activation='softmax')(s)"),  # a new output layer at every step
        model(steps="Tx"),  # Tx output steps
    ],
}

VARIANTS = {
    "one_step_attention": [
        attention(),
        ATTENTION_LAYERS + '''
def one_step_attention(a, s_prev):
    return dotor([activator(densor2(densor1(concatenator([a, repeator(s_prev)])))), a])
''',
    ],
    "modelf": [
        model(),
        model(encoder="Bidirectional(LSTM(units=n_a, return_sequences=True), merge_mode='concat')",
              states="s, s_again, c"),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do a softmax over the wrong axis or none, energies without densor2, a Dot over swapped inputs, a
    one-way encoder, a wrong encoder size, a single output, a new output layer per step and Tx steps fail,
    while one-line and keyword forms pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
@pytest.mark.parametrize("function, answer, message", [
    ("one_step_attention", attention(order="[s_prev, a]"), "layer by layer|probabilities at the first step"),
    ("modelf", model(states="s, c, _"), "probabilities at the last step"),
])
def test_what_only_the_public_test_sees(function, answer, message):
    """Joining [s_prev, a] or swapping the decoder's state and cell keeps every shape: does the public test of
    modelf, with fixed weights, catch it, while the hidden test (whose weights differ) lets it pass?"""
    from helpers.checks import CheckFailure
    from helpers.public_tests import c5w3_neural_machine_translation as public

    # the reference modelf, defined again beside the answer, so that it calls the answer's one_step_attention
    namespace = namespace_with(ASSIGNMENT, {function: answer} | ({"modelf": reference_sources(ASSIGNMENT)["modelf"]}
                                                                 if function != "modelf" else {}))
    with pytest.raises(CheckFailure, match=message):
        public.modelf_test(namespace["modelf"])
    assert hidden_verdict(ASSIGNMENT, function, answer) is None


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_translator_has_its_size_and_one_epoch_is_not_enough():
    """Does the notebook show 52,960 parameters, and after one epoch do almost no training dates come out
    exactly right (one run: 0.001) although the dashes do (accuracy 1.0 at steps 5 and 8)?"""
    text, _ = executed_reference(ASSIGNMENT)
    assert "parameters: 52,960" in text and "Bidirectional         17,920" in text
    assert float(re.search(r"exact-match accuracy on the first 1,000 training dates: ([\d.]+)", text)[1]) < 0.3
    steps = re.search(r"accuracy of each output symbol on the first 1,000 training dates: \[([\d.\s]+)\]", text)[1]
    steps = [float(value) for value in steps.split()]
    assert len(steps) == 10 and steps[4] > 0.95 and steps[7] > 0.95, steps


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_shipped_weights_translate_held_out_dates():
    """In the learner's model, do the shipped weights get at least 95 % of the held-out dates exactly right
    (0.998 recorded), and translate the original's examples "3 May 1979" and "5 April 09"?"""
    text, _ = executed_reference(ASSIGNMENT)
    assert float(re.search(r"exact-match accuracy on 1000 held-out dates: ([\d.]+)", text)[1]) >= 0.95
    assert re.search(r"^3 May 1979 +→ 1979-05-03$", text, re.MULTILINE)
    assert re.search(r"^5 April 09 +→ 2009-04-05$", text, re.MULTILINE)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_reference_notebook_writes_nothing_to_stderr():
    """Does every cell of the reference notebook, run outside grading, stay free of stderr output?"""
    _, notebook = executed_reference(ASSIGNMENT)
    assert stderr_cells(notebook) == []
