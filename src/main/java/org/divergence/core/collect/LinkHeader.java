package org.divergence.core.collect;

import java.util.Optional;

/**
 * Reads the {@code Link} header both APIs paginate with (RFC 8288): {@code <https://…&page=2>; rel="next", <…>;
 * rel="last"}. The next page's URL is taken as the server wrote it, never built by us.
 */
public final class LinkHeader {

    private LinkHeader() {
    }

    /** The target of {@code rel="next"}, if the header has one. */
    public static Optional<String> next(String header) {
        return target(header, "next");
    }

    public static Optional<String> target(String header, String relation) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        int position = 0;
        while (position < header.length()) {
            int open = header.indexOf('<', position);
            if (open < 0) {
                return Optional.empty();
            }
            int close = header.indexOf('>', open);
            if (close < 0) {
                return Optional.empty();
            }
            String url = header.substring(open + 1, close).strip();
            int end = nextLinkStart(header, close + 1);
            String parameters = header.substring(close + 1, end);
            if (hasRelation(parameters, relation)) {
                return Optional.of(url);
            }
            position = end;
        }
        return Optional.empty();
    }

    /** Where the next link value starts: after the comma that is outside quotes. */
    private static int nextLinkStart(String header, int from) {
        boolean quoted = false;
        for (int i = from; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i + 1;
            }
        }
        return header.length();
    }

    private static boolean hasRelation(String parameters, String relation) {
        for (String parameter : parameters.split(";")) {
            String trimmed = parameter.strip();
            int equals = trimmed.indexOf('=');
            if (equals < 0 || !trimmed.substring(0, equals).strip().equalsIgnoreCase("rel")) {
                continue;
            }
            String value = trimmed.substring(equals + 1).strip().replace("\"", "").replace(",", "");
            for (String name : value.split("\\s+")) {
                if (name.equalsIgnoreCase(relation)) {
                    return true;
                }
            }
        }
        return false;
    }
}
