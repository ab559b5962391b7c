package org.divergence.store.tags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.core.common.Progress;
import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.RuleParser;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.expressions.RuleSql;
import org.divergence.store.project.Project;

/** A small project for tag tests: repositories with extra fields from CSV (text) and JSON Lines (typed), and codes. */
public final class TagFixture {

    public static final String HEADER = "platform,repo_type,full_name,created_at,contributors,commits,pull_requests,"
            + "merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives,pipeline_tag,score";
    public static final String CSV = HEADER + "\n"
            + "github,code,a/one,2022-12-31T23:59:59Z,3,150,2,1,5,,40,3,,,,,\n"
            + "github,code,a/two,2023-01-01T00:00:00Z,1,20,0,0,0,,2,0,,,,,12\n"
            + "huggingface,model,b/llama,2023-06-01T00:00:00Z,2,80,1,1,,3,,,5000,30,4,text-generation,7.5\n"
            + "huggingface,model,b/bert,,1,5,0,0,,0,,,10,1,0,fill-mask,abc\n"
            + "huggingface,dataset,c/data,2024-02-02T00:00:00Z,,,,,,,,,,2,,,\n"
            + "huggingface,model,x'OR'1'='1--,2024-01-01T00:00:00Z,1,1,,,,,,,,,,text-generation,\n";
    public static final String JSONL = "{\"platform\":\"huggingface\",\"repo_type\":\"model\",\"full_name\":\"d/gguf\","
            + "\"private\":true,\"stars_x\":15,\"tags\":[\"gguf\",\"llama\"]}\n";

    private TagFixture() {
    }

    public static Project create(Path folder) {
        Project project = Project.create(folder.resolve("tags.divergence"));
        importText(project, folder, "sample.csv", CSV);
        importText(project, folder, "typed.jsonl", JSONL);
        return project;
    }

    public static ImportRepositories.Report importText(Project project, Path folder, String name, String text) {
        try {
            Path file = folder.resolve(name);
            Files.writeString(file, text);
            return new ImportRepositories(project).importFiles(List.of(file), ImportOptions.defaults(), Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FactorTag code(Project project, String name) {
        long id = new CodebookStore(project).createCode(null, name, null).run();
        return new RepositoryTags(project).tags().stream().filter(tag -> tag.codeId() == id).findFirst()
                .orElseThrow();
    }

    /** The full names of the repositories the rule matches, evaluated directly. */
    public static Set<String> matches(Project project, String rule) {
        RuleSql sql = RuleSql.compile(RuleParser.parse(rule));
        return project.read(connection -> {
            Set<String> names = new TreeSet<>();
            try (var statement = connection.prepareStatement("SELECT full_name FROM repository WHERE "
                    + sql.condition())) {
                sql.bind(statement, 1);
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            return names;
        });
    }

    /** The full names of the repositories carrying the tag. */
    public static Set<String> tagged(Project project, FactorTag tag) {
        long[] ids = new RepositoryTags(project).taggedIds(tag.codeId());
        return project.read(connection -> {
            Set<String> names = new TreeSet<>();
            for (long id : ids) {
                try (var statement = connection.prepareStatement("SELECT full_name FROM repository WHERE id = ?")) {
                    statement.setLong(1, id);
                    try (var rs = statement.executeQuery()) {
                        rs.next();
                        names.add(rs.getString(1));
                    }
                }
            }
            return names;
        });
    }

    public static long id(Project project, String fullName) {
        return project.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT id FROM repository WHERE full_name = ?")) {
                statement.setString(1, fullName);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
