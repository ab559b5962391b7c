package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.testsupport.ChildJvm;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteUpdateListener;

/**
 * A known point of a write where a child JVM stops to be killed, told by SQLite's own update and commit hooks on the
 * project's writer connection: "rows TABLE N" (the Nth row inserted into TABLE, inside its transaction), "commit
 * TABLE N" (the first commit once N rows are in TABLE, before it is durable) or "committed" (the driver's work done).
 * The child prints where it stopped and waits there; {@link #killAt} starts it, kills it there and checks it did.
 */
final class KillPoint {

    private static final String STOPPED = "STOPPED ";

    private final String kind;
    private final String table;
    private final long rows;
    private final AtomicLong written = new AtomicLong();

    private KillPoint(String kind, String table, long rows) {
        this.kind = kind;
        this.table = table;
        this.rows = rows;
    }

    /** The point from a driver's arguments, starting at {@code from}. */
    static KillPoint parse(String[] args, int from) {
        String kind = args[from];
        return kind.equals("committed") ? new KillPoint(kind, null, -1)
                : new KillPoint(kind, args[from + 1], Long.parseLong(args[from + 2]));
    }

    /** Watches the project's writer connection; the point's stop then happens on the writing thread. */
    void install(Project project) {
        project.write(EnumSet.noneOf(DataArea.class), connection -> {
            SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
            sqlite.addUpdateListener((type, database, changed, rowId) -> {
                if (changed.equals(table) && type == SQLiteUpdateListener.Type.INSERT
                        && written.incrementAndGet() == rows && kind.equals("rows")) {
                    stop("inside the transaction, " + rows + " rows written to " + table);
                }
            });
            sqlite.addCommitListener(new SQLiteCommitListener() {
                @Override
                public void onCommit() {
                    if (kind.equals("commit") && written.get() >= rows) {
                        stop("committing, " + written.get() + " rows written to " + table);
                    }
                }

                @Override
                public void onRollback() {
                }
            });
            return null;
        });
    }

    /** Called by the driver when its work is done. */
    void done() {
        if (kind.equals("committed")) {
            stop("committed");
        }
    }

    /** Says where, then waits for the kill (forever, on the thread that is writing). */
    private static void stop(String where) {
        System.out.println(STOPPED + where);
        System.out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the driver in a child JVM, waits until it says it stopped, kills it (SIGKILL) there and returns where it
     * stopped. Fails if it finished or died before getting there.
     */
    static String killAt(String driver, List<String> args) {
        return assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            Process child = ChildJvm.startPiped(driver, args.toArray(String[]::new));
            List<String> output = new ArrayList<>();
            String stopped = null;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while (stopped == null && (line = lines.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith(STOPPED)) {
                        stopped = line.substring(STOPPED.length());
                    }
                }
                assertTrue(stopped != null && child.isAlive(), "the child stopped at " + args + " and waits there:\n"
                        + String.join("\n", output));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(137, child.exitValue(), "killed by SIGKILL where it stopped: " + stopped);
            return stopped;
        });
    }
}
