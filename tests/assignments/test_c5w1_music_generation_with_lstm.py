"""Improvise music with an LSTM: hidden tests catch plausible bugs in the training network, the inference
network and predict_and_sample, accept other correct answers, and the notebook still teaches its lesson:
the trained network's melodies keep Bach's pitch and interval statistics far better than an untrained
network's, and the generated music is played and written as MIDI."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c5w1_music_generation_with_lstm"

DJMODEL = '''
def djmodel(Tx, LSTM_cell, densor, reshaper):
    n_values = densor.units
    n_a = LSTM_cell.units
    X = Input(shape=(Tx, n_values))
    a0 = Input(shape=(n_a,), name='a0')
    c0 = Input(shape=(n_a,), name='c0')
    a = a0
    c = c0
    outputs = []
    for t in range({steps}):
        x = {select}
        x = reshaper(x)
        {step}
        out = densor({read})
        {collect}
    return Model(inputs={inputs}, outputs=outputs)
'''


def djmodel(steps="Tx", select="X[:, t, :]", step="_, a, c = LSTM_cell(x, initial_state=[a, c])", read="a",
            collect="outputs.append(out)", inputs="[X, a0, c0]"):
    return DJMODEL.format(steps=steps, select=select, step=step, read=read, collect=collect, inputs=inputs)


INFERENCE = '''
def music_inference_model(LSTM_cell, densor, Ty=100):
    n_values = densor.units
    n_a = LSTM_cell.units
    x0 = Input(shape=(1, n_values))
    a0 = Input(shape=(n_a,), name='a0')
    c0 = Input(shape=(n_a,), name='c0')
    a = a0
    c = c0
    x = x0
    outputs = []
    for t in range(Ty):
        {step}
        out = densor(a)
        outputs.append(out)
        {feedback}
    return Model(inputs=[x0, a0, c0], outputs=outputs)
'''
GOOD_FEEDBACK = ("x = keras.ops.argmax(out, axis=-1)\n        x = keras.ops.one_hot(x, n_values)\n"
                 "        x = RepeatVector(1)(x)")


def inference(step="_, a, c = LSTM_cell(x, initial_state=[a, c])", feedback=GOOD_FEEDBACK):
    return INFERENCE.format(step=step, feedback=feedback)


PREDICT = '''
x_initializer = np.zeros((1, 1, 90))
a_initializer = np.zeros((1, 64))
c_initializer = np.zeros((1, 64))


def predict_and_sample(inference_model, x_initializer=x_initializer, a_initializer=a_initializer,
                       c_initializer=c_initializer):
    n_values = x_initializer.shape[2]
    pred = inference_model.predict({inputs}, verbose=0)
    indices = {indices}
    results = {results}
    return results, indices
'''


def predict(inputs="[x_initializer, a_initializer, c_initializer]", indices="np.argmax(pred, axis=-1)",
            results="to_categorical(indices, num_classes=n_values)"):
    return PREDICT.format(inputs=inputs, indices=indices, results=results)


MUTANTS = {
    "djmodel": [
        djmodel(step="_, a, c = LSTM_cell(x, initial_state=[a0, c0])"),  # the states never carried on
        djmodel(select="X[:, 0, :]"),  # always the first token
        djmodel(step="_, a, c = LSTM(LSTM_cell.units, return_state=True)(x, initial_state=[a, c])"),  # not shared
        djmodel(step="_, c, a = LSTM_cell(x, initial_state=[a, c])"),  # states swapped
    ],
    "music_inference_model": [
        inference(feedback="x = RepeatVector(1)(out)"),  # feeds back the probabilities, not a one-hot token
        inference(feedback="pass"),  # always reads x0
        inference(feedback="x = keras.ops.argmax(out, axis=-1)\n        x = keras.ops.one_hot(x, n_values)\n"
                           "        x = RepeatVector(1)(x)\n        a, c = a0, c0"),  # states reset every step
    ],
    "predict_and_sample": [
        predict(indices="np.argmax(pred, axis=0)"),  # over the steps, not the values
        predict(results="np.asarray(pred)[:, 0, :]"),  # the probabilities instead of one-hot vectors
        predict(inputs="[x_initializer, a_initializer, a_initializer]"),  # c from a
    ],
}

VARIANTS = {
    "djmodel": [
        djmodel(),
        djmodel(step="out_t, a, c = LSTM_cell(x, initial_state=[a, c])", read="out_t", collect="outputs += [out]"),
    ],
    "music_inference_model": [
        inference(),
        inference(step="a, _, c = LSTM_cell(x, initial_state=[a, c])",
                  feedback="x = RepeatVector(1)(keras.ops.one_hot(keras.ops.argmax(out, axis=1), n_values))"),
        inference(feedback="x = RepeatVector(1)(keras.ops.one_hot(keras.ops.argmax(out, -1), num_classes=n_values))"),
    ],
    "predict_and_sample": [
        predict(),
        predict(indices="np.argmax(np.array(pred), axis=2)", results="np.eye(n_values)[indices[:, 0]]"),
    ],
}

@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do unshared or reset states, probabilities fed back instead of one-hot tokens and argmax over the wrong
    axis fail, and the LSTM's output for a, one-line feedback and np.eye pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


@pytest.mark.xdist_group(ASSIGNMENT)
def test_trained_melodies_keep_bachs_statistics_better_than_untrained_ones():
    """Are the trained network's pitch and interval histograms much closer to Bach's than the untrained
    network's, with sampling closest, and is the data of the original's shapes?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    assert "shape of X: (60, 30, 90)" in text and "Shape of Y: (30, 60, 90)" in text
    assert "45,530 parameters; 30 outputs" in text
    rows = {label.strip(): (float(p), float(i)) for label, p, i in
            re.findall(r"^(trained, most likely token|trained, sampled \(temperature 1\)|untrained, most likely token|"
                       r"Bach \(8 other chorales\))\s+([\d.]+)\s+([\d.]+)", text, flags=re.M)}
    argmax, sampled, untrained = (rows["trained, most likely token"], rows["trained, sampled (temperature 1)"],
                                  rows["untrained, most likely token"])
    assert 0.3 < untrained[0] < 0.7 and 0.4 < untrained[1] < 0.9, rows
    assert argmax[0] < untrained[0] - 0.15 and argmax[1] < untrained[1] - 0.25, rows
    assert sampled[0] < 0.2 and sampled[1] < 0.2, rows
    loss = float(re.search(r"loss of the trained network on the training windows: ([\d.]+)", text)[1])
    assert 30 < loss < 42


@pytest.mark.xdist_group(ASSIGNMENT)
def test_the_improvisation_is_played_and_written_as_midi():
    """Does the notebook show an audio player of several seconds and write a MIDI file outside the repository?"""
    import base64
    import io
    import wave

    _, graded = graded_reference(ASSIGNMENT)
    audio = [o for c in graded.cells if c.cell_type == "code" for o in c.get("outputs", [])
             if o.output_type == "display_data" and "text/html" in o.data and "<audio" in o.data["text/html"]]
    assert len(audio) == 2
    payload = re.search(r'base64,([A-Za-z0-9+/=]+)"', audio[-1].data["text/html"])[1]
    with wave.open(io.BytesIO(base64.b64decode(payload))) as clip:
        assert clip.getframerate() == 16000 and clip.getnframes() / 16000 > 10
    path = re.search(r"MIDI file written: (\S+) \((\d+) bytes\)", printed_text(graded))
    assert int(path[2]) > 100 and "/work/" not in path[1]
