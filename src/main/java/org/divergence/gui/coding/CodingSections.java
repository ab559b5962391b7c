package org.divergence.gui.coding;

import java.util.List;
import org.divergence.gui.shell.FeatureServices;
import org.divergence.gui.shell.SectionView;
import org.divergence.store.settings.SettingsStore;

/** Creates the Interviews and Codebook sections around one shared {@link CodingWorkspace}. */
public final class CodingSections {

    private CodingSections() {
    }

    public static List<SectionView> create(FeatureServices services) {
        SettingsStore store = new SettingsStore(services.directories().config());
        var settings = services.mainViewModel().settings();
        CodingWorkspace workspace = new CodingWorkspace(services.context(), services.tasks(), services.dialogs(),
                settings, () -> store.save(settings));
        TranscriptImportAction importAction = new TranscriptImportAction(services);
        services.importHandler().register("Interview transcripts", org.divergence.exchange.transcripts.TranscriptFormat.extensions(),
                importAction::importFiles);
        var evidence = new org.divergence.gui.evidence.EvidenceControls(new org.divergence.gui.evidence.EvidenceLinks(
                services.context(), services.tasks(), services.dialogs()));
        return List.of(new InterviewsSection(services, workspace, importAction, evidence),
                new CodebookSection(new CodebookViewModel(workspace), evidence));
    }
}
