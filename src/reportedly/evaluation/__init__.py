"""Measurements of reportedly's stages against annotated data."""
