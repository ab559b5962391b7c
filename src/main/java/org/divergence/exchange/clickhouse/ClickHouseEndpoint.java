package org.divergence.exchange.clickhouse;

import okhttp3.HttpUrl;
import org.divergence.core.common.InvalidInputException;
import org.divergence.exchange.collect.ApiEndpoint;

/**
 * A ClickHouse server's HTTP interface, checked like the platforms' APIs: HTTPS (the password and the data travel
 * encrypted), plain HTTP only on this machine; no credentials, query or fragment in the URL (they would be recorded
 * with the collection and end up in server logs).
 */
public final class ClickHouseEndpoint {

    private ClickHouseEndpoint() {
    }

    /** The URL, normalised to end in "/": the form recorded with a collection. */
    public static HttpUrl parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null) {
            throw new InvalidInputException("\"" + trimmed + "\" is not an http(s) URL; e.g. https://play.clickhouse.com"
                    + " or http://127.0.0.1:8123");
        }
        if (url.username().length() > 0 || url.password().length() > 0) {
            throw new InvalidInputException(url.scheme() + "://" + url.host() + ": put the user in --user and the"
                    + " password in an environment variable (--password-env), not in the URL");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new InvalidInputException(url.scheme() + "://" + url.host() + ": the server URL must be a plain base"
                    + " URL, without query or fragment");
        }
        if (url.scheme().equals("http") && !ApiEndpoint.isLoopback(url.host())) {
            throw new InvalidInputException(url + ": plain http:// would send the password and the data unencrypted;"
                    + " use the server's https:// port (8443 by default) — plain http is accepted only for this"
                    + " machine, such as http://127.0.0.1:8123");
        }
        String path = url.encodedPath();
        return path.endsWith("/") ? url : url.newBuilder().encodedPath(path + "/").build();
    }
}
