package org.divergence.io.collect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One repository a crawl will collect; {@code listing} is what the search or listing already said about it (kept
 * with the plan, so a resumed crawl need not ask again), or null for a repository named by the user.
 */
record PlannedItem(String name, JsonNode listing) {
}
