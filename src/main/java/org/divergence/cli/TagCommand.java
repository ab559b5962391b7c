package org.divergence.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.Json;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.TagRule;
import org.divergence.core.tags.TagUsage;
import org.divergence.store.project.Project;
import org.divergence.store.tags.HandTagCommand;
import org.divergence.store.tags.RepositoryTags;
import org.divergence.store.tags.RuleCommand;
import org.divergence.store.tags.TagRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Tags repositories with codes of the codebook, by hand or by a saved rule; lists tags and rules. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Tag repositories with a code of the codebook (an interview-derived factor), by hand or by a "
                + "saved rule, and list tags and rules. Rules are re-applied after every import; their grammar is "
                + "in docs/tags.md. Compare tagged with untagged repositories with compare --by tag:NAME.",
            "Examples:",
            "  tag --project p.divergence --name \"Compute requirements\" --repo huggingface:model:meta-llama/Llama-2-7b",
            "  tag --project p.divergence --name \"Compute requirements\" --rule \"platform = huggingface AND "
                + "repo_type = model AND extra.pipeline_tag = 'text-generation'\"",
            "  tag --project p.divergence --list"})
final class TagCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The code to tag with: its name, its path (Parent/Child) or its GUID.")
    String name;

    @Option(names = "--repo", paramLabel = "REPOSITORY",
            description = "A repository to tag by hand (repeatable): github:OWNER/NAME or huggingface:TYPE:OWNER/NAME"
                    + " (TYPE model, dataset or space; huggingface:OWNER/NAME where the project holds that id once),"
                    + " e.g. github:pallets/flask.")
    List<String> repositories = new ArrayList<>();

    @Option(names = "--untag", description = "Take the hand-given tag --name off the --repo repositories instead.")
    boolean untag;

    @Option(names = "--rule", paramLabel = "EXPR",
            description = "Save a rule: repositories matching EXPR carry the tag --name, now and after every import.")
    String rule;

    @Option(names = "--dry-run", description = "With --rule: only count the repositories the rule matches.")
    boolean dryRun;

    @Option(names = "--remove-rule", paramLabel = "ID", description = "Remove a rule and the tags only it gave.")
    Long removeRule;

    @Option(names = "--reapply", description = "Apply every rule to every repository again.")
    boolean reapply;

    @Option(names = "--list", description = "List the tags in use (with counts) and the rules.")
    boolean list;

    @Option(names = "--json", description = "With --list: print JSON (every code, with its counts, and the rules).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int modes = (list ? 1 : 0) + (removeRule != null ? 1 : 0) + (reapply ? 1 : 0) + (rule != null ? 1 : 0)
                + (repositories.isEmpty() ? 0 : 1);
        if (modes != 1) {
            throw usage("choose one of --repo, --rule, --remove-rule, --reapply or --list");
        }
        if ((rule != null || !repositories.isEmpty()) && name == null) {
            throw usage("--name NAME is required with " + (rule != null ? "--rule" : "--repo"));
        }
        if (untag && repositories.isEmpty()) {
            throw usage("--untag needs the repositories to untag (--repo)");
        }
        if (dryRun && rule == null) {
            throw usage("--dry-run goes with --rule");
        }
        if (json && !list) {
            throw usage("--json goes with --list");
        }
        PrintWriter out = spec.commandLine().getOut();
        // Listing only reads, so it also works beside the app (which applies pending rules itself).
        try (Project opened = list ? Project.openForReading(project.path()) : Project.open(project.path())) {
            if (!opened.isReadOnly()) {
                TagRules.applyPendingIfAny(opened);
            }
            RepositoryTags tags = new RepositoryTags(opened);
            if (list) {
                list(out, opened, tags);
            } else if (removeRule != null) {
                RuleCommand command = TagRules.remove(opened, removeRule);
                command.execute();
                out.println("removed rule " + removeRule);
            } else if (reapply) {
                long[] changed = TagRules.reapplyAll(opened);
                out.printf("re-applied %d rule(s): %,d tag(s) added, %,d removed%n", TagRules.list(opened).size(),
                        changed[0], changed[1]);
            } else if (rule != null) {
                FactorTag tag = tags.resolve(name);
                if (dryRun) {
                    out.printf("the rule matches %,d repositories (not saved)%n", TagRules.countMatches(opened, rule));
                } else {
                    RuleCommand command = TagRules.add(opened, tag.codeId(), rule);
                    command.execute();
                    out.printf("saved rule %d: \u201C%s\u201D for %s; it tags %,d repositories%n", command.ruleId(),
                            tag.name(), TagRules.list(opened).stream().filter(r -> r.id() == command.ruleId())
                                    .findFirst().map(TagRule::expression).orElse(rule), command.matches());
                }
            } else {
                FactorTag tag = tags.resolve(name);
                long[] ids = tags.findRepositories(repositories);
                HandTagCommand command = untag ? tags.untag(tag, ids) : tags.tag(tag, ids);
                command.execute();
                long distinct = java.util.Arrays.stream(ids).distinct().count();
                if (untag) {
                    out.printf("took the tag \u201C%s\u201D off %d repositories (%d did not carry it by hand)%n",
                            tag.name(), command.changed(), distinct - command.changed());
                } else {
                    out.printf("tagged %d repositories with \u201C%s\u201D (%d already carried it)%n",
                            command.changed(), tag.name(), distinct - command.changed());
                }
            }
        }
        return ExitCodes.OK;
    }

    private void list(PrintWriter out, Project opened, RepositoryTags tags) {
        List<TagUsage> usage = tags.usage();
        List<TagRule> rules = TagRules.list(opened);
        Map<Long, FactorTag> byId = new HashMap<>();
        usage.forEach(u -> byId.put(u.tag().codeId(), u.tag()));
        if (json) {
            ObjectNode document = Json.MAPPER.createObjectNode();
            ArrayNode tagArray = document.putArray("tags");
            for (TagUsage u : usage) {
                ObjectNode node = tagArray.addObject();
                node.put("name", u.tag().name());
                node.put("path", u.tag().path());
                node.put("guid", u.tag().guid());
                node.put("color", u.tag().color());
                node.put("repositories", u.repositories());
                node.put("by_hand", u.byHand());
                node.put("by_rule", u.byRule());
                node.put("rules", u.rules());
            }
            ArrayNode ruleArray = document.putArray("rules");
            for (TagRule r : rules) {
                ObjectNode node = ruleArray.addObject();
                node.put("id", r.id());
                FactorTag tag = byId.get(r.codeId());
                node.put("tag", tag == null ? null : tag.name());
                node.put("guid", tag == null ? null : tag.guid());
                node.put("expression", r.expression());
                node.put("created_at", r.createdAt());
                node.put("matches", r.matches());
            }
            out.println(document.toString());
            return;
        }
        List<TagUsage> used = usage.stream().filter(TagUsage::isUsed).toList();
        if (used.isEmpty()) {
            out.printf("No repository is tagged yet; any of the %d codes of the codebook can be a tag.%n",
                    usage.size());
        } else {
            out.println("Tags in use:");
            for (TagUsage u : used) {
                out.printf("  %s  %s  %,d repositories (%,d by hand, %,d by rule)%n", u.tag().path(),
                        u.tag().color() == null ? "" : u.tag().color(), u.repositories(), u.byHand(), u.byRule());
            }
        }
        if (!rules.isEmpty()) {
            out.println("Rules:");
            for (TagRule r : rules) {
                FactorTag tag = byId.get(r.codeId());
                out.printf("  %d  %s  %s  (%,d repositories)%n", r.id(), tag == null ? "?" : tag.name(),
                        r.expression(), r.matches());
            }
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
