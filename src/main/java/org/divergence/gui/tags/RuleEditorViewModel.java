package org.divergence.gui.tags;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.RuleParser;
import org.divergence.core.tags.RuleSyntaxException;
import org.divergence.core.tags.TagRule;
import org.divergence.core.undo.UndoHistory;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.tags.RuleCommand;
import org.divergence.store.tags.TagRules;

/**
 * The tag rules dialog's state: the saved rules with their counts, and the editor: a code, an expression, the
 * expression's problem (with its position) as it is typed, and how many repositories it matches (counted in the
 * background, latest wins) before it is saved. Saving, changing and removing go through the undo history.
 */
public final class RuleEditorViewModel {

    private final ProjectContext context;
    private final TaskExecutor tasks;
    private final LatestTaskScheduler counter;
    private final ObservableList<TagRule> rules = FXCollections.observableArrayList();
    private final ObjectProperty<FactorTag> tag = new SimpleObjectProperty<>();
    private final StringProperty expression = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<TagRule> editing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper problemPosition = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyLongWrapper matches = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSave;
    private final Consumer<Set<DataArea>> listener = this::dataChanged;

    public RuleEditorViewModel(ProjectContext context, TaskExecutor tasks) {
        this(context, tasks, Duration.ofMillis(300));
    }

    /** Tests pass a zero debounce with the same-thread executor. */
    public RuleEditorViewModel(ProjectContext context, TaskExecutor tasks, Duration debounce) {
        this.context = context;
        this.tasks = tasks;
        this.counter = new LatestTaskScheduler(tasks, debounce);
        expression.addListener((obs, old, text) -> check());
        canSave = Bindings.createBooleanBinding(() -> tag.get() != null && problem.get().isEmpty()
                && !expression.get().isBlank() && context.hasProject(), tag, problem, expression);
        context.addDataListener(listener);
        reloadRules();
        check();
    }

    public ObservableList<TagRule> rules() {
        return rules;
    }

    /** The code the rule gives as a tag. */
    public ObjectProperty<FactorTag> tagProperty() {
        return tag;
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    /** The saved rule being changed, or null for a new rule. */
    public ReadOnlyObjectProperty<TagRule> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** What is wrong with the expression, e.g. "at character 17: expected a value after '='"; empty when valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The problem's character, counted from 0 in UTF-16 units (for the text area's caret), or -1. */
    public ReadOnlyIntegerProperty problemPositionProperty() {
        return problemPosition.getReadOnlyProperty();
    }

    /** How many repositories the expression matches now; -1 while unknown (invalid, or being counted). */
    public ReadOnlyLongProperty matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty countingProperty() {
        return counter.busyProperty();
    }

    /** What the last save, change or removal did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** Loads a saved rule into the editor, to change it. */
    public void edit(TagRule rule, List<FactorTag> tags) {
        editing.set(rule);
        tag.set(tags.stream().filter(candidate -> candidate.codeId() == rule.codeId()).findFirst().orElse(null));
        expression.set(rule.expression());
    }

    /** Clears the editor for a new rule (keeps the chosen code). */
    public void newRule() {
        editing.set(null);
        expression.set("");
    }

    /** Saves the new rule, or the change of the rule being edited; {@code onDone} gets how many it tags. */
    public void save(Consumer<Long> onDone) {
        if (!canSave.get()) {
            return;
        }
        Project project = context.project();
        UndoHistory history = context.undoHistory();
        FactorTag chosen = tag.get();
        String text = expression.get();
        TagRule changing = editing.get();
        tasks.execute(BackgroundTask.of(changing == null ? "Saving the tag rule" : "Changing the tag rule",
                progress -> {
                    RuleCommand command = changing == null ? TagRules.add(project, chosen.codeId(), text)
                            : TagRules.update(project, changing.id(), text);
                    history.execute(command);
                    return command.matches();
                }).onSuccess(tagged -> {
                    status.set(String.format("%s rule for \u201C%s\u201D: it tags %,d %s.", changing == null
                            ? "Saved the" : "Changed the", chosen.name(), tagged, tagged == 1 ? "repository"
                            : "repositories"));
                    editing.set(null);
                    expression.set("");
                    if (onDone != null) {
                        onDone.accept(tagged);
                    }
                }));
    }

    public void remove(TagRule rule) {
        Project project = context.project();
        if (project == null) {
            return;
        }
        UndoHistory history = context.undoHistory();
        tasks.execute(BackgroundTask.of("Removing the tag rule", progress -> {
            history.execute(TagRules.remove(project, rule.id()));
            return rule;
        }).onSuccess(removed -> {
            status.set("Removed rule " + removed.id() + " and the tags only it gave (Edit \u2192 Undo brings it"
                    + " back).");
            if (editing.get() != null && editing.get().id() == removed.id()) {
                newRule();
            }
        }));
    }

    /** Applies every rule to every repository again (e.g. after removing an import batch). */
    public void reapplyAll() {
        Project project = context.project();
        if (project == null) {
            return;
        }
        tasks.execute(BackgroundTask.of("Re-applying tag rules", progress -> TagRules.reapplyAll(project))
                .onSuccess(changed -> status.set(String.format("Re-applied the rules: %,d tags added, %,d removed.",
                        changed[0], changed[1]))));
    }

    /** Stops listening to the project (the dialog closed). */
    public void dispose() {
        counter.close();
        context.removeDataListener(listener);
    }

    private void check() {
        String text = expression.get();
        matches.set(-1);
        if (text == null || text.isBlank()) {
            counter.cancel();
            problem.set("");
            problemPosition.set(-1);
            return;
        }
        try {
            RuleParser.parse(text);
            problem.set("");
            problemPosition.set(-1);
        } catch (RuleSyntaxException invalid) {
            counter.cancel();
            problem.set(invalid.getMessage());
            problemPosition.set(text.offsetByCodePoints(0, Math.min(invalid.position() - 1,
                    text.codePointCount(0, text.length()))));
            return;
        }
        Project project = context.project();
        if (project == null) {
            return;
        }
        counter.schedule(BackgroundTask.of("Counting matching repositories",
                progress -> TagRules.countMatches(project, text)).quiet()
                .onSuccess(count -> {
                    if (text.equals(expression.get())) {
                        matches.set(count);
                    }
                })
                .onFailure(error -> problem.set(error.getMessage())));
    }

    private void dataChanged(Set<DataArea> areas) {
        if (areas.contains(DataArea.TAGS) || areas.contains(DataArea.CODEBOOK)
                || areas.contains(DataArea.REPOSITORIES)) {
            reloadRules();
            if (areas.contains(DataArea.REPOSITORIES)) {
                check();
            }
        }
    }

    private void reloadRules() {
        Project project = context.project();
        if (project == null) {
            rules.clear();
            return;
        }
        tasks.execute(BackgroundTask.of("Reading tag rules", progress -> TagRules.list(project)).quiet()
                .onSuccess(loaded -> {
                    if (!rules.equals(loaded)) {
                        rules.setAll(loaded);
                    }
                }));
    }
}
