package org.divergence.exchange.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.divergence.core.common.InvalidInputException;

/**
 * Keeps every API answer of a crawl for audit: each body as a numbered file, and one line per answer in
 * {@code responses.jsonl} (URL, status, whether the cache answered, time, and the headers that explain the data:
 * pagination, counts, rate limits). Request headers, and so the token, are never written.
 */
public final class RawResponseArchive {

    public static final String INDEX = "responses.jsonl";
    private static final List<String> RECORDED_HEADERS = List.of("content-type", "etag", "last-modified", "link",
            "x-total-count", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-used", "x-ratelimit-reset",
            "x-ratelimit-resource", "ratelimit", "ratelimit-policy", "retry-after", "date");

    private final Path folder;
    private long sequence;

    RawResponseArchive(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            Path index = folder.resolve(INDEX);
            if (Files.exists(index)) {
                try (Stream<String> lines = Files.lines(index, StandardCharsets.UTF_8)) {
                    sequence = lines.count();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(folder + ": cannot keep raw responses there (" + e.getMessage() + ")", e);
        }
    }

    Path folder() {
        return folder;
    }

    void record(HttpUrl url, int status, boolean fromCache, Headers headers, byte[] body, Instant at) {
        sequence++;
        String file = String.format(Locale.ROOT, "%06d-%s.json", sequence, slug(url));
        ObjectNode line = ApiJson.MAPPER.createObjectNode();
        line.put("seq", sequence);
        line.put("url", url.toString());
        line.put("status", status);
        line.put("from_cache", fromCache);
        line.put("received_at", at.toString());
        line.put("file", body.length == 0 ? null : file);
        ObjectNode kept = line.putObject("headers");
        for (String name : RECORDED_HEADERS) {
            String value = headers.get(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        try {
            if (body.length > 0) {
                Files.write(folder.resolve(file), body);
            }
            Files.writeString(folder.resolve(INDEX), ApiJson.MAPPER.writeValueAsString(line) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new InvalidInputException(folder + ": cannot write the raw response (" + e.getMessage() + ")", e);
        }
    }

    private static String slug(HttpUrl url) {
        String text = String.join("_", url.pathSegments()) + (url.query() == null ? "" : "_" + url.query());
        String clean = text.replaceAll("[^A-Za-z0-9._-]+", "_");
        return clean.length() > 80 ? clean.substring(0, 80) : clean;
    }
}
