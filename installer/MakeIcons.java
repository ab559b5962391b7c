import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Makes the installers' icons from the PNG sizes in {@code icons/}: a Windows {@code .ico}, a macOS
 * {@code .icns} and the Linux PNG. The results are committed, so a build never needs this; run it again after the
 * icon changes:
 *
 * <pre>java installer/MakeIcons.java</pre>
 *
 * (from the repository root, with JDK 25). Only the JDK is needed: both formats are simple containers of PNG or
 * bitmap images.
 */
public final class MakeIcons {

    private static final String BASE = "divergence-workbench";

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path icons = root.resolve("icons");
        Path installer = root.resolve("installer");

        writeIco(icons, installer.resolve("windows").resolve(BASE + ".ico"));
        writeIcns(icons, installer.resolve("macos").resolve(BASE + ".icns"));
        Path linux = installer.resolve("linux").resolve(BASE + ".png");
        Files.createDirectories(linux.getParent());
        Files.copy(png(icons, 256), linux, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("wrote " + linux);
    }

    /**
     * ICO: a directory of images. Sizes below 256 are stored as 32-bit bitmaps (what every Windows tool reads),
     * 256 as PNG (what Windows Vista and later expect for the large size).
     */
    static void writeIco(Path icons, Path target) throws IOException {
        int[] sizes = {16, 24, 32, 48, 64, 128, 256};
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) {
            images.add(size >= 256 ? Files.readAllBytes(png(icons, size)) : dib(read(icons, size)));
        }
        int headerSize = 6 + 16 * sizes.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = headerSize;
        for (int i = 0; i < sizes.length; i++) {
            int size = sizes[i];
            header.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            header.put((byte) 0).put((byte) 0); // no palette, reserved
            header.putShort((short) 1).putShort((short) 32); // planes, bits per pixel
            header.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        out.write(header.array());
        for (byte[] image : images) {
            out.write(image);
        }
        write(target, out.toByteArray());
    }

    /** A BITMAPINFOHEADER image as ICO stores it: BGRA rows bottom-up, then a 1-bit AND mask, height doubled. */
    private static byte[] dib(BufferedImage image) {
        int size = image.getWidth();
        int maskRow = ((size + 31) / 32) * 4;
        ByteBuffer buffer = ByteBuffer.allocate(40 + size * size * 4 + maskRow * size).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(40).putInt(size).putInt(size * 2).putShort((short) 1).putShort((short) 32);
        buffer.putInt(0).putInt(size * size * 4).putInt(0).putInt(0).putInt(0).putInt(0);
        for (int y = size - 1; y >= 0; y--) {
            for (int x = 0; x < size; x++) {
                int argb = image.getRGB(x, y);
                buffer.put((byte) argb).put((byte) (argb >> 8)).put((byte) (argb >> 16)).put((byte) (argb >>> 24));
            }
        }
        byte[] mask = new byte[maskRow];
        for (int y = size - 1; y >= 0; y--) {
            java.util.Arrays.fill(mask, (byte) 0);
            for (int x = 0; x < size; x++) {
                if ((image.getRGB(x, y) >>> 24) == 0) {
                    mask[x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
            buffer.put(mask);
        }
        return buffer.array();
    }

    /** ICNS: big-endian chunks of (type, length, PNG data); the @2x types reuse the next larger PNG. */
    static void writeIcns(Path icons, Path target) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic11", 32);  // 16@2x
        types.put("ic12", 64);  // 32@2x
        types.put("ic13", 256); // 128@2x
        types.put("ic14", 512); // 256@2x
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (Map.Entry<String, Integer> type : types.entrySet()) {
            byte[] data = Files.readAllBytes(png(icons, type.getValue()));
            chunks.write(type.getKey().getBytes(StandardCharsets.US_ASCII));
            chunks.write(ByteBuffer.allocate(4).putInt(8 + data.length).array());
            chunks.write(data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("icns".getBytes(StandardCharsets.US_ASCII));
        out.write(ByteBuffer.allocate(4).putInt(8 + chunks.size()).array());
        chunks.writeTo(out);
        write(target, out.toByteArray());
    }

    private static Path png(Path icons, int size) throws IOException {
        Path file = icons.resolve(BASE + "-" + size + ".png");
        if (!Files.isRegularFile(file)) {
            throw new IOException("Missing icon size " + size + ": " + file);
        }
        return file;
    }

    private static BufferedImage read(Path icons, int size) throws IOException {
        BufferedImage image = ImageIO.read(png(icons, size).toFile());
        if (image.getWidth() != size || image.getHeight() != size) {
            throw new IOException(png(icons, size) + " is " + image.getWidth() + "x" + image.getHeight()
                    + ", expected " + size + "x" + size);
        }
        return image;
    }

    private static void write(Path target, byte[] data) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, data);
        System.out.println("wrote " + target + " (" + data.length + " bytes)");
    }
}
