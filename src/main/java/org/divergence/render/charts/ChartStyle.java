package org.divergence.render.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.divergence.core.charts.GroupPalette;
import org.divergence.core.metrics.Group;

/**
 * The look of a chart: light (papers, exports, the light theme) or dark (the dark theme). Group colours are the
 * same in both ({@link GroupPalette}); backgrounds, text and grid lines follow the theme.
 */
public record ChartStyle(Color background, Color plotBackground, Color text, Color mutedText, Color grid,
                         Color reference, Color band, String fontFamily) {

    public static final ChartStyle LIGHT = new ChartStyle(Color.WHITE, Color.WHITE, new Color(0x1F2328),
            new Color(0x59636E), new Color(0xD8DEE4), new Color(0x59636E), new Color(0xF1F3F5), Font.SANS_SERIF);
    public static final ChartStyle DARK = new ChartStyle(new Color(0x0D1117), new Color(0x0D1117),
            new Color(0xE6EDF3), new Color(0x9198A1), new Color(0x30363D), new Color(0x9198A1),
            new Color(0x161B22), Font.SANS_SERIF);

    public static ChartStyle of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    public boolean isDark() {
        return this == DARK;
    }

    public static Color colour(Group group, int index) {
        return Color.decode(GroupPalette.colour(group, index));
    }

    /** The colour with an alpha (0–255), for filled areas that must not hide each other. */
    public static Color translucent(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }

    public Font titleFont() {
        return new Font(fontFamily, Font.BOLD, 16);
    }

    public Font subtitleFont() {
        return new Font(fontFamily, Font.PLAIN, 11);
    }

    public Font labelFont() {
        return new Font(fontFamily, Font.PLAIN, 12);
    }

    public Font tickFont() {
        return new Font(fontFamily, Font.PLAIN, 11);
    }

    public BasicStroke gridStroke() {
        return new BasicStroke(0.6f);
    }
}
