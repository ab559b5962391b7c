package org.divergence.store.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.TagUsage;
import org.divergence.core.undo.UndoHistory;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.CollectedRepositories;
import org.divergence.store.repositories.ImportBatches;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tagging by hand and by rule on a real project: counts, undo and redo, imports, collection, the codebook. */
class TaggingTest {

    @TempDir
    Path folder;

    private Project project;
    private RepositoryTags tags;
    private final UndoHistory history = new UndoHistory();

    @BeforeEach
    void setUp() {
        project = TagFixture.create(folder);
        tags = new RepositoryTags(project);
    }

    @AfterEach
    void tearDown() {
        project.close();
    }

    private String dump() {
        return TableDump.of(project.file(), "tag_rule", "repository_tag", "tag_rule_pending");
    }

    private long[] ids(String... names) {
        return java.util.Arrays.stream(names).mapToLong(name -> TagFixture.id(project, name)).toArray();
    }

    @Test
    void everyCodeIsATagWithItsNameColourAndGuid() {
        FactorTag compute = TagFixture.code(project, "Compute requirements");
        long child = new CodebookStore(project).createCode(compute.codeId(), "GPU cost", "#123456").run();
        List<FactorTag> all = tags.tags();
        assertEquals(List.of("Compute requirements", "Compute requirements/GPU cost"),
                all.stream().map(FactorTag::path).toList());
        FactorTag gpu = all.get(1);
        assertEquals(child, gpu.codeId());
        assertEquals("#123456", gpu.color());
        assertEquals(new CodebookStore(project).load().get(child).orElseThrow().guid(), gpu.guid());
        assertEquals(gpu, tags.resolve("gpu cost"));
        assertEquals(gpu, tags.resolve(gpu.guid()));
        assertTrue(assertThrows(InvalidInputException.class, () -> tags.resolve("Compute"))
                .getMessage().contains("Unknown tag 'Compute'"));
    }

    @Test
    void taggingByHandCountsOnlyNewTagsAndUndoesExactly() {
        FactorTag compute = TagFixture.code(project, "Compute requirements");
        String before = dump();
        HandTagCommand first = tags.tag(compute, ids("a/one", "b/llama"));
        history.execute(first);
        assertEquals(2, first.changed());
        String afterFirst = dump();
        HandTagCommand second = tags.tag(compute, ids("b/llama", "c/data", "c/data"));
        history.execute(second);
        assertEquals(1, second.changed(), "b/llama already carried it; c/data counts once");
        String afterSecond = dump();
        assertEquals(Set.of("a/one", "b/llama", "c/data"), TagFixture.tagged(project, compute));
        TagUsage usage = tags.usage().getFirst();
        assertEquals(3, usage.repositories());
        assertEquals(3, usage.byHand());

        history.undo();
        assertEquals(afterFirst, dump());
        history.undo();
        assertEquals(before, dump());
        history.redo();
        assertEquals(afterFirst, dump(), "redo brings back the same rows: ids and times");
        history.redo();
        assertEquals(afterSecond, dump());

        HandTagCommand untag = tags.untag(compute, ids("a/one", "a/two"));
        history.execute(untag);
        assertEquals(1, untag.changed(), "a/two carried no tag");
        assertEquals(Set.of("b/llama", "c/data"), TagFixture.tagged(project, compute));
        history.undo();
        assertEquals(afterSecond, dump());
        history.redo();
        assertEquals(Set.of("b/llama", "c/data"), TagFixture.tagged(project, compute));
    }

