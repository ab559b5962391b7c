package org.divergence.core.coding;

/** A person who codes; identified across projects and REFI-QDA exchange by name and GUID. */
public record Coder(long id, String guid, String name) {
}
