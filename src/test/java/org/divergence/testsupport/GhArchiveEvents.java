package org.divergence.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A small GH Archive-shaped event set for {@code github_events} (the ClickHouse table's columns the aggregation
 * reads), and the canonical rows it must give, computed here independently of any SQL: straight from the definitions
 * of docs/scale.md, event by event. Each case is commented with what it exercises.
 */
public final class GhArchiveEvents {

    /** The columns {@link #tsv()} writes, in order. */
    public static final String COLUMNS = "event_type, actor_login, repo_name, created_at, action, ref_type, number,"
            + " merged, push_size, push_distinct_size";

    public record Event(String type, String actor, String repo, Instant at, String action, String refType, int number,
                        boolean merged, int size, int distinct) {
    }

    private static final List<Event> EVENTS = new ArrayList<>();

    private static void ev(String type, String actor, String repo, String at) {
        ev(type, actor, repo, at, "none", "none", 0, false, 0, 0);
    }

    private static void ev(String type, String actor, String repo, String at, String action, String refType,
                           int number, boolean merged, int size, int distinct) {
        EVENTS.add(new Event(type, actor, repo, LocalDateTime.parse(at.replace(' ', 'T')).toInstant(ZoneOffset.UTC),
                action, refType, number, merged, size, distinct));
    }

    private static void create(String actor, String repo, String at, String refType) {
        ev("CreateEvent", actor, repo, at, "none", refType, 0, false, 0, 0);
    }

    private static void push(String actor, String repo, String at, int size, int distinct) {
        ev("PushEvent", actor, repo, at, "none", "none", 0, false, size, distinct);
    }

    private static void pull(String actor, String repo, String at, String action, int number, boolean merged) {
        ev("PullRequestEvent", actor, repo, at, action, "none", number, merged, 0, 0);
    }

    private static void issue(String actor, String repo, String at, String action, int number) {
        ev("IssuesEvent", actor, repo, at, action, "none", number, false, 0, 0);
    }

    private static void star(String actor, String repo, String at) {
        ev("WatchEvent", actor, repo, at, "started", "none", 0, false, 0, 0);
    }

