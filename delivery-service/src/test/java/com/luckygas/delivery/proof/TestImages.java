package com.luckygas.delivery.proof;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real JPEG and PNG files for the tests, made with the JDK's encoders, with location metadata put in. */
public final class TestImages {

    /** What the metadata carries: found in the file before cleaning, never after. */
    public static final String GPS = "GPSLatitude=25.0330N;GPSLongitude=121.5654E";

    private TestImages() {
    }

    public static byte[] jpeg(int width, int height, Color color) {
        return encode(width, height, color, "jpg");
    }

    public static byte[] png(int width, int height, Color color) {
        return encode(width, height, color, "png");
    }

    /** A JPEG with an Exif APP1 segment holding a GPS position, as phone cameras write. */
    public static byte[] jpegWithLocation(int width, int height) {
        byte[] plain = jpeg(width, height, Color.ORANGE);
        byte[] exif = ("Exif\0\0" + GPS).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.write(0xff);
        out.write(0xe1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(exif, 0, exif.length);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG with a tEXt chunk holding a GPS position after its header. */
    public static byte[] pngWithLocation(int width, int height) {
        byte[] plain = png(width, height, Color.BLUE);
        int afterHeader = 8 + 25; // signature, IHDR (13 bytes of data + 12)
        byte[] data = ("Location\0" + GPS).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.write(data.length >> 24);
        chunk.write(data.length >> 16);
        chunk.write(data.length >> 8);
        chunk.write(data.length);
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy("tEXt".getBytes(StandardCharsets.ISO_8859_1), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        chunk.write(typeAndData, 0, typeAndData.length);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        long c = crc.getValue();
        chunk.write((int) (c >> 24));
        chunk.write((int) (c >> 16));
        chunk.write((int) (c >> 8));
        chunk.write((int) c);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        out.write(chunk.toByteArray(), 0, chunk.size());
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    public static boolean contains(byte[] data, String text) {
        return new String(data, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static byte[] encode(int width, int height, Color color, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
