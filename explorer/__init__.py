"""Spine Explorer: patient education about the spine."""

__version__ = "0.1.0"
