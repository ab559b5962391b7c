package org.divergence.core.coding;

import java.util.Map;

/** An interviewee, with the values of the project's case attributes by attribute name. */
public record InterviewCase(long id, String guid, String name, String description, Map<String, String> attributes) {
}
