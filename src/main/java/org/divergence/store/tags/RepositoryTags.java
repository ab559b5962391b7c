package org.divergence.store.tags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.FactorTags;
import org.divergence.core.tags.TagRule;
import org.divergence.core.tags.TagUsage;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.repositories.RepositoryRefs;

/**
 * The tags of a project's repositories: which codes can be tags (all of the codebook), how much each is used,
 * which repositories carry a tag, and the undoable commands that tag by hand.
 */
public final class RepositoryTags {

    /** Beyond this many repositories at once, a rule is the better tool (and the undo history stays small). */
    public static final int HAND_TAG_LIMIT = 200_000;

    /** One reason a repository carries a tag: by hand, or by a rule. */
    public record Assignment(FactorTag tag, boolean byHand, long ruleId, String ruleExpression, String createdAt) {
    }

    private final Project project;

    public RepositoryTags(Project project) {
        this.project = project;
    }

    /** Every code of the codebook as a possible tag, in tree order. */
    public List<FactorTag> tags() {
        return project.read(RepositoryTags::tags);
    }

    static List<FactorTag> tags(Connection connection) throws SQLException {
        Codebook codebook = CodebookStore.load(connection);
        List<FactorTag> tags = new ArrayList<>();
        for (Code code : codebook.inTreeOrder()) {
            tags.add(FactorTag.of(code, codebook));
        }
        return tags;
    }

    /** The tag a user names (name, "Parent/Child" path or GUID); unknown or ambiguous names are invalid input. */
    public FactorTag resolve(String name) {
        return FactorTags.resolve(tags(), name);
    }

