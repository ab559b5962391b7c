package org.divergence.exchange.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The on-disk HTTP cache of API answers, for conditional requests: an answer with an {@code ETag} (or
 * {@code Last-Modified}) is kept, and the next request for the same URL sends it back as {@code If-None-Match}
 * ({@code If-Modified-Since}); a 304 then costs no rate limit on GitHub and no transfer. Entries are keyed by
 * platform, a one-way fingerprint of the token (GitHub's ETags differ per token) and the URL; request headers are
 * never stored (OkHttp's own cache would write the {@code Authorization} value into its journal, see ADR 0041).
 */
final class ResponseCache {

    /** Headers a revalidated answer still needs: pagination, counts, type. */
    static final List<String> KEPT_HEADERS = List.of("link", "x-total-count", "content-type");

    private static final Logger LOG = Logger.getLogger(ResponseCache.class.getName());
    private static final int PRUNE_EVERY = 200;

    record Entry(String etag, String lastModified, Map<String, String> headers, byte[] body) {
    }

    private final Path folder;
    private final long maxBytes;
    private int storesSincePrune;

    ResponseCache(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
        try {
            OwnerOnlyFiles.createFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the HTTP cache folder " + folder, e);
        }
        prune();
    }

    static String key(String partition, String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((partition + "\n" + url).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached answer, or null when there is none or it cannot be read (the request then goes out plain). */
    Entry lookup(String key) {
        Path meta = folder.resolve(key + ".json");
        Path body = folder.resolve(key + ".body");
        if (!Files.isRegularFile(meta) || !Files.isRegularFile(body)) {
            return null;
        }
        try {
            JsonNode node = ApiJson.MAPPER.readTree(meta.toFile());
            byte[] content = Files.readAllBytes(body);
            if (!sha256(content).equals(node.path("body_sha256").asText())) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            node.path("headers").properties().forEach(field -> headers.put(field.getKey(), field.getValue().asText()));
            Files.setLastModifiedTime(meta, FileTime.fromMillis(System.currentTimeMillis()));
            return new Entry(text(node, "etag"), text(node, "last_modified"), headers, content);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Ignoring an unreadable cache entry " + key, e);
            return null;
        }
    }

    void store(String key, String url, String etag, String lastModified, Map<String, String> headers, byte[] body) {
        try {
            ObjectNode meta = ApiJson.MAPPER.createObjectNode();
            meta.put("url", url);
            meta.put("etag", etag);
            meta.put("last_modified", lastModified);
            meta.put("body_sha256", sha256(body));
            ObjectNode kept = meta.putObject("headers");
            headers.forEach(kept::put);
            OwnerOnlyFiles.write(folder.resolve(key + ".body"), body);
            OwnerOnlyFiles.write(folder.resolve(key + ".json"), ApiJson.MAPPER.writeValueAsBytes(meta));
        } catch (IOException e) {
            // A cache that cannot be written costs requests, never data.
            LOG.log(Level.WARNING, "Could not write the HTTP cache in " + folder + ": " + e.getMessage());
        }
        if (++storesSincePrune >= PRUNE_EVERY) {
            storesSincePrune = 0;
            prune();
        }
    }

    /** Keeps the folder under its size: removes the least recently used entries down to 80 %. */
    void prune() {
        List<Path> metas = new ArrayList<>();
        long total = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                total += Files.size(file);
                if (file.getFileName().toString().endsWith(".json")) {
                    metas.add(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        if (total <= maxBytes) {
            return;
        }
        metas.sort(Comparator.comparing(ResponseCache::modified));
        long target = maxBytes * 8 / 10;
        for (Path meta : metas) {
            if (total <= target) {
                break;
            }
            String name = meta.getFileName().toString();
            Path body = meta.resolveSibling(name.substring(0, name.length() - 5) + ".body");
            total -= sizeOf(meta) + sizeOf(body);
            try {
                Files.deleteIfExists(meta);
                Files.deleteIfExists(body);
            } catch (IOException ignored) {
                // Another process may be using it; the next prune tries again.
            }
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
