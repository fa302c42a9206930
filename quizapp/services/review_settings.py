"""The bounds of a learner's flashcard settings: checked when they are saved, and
applied again whenever they are read, so that a value stored before the bounds (or by
hand) can never break the review, statistics or settings pages."""

from __future__ import annotations

import math
import re

RETENTION = (0.70, 0.97)
NEW_PER_DAY = (0, 9999)
REVIEWS_PER_DAY = (1, 99999)
# FSRS takes over once the steps are done; a step of more than a month is a schedule of
# its own, and a step of millions of days ran dates past the year 9999 (a 500 per page)
STEP_SECONDS = (1, 30 * 86400)
MAX_STEPS = 10
DEFAULT_STEPS = (60, 600)

_STEP = re.compile(r"(\d+)([smhd])")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class SettingsError(ValueError):
    """A setting out of its bounds; str(error) says which bounds."""


def parse_learning_steps(text: str) -> list[int]:
    """'1m 10m' -> [60, 600] seconds; SettingsError when a step or their number is out
    of bounds (the form has checked the format)."""
    steps = [int(n) * _UNIT[unit] for n, unit in _STEP.findall(text)]
    if not steps:
        raise SettingsError("Give at least one step, like: 1m 10m")
    if len(steps) > MAX_STEPS:
        raise SettingsError(f"At most {MAX_STEPS} steps.")
    low, high = STEP_SECONDS
    if any(not low <= step <= high for step in steps):
        raise SettingsError("Each step is between 1s and 30d.")
    return steps


def bounded_steps(stored: object) -> tuple[int, ...]:
    """The stored learning steps (seconds) within bounds; the defaults for junk."""
    if not isinstance(stored, list):
        return DEFAULT_STEPS
    low, high = STEP_SECONDS
    steps = tuple(
        min(max(step, low), high)
        for step in stored[:MAX_STEPS]
        if isinstance(step, int) and not isinstance(step, bool)
    )
    return steps or DEFAULT_STEPS


def bounded_retention(stored: object) -> float:
    if not isinstance(stored, int | float) or not math.isfinite(stored):
        return 0.9
    return min(max(float(stored), RETENTION[0]), RETENTION[1])


def bounded_count(stored: object, bounds: tuple[int, int], default: int) -> int:
    if not isinstance(stored, int) or isinstance(stored, bool):
        return default
    return min(max(stored, bounds[0]), bounds[1])


# "Study N more today": one raise of today's new-card limit, and all of a day's raises
# together, within the bounds of the setting itself
MORE_NEW_TODAY = (1, NEW_PER_DAY[1])
