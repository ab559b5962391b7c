package org.divergence.gui.repositories;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.SortKey;
import org.divergence.core.repositories.StoredRepository;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.gui.tags.TaggableRepositories;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.RepositoryBrowser;

/**
 * The Repositories screen's state: the filter, the sort, the matching rows (a lazily loaded list over the whole
 * project), counts, and the selected repository with its batch. Every change of filter or sort recomputes the
 * order in the background; the latest request wins and earlier ones are cancelled.
 */
public final class RepositoriesViewModel implements TaggableRepositories {

    private final TaskExecutor tasks;

    private final ObjectProperty<Platform> platform = new SimpleObjectProperty<>();
    private final ObjectProperty<RepoType> type = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> createdFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> createdTo = new SimpleObjectProperty<>();
    private final StringProperty nameContains = new SimpleStringProperty("");
    private final ObjectProperty<RepositoryFilter.Tag> tag = new SimpleObjectProperty<>();
    private final ObjectProperty<SortKey> sortKey = new SimpleObjectProperty<>(SortKey.IMPORT_ORDER);
    private final BooleanProperty ascending = new SimpleBooleanProperty(true);
    /** What a linked view (a chart click) asked for beyond the filter bar: a metric range, several types. */
    private final ObjectProperty<RepositoryFilter> linked = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<ObservableList<StoredRepository>> rows = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper matching = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<StoredRepository> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ImportBatch> selectedBatch = new ReadOnlyObjectWrapper<>();
    private final LongProperty revision = new SimpleLongProperty();

    private Project project;
    private RepositoryBrowser browser;
    /** Latest wins: a newer request cancels the one still running, and only its result is shown. */
    private final LatestTaskScheduler listings;

