package org.divergence.gui.coding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.Memo;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.MemoStore;
import org.divergence.store.coding.SegmentQuery;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/** The codebook screen: the selected code, codings per code, and every codebook change as an undoable command. */
public final class CodebookViewModel {

    private final CodingWorkspace workspace;
    private final ObjectProperty<Code> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Map<Long, Integer>> codingCounts = new SimpleObjectProperty<>(Map.of());
    private final StringProperty status = new SimpleStringProperty("");
    private long countReloads;

    public CodebookViewModel(CodingWorkspace workspace) {
        this.workspace = workspace;
        workspace.addChangeListener(this::changed);
        workspace.codebookProperty().addListener((obs, old, codebook) -> {
            Code current = selected.get();
            if (current != null) {
                selected.set(codebook.get(current.id()).orElse(null));
            }
        });
        refreshCounts();
    }

    public CodingWorkspace workspace() {
        return workspace;
    }

    public Codebook codebook() {
        return workspace.codebook();
    }

    public ObjectProperty<Code> selectedProperty() {
        return selected;
    }

    /** Codings per code id (the code's own, not its sub-codes'). */
    public ObjectProperty<Map<Long, Integer>> codingCountsProperty() {
        return codingCounts;
    }

    public StringProperty statusProperty() {
        return status;
    }

    private void changed(Set<DataArea> areas) {
        if (areas.contains(DataArea.CODINGS) || areas.contains(DataArea.CODEBOOK)) {
            refreshCounts();
        }
    }

    private void refreshCounts() {
        if (!workspace.hasProject()) {
            codingCounts.set(Map.of());
            return;
        }
        Project project = workspace.project();
        long reload = ++countReloads;
        workspace.tasks().execute(BackgroundTask.of("Counting codings", progress -> {
            Map<Long, Integer> counts = new HashMap<>();
            for (Coding coding : new CodingStore(project).allCodings()) {
                counts.merge(coding.codeId(), 1, Integer::sum);
            }
            return counts;
        }).quiet().onSuccess(counts -> {
            if (workspace.project() == project && reload == countReloads) {
                codingCounts.set(counts);
            }
        }));
    }

    /** Codings of the code and every code below it: what deleting it removes. */
    public int codingsInSubtree(long codeId) {
        Map<Long, Integer> counts = codingCounts.get();
        return codebook().subtree(codeId).stream().mapToInt(code -> counts.getOrDefault(code.id(), 0)).sum();
    }

    public void addStarterCodebook() {
        workspace.run(project -> new CodebookStore(project).addStarterCodebook(),
                added -> status.set(added == 0 ? "The starter codebook is already here."
                        : "Added " + added + " codes of the starter codebook: adapt them to your study."));
    }

    public void addCode(Long parentId, String name) {
        workspace.run(project -> new CodebookStore(project).createCode(parentId, name, null),
                id -> selectWhenLoaded(id));
    }

    public void rename(Code code, String name) {
        workspace.run(project -> new CodebookStore(project).renameCode(code.id(), name), null);
    }

    public void save(Code code, CodebookStore.CodeDetails details) {
        workspace.run(project -> new CodebookStore(project).updateCode(code.id(), details),
                result -> status.set("Saved \u201C" + details.name() + "\u201D."));
    }

    public void move(Code code, Long newParentId, int index) {
        workspace.run(project -> new CodebookStore(project).moveCode(code.id(), newParentId, index), null);
    }

    public void merge(Code source, Code target) {
        workspace.run(project -> new CodebookStore(project).mergeCode(source.id(), target.id()), moved -> {
            status.set("Merged \u201C" + source.name() + "\u201D into \u201C" + target.name() + "\u201D (" + moved
                    + " codings moved).");
            selectWhenLoaded(target.id());
        });
    }

    public void split(Code source, String name, List<Long> codingIds) {
        workspace.run(project -> new CodebookStore(project).splitCode(source.id(), name, codingIds), id -> {
            status.set("Split " + codingIds.size() + " coding(s) into \u201C" + name + "\u201D.");
            selectWhenLoaded(id);
        });
    }

    public void delete(Code code) {
        workspace.run(project -> new CodebookStore(project).deleteCode(code.id()), removed -> status.set(
                "Deleted \u201C" + code.name() + "\u201D and " + removed + " coding(s). Ctrl+Z brings them back."));
    }

    /** The coded segments of one code (for the split dialog). */
    public List<CodedSegment> segmentsOf(Code code) {
        return SegmentQuery.segments(workspace.project(), new SegmentQuery.Filter(Set.of(code.id()), null, null, null,
                null));
    }

    public String memo(Code code) {
        return new MemoStore(workspace.project()).memo(Memo.Target.CODE, code.id()).map(Memo::text).orElse("");
    }

    public void saveMemo(Code code, String text) {
        workspace.runAsCoder((project, coder) -> new MemoStore(project).save(Memo.Target.CODE, code.id(), coder.id(),
                text), result -> status.set("Memo saved."));
    }

    private Long pendingSelect;
    private Consumer<Long> selector = id -> { };

    /** The view selects a newly created code once the reloaded codebook has it. */
    void onSelectRequest(Consumer<Long> selector) {
        this.selector = selector;
        workspace.codebookProperty().addListener((obs, old, codebook) -> {
            if (pendingSelect != null && codebook.get(pendingSelect).isPresent()) {
                Long id = pendingSelect;
                pendingSelect = null;
                this.selector.accept(id);
            }
        });
    }

    private void selectWhenLoaded(Long id) {
        if (id == null) {
            return;
        }
        if (codebook().get(id).isPresent()) {
            selector.accept(id);
        } else {
            pendingSelect = id;
        }
    }
}
