"""Parse small configuration files quickly."""
from .core import parse, parse_file

__all__ = ["parse", "parse_file"]