    static {
        // alice/alpha: created inside the window; every event type the query reads, bots, PRs merged and not.
        String alpha = "alice/alpha";
        create("alice", alpha, "2025-02-01 10:00:00", "repository");
        create("alice", alpha, "2025-02-01 10:05:00", "branch");            // not a creation
        create("alice", alpha, "2025-02-02 09:00:00", "tag");               // not a creation
        push("alice", alpha, "2025-02-01 10:10:00", 3, 3);
        push("bob", alpha, "2025-03-01 12:00:00", 4, 2);                    // 2 of 4 commits new
        push("dependabot[bot]", alpha, "2025-04-01 08:00:00", 1, 1);       // a bot pusher is a contributor
        push("alice", alpha, "2025-04-02 08:00:00", 1, 0);                  // no new commit
        pull("carol", alpha, "2025-03-05 11:00:00", "opened", 1, false);
        pull("alice", alpha, "2025-03-06 11:00:00", "closed", 1, true);
        pull("dave", alpha, "2025-03-07 11:00:00", "opened", 2, false);
        pull("alice", alpha, "2025-03-08 11:00:00", "closed", 2, false);   // closed unmerged …
        pull("dave", alpha, "2025-03-09 11:00:00", "reopened", 2, false);  // … reopened (not an opening) …
        pull("alice", alpha, "2025-03-10 11:00:00", "closed", 2, true);    // … and merged after all
        pull("alice", alpha, "2025-03-11 11:00:00", "opened", 3, false);   // never closed
        pull("alice", alpha, "2025-03-11 11:00:00", "opened", 3, false);   // a duplicated event
        pull("renovate[bot]", alpha, "2025-05-01 07:00:00", "opened", 4, false);
        pull("alice", alpha, "2025-05-02 07:00:00", "closed", 4, true);
        pull("frank", alpha, "2025-05-03 07:00:00", "synchronize", 4, false);
        pull("carol", alpha, "2025-05-10 07:00:00", "opened", 9, false);
        pull("alice", alpha, "2025-05-11 07:00:00", "closed", 9, false);   // closed, never merged
        issue("erin", alpha, "2025-02-10 10:00:00", "opened", 5);
        issue("erin", alpha, "2025-02-11 10:00:00", "opened", 6);
        issue("alice", alpha, "2025-02-12 10:00:00", "closed", 5);
        issue("erin", alpha, "2025-02-13 10:00:00", "reopened", 5);
        issue("alice", alpha, "2025-02-20 10:00:00", "closed", 12);         // transferred in: no opened event
        ev("IssueCommentEvent", "gina", alpha, "2025-02-14 10:00:00", "created", "none", 5, false, 0, 0);
        ev("PullRequestReviewEvent", "gina", alpha, "2025-03-06 10:00:00", "created", "none", 1, false, 0, 0);
        star("gina", alpha, "2025-02-15 10:00:00");
        star("henry", alpha, "2025-02-16 10:00:00");
        star("gina", alpha, "2025-06-16 10:00:00");                         // starred again: counted again
        star("stargazer[bot]", alpha, "2025-06-17 10:00:00");
        star("ivy", alpha, "2025-10-06 23:59:59");                          // the window's last second
        ev("ForkEvent", "henry", alpha, "2025-02-17 10:00:00");
        ev("ForkEvent", "ivy", alpha, "2025-07-17 10:00:00");
        // After the window's end (and GitHub's payload change): never counted.
        star("jack", alpha, "2025-10-07 00:00:00");                         // the first second after
        push("alice", alpha, "2025-10-08 09:00:00", 0, 0);
        pull("kate", alpha, "2025-10-09 09:00:00", "opened", 7, false);
        pull("alice", alpha, "2025-10-10 09:00:00", "closed", 7, false);

        // old/legacy: created before the window, active inside it: no row.
        create("olga", "old/legacy", "2024-06-01 09:00:00", "repository");
        push("olga", "old/legacy", "2024-06-01 09:05:00", 10, 10);
        push("olga", "old/legacy", "2025-03-01 09:00:00", 2, 2);
        create("olga", "old/legacy", "2025-03-02 09:00:00", "branch");
        star("gina", "old/legacy", "2025-03-03 09:00:00");
        issue("erin", "old/legacy", "2024-07-01 09:00:00", "opened", 1);

        // A rename (bob/old-name became bob/new-name): the table has no repository id, so only the name the
        // repository was created under has a row, with the events before the rename.
        create("bob", "bob/old-name", "2025-05-01 08:00:00", "repository");
        push("bob", "bob/old-name", "2025-05-01 08:01:00", 4, 4);
        star("gina", "bob/old-name", "2025-05-20 08:00:00");
        create("bob", "bob/new-name", "2025-06-02 07:00:00", "branch");
        push("bob", "bob/new-name", "2025-06-02 08:00:00", 5, 5);
        pull("carol", "bob/new-name", "2025-06-03 08:00:00", "opened", 1, false);
        pull("bob", "bob/new-name", "2025-06-04 08:00:00", "closed", 1, true);
        star("henry", "bob/new-name", "2025-06-05 08:00:00");

        // carol/empty: created, nothing else: zeros.
        create("carol", "carol/empty", "2025-08-15 12:34:56", "repository");

        // dave/again: created, deleted, created again: the earliest creation counts.
        create("dave", "dave/again", "2025-03-01 00:00:01", "repository");
        push("dave", "dave/again", "2025-03-01 00:10:00", 1, 1);
        create("dave", "dave/again", "2025-09-01 00:00:00", "repository");
        push("dave", "dave/again", "2025-09-01 00:10:00", 2, 2);
        issue("dave", "dave/again", "2025-09-02 00:00:00", "opened", 1);
        issue("dave", "dave/again", "2025-09-02 00:00:00", "opened", 1);   // a duplicated event

        // The window's first second, and one second before it.
        create("eve", "eve/first-second", "2025-01-01 00:00:00", "repository");
        ev("ForkEvent", "frank", "eve/first-second", "2025-01-01 00:30:00");
        create("eve", "eve/just-before", "2024-12-31 23:59:59", "repository");
        push("eve", "eve/just-before", "2025-01-02 00:00:00", 1, 1);
        // Half an hour into the window in UTC: lost if a bound were read in another time zone.
        create("tzuser", "tz/early", "2025-01-01 00:30:00", "repository");

        // zed/late: created after the window (after the payload change): no row.
        create("zed", "zed/late", "2025-10-08 10:00:00", "repository");
        push("zed", "zed/late", "2025-10-08 10:05:00", 0, 0);
        pull("zed", "zed/late", "2025-10-09 10:00:00", "opened", 1, false);

        // Only bots: all counted.
        create("github-actions[bot]", "bots/only", "2025-04-04 04:04:04", "repository");
        push("github-actions[bot]", "bots/only", "2025-04-04 04:05:00", 7, 7);
        pull("dependabot[bot]", "bots/only", "2025-04-05 04:00:00", "opened", 1, false);
        pull("github-actions[bot]", "bots/only", "2025-04-05 05:00:00", "closed", 1, true);

        // gap/merged-only: a merge whose opening the archive missed (GH Archive has gaps): more merged pull
        // requests than pull requests breaks a rule of the canonical sample, so the row is set aside.
        create("gus", "gap/merged-only", "2025-06-01 00:00:00", "repository");
        pull("gus", "gap/merged-only", "2025-06-02 00:00:00", "closed", 3, true);
    }

