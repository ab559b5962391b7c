package org.divergence.exchange.collect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.divergence.core.common.InvalidInputException;

/**
 * An API token. Its {@link #toString()} never shows it, so it cannot reach a log line, an exception message or a
 * crash report by accident; only the HTTP layer reads its value, to send it in the {@code Authorization} header.
 */
public final class ApiToken {

    private final String value;

    private ApiToken(String value) {
        this.value = value;
    }

    /**
     * The token, or empty for a blank text. {@code origin} names where it came from (e.g. "GITHUB_TOKEN") in the
     * message when it cannot be a token; that message never includes the text itself.
     */
    public static Optional<ApiToken> of(String text, String origin) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                throw new InvalidInputException("the token from " + origin + " contains a space, a line break or a"
                        + " non-ASCII character at position " + (i + 1) + "; copy it again");
            }
        }
        if (trimmed.length() > 4096) {
            throw new InvalidInputException("the token from " + origin + " is too long to be a token");
        }
        return Optional.of(new ApiToken(trimmed));
    }

    /** Package-private: only the HTTP layer and the token store see the value. */
    String value() {
        return value;
    }

    /**
     * A short one-way digest: partitions the HTTP cache by token (GitHub's ETags differ per token) without writing
     * the token anywhere.
     */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ApiToken[hidden]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiToken token && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), token.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.length();
    }
}
