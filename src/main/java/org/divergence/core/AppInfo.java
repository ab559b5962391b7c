package org.divergence.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The application's name and version, as Maven wrote them into {@code version.properties}. */
public final class AppInfo {
    public static final String NAME = "Divergence Workbench";
    /** Used for folders, file names and the User-Agent. */
    public static final String ID = "divergence-workbench";
    public static final String PROJECT_EXTENSION = ".divergence";

    private static final String VERSION = loadVersion();

    private AppInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/org/divergence/version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "development");
            return version.startsWith("${") ? "development" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
