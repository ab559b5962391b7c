package org.divergence.gui.repositories;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableListBase;
import org.divergence.core.repositories.StoredRepository;
import org.divergence.store.repositories.RepositoryBrowser;

/**
 * The rows of the repository table as a read-only list of any length: it knows the ordered ids and loads full rows
 * a page at a time when the table asks for them (a page is one indexed query of a millisecond or two), keeping a
 * bounded number of pages. A new order or filter changes the content of the same list: a table clears its sort
 * order when its items list is replaced (JDK-8092759), so the list is never replaced, only refilled.
 */
final class RepositoryRows extends ObservableListBase<StoredRepository> {

    static final int PAGE = 200;
    private static final int PAGES_KEPT = 24;

    private final RepositoryBrowser browser;
    private long[] ids;
    private final Map<Integer, List<StoredRepository>> pages = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<StoredRepository>> eldest) {
            return size() > PAGES_KEPT;
        }
    };

    RepositoryRows(RepositoryBrowser browser, long[] ids) {
        this.browser = browser;
        this.ids = ids;
    }

    static RepositoryRows empty(RepositoryBrowser browser) {
        return new RepositoryRows(browser, new long[0]);
    }

    /** Shows another order or filter: one change event "everything replaced". */
    void show(long[] newIds) {
        int oldSize = ids.length;
        ids = newIds;
        pages.clear();
        beginChange();
        if (oldSize > 0) {
            // The removed rows are not kept (there may be millions); listeners learn only how many there were.
            nextRemove(0, java.util.Collections.nCopies(oldSize, (StoredRepository) null));
        }
        if (newIds.length > 0) {
            nextAdd(0, newIds.length);
        }
        endChange();
    }

    @Override
    public StoredRepository get(int index) {
        if (index < 0 || index >= ids.length) {
            throw new IndexOutOfBoundsException(index);
        }
        int pageNumber = index / PAGE;
        List<StoredRepository> page = pages.computeIfAbsent(pageNumber, number ->
                browser.fetch(ids, number * PAGE, Math.min(ids.length, (number + 1) * PAGE)));
        int offset = index - pageNumber * PAGE;
        // A repository removed since the order was computed shortens its page; show its neighbour meanwhile.
        return page.isEmpty() ? null : page.get(Math.min(offset, page.size() - 1));
    }

    @Override
    public int size() {
        return ids.length;
    }

    /** The ids at these positions (positions outside the list are left out). */
    long[] idsAt(List<Integer> indices) {
        return indices.stream().mapToInt(Integer::intValue).filter(i -> i >= 0 && i < ids.length)
                .mapToLong(i -> ids[i]).toArray();
    }

    /** Every id shown, in order. */
    long[] ids() {
        return ids.clone();
    }

    /** Where a repository is in this order, or -1. */
    int indexOf(long id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }
}
