package org.divergence.gui.coding;

import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.core.coding.CaseAttribute;
import org.divergence.core.coding.InterviewCase;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.store.coding.CaseStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/** Cases (interviewees) and their attribute values, editable as a table; every edit is undoable. */
public final class CasesViewModel {

    private final CodingWorkspace workspace;
    private final ObservableList<InterviewCase> cases = FXCollections.observableArrayList();
    private final ObservableList<CaseAttribute> attributes = FXCollections.observableArrayList();
    private long reloads;

    public CasesViewModel(CodingWorkspace workspace) {
        this.workspace = workspace;
        workspace.addChangeListener(this::changed);
        workspace.context().projectProperty().addListener((obs, old, project) -> reload());
        reload();
    }

    public ObservableList<InterviewCase> cases() {
        return cases;
    }

    public ObservableList<CaseAttribute> attributes() {
        return attributes;
    }

    private void changed(Set<DataArea> areas) {
        if (areas.contains(DataArea.CASES) || areas.contains(DataArea.TRANSCRIPTS)) {
            reload();
        }
    }

    public void reload() {
        if (!workspace.hasProject()) {
            cases.clear();
            attributes.clear();
            return;
        }
        Project project = workspace.project();
        record Loaded(List<InterviewCase> cases, List<CaseAttribute> attributes) {
        }
        long reload = ++reloads;
        workspace.tasks().execute(BackgroundTask.of("Loading cases", progress -> new Loaded(
                new CaseStore(project).cases(), new CaseStore(project).attributes())).quiet().onSuccess(loaded -> {
                    if (workspace.project() != project || reload != reloads) {
                        return;
                    }
                    if (!attributes.equals(loaded.attributes())) {
                        attributes.setAll(loaded.attributes());
                    }
                    if (!cases.equals(loaded.cases())) {
                        cases.setAll(loaded.cases());
                    }
                }));
    }

    public void addCase(String name) {
        workspace.run(project -> new CaseStore(project).createCase(name), null);
    }

    public void addAttribute(String name) {
        workspace.run(project -> new CaseStore(project).addAttribute(name), null);
    }

    public void renameCase(InterviewCase interviewCase, String name) {
        if (name != null && !name.strip().equals(interviewCase.name())) {
            workspace.run(project -> new CaseStore(project).renameCase(interviewCase.id(), name), null);
        }
    }

    public void setValue(InterviewCase interviewCase, CaseAttribute attribute, String value) {
        String old = interviewCase.attributes().get(attribute.name());
        String next = value == null || value.isBlank() ? null : value.strip();
        if (next == null ? old != null : !next.equals(old)) {
            workspace.run(project -> new CaseStore(project).setValue(interviewCase.id(), attribute.id(), next), null);
        }
    }

    public void removeCase(InterviewCase interviewCase) {
        workspace.run(project -> new CaseStore(project).removeCase(interviewCase.id()), null);
    }
}
