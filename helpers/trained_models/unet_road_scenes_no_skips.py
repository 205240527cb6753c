"""The U-Net of ``unet_road_scenes`` without its skip connections: the recipe of ``unet_road_scenes_no_skips``.

Each upsampling block gets only the transposed convolution of what comes from below; it is
trained and evaluated exactly as ``unet_road_scenes`` (see :mod:`helpers.trained_models.unet_road_scenes`).
"""
from helpers.trained_models.unet_road_scenes import build_unet, evaluate, train

__all__ = ["build_model", "evaluate", "train"]


def build_model():
    """The network without skip connections, uncompiled, with fresh weights."""
    return build_unet(skips=False)