    private GhArchiveEvents() {
    }

    public static List<Event> events() {
        return List.copyOf(EVENTS);
    }

    /** The events as TabSeparated rows of {@link #COLUMNS}, times as Unix seconds (no time zone can shift them). */
    public static String tsv() {
        StringBuilder text = new StringBuilder();
        for (Event e : EVENTS) {
            text.append(String.join("\t", e.type(), e.actor(), e.repo(), Long.toString(e.at().getEpochSecond()),
                    e.action(), e.refType(), Integer.toString(e.number()), e.merged() ? "1" : "0",
                    Integer.toString(e.size()), Integer.toString(e.distinct()))).append('\n');
        }
        return text.toString();
    }

    /**
     * The canonical rows of the window [from, to + 1 day), by full name, as TableDump prints a project's
     * repositories: platform|repo_type|full_name|created_at|counts…|extra, unknown as null.
     */
    public static Map<String, String> expected(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Set<String> read = Set.of("CreateEvent", "PushEvent", "PullRequestEvent", "IssuesEvent", "WatchEvent",
                "ForkEvent");
        Map<String, List<Event>> byRepo = new TreeMap<>();
        for (Event e : EVENTS) {
            if (read.contains(e.type()) && !e.at().isBefore(start) && e.at().isBefore(end)) {
                byRepo.computeIfAbsent(e.repo(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, String> rows = new TreeMap<>();
        byRepo.forEach((repo, events) -> {
            Instant created = null;
            Set<String> contributors = new HashSet<>();
            long commits = 0;
            Set<Integer> opened = new HashSet<>();
            Set<Integer> merged = new HashSet<>();
            Set<Integer> issues = new HashSet<>();
            long stars = 0;
            long forks = 0;
            for (Event e : events) {
                boolean isOpened = e.action().equals("opened");
                switch (e.type()) {
                    case "CreateEvent" -> {
                        if (e.refType().equals("repository") && (created == null || e.at().isBefore(created))) {
                            created = e.at();
                        }
                    }
                    case "PushEvent" -> {
                        contributors.add(e.actor());
                        commits += e.distinct();
                    }
                    case "PullRequestEvent" -> {
                        if (isOpened) {
                            contributors.add(e.actor());
                            opened.add(e.number());
                        } else if (e.action().equals("closed") && e.merged()) {
                            merged.add(e.number());
                        }
                    }
                    case "IssuesEvent" -> {
                        if (isOpened) {
                            issues.add(e.number());
                        }
                    }
                    case "WatchEvent" -> stars++;
                    case "ForkEvent" -> forks++;
                    default -> throw new IllegalStateException(e.type());
                }
            }
            if (created != null) {
                rows.put(repo, String.join("|", "github", "code", repo, created.toString(),
                        Long.toString(contributors.size()), Long.toString(commits), Long.toString(opened.size()),
                        Long.toString(merged.size()), Long.toString(issues.size()), "null", Long.toString(stars),
                        Long.toString(forks), "null", "null", "null", "null"));
            }
        });
        return rows;
    }
}
