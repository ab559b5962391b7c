package org.divergence.core.collect;

/** A response's headers, looked up by case-insensitive name; null when absent. */
@FunctionalInterface
public interface HeaderLookup {
    String get(String name);
}
