package org.divergence.exchange.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.repositories.RepositoryRow;

/** How one platform's API is read: the listing that plans a crawl, and everything about one repository. */
public interface PlatformCollector {

    /** The first {@code request.limit()} repositories of the request's listing, in the platform's order. */
    List<PlannedItem> list(CrawlRequest request);

    /**
     * Reads every endpoint the canonical row needs and returns the row; nothing is stored here. Throws when an
     * endpoint cannot be read, so that a row is only ever built from complete answers.
     */
    RepositoryRow collect(String name, JsonNode listing);
}
