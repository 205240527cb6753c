"""Dinosaur island: hidden tests catch plausible bugs in clip, sample, optimize and model, accept other
correct answers, and the notebook still teaches its lesson: samples go from noise to name-like as the
model trains, measured by their log-likelihood under the trained network and a pronounceability rule."""
import re

import pytest

from tests.support import check_mutants_and_variants, graded_reference, printed_text

ASSIGNMENT = "c5w1_dinosaur_island"

CLIP = '''
def clip(gradients, maxValue):
    dWaa, dWax, dWya, db, dby = gradients['dWaa'], gradients['dWax'], gradients['dWya'], gradients['db'], gradients['dby']
    for gradient in [{arrays}]:
        {clip}
    return {{"dWaa": dWaa, "dWax": dWax, "dWya": dWya, "db": db, "dby": dby}}
'''


def clip(arrays="dWax, dWaa, dWya, db, dby", clip="np.clip(gradient, -maxValue, maxValue, out=gradient)"):
    return CLIP.format(arrays=arrays, clip=clip)


SAMPLE = '''
def sample(parameters, char_to_ix, seed):
    Waa, Wax, Wya, by, b = parameters['Waa'], parameters['Wax'], parameters['Wya'], parameters['by'], parameters['b']
    vocab_size = by.shape[0]
    n_a = Waa.shape[1]
    x = {x0}
    a_prev = np.zeros((n_a, 1))
    indices = []
    idx = -1
    counter = 0
    newline_character = {newline}
    while (idx != newline_character and counter != {limit}):
        a = np.tanh({a})
        y = softmax(Wya @ a + by)
        {seeding}
        idx = {draw}
        indices.append(idx)
        {feedback}
        a_prev = {a_next}
        seed += 1
        counter += 1
    if (counter == {limit}):
        indices.append(char_to_ix['\\n'])
    return indices
'''


def sample(x0="np.zeros((vocab_size, 1))", newline="char_to_ix['\\n']", limit="50",
           a="Wax @ x + Waa @ a_prev + b", seeding="np.random.seed(counter + seed)",
           draw="np.random.choice(range(vocab_size), p=y.ravel())",
           feedback="x = np.zeros((vocab_size, 1)); x[idx] = 1", a_next="a"):
    return SAMPLE.format(x0=x0, newline=newline, limit=limit, a=a, seeding=seeding, draw=draw, feedback=feedback,
                         a_next=a_next)


OPTIMIZE = '''
def optimize(X, Y, a_prev, parameters, learning_rate=0.01):
    loss, cache = rnn_forward(X, Y, a_prev, parameters)
    gradients, a = rnn_backward(X, Y, parameters, cache)
    {clip}
    {update}
    return loss, gradients, {last}
'''


def optimize(clip="gradients = clip(gradients, 5)",
             update="parameters = update_parameters(parameters, gradients, learning_rate)", last="a[len(X)-1]"):
    return OPTIMIZE.format(clip=clip, update=update, last=last)


MODEL = '''
def model(data_x, ix_to_char, char_to_ix, num_iterations=35000, n_a=50, dino_names=7, vocab_size=27, verbose=False):
    n_x, n_y = vocab_size, vocab_size
    parameters = initialize_parameters(n_a, n_x, n_y)
    loss = get_initial_loss(vocab_size, dino_names)
    examples = [x.strip() for x in data_x]
    {shuffle}
    a_prev = np.zeros((n_a, 1))
    last_dino_name = "abc"
    for j in range(num_iterations):
        idx = {idx}
        single_example_ix = [char_to_ix[c] for c in examples[idx]]
        X = {X}
        Y = {Y}
        curr_loss, gradients, {state} = optimize(X, Y, a_prev, parameters, learning_rate={lr})
        loss = {smoothing}
        if j % 2000 == 0:
            print('Iteration: %d, Loss: %f' % (j, loss) + '\\n')
            seed = 0
            for name in range(dino_names):
                sampled_indices = sample(parameters, char_to_ix, {seed})
                last_dino_name = get_sample(sampled_indices, ix_to_char)
                print(last_dino_name.replace('\\n', ''))
                seed += 1
            print('\\n')
    return parameters, last_dino_name
'''


def model(shuffle="np.random.seed(0)\n    np.random.shuffle(examples)", idx="j % len(examples)",
          X="[None] + single_example_ix", Y="X[1:] + [char_to_ix['\\n']]", state="a_prev", lr="0.01",
          smoothing="smooth(loss, curr_loss)", seed="seed"):
    return MODEL.format(shuffle=shuffle, idx=idx, X=X, Y=Y, state=state, lr=lr, smoothing=smoothing, seed=seed)


