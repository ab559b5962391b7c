package org.divergence.gui.collect;

import org.divergence.gui.common.FeatureServices;

/**
 * File → Collect from GitHub / Hugging Face… and the Repositories view's button: opens the Collect dialog for the
 * open project, or brings the one already open to the front (one crawl at a time per window).
 */
public final class CollectAction implements Runnable {

    private final FeatureServices services;
    private CollectDialog open;

    public CollectAction(FeatureServices services) {
        this.services = services;
        // The dialog collects into the project it was opened on: another project closes it.
        services.context().projectProperty().addListener((obs, old, project) -> {
            if (open != null && open.isShowing()) {
                open.close();
            }
        });
    }

    @Override
    public void run() {
        if (!services.context().hasProject()) {
            services.dialogs().showInformation("Collect", "Open or create a project first: collected repositories"
                    + " are stored in it.");
            return;
        }
        if (open != null && open.isShowing()) {
            open.toFront();
            return;
        }
        CollectViewModel viewModel = new CollectViewModel(services.tasks(), services.context().project(),
                CollectEnvironment.of(services.directories()));
        open = new CollectDialog(services.window(), viewModel, services.dialogs());
        open.show();
    }
}
