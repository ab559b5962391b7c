package org.divergence.gui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;

/** The app's two looks: AtlantaFX Primer light and dark, plus the workbench's own stylesheet on every scene. */
public enum Theme {
    LIGHT, DARK;

    public static final String STYLESHEET = "/org/divergence/gui/workbench.css";

    public static Theme of(String name) {
        return "dark".equals(name == null ? "" : name.toLowerCase(Locale.ROOT)) ? DARK : LIGHT;
    }

    public String settingsName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isDark() {
        return this == DARK;
    }

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static String stylesheetUrl() {
        return Theme.class.getResource(STYLESHEET).toExternalForm();
    }
}
