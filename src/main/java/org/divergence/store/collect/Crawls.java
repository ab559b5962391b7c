package org.divergence.store.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.collect.CrawlState;
import org.divergence.core.collect.CrawlSummary;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.repositories.CollectedRepositories;

/** The crawls of a project (tables {@code crawl} and {@code crawl_item}): their plan, progress and outcome. */
public final class Crawls {

    /** The batch format live collection records. */
    public static final String BATCH_FORMAT = "live-api";

    /** A planned repository still to collect; {@code listingJson} is what its listing said (JSON), or null. */
    public record Item(int position, String name, String listingJson) {
    }

    /** A repository to add to a crawl's plan. */
    public record NewItem(String name, String listingJson) {
    }

    /** The crawl's request as stored: our own JSON, read back without limits beyond Jackson's defaults. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One planned repository as {@code collect status} lists it. */
    public record ItemView(int position, String name, String state, String storedName, String message) {
    }

    private static final String SUMMARY = "SELECT c.id, c.platform, c.repo_type, c.api_url, c.request, c.state,"
            + " (SELECT count(*) FROM crawl_item i WHERE i.crawl_id = c.id),"
            + " (SELECT count(*) FROM crawl_item i WHERE i.crawl_id = c.id AND i.state = 'done'),"
            + " (SELECT count(*) FROM crawl_item i WHERE i.crawl_id = c.id AND i.state = 'failed'),"
            + " c.requests, c.created_at, c.updated_at, c.batch_id, c.last_error FROM crawl c";

    private Crawls() {
    }

    /** Records a new crawl and the batch it stores into; named repositories are planned at once. */
    public static long create(Connection connection, CrawlRequest request, Instant now) throws SQLException {
        long batchId = CollectedRepositories.beginBatch(connection, batchSource(request), BATCH_FORMAT);
        long crawlId;
        try (PreparedStatement insert = Sql.prepare(connection,
                SqlText.of("INSERT INTO crawl (platform, repo_type, api_url, request, description, state, batch_id,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
            insert.setString(1, request.platform().code());
            insert.setString(2, request.type().code());
            insert.setString(3, request.apiUrl());
            insert.setString(4, toJson(request));
            insert.setString(5, request.describe());
            insert.setString(6, CrawlState.PLANNING.code());
            insert.setLong(7, batchId);
            insert.setString(8, now.toString());
            insert.setString(9, now.toString());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                crawlId = keys.getLong(1);
            }
        }
        if (!request.isListing()) {
            addItems(connection, crawlId, request.repositories().stream().map(name -> new NewItem(name, null))
                    .toList(), now);
        }
        return crawlId;
    }

    private static String batchSource(CrawlRequest request) {
        return request.platform().displayName() + " API (" + request.apiUrl() + "): " + request.describe();
    }

    /** Stores the plan and moves the crawl from planning to running. */
    public static void addItems(Connection connection, long crawlId, List<NewItem> items, Instant now)
            throws SQLException {
        try (PreparedStatement insert = Sql.prepare(connection,
                SqlText.of("INSERT INTO crawl_item (crawl_id, position, name, listing) VALUES (?, ?, ?, ?) ON CONFLICT"
                        + " (crawl_id, name) DO NOTHING"))) {
            int position = 0;
            for (NewItem item : items) {
                insert.setLong(1, crawlId);
                insert.setInt(2, position++);
                insert.setString(3, item.name());
                insert.setString(4, item.listingJson());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        setState(connection, crawlId, CrawlState.RUNNING, now);
    }

    /** Adds repositories to a running crawl's plan after the ones it has (a reserve replacing a non-respondent). */
    public static void appendItems(Connection connection, long crawlId, List<String> names, Instant now)
            throws SQLException {
        setState(connection, crawlId, CrawlState.RUNNING, now);
        for (String name : names) {
            Sql.update(connection, SqlText.of("INSERT INTO crawl_item (crawl_id, position, name) SELECT ?1,"
                    + " coalesce(max(position), -1) + 1, ?2 FROM crawl_item WHERE crawl_id = ?1 ON CONFLICT (crawl_id,"
                    + " name) DO NOTHING"), crawlId, name);
        }
    }

    /**
     * Records that the crawl collects an id list ({@code collect --ids-file}): its repositories are the units the
     * list names, so one that answers under a new name is not followed. Kept in project_meta under
     * {@code crawl_ids_file:<crawl id>}, so a resume knows it too.
     */
    public static void markIdList(Connection connection, long crawlId, String fileName) throws SQLException {
        Sql.update(connection, SqlText.of("INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO"
                + " UPDATE SET value = excluded.value"), "crawl_ids_file:" + crawlId, fileName);
    }

    public static boolean fromIdList(Connection connection, long crawlId) throws SQLException {
        return Sql.count(connection, SqlText.of("SELECT count(*) FROM project_meta WHERE key = ?"),
                "crawl_ids_file:" + crawlId) > 0;
    }

    /**
     * Records that the crawl collects a drawn id list (one line naming the list and its draw), for the report's
     * provenance. Kept in project_meta under {@code crawl_draw:<crawl id>}.
     */
    public static void attachDraw(Connection connection, long crawlId, String summary) throws SQLException {
        Sql.update(connection, SqlText.of("INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO"
                + " UPDATE SET value = excluded.value"), "crawl_draw:" + crawlId, summary);
    }

    /** The drawn lists of the project's crawls (see {@link #attachDraw}), oldest crawl first, without repeats. */
    public static List<String> drawSummaries(Connection connection) throws SQLException {
        return Sql.list(connection, SqlText.of("SELECT m.value FROM project_meta m JOIN crawl c ON m.key ="
                + " 'crawl_draw:' || c.id GROUP BY m.value ORDER BY min(c.id)"), rs -> rs.getString(1));
    }

    public static List<Item> pending(Connection connection, long crawlId, boolean includeFailed) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (PreparedStatement select = Sql.prepare(connection,
                SqlText.of("SELECT position, name, listing FROM crawl_item WHERE crawl_id = ? AND (state = 'pending' OR"
                        + " (? AND state = 'failed')) ORDER BY position"))) {
            select.setLong(1, crawlId);
            select.setBoolean(2, includeFailed);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String listing = rs.getString(3);
                    items.add(new Item(rs.getInt(1), rs.getString(2), listing));
                }
            }
        }
        return items;
    }

