import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Writes the Uploader's icon in the three formats jpackage wants, from one square PNG: the PNG itself (Linux), an
 * .ico (Windows) and an .icns (macOS). Both containers hold PNG images, which Windows Vista+ and macOS 10.7+ read,
 * so no other image codec is needed. Run by the installers profile: {@code java IconFormats.java SOURCE.png OUT_DIR}.
 */
public final class IconFormats {
    private static final List<Integer> ICO_SIZES = List.of(16, 24, 32, 48, 64, 256);
    /** icns entry types whose payload may be PNG, by edge length. */
    private static final Map<String, Integer> ICNS_TYPES = icnsTypes();

    private IconFormats() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        BufferedImage master = ImageIO.read(source.toFile());
        if (master == null || master.getWidth() != master.getHeight() || master.getWidth() < 512) {
            throw new IllegalArgumentException(source + " must be a square PNG of at least 512 x 512 pixels.");
        }
        String name = source.getFileName().toString().replaceFirst("\\.png$", "");
        Files.copy(source, out.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        Files.write(out.resolve(name + ".ico"), ico(master));
        Files.write(out.resolve(name + ".icns"), icns(master));
    }

    private static byte[] ico(BufferedImage master) throws IOException {
        int headerSize = 6 + 16 * ICO_SIZES.size();
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) ICO_SIZES.size());
        for (int size : ICO_SIZES) {
            byte[] png = png(master, size);
            header.put((byte) (size % 256)).put((byte) (size % 256)) // 0 means 256
                    .put((byte) 0).put((byte) 0)                      // no palette, reserved
                    .putShort((short) 1).putShort((short) 32)         // planes, bits per pixel
                    .putInt(png.length).putInt(headerSize + images.size());
            images.write(png);
        }
        ByteArrayOutputStream ico = new ByteArrayOutputStream();
        ico.write(header.array());
        images.writeTo(ico);
        return ico.toByteArray();
    }

    private static byte[] icns(BufferedImage master) throws IOException {
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        DataOutputStream entryData = new DataOutputStream(entries); // big-endian, as icns is
        for (Map.Entry<String, Integer> type : ICNS_TYPES.entrySet()) {
            byte[] png = png(master, type.getValue());
            entryData.writeBytes(type.getKey());
            entryData.writeInt(8 + png.length);
            entryData.write(png);
        }
        ByteArrayOutputStream icns = new ByteArrayOutputStream();
        DataOutputStream icnsData = new DataOutputStream(icns);
        icnsData.writeBytes("icns");
        icnsData.writeInt(8 + entries.size());
        entries.writeTo(icns);
        return icns.toByteArray();
    }

    private static byte[] png(BufferedImage master, int size) throws IOException {
        BufferedImage scaled = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        // area averaging keeps thin shapes visible when shrinking 512 px to 16 px
        graphics.drawImage(master.getScaledInstance(size, size, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(scaled, "png", png);
        return png.toByteArray();
    }

    private static Map<String, Integer> icnsTypes() {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        return types;
    }
}
