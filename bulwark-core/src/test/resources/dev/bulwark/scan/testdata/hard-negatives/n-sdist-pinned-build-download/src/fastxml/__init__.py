from ._core import parse, tostring

__all__ = ["parse", "tostring"]