MUTANTS = {
    "clip": [
        clip(clip="gradient = np.clip(gradient, -maxValue, maxValue)"),  # rebinds the loop variable only
        clip(arrays="dWax, dWaa, dWya"),  # forgot the biases
        clip(clip="np.clip(gradient, 0, maxValue, out=gradient)"),  # a floor at 0, not -maxValue
        clip(clip="np.clip(gradient, -5, 5, out=gradient)"),  # the value optimize uses, hard-coded
    ],
    "sample": [
        sample(draw="np.argmax(y)"),  # greedy: always the likeliest character
        sample(seeding="np.random.seed(seed)"),  # the counter left out of the seed
        sample(seeding="pass"),  # never seeded
        sample(feedback="x = np.zeros((vocab_size, 1))"),  # the drawn character never fed back
        sample(a_next="a_prev"),  # the hidden state never moves on
        sample(newline="0"),  # the newline assumed at index 0
        sample(draw="np.random.choice(range(vocab_size), p=np.ones(vocab_size) / vocab_size)"),  # uniform
    ],
    "optimize": [
        optimize(clip="pass"),  # no clipping
        optimize(update="parameters = update_parameters({k: v.copy() for k, v in parameters.items()}, gradients, learning_rate)"),  # a copy updated
        optimize(last="a[len(X)]"),  # off by one
        optimize(last="a[0]"),
        optimize(update="parameters = update_parameters(parameters, gradients, 0.01)"),  # learning_rate ignored
    ],
    "model": [
        model(shuffle="np.random.shuffle(examples)"),  # not seeded
        model(idx="j"),  # runs off the end of the list
        model(Y="X[1:]"),  # no newline target: never learns to stop
        model(state="_"),  # the hidden state never carried from name to name
        model(seed="name"),  # seeds 0, 1, ... but from the loop variable: same here; see the variant
        model(lr="0.05"),
    ],
}
# the loop variable equals the seed: that one is a variant, not a mutant
VARIANT_SEED = MUTANTS["model"].pop(4)

VARIANTS = {
    "clip": [
        clip(),
        "def clip(gradients, maxValue):\n"
        "    return {k: np.clip(gradients[k], -maxValue, maxValue) for k in ('dWaa', 'dWax', 'dWya', 'db', 'dby')}",
        clip(clip="np.clip(gradient, a_min=-maxValue, a_max=maxValue, out=gradient)"),
    ],
    "sample": [
        sample(),
        sample(a="np.dot(Wax, x) + np.dot(Waa, a_prev) + b", draw="np.random.choice(vocab_size, p=y.ravel())",
               feedback="x = np.eye(vocab_size)[:, [idx]]"),
        sample(draw="np.random.choice(list(range(vocab_size)), p=y[:, 0])"),
    ],
    "optimize": [
        optimize(),
        optimize(update="update_parameters(parameters, gradients, learning_rate)",
                 last="a[max(a)]"),
    ],
    "model": [
        model(),
        VARIANT_SEED,
        model(X="[None] + [char_to_ix[ch] for ch in examples[idx]]", Y="X[1:] + [char_to_ix[chr(10)]]",
              smoothing="0.999 * loss + 0.001 * curr_loss"),
    ],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do rebinding instead of clipping in place, argmax sampling, broken seeding, a missing newline target or
    a lost hidden state fail, and dict comprehensions, np.dot and other spellings pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)


def lesson_rows(text):
    rows = {}
    for label, ll, pronounceable in re.findall(r"^(samples at iteration [\d,]+|random letters|training names)\s+"
                                               r"(-?[\d.]+)\s+(\d+)%", text, flags=re.M):
        rows[label] = (float(ll), int(pronounceable) / 100)
    return rows


@pytest.mark.xdist_group(ASSIGNMENT)
def test_samples_go_from_noise_to_names_as_the_model_trains():
    """Do the untrained network's samples score like random letters, and the trained one's like real names?"""
    _, graded = graded_reference(ASSIGNMENT)
    text = printed_text(graded)
    rows = lesson_rows(text)
    iterations = sorted((int(k.split()[-1].replace(",", "")), v) for k, v in rows.items() if k.startswith("samples"))
    assert [j for j, _ in iterations][:3] == [0, 500, 2000], rows
    (_, (ll_0, pr_0)), (_, (ll_end, pr_end)) = iterations[0], iterations[-1]
    ll_random, _ = rows["random letters"]
    ll_real, pr_real = rows["training names"]
    assert -6.5 < ll_0 < -4.3 and abs(ll_0 - ll_random) < 1.0, rows  # untrained: like random letters
    assert pr_0 < 0.3
    lls = [ll for _, (ll, _) in iterations]
    assert lls == sorted(lls), rows  # every snapshot better than the one before
    # trained (4,001 iterations under grading): most of the way to the real names
    assert ll_end > ll_real - 1.0 and ll_end - ll_0 > 2.5, rows
    assert pr_end > 0.5 and pr_real > 0.85, rows
    assert "Iteration: 0, Loss: 23.080747" in text and "Iteration: 4000, Loss:" in text
