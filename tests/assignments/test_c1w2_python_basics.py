"""Python basics with numpy: hidden tests catch plausible bugs and accept other correct answers."""
import pytest

from tests.support import check_mutants_and_variants

ASSIGNMENT = "c1w2_python_basics"

MUTANTS = {
    "basic_sigmoid": ["def basic_sigmoid(x):\n    return 1 / (1 + math.exp(x))",
                      "def basic_sigmoid(x):\n    return 0.7310585786300049",
                      "def basic_sigmoid(x):\n    return round(1 / (1 + math.exp(-x)), 8)",  # 8 digits, as printed
                      "def basic_sigmoid(x):\n    return np.array(1 / (1 + math.exp(-x)))"],  # a 0-d array
    "sigmoid": ["def sigmoid(x):\n    return 1 / (1 - np.exp(-x))",
                "def sigmoid(x):\n    return np.array([0.73105858, 0.88079708, 0.95257413])",
                "def sigmoid(x):\n    return np.round(1 / (1 + np.exp(-x)), 8)"],  # tiny values lost
    "sigmoid_derivative": ["def sigmoid_derivative(x):\n    s = sigmoid(x)\n    return s * (1 + s)",
                           "def sigmoid_derivative(x):\n    return sigmoid(x)",
                           "def sigmoid_derivative(x):\n    return 0.25 - x ** 2 / 16"],  # Taylor: right near 0 only
    "image2vector": ["def image2vector(image):\n    return image.reshape(1, -1)",
                     "def image2vector(image):\n    return image.T.reshape(-1, 1)",
                     "def image2vector(image):\n    return image.reshape(-1)",
                     "def image2vector(image):\n    return image.reshape(image.shape[0] * image.shape[1] * 2, 1)"],
    "normalize_rows": ["def normalize_rows(x):\n    return x / np.linalg.norm(x, axis=0, keepdims=True)",
                       "def normalize_rows(x):\n    return x / np.sum(x ** 2, axis=1, keepdims=True)",
                       "def normalize_rows(x):\n    x /= np.linalg.norm(x, axis=1, keepdims=True)\n    return x",
                       "def normalize_rows(x):\n    return x / np.linalg.norm(x, axis=1).reshape(2, 1)"],  # demo size
    "softmax": ["def softmax(x):\n    e = np.exp(x)\n    return e / np.sum(e, axis=0, keepdims=True)",
                "def softmax(x):\n    e = np.exp(x)\n    return e / np.sum(e)",
                "def softmax(x):\n    e = np.exp(x)\n    return e / np.sum(e, axis=1).reshape(2, 1)"],  # demo size
    "L1": ["def L1(yhat, y):\n    return np.sum(y - yhat)",
           "def L1(yhat, y):\n    return np.mean(np.abs(y - yhat))",
           "def L1(yhat, y):\n    return 1.1"],
    "L2": ["def L2(yhat, y):\n    return np.sqrt(np.sum((y - yhat) ** 2))",
           "def L2(yhat, y):\n    return np.sum(np.abs(y - yhat))",
           "def L2(yhat, y):\n    return 0.43"],
}

VARIANTS = {
    "basic_sigmoid": ["def basic_sigmoid(x):\n    return math.exp(x) / (math.exp(x) + 1)",
                      "def basic_sigmoid(x):\n    return float(np.exp(-np.logaddexp(0, -x)))"],
    "sigmoid": ["def sigmoid(x):\n    return np.exp(x) / (1 + np.exp(x))",
                "def sigmoid(x):\n    return 0.5 * (1 + np.tanh(x / 2))"],
    "sigmoid_derivative": ["def sigmoid_derivative(x):\n    import warnings\n    warnings.warn('a learner warning')\n"
                           "    s = sigmoid(x)\n    return s - s ** 2",
                           "def sigmoid_derivative(x):\n    return np.exp(-x) / (1 + np.exp(-x)) ** 2",
                           "def sigmoid_derivative(x):\n    return 0.25 * (1 - np.tanh(x / 2) ** 2)"],
    "image2vector": ["def image2vector(image):\n    return image.reshape(-1, 1)",
                     "def image2vector(image):\n    return image.flatten()[:, np.newaxis]",
                     "def image2vector(image):\n    a, b, c = image.shape\n    return np.array([[image[i, j, k]] "
                     "for i in range(a) for j in range(b) for k in range(c)])"],
    "normalize_rows": ["def normalize_rows(x):\n    return x / np.sqrt(np.sum(x * x, axis=1, keepdims=True))",
                       "def normalize_rows(x):\n    return np.array([row / np.sqrt(row @ row) for row in x])"],
    "softmax": ["def softmax(x):\n    e = np.exp(x - x.max(axis=1, keepdims=True))\n    return e / e.sum(axis=1, keepdims=True)",
                "def softmax(x):\n    return np.exp(x) / np.exp(x).sum(axis=1).reshape(-1, 1)"],
    "L1": ["def L1(yhat, y):\n    return sum(abs(a - b) for a, b in zip(yhat, y))",
           "def L1(yhat, y):\n    return np.linalg.norm(y - yhat, ord=1)"],
    "L2": ["def L2(yhat, y):\n    d = y - yhat\n    return np.dot(d, d)",
           "def L2(yhat, y):\n    return (yhat - y) @ (yhat - y)"],
}


@pytest.mark.xdist_group(ASSIGNMENT)
def test_mutants_lose_points_and_variants_keep_them(tmp_path):
    """Do wrong signs, wrong axes, in-place edits, hard-coded answers and sizes, approximations that hold only
    for small x and a 0-d array for a float fail, and loops, @, tanh forms and warnings pass?"""
    check_mutants_and_variants(ASSIGNMENT, MUTANTS, VARIANTS, tmp_path)
