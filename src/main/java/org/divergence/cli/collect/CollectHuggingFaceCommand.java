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
import org.divergence.exchange.collect.ApiPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "huggingface", aliases = "hf", mixinStandardHelpOptions = true,
        description = {"Collect Hugging Face models, datasets or spaces, named, from a listing, or from an id list (--ids-file,"
                + " see `draw`).",
            "%nThe repositories named with --repo-id, or the first --limit of a listing (filtered by --search and"
                + " --author, ordered by --sort). Endpoints: /api/{type}s with expand, /commits/main (X-Total-Count;"
                + " contributors = distinct authors), /discussions?p=N."})
final class CollectHuggingFaceCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--type", paramLabel = "model|dataset|space",
            description = "What kind of repositories to collect (not with --ids-file: each line names its type).")
    String type;

    @Option(names = "--repo-id", paramLabel = "ID", description = "A repository id, e.g. google-bert/bert-base-uncased"
            + " (repeatable).")
    List<String> repositories;

    @Option(names = "--search", paramLabel = "Q", description = "Text the repository id must contain.")
    String query;

    @Option(names = "--author", paramLabel = "A", description = "Only this user's or organisation's repositories.")
    String author;

    @Option(names = "--sort", paramLabel = "likes|downloads|createdAt|lastModified",
            description = "Order of the listing, largest or newest first.")
    String sort;

    @Option(names = "--limit", paramLabel = "N", description = "How many repositories of the listing to collect.")
    Integer limit;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The Hub's URL (default: HF_ENDPOINT, else https://huggingface.co). Plain http only for"
                    + " loopback addresses.")
    String endpoint;

    @Option(names = "--ids-file", paramLabel = "FILE",
            description = "Collect the Hugging Face repositories of an id list (one per line, as `draw` writes it; the"
                    + " other platform's lines are left out). With the draw's record beside it (FILE.draw.json) only"
                    + " the sample is collected and non-respondents are replaced from the reserve.")
    java.nio.file.Path idsFile;

    @Mixin
    CrawlOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String url = endpoint != null ? endpoint : ApiPlatform.HUGGING_FACE.defaultUrl(System.getenv());
        if (idsFile != null) {
            if (type != null || repositories != null || query != null || author != null || sort != null
                    || limit != null) {
                throw new ParameterException(spec.commandLine(), "--ids-file names the repositories and their"
                        + " types; leave out --type, --repo-id, --search, --author, --sort and --limit");
            }
            DrawnList list = DrawnListReader.read(idsFile);
            return new CrawlSession(spec, project.path(), options).startList(list,
                    CollectIdList.requests(list, Platform.HUGGINGFACE, url));
        }
        if (type == null) {
            throw new ParameterException(spec.commandLine(), "--type model|dataset|space is required (unless"
                    + " --ids-file names the repositories)");
        }
        RepoType repoType = RepoType.ofCode(type).filter(t -> t.platform() == Platform.HUGGINGFACE)
                .orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "--type must be model, dataset or space, not '" + type + "'"));
        boolean named = repositories != null && !repositories.isEmpty();
        boolean listing = query != null || author != null || sort != null || limit != null;
        if (named && listing) {
            throw new ParameterException(spec.commandLine(), "--repo-id names repositories; --search, --author,"
                    + " --sort and --limit describe a listing: use one or the other");
        }
        CrawlRequest request;
        if (named) {
            request = CrawlRequest.named(Platform.HUGGINGFACE, repoType, repositories, url);
        } else {
            if (limit == null) {
                throw new ParameterException(spec.commandLine(), "name repositories with --repo-id ID, or give"
                        + " --limit N for a listing");
            }
            request = CrawlRequest.listing(Platform.HUGGINGFACE, repoType, query, author, sort, limit, url);
        }
        return new CrawlSession(spec, project.path(), options).start(request);
    }
}
