package org.divergence.cli.collect;

import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.app.collect.CollectIdList;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.sampling.DrawnList;
import org.divergence.exchange.sampling.DrawnListReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "github", mixinStandardHelpOptions = true,
        description = {"Collect GitHub repositories, named, from a search, or from an id list (--ids-file, see `draw`).",
            "%nThe repositories named with --repo, or the first --limit results of a --search (GitHub returns at"
                + " most 1,000). REST endpoints: /repos, /contributors?anon=1, /pulls?state=all, /issues?state=all,"
                + " every list read to its end by the Link header."})
final class CollectGitHubCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "A repository to collect (repeatable).")
    List<String> repositories;

    @Option(names = "--search", paramLabel = "QUERY",
            description = "A GitHub search query, e.g. \"stars:>1000 language:python\".")
    String query;

    @Option(names = "--limit", paramLabel = "N", description = "How many search results to collect (1–1000).")
    Integer limit;

    @Option(names = "--sort", paramLabel = "stars|forks|help-wanted-issues|updated",
            description = "Order of the search results (default: best match).")
    String sort;

    @Option(names = "--api-url", paramLabel = "URL", defaultValue = CrawlRequest.GITHUB_API,
            description = "The API's base URL (default ${DEFAULT-VALUE}; GitHub Enterprise:"
                    + " https://HOST/api/v3). Plain http only for loopback addresses.")
    String apiUrl;

    @Option(names = "--ids-file", paramLabel = "FILE",
            description = "Collect the GitHub repositories of an id list (one per line, as `draw` writes it; the"
                    + " other platform's lines are left out). With the draw's record beside it (FILE.draw.json) only"
                    + " the sample is collected and non-respondents are replaced from the reserve.")
    java.nio.file.Path idsFile;

    @Mixin
    CrawlOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (idsFile != null) {
            if (repositories != null || query != null || limit != null || sort != null) {
                throw new ParameterException(spec.commandLine(), "--ids-file names the repositories; leave out"
                        + " --repo, --search, --limit and --sort");
            }
            DrawnList list = DrawnListReader.read(idsFile);
            return new CrawlSession(spec, project.path(), options).startList(list,
                    CollectIdList.requests(list, Platform.GITHUB, apiUrl));
        }
        boolean named = repositories != null && !repositories.isEmpty();
        if (named == (query != null)) {
            throw new ParameterException(spec.commandLine(), "name repositories with --repo OWNER/NAME, or search"
                    + " with --search QUERY --limit N (one of the two)");
        }
        CrawlRequest request;
        if (named) {
            if (limit != null || sort != null) {
                throw new ParameterException(spec.commandLine(), "--limit and --sort go with --search");
            }
            request = CrawlRequest.named(Platform.GITHUB, RepoType.CODE, repositories, apiUrl);
        } else {
            if (limit == null) {
                throw new ParameterException(spec.commandLine(), "--search needs --limit N (at most 1000)");
            }
            request = CrawlRequest.listing(Platform.GITHUB, RepoType.CODE, query, null, sort, limit, apiUrl);
        }
        return new CrawlSession(spec, project.path(), options).start(request);
    }
}