    @Test
    void theSchemaAllowsEachReasonOnceAndCascades() {
        FactorTag compute = TagFixture.code(project, "Compute requirements");
        long repository = TagFixture.id(project, "a/one");
        String insert = "INSERT INTO repository_tag (repository_id, code_id, source, rule_id, created_at) VALUES (?, ?,"
                + " 'manual', NULL, 't')";
        project.write(Set.of(DataArea.TAGS), connection -> {
            try (var statement = connection.prepareStatement(insert)) {
                statement.setLong(1, repository);
                statement.setLong(2, compute.codeId());
                statement.executeUpdate();
            }
            return null;
        });
        assertThrows(RuntimeException.class, () -> project.write(Set.of(DataArea.TAGS), connection -> {
            try (var statement = connection.prepareStatement(insert)) {
                statement.setLong(1, repository);
                statement.setLong(2, compute.codeId());
                statement.executeUpdate();
            }
            return null;
        }), "a repository carries a code by hand once");
        assertThrows(RuntimeException.class, () -> project.write(Set.of(DataArea.TAGS), connection -> {
            connection.createStatement().executeUpdate("INSERT INTO repository_tag (repository_id, code_id, source,"
                    + " rule_id, created_at) VALUES (" + repository + ", " + compute.codeId() + ", 'rule', NULL, 't')");
            return null;
        }), "a rule's tag names its rule");
    }

    @Test
    void undoRefusesWhenSomethingOutsideTheHistoryChangedTheTags() {
        FactorTag compute = TagFixture.code(project, "Compute requirements");
        history.execute(tags.tag(compute, ids("a/one", "b/llama")));
        project.write(Set.of(DataArea.TAGS), connection -> {
            connection.createStatement().executeUpdate("DELETE FROM repository_tag WHERE repository_id = "
                    + TagFixture.id(project, "a/one"));
            return null;
        });
        String changed = dump();
        assertTrue(assertThrows(InvalidInputException.class, history::undo).getMessage()
                .contains("changed since by something outside the undo history"));
        assertEquals(changed, dump(), "a refused undo changes nothing");
    }

    @Test
    void handTaggingRefusesUnknownRepositoriesAndTooManyAtOnce() {
        FactorTag compute = TagFixture.code(project, "Compute requirements");
        assertThrows(InvalidInputException.class, () -> tags.tag(compute, new long[] {9_999}).execute());
        assertEquals("", TableDump.rows(project.file(), "SELECT * FROM repository_tag").stream()
                .reduce("", String::concat));
        assertThrows(InvalidInputException.class, () -> tags.tag(compute,
                new long[RepositoryTags.HAND_TAG_LIMIT + 1]));
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> tags.findRepositories(
                List.of("github:a/one", "github:no/such", "gitlab:a/b")));
        assertTrue(unknown.getMessage().contains("there is no repository github:no/such"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("'gitlab:a/b' is not a repository; write github:OWNER/NAME or huggingface:TYPE:OWNER/NAME"), unknown.getMessage());
    }

    @Test
    void aRuleTagsWhatItMatchesAndUndoRemovesItsTags() {
        FactorTag compute = TagFixture.code(project, "Compute requirements");
        String before = dump();
        RuleCommand add = TagRules.add(project, compute.codeId(), "platform = huggingface AND repo_type = model"
                + " AND extra.pipeline_tag = 'text-generation'");
        history.execute(add);
        assertEquals(2, add.matches());
        assertEquals(Set.of("b/llama", "x'OR'1'='1--"), TagFixture.tagged(project, compute));
        assertEquals("platform = 'huggingface' AND repo_type = 'model' AND extra.pipeline_tag = 'text-generation'",
                TagRules.list(project).getFirst().expression(), "saved in its normal form");
        String added = dump();

        RuleCommand update = TagRules.update(project, add.ruleId(), "commits > 50");
        history.execute(update);
        assertEquals(Set.of("a/one", "b/llama"), TagFixture.tagged(project, compute));
        assertEquals(2, TagRules.list(project).getFirst().matches());

        history.undo();
        assertEquals(Set.of("b/llama", "x'OR'1'='1--"), TagFixture.tagged(project, compute));
        history.undo();
        assertEquals(before, dump());
        history.redo();
        assertEquals(Set.of("b/llama", "x'OR'1'='1--"), TagFixture.tagged(project, compute));
        assertEquals(TableDump.rows(project.file(), "SELECT * FROM tag_rule"),
                List.of(added.split("\n")[1]), "the rule comes back with its id and time");

        RuleCommand remove = TagRules.remove(project, add.ruleId());
        history.execute(remove);
        assertEquals(Set.of(), TagFixture.tagged(project, compute));
        history.undo();
        assertEquals(Set.of("b/llama", "x'OR'1'='1--"), TagFixture.tagged(project, compute));
    }

