"""Which way an indicator is moving, in words."""

from dataclasses import dataclass

from ..models import Indicator, Measurement


@dataclass(frozen=True)
class Trend:
    """`state` names the movement (none, met, single, unchanged, improving, worse); templates colour it."""

    label: str
    state: str
    latest: Measurement | None
    previous: Measurement | None


def indicator_trend(indicator: Indicator, measurements: list[Measurement]) -> Trend:
    """Whether the latest measurement moved the right way, and whether the target is met (in words, not colour)."""
    if not measurements:
        return Trend("No measurements yet", "none", None, None)
    latest = measurements[-1]
    previous = measurements[-2] if len(measurements) > 1 else None
    better = (lambda a, b: a > b) if indicator.direction == Indicator.Direction.UP else (lambda a, b: a < b)
    if indicator.target_value is not None and (
        latest.value == indicator.target_value or better(latest.value, indicator.target_value)
    ):
        return Trend("Target met", "met", latest, previous)
    if previous is None:
        return Trend("One measurement so far", "single", latest, previous)
    if latest.value == previous.value:
        return Trend("No change", "unchanged", latest, previous)
    if better(latest.value, previous.value):
        return Trend("Improving", "improving", latest, previous)
    return Trend("Getting worse", "worse", latest, previous)
