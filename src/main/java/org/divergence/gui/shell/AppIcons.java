package org.divergence.gui.shell;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The app icon in the sizes icons/ provides, for the window and dialogs. */
public final class AppIcons {

    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private AppIcons() {
    }

    public static List<Image> all() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream(path(size))) {
                if (in != null) {
                    images.add(new Image(in));
                }
            } catch (java.io.IOException ignored) {
                // A missing size only means the OS scales another one.
            }
        }
        return images;
    }

    public static Image largest() {
        return new Image(AppIcons.class.getResource(path(64)).toExternalForm(), 64, 64, true, true);
    }

    private static String path(int size) {
        return "/org/divergence/gui/icons/divergence-workbench-" + size + ".png";
    }
}
