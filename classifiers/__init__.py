"""The classifier engine: draft extraction, identifier detectors, the ensemble and its result.

>>> from classifiers.engine import Engine
>>> Engine.load().analyze("Loving GlowLab serum, code DRSAM20!").labels   # doctest: +SKIP
['coi']

Importing this package is cheap; the engine (scikit-learn, numpy, scipy) loads with
``classifiers.engine``.
"""

from .inputs import MAX_CHARS, InputError, validate
from .result import LABELS, AnalysisResult

__all__ = ["LABELS", "MAX_CHARS", "AnalysisResult", "InputError", "validate"]
