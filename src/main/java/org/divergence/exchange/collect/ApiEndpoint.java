package org.divergence.exchange.collect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import okhttp3.HttpUrl;
import org.divergence.core.common.InvalidInputException;

/**
 * The base URL of an API, checked: real endpoints only over HTTPS (the token and the data travel encrypted); plain
 * HTTP only for loopback addresses (tests, a mirror on this machine). Never resolves a host name to decide.
 */
public final class ApiEndpoint {

    private ApiEndpoint() {
    }

    public static HttpUrl parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null) {
            throw new InvalidInputException("\"" + trimmed + "\" is not an http(s) URL; e.g. https://api.github.com");
        }
        if (url.query() != null || url.fragment() != null || url.username().length() > 0
                || url.password().length() > 0) {
            throw new InvalidInputException(url.scheme() + "://" + url.host() + ": the API URL must be a plain base"
                    + " URL, without user name, password, query or fragment");
        }
        if (url.scheme().equals("http") && !isLoopback(url.host())) {
            throw new InvalidInputException(url + ": plain http:// would send the token and the data unencrypted;"
                    + " use https:// (plain http is accepted only for loopback addresses such as"
                    + " http://127.0.0.1:8080)");
        }
        // A base without a trailing slash would lose its last path segment when paths are resolved against it.
        String path = url.encodedPath();
        return path.endsWith("/") ? url : url.newBuilder().encodedPath(path + "/").build();
    }

    /** localhost and loopback IP literals; other names are not looked up (DNS could lie). */
    public static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        boolean ipv4Literal = name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean ipv6Literal = name.contains(":");
        if (!ipv4Literal && !ipv6Literal) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** True when {@code url} is on the same scheme, host and port as {@code base}: only there the token goes. */
    static boolean sameOrigin(HttpUrl base, HttpUrl url) {
        return base.scheme().equals(url.scheme()) && base.host().equalsIgnoreCase(url.host())
                && base.port() == url.port();
    }
}