    /** Every code with how many repositories carry it, by hand and by rule, in tree order. */
    public List<TagUsage> usage() {
        return project.read(connection -> {
            Map<Long, long[]> counts = new HashMap<>();
            try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT code_id,"
                    + " count(DISTINCT repository_id), count(DISTINCT CASE WHEN source = 'manual' THEN repository_id"
                    + " END), count(DISTINCT CASE WHEN source = 'rule' THEN repository_id END) FROM repository_tag"
                    + " GROUP BY code_id"));
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
            Map<Long, Integer> rules = new HashMap<>();
            try (PreparedStatement statement = Sql.prepare(connection,
                    SqlText.of("SELECT code_id, count(*) FROM tag_rule GROUP BY code_id"));
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rules.put(rs.getLong(1), rs.getInt(2));
                }
            }
            for (TagRule rule : TagRules.pending(connection)) {
                counts.put(rule.codeId(), countsWithPending(connection, rule.codeId()));
            }
            List<TagUsage> usage = new ArrayList<>();
            for (FactorTag tag : tags(connection)) {
                long[] count = counts.getOrDefault(tag.codeId(), new long[3]);
                usage.add(new TagUsage(tag, count[0], count[1], count[2], rules.getOrDefault(tag.codeId(), 0)));
            }
            return usage;
        });
    }

    /** The ids of the repositories carrying the code (by hand or by rule), ascending. */
    public long[] taggedIds(long codeId) {
        return project.read(connection -> {
            long[] ids = storedIds(connection, codeId, null);
            for (TagRule rule : TagRules.pending(connection)) {
                if (rule.codeId() == codeId) {
                    ids = LongStream.concat(Arrays.stream(ids), Arrays.stream(TagRules.matchingIds(connection, rule)))
                            .distinct().sorted().toArray();
                }
            }
            return ids;
        });
    }

    /** Stored tag rows of the code, all or of one source, as distinct repository ids, ascending. */
    private static long[] storedIds(Connection connection, long codeId, String source) throws SQLException {
        long[] ids = new long[1024];
        int count = 0;
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT DISTINCT repository_id FROM repository_tag WHERE code_id = ? AND (? IS NULL OR"
                        + " source = ?) ORDER BY repository_id"))) {
            statement.setLong(1, codeId);
            statement.setString(2, source);
            statement.setString(3, source);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, count * 2);
                    }
                    ids[count++] = rs.getLong(1);
                }
            }
        }
        return Arrays.copyOf(ids, count);
    }

    /** {all, by hand, by rule} for a code one of whose rules is pending (rare: right after an undo). */
    private static long[] countsWithPending(Connection connection, long codeId) throws SQLException {
        long[] byHand = storedIds(connection, codeId, "manual");
        LongStream byRule = Arrays.stream(storedIds(connection, codeId, "rule"));
        for (TagRule rule : TagRules.pending(connection)) {
            if (rule.codeId() == codeId) {
                byRule = LongStream.concat(byRule, Arrays.stream(TagRules.matchingIds(connection, rule)));
            }
        }
        long[] rules = byRule.distinct().toArray();
        long all = LongStream.concat(Arrays.stream(byHand), Arrays.stream(rules)).distinct().count();
        return new long[] {all, byHand.length, rules.length};
    }

    /** For each of the repositories, the codes it carries (each once, in code order); untagged ones are absent. */
    public Map<Long, List<Long>> codesOf(long[] repositoryIds) {
        if (repositoryIds.length == 0) {
            return Map.of();
        }
        return project.read(connection -> {
            Map<Long, List<Long>> codes = new LinkedHashMap<>();
            try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT DISTINCT repository_id,"
                    + " code_id FROM repository_tag WHERE repository_id IN (").append(
                    SqlText.placeholders(repositoryIds.length), SqlText.of(") ORDER BY repository_id, code_id")))) {
                for (int i = 0; i < repositoryIds.length; i++) {
                    statement.setLong(i + 1, repositoryIds[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        codes.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            return codes;
        });
    }

    /** Why a repository carries each of its tags (by hand, by which rule), for its details. */
    public List<Assignment> assignments(long repositoryId) {
        return project.read(connection -> {
            Map<Long, FactorTag> byId = new HashMap<>();
            for (FactorTag tag : tags(connection)) {
                byId.put(tag.codeId(), tag);
            }
            List<Assignment> assignments = new ArrayList<>();
            try (PreparedStatement statement = Sql.prepare(connection,
                    SqlText.of("SELECT t.code_id, t.source, t.rule_id, r.expression, t.created_at FROM repository_tag t"
                            + " LEFT JOIN tag_rule r ON r.id = t.rule_id WHERE t.repository_id = ? ORDER BY t.code_id,"
                            + " t.source, t.rule_id"))) {
                statement.setLong(1, repositoryId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        FactorTag tag = byId.get(rs.getLong(1));
                        if (tag != null) {
                            assignments.add(new Assignment(tag, rs.getString(2).equals("manual"), rs.getLong(3),
                                    rs.getString(4), rs.getString(5)));
                        }
                    }
                }
            }
            return assignments;
        });
    }

    /**
     * The ids of repositories named in text ({@code github:OWNER/NAME}, {@code huggingface:TYPE:OWNER/NAME}, or
     * {@code huggingface:OWNER/NAME} where the project holds that id as one type only); every name that is
     * malformed, ambiguous or not in the project is reported together.
     */
    public long[] findRepositories(List<String> references) {
        return project.read(connection -> {
            long[] ids = new long[references.size()];
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < references.size(); i++) {
                try {
                    RepositoryRef ref = RepositoryRef.parse(references.get(i));
                    Optional<RepositoryRefs.Found> found = RepositoryRefs.find(connection, ref);
                    if (found.isPresent()) {
                        ids[i] = found.get().id();
                    } else {
                        problems.add("there is no repository " + ref + " in the project");
                    }
                } catch (InvalidInputException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(String.join("; ", problems));
            }
            return ids;
        });
    }

    /** Tags the repositories with the code by hand (undoable); repositories that already carry it stay as they are. */
    public HandTagCommand tag(FactorTag tag, long[] repositoryIds) {
        requireWithinLimit(repositoryIds);
        return new HandTagCommand(project, true, tag.codeId(), repositoryIds, "tag " + count(repositoryIds)
                + " \u201C" + tag.name() + "\u201D");
    }

    /** Takes the code's hand-given tag off the repositories (undoable); tags given by rules stay. */
    public HandTagCommand untag(FactorTag tag, long[] repositoryIds) {
        requireWithinLimit(repositoryIds);
        return new HandTagCommand(project, false, tag.codeId(), repositoryIds, "remove tag \u201C" + tag.name()
                + "\u201D from " + count(repositoryIds));
    }

    private static String count(long[] ids) {
        return ids.length == 1 ? "1 repository" : String.format("%,d repositories", ids.length);
    }

    private static void requireWithinLimit(long[] repositoryIds) {
        if (repositoryIds.length == 0) {
            throw new InvalidInputException("No repositories chosen to tag.");
        }
        if (repositoryIds.length > HAND_TAG_LIMIT) {
            throw new InvalidInputException(String.format("%,d repositories is more than can be tagged by hand at"
                    + " once (%,d); save a rule instead, e.g. platform = huggingface AND repo_type = model",
                    repositoryIds.length, HAND_TAG_LIMIT));
        }
    }
}
