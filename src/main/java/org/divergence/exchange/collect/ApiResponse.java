package org.divergence.exchange.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.divergence.core.collect.LinkHeader;

/** An API answer that arrived whole: status, headers, body; {@code fromCache} when a 304 confirmed the cached copy. */
public record ApiResponse(HttpUrl url, int status, Headers headers, byte[] body, boolean fromCache) {

    public String header(String name) {
        return headers.get(name);
    }

    public JsonNode json() {
        return ApiJson.parse(body, "GET " + url);
    }

    /** The {@code rel="next"} page as the server named it, resolved against this answer's URL. */
    public Optional<HttpUrl> next() {
        return LinkHeader.next(headers.get("link")).map(target -> {
            HttpUrl resolved = url.resolve(target);
            if (resolved == null) {
                throw new MalformedResponseException("GET " + url + ": the next-page link \"" + target
                        + "\" is not a URL");
            }
            return resolved;
        });
    }
}