    public static void markDone(Connection connection, long crawlId, int position, String storedName, boolean added,
                         Instant now) throws SQLException {
        try (PreparedStatement update = Sql.prepare(connection,
                SqlText.of("UPDATE crawl_item SET state = 'done', outcome = ?, stored_name = ?, message = NULL,"
                        + " finished_at = ? WHERE crawl_id = ? AND position = ?"))) {
            update.setString(1, added ? "added" : "updated");
            update.setString(2, storedName);
            update.setString(3, now.toString());
            update.setLong(4, crawlId);
            update.setInt(5, position);
            update.executeUpdate();
        }
    }

    public static void markFailed(Connection connection, long crawlId, int position, String message, Instant now)
            throws SQLException {
        try (PreparedStatement update = Sql.prepare(connection,
                SqlText.of("UPDATE crawl_item SET state = 'failed', message = ?, finished_at = ? WHERE crawl_id = ? AND"
                        + " position = ?"))) {
            update.setString(1, message);
            update.setString(2, now.toString());
            update.setLong(3, crawlId);
            update.setInt(4, position);
            update.executeUpdate();
        }
    }

    /** The crawl's batch, created anew when the user removed it meanwhile. */
    public static long batch(Connection connection, long crawlId) throws SQLException {
        try (PreparedStatement select = Sql.prepare(connection,
                SqlText.of("SELECT batch_id, request, api_url FROM crawl WHERE id = ?"))) {
            select.setLong(1, crawlId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidInputException("there is no crawl " + crawlId);
                }
                long batchId = rs.getLong(1);
                if (!rs.wasNull()) {
                    return batchId;
                }
            }
        }
        CrawlRequest request = read(connection, crawlId).request();
        long batchId = CollectedRepositories.beginBatch(connection, batchSource(request), BATCH_FORMAT);
        try (PreparedStatement update = Sql.prepare(connection,
                SqlText.of("UPDATE crawl SET batch_id = ? WHERE id = ?"))) {
            update.setLong(1, batchId);
            update.setLong(2, crawlId);
            update.executeUpdate();
        }
        return batchId;
    }

    /** The batch's counts, summed from the crawl's items (read = collected, skipped = failed). */
    public static void updateBatchCounts(Connection connection, long crawlId, long batchId) throws SQLException {
        try (PreparedStatement select = Sql.prepare(connection,
                SqlText.of("SELECT count(*) FILTER (WHERE state = 'done'),"
                        + " count(*) FILTER (WHERE outcome = 'added'), count(*) FILTER (WHERE outcome = 'updated'),"
                        + " count(*) FILTER (WHERE state = 'failed') FROM crawl_item WHERE crawl_id = ?"))) {
            select.setLong(1, crawlId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                CollectedRepositories.updateCounts(connection, batchId, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4));
            }
        }
    }

    public static void progress(Connection connection, long crawlId, long requests, String lastError, Instant now)
            throws SQLException {
        try (PreparedStatement update = Sql.prepare(connection,
                SqlText.of("UPDATE crawl SET requests = ?, last_error = ?, updated_at = ? WHERE id = ?"))) {
            update.setLong(1, requests);
            update.setString(2, lastError);
            update.setString(3, now.toString());
            update.setLong(4, crawlId);
            update.executeUpdate();
        }
    }

    public static void setState(Connection connection, long crawlId, CrawlState state, Instant now) throws SQLException {
        try (PreparedStatement update = Sql.prepare(connection,
                SqlText.of("UPDATE crawl SET state = ?, updated_at = ?, finished_at = ? WHERE id = ?"))) {
            update.setString(1, state.code());
            update.setString(2, now.toString());
            update.setString(3, state == CrawlState.FINISHED ? now.toString() : null);
            update.setLong(4, crawlId);
            update.executeUpdate();
        }
    }

    static CrawlSummary read(Connection connection, long crawlId) throws SQLException {
        try (PreparedStatement select = Sql.prepare(connection, SqlText.of(SUMMARY + " WHERE c.id = ?"))) {
            select.setLong(1, crawlId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidInputException("there is no crawl " + crawlId + " in this project");
                }
                return summary(rs);
            }
        }
    }

    /** Every crawl, newest first. */
    public static List<CrawlSummary> list(Project project) {
        return project.read(connection -> {
            List<CrawlSummary> crawls = new ArrayList<>();
            try (PreparedStatement statement = Sql.prepare(connection, SqlText.of(SUMMARY + " ORDER BY c.id DESC"));
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    crawls.add(summary(rs));
                }
            }
            return crawls;
        });
    }

    public static CrawlSummary find(Project project, long crawlId) {
        return project.read(connection -> read(connection, crawlId));
    }

    /** The newest crawl that has not finished, optionally of one platform. */
    public static Optional<CrawlSummary> latestUnfinished(Project project, Platform platform) {
        return list(project).stream().filter(CrawlSummary::resumable)
                .filter(crawl -> platform == null || crawl.request().platform() == platform).findFirst();
    }

    public static List<ItemView> items(Project project, long crawlId) {
        return project.read(connection -> {
            List<ItemView> items = new ArrayList<>();
            try (PreparedStatement select = Sql.prepare(connection,
                    SqlText.of("SELECT position, name, state, stored_name, message FROM crawl_item WHERE crawl_id = ?"
                            + " ORDER BY position"))) {
                select.setLong(1, crawlId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        items.add(new ItemView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return items;
        });
    }

    private static CrawlSummary summary(ResultSet rs) throws SQLException {
        long batch = rs.getLong(13);
        Long batchId = rs.wasNull() ? null : batch;
        CrawlRequest request = fromJson(rs.getString(5), rs.getString(2), rs.getString(3), rs.getString(4));
        return new CrawlSummary(rs.getLong(1), request, CrawlState.ofCode(rs.getString(6)).orElseThrow(),
                rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getLong(10), rs.getString(11), rs.getString(12),
                batchId, rs.getString(14));
    }

    static String toJson(CrawlRequest request) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode names = node.putArray("repositories");
        request.repositories().forEach(names::add);
        node.put("query", request.query());
        node.put("author", request.author());
        node.put("sort", request.sort());
        node.put("limit", request.limit());
        return node.toString();
    }

    private static CrawlRequest fromJson(String json, String platformCode, String typeCode, String apiUrl) {
        JsonNode node = parse(json);
        List<String> names = new ArrayList<>();
        node.path("repositories").forEach(name -> names.add(name.asText()));
        Platform platform = Platform.ofCode(platformCode).orElseThrow();
        RepoType type = RepoType.ofCode(typeCode).orElseThrow();
        return new CrawlRequest(platform, type, names, text(node, "query"), text(node, "author"), text(node, "sort"),
                node.path("limit").asInt(0), apiUrl);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the project's crawl record is damaged (" + e.getOriginalMessage() + ")",
                    e);
        }
    }
}
