package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input battery of the repository importers (CSV, JSON Lines, platform API JSON): every malformed input is
 * answered with exit code 3 and a message naming the file and the place, and the project is left unchanged. Inputs
 * beyond the readers' memory limits are {@link MemoryBudgetTest}'s.
 */
class RepositoryImportBadInputTest {

    static final String HEADER = "platform,repo_type,full_name,created_at,contributors,commits,pull_requests,"
            + "merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives";
    static final String ROW = "github,code,o/r,,1,1,,,,,,,,,";
    static final String JSON_ROW = "{\"platform\":\"github\",\"repo_type\":\"code\",\"full_name\":\"o/r\"}";

    @TempDir
    static Path folder;
    static Path project;
    static String unchanged;

    @BeforeAll
    static void createProject() throws Exception {
        project = seeded(folder.resolve("battery.divergence"));
        unchanged = TableDump.of(project, "repository", "import_batch", "repository_history");
    }

    /** A project holding one repository, which a refused import must leave alone. */
    static Path seeded(Path project) throws Exception {
        Path seed = project.resolveSibling("seed.csv");
        Files.writeString(seed, HEADER + "\ngithub,code,keep/me,,1,1,,,,,,,,,\n");
        assertEquals(ExitCodes.OK, CliRun.of("import", "--project", project.toString(), seed.toString()).exitCode());
        return project;
    }

    static Stream<Arguments> malformedInputs() {
        String deep = "[".repeat(200) + "]".repeat(200);
        return Stream.of(
                // CSV
                bytes("truncated quoted field", "cut.csv", HEADER + "\n" + ROW + "\ngithub,code,\"o/", "cut.csv:3:"),
                bytes("Latin-1 text", "latin1.csv", HEADER + "\ngithub,code,o/caf\u00e9,,1,1,,,,,,,,,\n",
                        StandardCharsets.ISO_8859_1, "latin1.csv:2: character 18: invalid UTF-8 (byte 0xE9"),
                bytes("UTF-16 text", "utf16.csv", HEADER + "\n" + ROW + "\n", StandardCharsets.UTF_16,
                        "utf16.csv:1: is UTF-16 text; save the file as UTF-8"),
                withBytes("FF FE inside a field of line 6", "ff-fe.csv", HEADER + "\n" + (ROW + "\n").repeat(4)
                        + "github,code,o/r\u00ff\u00fe,,1,1,,,,,,,,,\n",
                        "ff-fe.csv:6: character 16: invalid UTF-8 (byte 0xFF"),
                bytes("NUL byte", "nul.csv", HEADER + "\ngithub,code,o/r\0,,1,1,,,,,,,,,\n",
                        "nul.csv:2: character 16: contains a NUL character"),
                bytes("count out of range", "huge.csv", HEADER + "\ngithub,code,o/r,,99999999999999999999,1,,,,,,,,,\n",
                        "huge.csv:2: column \"contributors\": \"99999999999999999999\" is too large for a count"),
                bytes("duplicate header", "duphead.csv", HEADER + ",stars\n" + ROW + ",1\n",
                        "duphead.csv:1: header: column \"stars\" appears twice"),
                bytes("binary garbage", "garbage.csv", "\u0001\u0002PK\u0003\u0004", "garbage.csv:1:"),
                // JSON Lines
                bytes("truncated JSON Lines", "cut.jsonl", JSON_ROW + "\n{\"platform\":\"git", "cut.jsonl:2: invalid JSON"),
                bytes("deeply nested JSON Lines", "deep.jsonl", "{\"platform\":" + deep + "}",
                        "deep.jsonl:1: invalid JSON: Document nesting depth"),
                bytes("JSON Lines with NUL", "nul.jsonl", JSON_ROW.replace("o/r", "o/\0r") + "\n",
                        "nul.jsonl:1: invalid JSON"),
                bytes("JSON number out of range", "big.jsonl", JSON_ROW.replace("}", ",\"stars\":123456789012345678901234}"),
                        "big.jsonl:1: key \"stars\": 123456789012345678901234 is too large for a count"),
                bytes("JSON duplicate key", "dup.jsonl", "{\"full_name\":\"a\",\"full_name\":\"b\"}\n",
                        "dup.jsonl:1: invalid JSON: Duplicate field 'full_name'"),
                bytes("JSON Lines of arrays", "arrays.jsonl", "[1,2]\n", "arrays.jsonl:1: expected a JSON object per line"),
                // Platform API JSON
                bytes("truncated API JSON", "repos.json", "[{\"full_name\":\"a/b\",\"stargazers_count\":1},{\"full_na",
                        "repos.json:1: invalid JSON"),
                bytes("deeply nested API JSON", "nest.json", "[{\"full_name\":\"a/b\",\"x\":" + deep + "}]",
                        "nest.json:1: invalid JSON: Document nesting depth"),
                bytes("API JSON of scalars", "scalars.json", "[1, 2]", "scalars.json:1: item 1: expected a repository object"),
                bytes("negative stars", "neg.json", "[{\"full_name\":\"a/b\",\"stargazers_count\":-1}]",
                        "neg.json:1: item 1: field \"stargazers_count\": -1 is negative"),
                bytes("API JSON in Latin-1", "latin.json", "[{\"full_name\":\"a/caf\u00e9\",\"stargazers_count\":1}]",
                        StandardCharsets.ISO_8859_1, "latin.json:1: invalid JSON: Invalid UTF-8"));
    }

