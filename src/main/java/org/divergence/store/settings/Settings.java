package org.divergence.store.settings;

import java.util.ArrayList;
import java.util.List;

/** What the desktop app remembers between runs. Plain fields so Jackson can read files from older versions. */
public final class Settings {
    public static final int MAX_RECENT = 10;

    public double windowWidth = 1280;
    public double windowHeight = 800;
    public Double windowX;
    public Double windowY;
    public boolean maximized;
    public String theme = "light";
    public String lastProject;
    public List<String> recentProjects = new ArrayList<>();
    public String currentCoder;
    /** Blind coding: the coding screens show only the current coder's codings. */
    public boolean blindCoding;
    /** The first-start banner over the sample project was closed. */
    public boolean welcomeDismissed;

    /** Moves the project to the front of the recent list. */
    public void rememberProject(String path) {
        recentProjects.remove(path);
        recentProjects.addFirst(path);
        while (recentProjects.size() > MAX_RECENT) {
            recentProjects.removeLast();
        }
        lastProject = path;
    }
}
