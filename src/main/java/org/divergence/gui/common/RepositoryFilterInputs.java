package org.divergence.gui.common;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;

/**
 * The repository-type check boxes and the creation-date range of the Compare, Charts and Report screens: the filter
 * they describe (all types checked means no type filter), and a call back whenever one of them changes.
 */
public final class RepositoryFilterInputs {

    private final Map<RepoType, BooleanProperty> included = new EnumMap<>(RepoType.class);
    private final ObjectProperty<LocalDate> createdFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> createdTo = new SimpleObjectProperty<>();
    private final String noTypeMessage;

    /** {@code noTypeMessage}: what to tell the user when every type is unchecked. */
    public RepositoryFilterInputs(String noTypeMessage, Runnable changed) {
        this.noTypeMessage = noTypeMessage;
        for (RepoType type : RepoType.values()) {
            BooleanProperty box = new SimpleBooleanProperty(true);
            box.addListener((obs, old, now) -> changed.run());
            included.put(type, box);
        }
        createdFrom.addListener((obs, old, now) -> changed.run());
        createdTo.addListener((obs, old, now) -> changed.run());
    }

    /** Whether repositories of the type take part. */
    public BooleanProperty includedProperty(RepoType type) {
        return included.get(type);
    }

    public ObjectProperty<LocalDate> createdFromProperty() {
        return createdFrom;
    }

    public ObjectProperty<LocalDate> createdToProperty() {
        return createdTo;
    }

    /** Every type, any creation date. */
    public void reset() {
        included.values().forEach(box -> box.set(true));
        createdFrom.set(null);
        createdTo.set(null);
    }

    /** The filter the inputs describe; contradictory inputs throw with a message for the user. */
    public RepositoryFilter filter() {
        Set<RepoType> types = EnumSet.noneOf(RepoType.class);
        included.forEach((type, box) -> {
            if (box.get()) {
                types.add(type);
            }
        });
        if (types.isEmpty()) {
            throw new InvalidInputException(noTypeMessage);
        }
        if (createdFrom.get() != null && createdTo.get() != null && createdFrom.get().isAfter(createdTo.get())) {
            throw new InvalidInputException("The \u201Ccreated from\u201D date is after the \u201Ccreated to\u201D date.");
        }
        return new RepositoryFilter(Set.of(), types.size() == RepoType.values().length ? Set.of() : types,
                createdFrom.get(), createdTo.get());
    }
}
