package org.divergence.core.stats;

/** A confidence interval [low, high] at the given level (e.g. 0.95). */
public record Interval(double low, double high, double level) {
}
