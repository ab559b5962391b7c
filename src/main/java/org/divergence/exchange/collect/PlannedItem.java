package org.divergence.exchange.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.divergence.core.common.InvalidInputException;

/**
 * One repository a crawl will collect; {@code listing} is what the search or listing already said about it (kept
 * with the plan, so a resumed crawl need not ask again), or null for a repository named by the user.
 */
public record PlannedItem(String name, JsonNode listing) {

    /** The listing as the crawl's plan stores it (JSON text), or null. */
    public String listingJson() {
        return listing == null ? null : listing.toString();
    }

    /** A planned item as the crawl's plan stored it. */
    public static PlannedItem fromStored(String name, String listingJson) {
        if (listingJson == null) {
            return new PlannedItem(name, null);
        }
        try {
            return new PlannedItem(name, ApiJson.MAPPER.readTree(listingJson));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the project's crawl record is damaged (" + e.getOriginalMessage() + ")",
                    e);
        }
    }
}
