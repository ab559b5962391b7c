package org.divergence.reliability;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.core.common.Progress;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteUpdateListener;

/**
 * Imports a CSV as the command line does (run in a child JVM that a test kills), and stops at a known point of the
 * write to wait for the kill: after the {@code n}th repository row is written inside the transaction ("rows N"),
 * as the transaction is about to commit ("commit"), or once it has committed ("committed"). It prints where it
 * stopped; SQLite's own update and commit hooks on the project's writer connection tell it when it is there.
 */
public final class ImportKillDriver {

    static final String STOPPED = "STOPPED ";

    private ImportKillDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path projectFile = Path.of(args[0]);
        Path csv = Path.of(args[1]);
        String point = args[2];
        long rows = point.equals("rows") ? Long.parseLong(args[3]) : -1;
        try (Project project = Project.openOrCreate(projectFile)) {
            AtomicLong written = new AtomicLong();
            project.write(EnumSet.noneOf(DataArea.class), connection -> {
                SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
                sqlite.addUpdateListener((SQLiteUpdateListener) (type, database, table, rowId) -> {
                    if (table.equals("repository") && type == SQLiteUpdateListener.Type.INSERT
                            && written.incrementAndGet() == rows) {
                        stop("inside the transaction, " + rows + " rows written");
                    }
                });
                sqlite.addCommitListener(new SQLiteCommitListener() {
                    @Override
                    public void onCommit() {
                        if (point.equals("commit") && written.get() > 0) {
                            stop("committing, " + written.get() + " rows written");
                        }
                    }

                    @Override
                    public void onRollback() {
                    }
                });
                return null;
            });
            new ImportRepositories(project).asSoleUser().importFiles(List.of(csv), ImportOptions.defaults(),
                    Progress.NONE);
            if (point.equals("committed")) {
                stop("committed, " + written.get() + " rows written");
            }
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
}
