package org.divergence.gui.agreement;

import javafx.scene.Node;
import org.divergence.gui.coding.InterviewsSection;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.WorkbenchSection;
import org.divergence.gui.refi.RefiActions;

/**
 * The Agreement section: agreement over the Interviews section's coding workspace; "show in text" opens the
 * passage there, and merging another coder's work goes through the REFI-QDA actions.
 */
public final class AgreementSection implements WorkbenchSection {

    private final AgreementView view;

    public AgreementSection(FeatureServices services, InterviewsSection interviews, RefiActions refi) {
        AgreementViewModel viewModel = new AgreementViewModel(interviews.workspace(), (transcript, start, end) -> {
            services.navigate(Section.INTERVIEWS);
            interviews.showInText(transcript, start, end);
        });
        refi.addImportedListener(report -> viewModel.refresh());
        this.view = new AgreementView(viewModel, refi);
    }

    public AgreementView view() {
        return view;
    }

    @Override
    public Section section() {
        return Section.AGREEMENT;
    }

    @Override
    public Node node() {
        return view.node();
    }

    @Override
    public void shown() {
        view.shown();
    }
}
