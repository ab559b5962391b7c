package org.divergence.core.metrics;

import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import java.util.List;
import org.divergence.core.common.InvalidInputException;

/** The built-in splits: by platform (GitHub vs Hugging Face) and by repository type (each HF type vs GitHub code). */
public final class GroupSplits {

    /** Group a = GitHub, group b = Hugging Face. */
    public static final GroupSplit PLATFORM = new GroupSplit() {
        private final List<Group> groups = List.of(
                new Group(Platform.GITHUB.code(), Platform.GITHUB.displayName(), "GitHub repositories"),
                new Group(Platform.HUGGINGFACE.code(), Platform.HUGGINGFACE.displayName(), "Hugging Face repositories"));

        @Override
        public String groupBy() {
            return "platform";
        }

        @Override
        public List<Group> groups() {
            return groups;
        }

        @Override
        public List<GroupPair> pairs() {
            return List.of(new GroupPair(0, 1));
        }

        @Override
        public int groupOf(RepositoryCounts repository) {
            return repository.platform() == null ? -1 : repository.platform().ordinal();
        }

        @Override
        public String toString() {
            return groupBy();
        }
    };

    /** Groups code, model, dataset, space; GitHub code is compared with each Hugging Face type. */
    public static final GroupSplit REPO_TYPE = new GroupSplit() {
        private final List<Group> groups = List.of(RepoType.values()).stream()
                .map(type -> new Group(type.code(), type.label(), type.label())).toList();

        @Override
        public String groupBy() {
            return "repo_type";
        }

        @Override
        public List<Group> groups() {
            return groups;
        }

        @Override
        public List<GroupPair> pairs() {
            return List.of(new GroupPair(0, RepoType.MODEL.ordinal()), new GroupPair(0, RepoType.DATASET.ordinal()),
                    new GroupPair(0, RepoType.SPACE.ordinal()));
        }

        @Override
        public int groupOf(RepositoryCounts repository) {
            return repository.repoType() == null ? -1 : repository.repoType().ordinal();
        }

        @Override
        public String toString() {
            return groupBy();
        }
    };

    private GroupSplits() {
    }

    /** "platform" or "repo_type"; anything else is invalid input naming the accepted values. */
    public static GroupSplit builtIn(String name) {
        String key = name == null ? "" : name.strip();
        if (key.equalsIgnoreCase(PLATFORM.groupBy())) {
            return PLATFORM;
        }
        if (key.equalsIgnoreCase(REPO_TYPE.groupBy())) {
            return REPO_TYPE;
        }
        throw new InvalidInputException("--by " + name + ": unknown grouping; use platform or repo_type");
    }
}
