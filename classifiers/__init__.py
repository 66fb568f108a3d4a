"""The classifier engine: draft extraction, identifier detectors, the ensemble and its result.

>>> from classifiers import Engine
>>> Engine.load().analyze("Loving GlowLab serum, code DRSAM20!").labels   # doctest: +SKIP
['coi']
"""

from .engine import MAX_CHARS, Engine, InputError
from .result import LABELS, AnalysisResult

__all__ = ["LABELS", "MAX_CHARS", "AnalysisResult", "Engine", "InputError"]
