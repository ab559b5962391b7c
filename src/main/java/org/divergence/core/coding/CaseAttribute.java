package org.divergence.core.coding;

/** A user-defined property of cases, e.g. role or years of experience. */
public record CaseAttribute(long id, String guid, String name, String valueType, int position) {
}
