package org.divergence.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Chooses JavaFX's software renderer up front on a computer without a graphics device (a virtual machine, a remote
 * desktop, Xvfb). There JavaFX first tries OpenGL: the system's software OpenGL (Mesa's llvmpipe) loads and starts,
 * about a second of CPU, only for JavaFX's hardware check to refuse it and fall back to the same software renderer
 * this picks at once (docs/decisions/0138-software-rendering-without-a-graphics-device.md). With a graphics device,
 * or when the user set {@code prism.order}, nothing changes.
 */
public final class RenderingPipeline {

    static final String PROPERTY = "prism.order";
    /** Device nodes of a graphics card: the kernel's DRM (every open driver, and NVIDIA's with modesetting) or
     * NVIDIA's own. */
    static final List<Path> GRAPHICS_DEVICES = List.of(Path.of("/dev/dri"), Path.of("/dev/nvidia0"));

    private RenderingPipeline() {
    }

    /** Call before the JavaFX toolkit starts. */
    public static void chooseBeforeStart() {
        String os = System.getProperty("os.name", "");
        if (os.startsWith("Linux") && System.getProperty(PROPERTY) == null && !hasGraphicsDevice(GRAPHICS_DEVICES)) {
            System.setProperty(PROPERTY, "sw");
        }
    }

    static boolean hasGraphicsDevice(List<Path> devices) {
        return devices.stream().anyMatch(Files::exists);
    }
}
