"""Activation functions of a deep network layer, forward and backward, in the layout of Course 1.

Forward functions take the pre-activation ``Z`` of a layer and return the activation ``A``
together with the value the backward pass needs later, the *activation cache* — which is
``Z`` itself. Backward functions take the gradient of the cost with respect to ``A`` and that
cache and return the gradient with respect to ``Z``::

    A, activation_cache = relu(Z)
    ...
    dZ = relu_backward(dA, activation_cache)

Every array keeps the layer's shape ``(n[l], m)``: one unit per row, one example per column.
"""
import numpy as np

__all__ = ["relu", "relu_backward", "sigmoid", "sigmoid_backward"]


def sigmoid(Z):
    """Apply the sigmoid :math:`\\sigma(z) = 1 / (1 + e^{-z})` elementwise.

    Parameters
    ----------
    Z : ndarray of any shape, e.g. (n[l], m)
        Pre-activations.

    Returns
    -------
    A : ndarray of the same shape as Z
        :math:`\\sigma(Z)`, values in (0, 1).
    cache : ndarray
        ``Z`` itself, kept for :func:`sigmoid_backward`.
    """
    A = 1 / (1 + np.exp(-Z))
    return A, Z


def relu(Z):
    """Apply the rectified linear unit :math:`\\max(0, z)` elementwise.

    Parameters
    ----------
    Z : ndarray of any shape, e.g. (n[l], m)
        Pre-activations.

    Returns
    -------
    A : ndarray of the same shape as Z
        ``max(0, Z)``.
    cache : ndarray
        ``Z`` itself, kept for :func:`relu_backward`.
    """
    A = np.maximum(0, Z)
    return A, Z


def sigmoid_backward(dA, cache):
    """Gradient through a sigmoid unit: :math:`dZ = dA \\cdot \\sigma(Z) (1 - \\sigma(Z))`.

    Parameters
    ----------
    dA : ndarray of shape (n[l], m)
        Gradient of the cost with respect to the activation ``A``.
    cache : ndarray of shape (n[l], m)
        ``Z``, the activation cache returned by :func:`sigmoid`.

    Returns
    -------
    dZ : ndarray of shape (n[l], m)
        Gradient of the cost with respect to ``Z``.
    """
    s = 1 / (1 + np.exp(-cache))
    return dA * s * (1 - s)


def relu_backward(dA, cache):
    """Gradient through a ReLU unit: ``dZ = dA`` where ``Z > 0``, and 0 elsewhere.

    The derivative at ``Z == 0`` is taken to be 0.

    Parameters
    ----------
    dA : ndarray of shape (n[l], m)
        Gradient of the cost with respect to the activation ``A``.
    cache : ndarray of shape (n[l], m)
        ``Z``, the activation cache returned by :func:`relu`.

    Returns
    -------
    dZ : ndarray of shape (n[l], m)
        Gradient of the cost with respect to ``Z``; ``dA`` itself is not modified.
    """
    return np.where(cache > 0, dA, 0.0)
