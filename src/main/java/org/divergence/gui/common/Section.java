package org.divergence.gui.common;

import javafx.scene.input.KeyCode;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The workbench's sections, in the order of the navigation; Ctrl+1 … Ctrl+7 jump to them. */
public enum Section {
    REPOSITORIES("Repositories", Material2AL.FOLDER_OPEN, KeyCode.DIGIT1,
            "Browse the imported repository sample: filter, sort, inspect."),
    COMPARE("Compare", Material2AL.COMPARE_ARROWS, KeyCode.DIGIT2,
            "Compare GitHub and Hugging Face on the study's dimensions, with statistics."),
    CHARTS("Charts", Material2MZ.SHOW_CHART, KeyCode.DIGIT3,
            "Box plots, ECDFs, histograms, shares, effect sizes and time views of any metric."),
    INTERVIEWS("Interviews", Material2MZ.RECORD_VOICE_OVER, KeyCode.DIGIT4,
            "Import interview transcripts, assign them to cases, and code them."),
    CODEBOOK("Codebook", Material2AL.ACCOUNT_TREE, KeyCode.DIGIT5,
            "The hierarchy of codes: socio-technical factors, with definitions and examples."),
    AGREEMENT("Agreement", Material2AL.GROUP, KeyCode.DIGIT6,
            "Inter-coder agreement per code: percent agreement, Cohen's kappa, Krippendorff's alpha."),
    REPORT("Report", Material2AL.DESCRIPTION, KeyCode.DIGIT7,
            "Numbers and quotes side by side: the joint display and a reproducible report.");

    private final String title;
    private final Ikon icon;
    private final KeyCode shortcutDigit;
    private final String purpose;

    Section(String title, Ikon icon, KeyCode shortcutDigit, String purpose) {
        this.title = title;
        this.icon = icon;
        this.shortcutDigit = shortcutDigit;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    public KeyCode shortcutDigit() {
        return shortcutDigit;
    }

    public String purpose() {
        return purpose;
    }
}
