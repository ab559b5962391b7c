package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.common.Progress;
import org.divergence.samples.SampleProject;
import org.divergence.store.project.Project;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that only read the project work while the desktop app has it open (it holds the writer's lock): they
 * open it read-only beside the app instead of failing with "in use". Commands that write are refused clearly.
 */
class ReadCommandsBesideTheAppTest {

    @TempDir
    Path folder;

    @Test
    void readingCommandsRunWhileAnotherWriterHoldsTheProject() throws Exception {
        Path sample = SampleProject.ensure(folder.resolve("data"), Progress.NONE);
        Path out = Files.createDirectories(folder.resolve("out"));
        try (Project app = Project.open(sample)) {
            List<List<String>> commands = List.of(
                    List.of("info", "--project", sample.toString(), "--json"),
                    List.of("compare", "--project", sample.toString(), "--json", "--resamples", "200"),
                    List.of("agreement", "--project", sample.toString(), "--coders", "Ana,Ben", "--json"),
                    List.of("chart", "--project", sample.toString(), "--type", "box", "--out",
                            out.resolve("box.svg").toString()),
                    List.of("qdpx-export", "--project", sample.toString(), "--out", out.resolve("p.qdpx").toString()),
                    List.of("qdc-export", "--project", sample.toString(), "--out", out.resolve("c.qdc").toString()),
                    List.of("export", "--project", sample.toString(), "--out", out.resolve("r.csv").toString()),
                    List.of("report", "--project", sample.toString(), "--out", out.resolve("r.html").toString()),
                    List.of("tag", "--project", sample.toString(), "--list", "--json"));
            for (List<String> command : commands) {
                CliRun run = CliRun.of(command.toArray(String[]::new));
                assertEquals(ExitCodes.OK, run.exitCode(), command.getFirst() + ": " + run);
            }
            for (String file : List.of("box.svg", "p.qdpx", "c.qdc", "r.csv", "r.html")) {
                assertTrue(Files.size(out.resolve(file)) > 0, file);
            }

            CliRun tag = CliRun.of("tag", "--project", sample.toString(), "--name", "Compute requirements", "--rule",
                    "commits > 100");
            assertEquals(ExitCodes.INVALID_INPUT, tag.exitCode(), tag.toString());
            assertTrue(tag.err().contains("open"), tag.err());
        }
    }
}
