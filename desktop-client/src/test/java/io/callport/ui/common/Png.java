package io.callport.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/** Writes a JavaFX image as PNG with the JDK's ImageIO, so rendering needs no javafx-swing. */
public final class Png {
    private Png() {
    }

    public static void write(Image image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        PixelReader pixels = image.getPixelReader();
        pixels.getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, width, height, argb, 0, width);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("No PNG writer in this JDK");
        }
    }
}