    @Test
    void handAndRuleTagsOfOneCodeCountOnceAndUntaggingLeavesTheRulesTags() {
        FactorTag compute = TagFixture.code(project, "Compute requirements");
        history.execute(TagRules.add(project, compute.codeId(), "commits > 50"));
        history.execute(tags.tag(compute, ids("a/one", "c/data")));
        TagUsage usage = tags.usage().getFirst();
        assertEquals(3, usage.repositories());
        assertEquals(2, usage.byHand());
        assertEquals(2, usage.byRule());
        assertEquals(1, usage.rules());
        assertEquals(3, tags.taggedIds(compute.codeId()).length);
        history.execute(tags.untag(compute, ids("a/one")));
        assertEquals(Set.of("a/one", "b/llama", "c/data"), TagFixture.tagged(project, compute),
                "a/one still carries the tag by its rule");
        List<RepositoryTags.Assignment> reasons = tags.assignments(TagFixture.id(project, "a/one"));
        assertEquals(1, reasons.size());
        assertEquals("commits > 50", reasons.getFirst().ruleExpression());
    }

    @Test
    void importsReapplyRulesToWhatTheyAddOrUpdateAndLeaveTheRestAlone() {
        FactorTag compute = TagFixture.code(project, "Compute requirements");
        history.execute(TagRules.add(project, compute.codeId(), "commits > 50"));
        assertEquals(Set.of("a/one", "b/llama"), TagFixture.tagged(project, compute));
        // Make a/two's tag row stale on purpose: an import that does not touch a/two must not re-check it.
        history.execute(tags.tag(compute, ids("a/two")));
        String update = TagFixture.HEADER + "\n"
                + "github,code,a/one,2022-12-31T23:59:59Z,3,10,2,1,5,,40,3,,,,,\n"
                + "github,code,a/new,2025-01-01T00:00:00Z,9,900,0,0,0,,1,0,,,,,\n"
                + "github,code,a/small,2025-01-01T00:00:00Z,1,2,0,0,0,,1,0,,,,,\n";
        TagFixture.importText(project, folder, "update.csv", update);
        assertEquals(Set.of("a/new", "a/two", "b/llama"), TagFixture.tagged(project, compute),
                "a/one now has 10 commits: its rule tag went; a/new has 900: tagged; a/small is not");

        TagFixture.importText(project, folder, "later.csv", TagFixture.HEADER + "\n"
                + "github,code,a/late,2025-01-01T00:00:00Z,9,901,0,0,0,,1,0,,,,,\n");
        assertEquals(Set.of("a/late", "a/new", "a/two", "b/llama"), TagFixture.tagged(project, compute),
                "every import applies the rules: a/late has 901 commits");
        long[] changed = TagRules.reapplyAll(project);
        assertEquals(0, changed[0], "nothing was left for a full re-application to add");
        assertEquals(Set.of("a/late", "a/new", "a/two", "b/llama"), TagFixture.tagged(project, compute));
    }

    @Test
    void liveCollectionAppliesTheRulesToEachRepositoryItStores() {
        FactorTag compute = TagFixture.code(project, "Compute requirements");
        history.execute(TagRules.add(project, compute.codeId(), "repo_type = space"));
        project.write(Set.of(DataArea.REPOSITORIES), connection -> {
            long batch = CollectedRepositories.beginBatch(connection, "Hugging Face API: test", "huggingface-api");
            RepositoryRow row = new RepositoryRow(Platform.HUGGINGFACE, RepoType.SPACE, "e/space");
            CollectedRepositories.store(connection, batch, row);
            TagRules.applyToRepository(connection, org.divergence.core.repositories.RepositoryRef.of(row));
            return null;
        });
        assertEquals(Set.of("e/space"), TagFixture.tagged(project, compute));
    }