    /** Text whose U+0080–U+00FF characters stand for the raw bytes 0x80–0xFF (read back as ISO-8859-1). */
    private static Arguments withBytes(String name, String file, String content, String messageStart) {
        return bytes(name, file, content, StandardCharsets.ISO_8859_1, messageStart);
    }

    private static Arguments bytes(String name, String file, String content, String messageStart) {
        return bytes(name, file, content, StandardCharsets.UTF_8, messageStart);
    }

    private static Arguments bytes(String name, String file, String content, java.nio.charset.Charset charset,
                                   String messageStart) {
        return Arguments.of(name, file, content.getBytes(charset), messageStart);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputs")
    void malformedInputIsRefusedWithItsPlaceAndChangesNothing(String name, String fileName, byte[] content,
                                                              String messageStart) throws Exception {
        Path file = folder.resolve(fileName);
        Files.write(file, content);
        CliRun run = CliRun.of("import", "--project", project.toString(), file.toString());
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
        String message = run.err().strip().replaceFirst("^divergence-workbench: ", "");
        assertTrue(message.startsWith(messageStart) || message.startsWith(file + ":")
                && message.substring(file.toString().length()).startsWith(messageStart.substring(fileName.length())),
                name + ": " + message);
        assertEquals(1, message.lines().count(), message);
        assertEquals(unchanged, TableDump.of(project, "repository", "import_batch", "repository_history"));
    }

    @Test
    void foldersMissingFilesAndSpecialFilesAreRefused() throws Exception {
        Path fifo = folder.resolve("pipe.csv");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        for (Path input : List.of(folder, folder.resolve("absent.csv"), fifo)) {
            CliRun run = CliRun.of("import", "--project", project.toString(), input.toString());
            assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
            assertTrue(run.err().contains(input.toString() + ": "), run.err());
        }
        assertEquals(unchanged, TableDump.of(project, "repository", "import_batch", "repository_history"));
    }

    @Test
    void emptyFilesAreNotErrors() throws Exception {
        for (String name : List.of("empty.csv", "empty.jsonl", "empty.json")) {
            Path file = folder.resolve(name);
            Files.write(file, new byte[0]);
            CliRun run = CliRun.of("import", "--project", folder.resolve("empties.divergence").toString(),
                    file.toString());
            assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
            assertEquals("imported 0 repositories (0 added, 0 updated, 0 skipped) from 1 file(s)", run.out().strip());
        }
    }
}
