"""95% confidence intervals for the corpus statistics: Wilson for proportions, Garwood for Poisson rates
(widened by the Pearson dispersion when articles differ more than a Poisson count would)."""
from __future__ import annotations

import math

Z95 = 1.959963984540054  # the standard normal's 97.5th percentile


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval for a proportion (None with no trials). Unlike the normal interval it stays
    within [0, 1] and is not zero-width at 0 or n successes, which small publishers' groups often have."""
    if trials <= 0:
        return None
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def poisson_rate(count: int, exposure: float, scale: float = 1.0,
                 dispersion: float = 1.0) -> tuple[float, float] | None:
    """The exact (Garwood) interval for a Poisson count, divided by its exposure and times `scale`: for
    insertions per 1,000 words, count = insertions, exposure = words, scale = 1000. None with no exposure.

    `dispersion` > 1 (quasi-Poisson: the counts vary more from article to article than a Poisson count
    would) widens it: the interval is that of count / dispersion events over exposure / dispersion, the
    same rate known from fewer independent events."""
    if exposure <= 0:
        return None
    dispersion = max(1.0, dispersion)
    effective = count / dispersion
    low = 0.0 if count == 0 else _gamma_quantile(effective, 0.025)
    high = _gamma_quantile(effective + 1, 0.975)
    return low / exposure * dispersion * scale, high / exposure * dispersion * scale


def pearson_dispersion(count_total: float, exposure_total: float, sum_squares_over_exposure: float,
                       units: int) -> float:
    """The Pearson estimate of overdispersion, chi-square / (units - 1), from running sums over the units
    (articles): sum of y, sum of x, and sum of y*y/x for count y and exposure x. 1 when it cannot be told
    (fewer than two units, no events)."""
    if units < 2 or count_total <= 0 or exposure_total <= 0:
        return 1.0
    rate = count_total / exposure_total
    chi_square = sum_squares_over_exposure / rate - count_total
    return max(1.0, chi_square / (units - 1))


def _gamma_quantile(shape: float, probability: float) -> float:
    """x with P(shape, x) = probability (the regularised lower incomplete gamma), by bisection."""
    low, high = 0.0, max(1.0, shape)
    while _lower_gamma(shape, high) < probability:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if _lower_gamma(shape, middle) < probability:
            low = middle
        else:
            high = middle
        if high - low <= 1e-12 * max(1.0, high):
            break
    return (low + high) / 2


def _lower_gamma(a: float, x: float) -> float:
    """The regularised lower incomplete gamma function P(a, x): a series below a + 1, else a continued
    fraction for the upper part (Numerical Recipes, 6.2)."""
    if x <= 0:
        return 0.0
    log_prefix = a * math.log(x) - x - math.lgamma(a)
    if x < a + 1:
        term = total = 1.0 / a
        n = a
        for _ in range(10000):
            n += 1
            term *= x / n
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return total * math.exp(log_prefix)
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, 10000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return 1.0 - math.exp(log_prefix) * h
