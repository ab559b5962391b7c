package org.divergence.app.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mockwebserver3.MockWebServer;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.FakeGitHub;
import org.divergence.testsupport.FakeHuggingFace;
import org.divergence.testsupport.ParquetFixtures;

/**
 * Issue 21's whole path on the command line, against local fakes of both APIs (bench/population-path.sh): import a
 * population (a Hub models snapshot in Parquet and a GitHub list in CSV), draw 500 with a reserve, crawl the list
 * (the first GitHub repository drawn no longer exists, so the reserve replaces it), and compare.
 */
public final class PopulationPath {

    private PopulationPath() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("population-path");
        Path snapshot = ParquetFixtures.write(folder.resolve("models.parquet"), ParquetFixtures.hubModels(20_000));
        Path github = folder.resolve("github.csv");
        Path population = folder.resolve("population.divergence");
        Path ids = folder.resolve("ids.txt");
        Path sample = folder.resolve("sample.divergence");
        step("generate-sample", "--github", "20000", "--huggingface", "0", "--canonical-only", "--out",
                github.toString());
        step("import", "--project", population.toString(), "--as-of", "2026-12-01", snapshot.toString(),
                github.toString());
        step("draw", "--project", population.toString(), "--n", "500", "--seed", "20261207", "--strata",
                "platform,created_year", "--reserve", "1", "--out", ids.toString());

        List<RepositoryRef> listed = new ArrayList<>();
        for (String line : Files.readAllLines(ids)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(RepositoryRef.parse(line));
            }
        }
        List<FakeGitHub.Repo> githubRepos = new ArrayList<>();
        List<FakeHuggingFace.HfRepo> hubRepos = new ArrayList<>();
        RepositoryRef gone = null;
        int n = 0;
        for (RepositoryRef ref : listed) {
            n++;
            if (ref.platform() == Platform.GITHUB) {
                if (gone == null) {
                    gone = ref; // answered 404: a non-respondent, replaced from its stratum's reserve
                    continue;
                }
                githubRepos.add(new FakeGitHub.Repo(ref.fullName(), "2021-06-15T08:30:00Z", n % 97, n % 13,
                        List.of(3L + n % 40, 1L + n % 5), n % 9, n % 5, n % 11));
            } else {
                hubRepos.add(new FakeHuggingFace.HfRepo(ref.fullName(), ref.type().code(), "2023-05-04T10:11:12.000Z",
                        n % 41, 10L * n, (long) (n % 3), List.of(List.of("ann"), List.of("bob")),
                        List.of(new FakeHuggingFace.Discussion(n % 2 == 0, "open")), false));
            }
        }
        System.out.printf(Locale.ROOT, "%d ids listed (drawn and reserve); the fake GitHub answers 404 for %s%n",
                listed.size(), gone);
        try (MockWebServer githubServer = new MockWebServer(); MockWebServer hubServer = new MockWebServer()) {
            FakeGitHub fakeGitHub = new FakeGitHub(100, githubRepos.toArray(FakeGitHub.Repo[]::new));
            githubServer.setDispatcher(fakeGitHub);
            githubServer.start();
            fakeGitHub.setBase(githubServer.url("/"));
            FakeHuggingFace fakeHub = new FakeHuggingFace(100, 50, hubRepos.toArray(FakeHuggingFace.HfRepo[]::new));
            hubServer.setDispatcher(fakeHub);
            hubServer.start();
            fakeHub.setBase(hubServer.url("/"));
            step("collect", "github", "--project", sample.toString(), "--ids-file", ids.toString(), "--api-url",
                    githubServer.url("/").toString(), "--token-env", "DIVERGENCE_FAKE_TOKEN");
            step("collect", "huggingface", "--project", sample.toString(), "--ids-file", ids.toString(),
                    "--endpoint", hubServer.url("/").toString(), "--concurrency", "4");
        }
        step("compare", "--project", sample.toString());
        System.out.println("files in " + folder);
    }

    private static void step(String... args) {
        System.out.println("$ divergence-workbench " + String.join(" ", args));
        long start = System.nanoTime();
        CliRun run = CliRun.of(args);
        String out = run.out().strip();
        System.out.println(out.lines().count() > 40 ? String.join("\n", out.lines().limit(40).toList())
                + "\n[… " + (out.lines().count() - 40) + " more lines]" : out);
        if (!run.err().isBlank()) {
            System.out.println(run.err().strip());
        }
        System.out.printf(Locale.ROOT, "(exit %d, %.1f s)%n%n", run.exitCode(), (System.nanoTime() - start) / 1e9);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("step failed: " + String.join(" ", args));
        }
    }
}