    @Test
    void removingAnImportBatchRemovesTheTagsOfTheRepositoriesItAdded() {
        FactorTag compute = TagFixture.code(project, "Compute requirements");
        var report = TagFixture.importText(project, folder, "more.csv", TagFixture.HEADER + "\n"
                + "github,code,f/extra,2025-01-01T00:00:00Z,9,900,0,0,0,,1,0,,,,,\n");
        history.execute(tags.tag(compute, ids("f/extra", "a/one")));
        ImportBatches.remove(project, report.files().getFirst().batchId());
        assertEquals(Set.of("a/one"), TagFixture.tagged(project, compute));
    }

    @Test
    void deletingACodeRemovesItsTagsAndUndoBringsThemBackExactly() {
        FactorTag compute = TagFixture.code(project, "Compute requirements");
        FactorTag other = TagFixture.code(project, "Governance");
        history.execute(tags.tag(compute, ids("a/one", "c/data")));
        history.execute(tags.tag(other, ids("a/one")));
        history.execute(TagRules.add(project, compute.codeId(), "commits > 50"));
        String before = dump();

        history.execute(new CodebookStore(project).deleteCode(compute.codeId()));
        assertEquals(List.of("1|Governance"), TableDump.rows(project.file(),
                "SELECT count(*), (SELECT name FROM code) FROM repository_tag"));
        assertEquals(List.of(), TableDump.rows(project.file(), "SELECT * FROM tag_rule"));

        history.undo();
        assertEquals(1, TableDump.rows(project.file(), "SELECT * FROM tag_rule_pending").size(),
                "the rule is back, waiting to be applied");
        // Readers see the pending rule's tags already, without writing anything.
        assertEquals(Set.of("a/one", "b/llama", "c/data"), TagFixture.tagged(project, compute));
        TagUsage pendingUsage = tags.usage().getFirst();
        assertEquals(List.of(3L, 2L, 2L), List.of(pendingUsage.repositories(), pendingUsage.byHand(),
                pendingUsage.byRule()));
        assertEquals(2, TagRules.list(project).getFirst().matches());
        assertEquals(1, TableDump.rows(project.file(), "SELECT * FROM tag_rule_pending").size(), "reading wrote");
        assertTrue(TagRules.applyPendingIfAny(project));
        assertEquals(normalizedTimes(before), normalizedTimes(dump()), "rules, hand tags and rule tags are back");
        assertEquals(Set.of("a/one", "b/llama", "c/data"), TagFixture.tagged(project, compute));

        history.redo();
        assertEquals(Set.of(), TableDump.rows(project.file(), "SELECT * FROM repository_tag WHERE code_id = "
                + compute.codeId()).stream().collect(java.util.stream.Collectors.toSet()));
        history.undo();
        assertEquals(Set.of("a/one", "b/llama", "c/data"), TagFixture.tagged(project, compute),
                "reading tags evaluates pending rules");
    }

    @Test
    void mergingCodesMovesTagsAndRulesAndUndoMovesThemBack() {
        FactorTag compute = TagFixture.code(project, "Compute");
        FactorTag gpus = TagFixture.code(project, "GPUs");
        history.execute(tags.tag(compute, ids("a/one", "c/data")));
        history.execute(tags.tag(gpus, ids("a/one")));
        history.execute(TagRules.add(project, gpus.codeId(), "repo_type = space OR likes >= 30"));
        String before = dump();

        history.execute(new CodebookStore(project).mergeCode(gpus.codeId(), compute.codeId()));
        assertEquals(Set.of("a/one", "b/llama", "c/data"), TagFixture.tagged(project, compute));
        assertEquals(compute.codeId(), TagRules.list(project).getFirst().codeId());
        assertEquals(List.of("0"), TableDump.rows(project.file(), "SELECT count(*) FROM repository_tag WHERE"
                + " code_id <> " + compute.codeId()));

        history.undo();
        assertEquals(before, dump());
        history.redo();
        assertEquals(Set.of("a/one", "b/llama", "c/data"), TagFixture.tagged(project, compute));
        assertNotEquals(before, dump());
    }

    /** Rule tags are derived again with the time of their application: compare all but their times. */
    private static String normalizedTimes(String dump) {
        return dump.replaceAll("\\|rule\\|(\\d+)\\|[^|\\n]+", "|rule|$1|T");
    }
}
