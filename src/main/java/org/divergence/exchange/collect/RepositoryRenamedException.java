package org.divergence.exchange.collect;

import org.divergence.core.repositories.RepositoryRow;

/**
 * A repository asked for by one name answered under another (the platform redirected a renamed repository), in a
 * crawl that must not follow it: a drawn list's unit is the repository it names.
 */
public final class RepositoryRenamedException extends RuntimeException {

    private final transient RepositoryRow answered;

    public RepositoryRenamedException(String asked, RepositoryRow answered) {
        super(asked + " was renamed to " + answered.fullName());
        this.answered = answered;
    }

    /** The repository as it answered, under its new name. */
    public RepositoryRow answered() {
        return answered;
    }

    /** Names differ only in case on neither platform: GitHub and the Hub both ignore it. */
    static void check(String asked, RepositoryRow answered, boolean refuseRenamed) {
        if (refuseRenamed && !asked.equalsIgnoreCase(answered.fullName())) {
            throw new RepositoryRenamedException(asked, answered);
        }
    }
}
