package org.divergence.gui.refi;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.divergence.core.refi.MergeReport;

/** The import report: a summary line, and the whole report (matches, adjustments, what was not carried) below. */
final class MergeReportDialog {

    private MergeReportDialog() {
    }

    static void show(Window owner, MergeReport report) {
        MergeReport.Count codings = report.count(MergeReport.Item.CODINGS);
        MergeReport.Count transcripts = report.count(MergeReport.Item.TRANSCRIPTS);
        MergeReport.Count codes = report.count(MergeReport.Item.CODES);
        String summary = transcripts.added() + " transcript(s), " + codes.added() + " code(s) and " + codings.added()
                + " coding(s) added; " + transcripts.matched() + " transcript(s) and " + codes.matched()
                + " code(s) matched." + (report.notCarried().isEmpty() ? ""
                : "\nSome items could not be carried: see the report.");
        Alert alert = new Alert(report.notCarried().isEmpty() ? Alert.AlertType.INFORMATION
                : Alert.AlertType.WARNING, summary, ButtonType.OK);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Import report");
        alert.setHeaderText("Imported " + report.source());
        TextArea text = new TextArea(report.text());
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(16);
        text.setId("merge-report-text");
        alert.getDialogPane().setExpandableContent(text);
        alert.getDialogPane().setExpanded(!report.notCarried().isEmpty() || !report.details().isEmpty());
        alert.getDialogPane().setMinWidth(560);
        alert.getDialogPane().setId("merge-report");
        alert.show();
    }
}
