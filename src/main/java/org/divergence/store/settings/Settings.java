package org.divergence.store.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the desktop app remembers between runs. Plain fields so Jackson can read files from older versions. */
public final class Settings {
    public static final int MAX_RECENT = 10;
    public static final int MAX_COLUMN_MAPPINGS = 50;

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
    /** The Compare table's columns shown (keys of ComparisonColumn); null for the default choice. */
    public List<String> compareColumns;
    /** Compare: the share of the height the table takes above the chart, and the chart's share of the width. */
    public Double compareTableDivider;
    public Double compareChartDivider;
    /** Compare: the headlines unfolded (null: as suits the window's height). */
    public Boolean compareHeadlinesShown;
    /** How CSV files with columns named differently were mapped onto the canonical ones, by header, newest first. */
    public List<ColumnMappingSetting> columnMappings = new ArrayList<>();

    /** One remembered mapping: the file's header and, per canonical column, the file's column ("" for none). */
    public static final class ColumnMappingSetting {
        public List<String> header = new ArrayList<>();
        public Map<String, String> columns = new LinkedHashMap<>();
    }

    /** The mapping remembered for this header, or an empty map. */
    public Map<String, String> columnMappingFor(List<String> header) {
        return columnMappings.stream().filter(saved -> saved.header.equals(header)).findFirst()
                .map(saved -> saved.columns).orElse(Map.of());
    }

    /** Remembers the mapping for this header (newest first; the oldest are forgotten beyond a limit). */
    public void rememberColumnMapping(List<String> header, Map<String, String> columns) {
        columnMappings.removeIf(saved -> saved.header.equals(header));
        ColumnMappingSetting saved = new ColumnMappingSetting();
        saved.header = new ArrayList<>(header);
        saved.columns = new LinkedHashMap<>(columns);
        columnMappings.addFirst(saved);
        while (columnMappings.size() > MAX_COLUMN_MAPPINGS) {
            columnMappings.removeLast();
        }
    }

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
