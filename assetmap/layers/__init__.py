"""Layer models: roles, per-layer metadata and styles (plain Python, no Qt)."""

from assetmap.layers.roles import LayerRole
from assetmap.layers.info import LayerInfo

__all__ = ["LayerRole", "LayerInfo"]