    public RepositoriesViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
        this.listings = new LatestTaskScheduler(tasks, Duration.ZERO);
        for (var property : new javafx.beans.Observable[] {platform, type, createdFrom, createdTo, sortKey,
            ascending, linked, tag}) {
            property.addListener(observable -> refresh());
        }
        selected.addListener((obs, old, repository) -> loadBatch(repository));
    }

    /** Shows another project (or none); called when the window's project changes. */
    public void setProject(Project next) {
        this.project = next;
        this.browser = next == null ? null : new RepositoryBrowser(next);
        rows.set(browser == null ? null : RepositoryRows.empty(browser));
        refresh();
    }

    public void dataChanged(Set<DataArea> areas) {
        if (areas.contains(DataArea.REPOSITORIES) || areas.contains(DataArea.BATCHES)
                || tag.get() != null && (areas.contains(DataArea.TAGS) || areas.contains(DataArea.CODEBOOK))) {
            refresh();
        }
    }

    public RepositoryFilter filter() {
        Set<Platform> platforms = platform.get() == null ? Set.of() : EnumSet.of(platform.get());
        RepositoryFilter extra = linked.get();
        Set<RepoType> types = type.get() != null ? EnumSet.of(type.get())
                : extra == null ? Set.of() : extra.repoTypes();
        LocalDate from = createdFrom.get();
        LocalDate to = createdTo.get();
        if (from != null && to != null && from.isAfter(to)) {
            to = from;
        }
        return new RepositoryFilter(platforms, types, from, to, nameContains.get(),
                extra == null ? null : extra.metricRange(), tag.get() == null ? Set.of() : Set.of(tag.get()),
                extra == null ? Set.of() : extra.withoutTags());
    }

    /**
     * Applies a filter from elsewhere (e.g. a chart's "show these repositories"). What the filter bar cannot show
     * (a metric range, several repository types, tags to leave out) is kept as the {@link #linkedProperty() linked}
     * part.
     */
    public void showFiltered(RepositoryFilter filter) {
        platform.set(filter.platforms().size() == 1 ? filter.platforms().iterator().next() : null);
        type.set(filter.repoTypes().size() == 1 ? filter.repoTypes().iterator().next() : null);
        boolean severalTypes = filter.repoTypes().size() > 1;
        boolean linkedPart = filter.metricRange() != null || severalTypes || !filter.withoutTags().isEmpty();
        linked.set(!linkedPart ? null : new RepositoryFilter(Set.of(), severalTypes ? filter.repoTypes() : Set.of(),
                null, null, null, filter.metricRange(), Set.of(), filter.withoutTags()));
        createdFrom.set(filter.createdFrom());
        createdTo.set(filter.createdTo());
        nameContains.set(filter.nameContains() == null ? "" : filter.nameContains());
        tag.set(filter.tags().size() == 1 ? filter.tags().iterator().next() : null);
        refresh();
    }

    public void clearFilters() {
        showFiltered(RepositoryFilter.ALL);
    }

    public void sortBy(SortKey key, boolean isAscending) {
        if (key == sortKey.get() && isAscending == ascending.get()) {
            return;
        }
        sortKey.set(key);
        ascending.set(isAscending);
    }

    /** Recomputes the matching rows in the background; a newer request cancels this one. */
    public void refresh() {
        if (browser == null) {
            listings.cancel();
            loading.set(false);
            matching.set(0);
            total.set(0);
            empty.set(true);
            return;
        }
        RepositoryBrowser current = browser;
        RepositoryFilter filter = filter();
        SortKey key = sortKey.get();
        boolean isAscending = ascending.get();
        loading.set(true);
        status.set("Finding repositories…");
        listings.schedule(BackgroundTask.of("Listing repositories", progress -> {
            long all = current.total();
            long[] ids = current.order(filter, key, isAscending, progress);
            return new Listing(all, ids, filter);
        }).quiet().onSuccess(listing -> {
            // Before the rows change, so the table has no selection to carry over (see RepositoriesView).
            selected.set(null);
            if (rows.get() instanceof RepositoryRows shown) {
                shown.show(listing.ids());
            }
            matching.set(listing.ids().length);
            total.set(listing.total());
            empty.set(listing.total() == 0);
            status.set(describe(listing));
            revision.set(revision.get() + 1);
        }).onFinished(() -> loading.set(false)));
    }

    /** What the listing shows, with the filter it was made for (the filter bar may have moved on since). */
    private static String describe(Listing listing) {
        String shown = String.format("%,d of %,d repositories", listing.ids().length, listing.total());
        var conditions = listing.filter().conditions();
        return conditions.isEmpty() ? shown : shown + " where " + String.join("; ", conditions);
    }

    private record Listing(long total, long[] ids, RepositoryFilter filter) {
    }

    private void loadBatch(StoredRepository repository) {
        selectedBatch.set(null);
        if (repository == null || browser == null) {
            return;
        }
        RepositoryBrowser current = browser;
        tasks.execute(BackgroundTask.of("Reading the import batch", progress -> current.batchOf(repository))
                .quiet()
                .onSuccess(batch -> {
                    if (selected.get() == repository) {
                        selectedBatch.set(batch.orElse(null));
                    }
                }));
    }

    public Optional<Project> project() {
        return Optional.ofNullable(project);
    }

    /** The part of a linked filter the filter bar cannot show (null: none); set it to null to drop it. */
    public ObjectProperty<RepositoryFilter> linkedProperty() {
        return linked;
    }

    public ObjectProperty<Platform> platformProperty() {
        return platform;
    }

    public ObjectProperty<RepoType> typeProperty() {
        return type;
    }

    public ObjectProperty<LocalDate> createdFromProperty() {
        return createdFrom;
    }

    public ObjectProperty<LocalDate> createdToProperty() {
        return createdTo;
    }

    /** Only repositories carrying this code as a tag (null = any). */
    public ObjectProperty<RepositoryFilter.Tag> tagProperty() {
        return tag;
    }

    /** The ids of the rows at these positions of the current listing (e.g. the table's selection). */
    public long[] idsAt(java.util.List<Integer> indices) {
        return rows.get() instanceof RepositoryRows shown ? shown.idsAt(indices) : new long[0];
    }

    /** The ids of every repository the current listing shows, in its order. */
    public long[] shownIds() {
        return rows.get() instanceof RepositoryRows shown ? shown.ids() : new long[0];
    }

    /** The View applies this after the user pauses typing. */
    public StringProperty nameContainsProperty() {
        return nameContains;
    }

    public ObjectProperty<SortKey> sortKeyProperty() {
        return sortKey;
    }

    public BooleanProperty ascendingProperty() {
        return ascending;
    }

    public ReadOnlyObjectProperty<ObservableList<StoredRepository>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty matchingProperty() {
        return matching.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True when the project has no repositories at all (the screen then shows how to import some). */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<StoredRepository> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ImportBatch> selectedBatchProperty() {
        return selectedBatch.getReadOnlyProperty();
    }

    /** Rises each time a new listing is shown. */
    public LongProperty revisionProperty() {
        return revision;
    }
}
