package org.ferstudio.vision;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Builds JPEG files with a hand-made Exif segment, so tests control the orientation tag byte by byte. */
final class ExifJpegs {

    private ExifJpegs() {
    }

    /** An APP1 segment (marker and length included) whose IFD0 holds only the orientation tag. */
    static byte[] orientationSegment(int orientation, ByteOrder order) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8);             // TIFF magic, IFD0 right after the header
        tiff.putShort((short) 1);                         // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // orientation, SHORT, one value
        tiff.putShort((short) orientation).putShort((short) 0);      // value, left-aligned in 4 bytes
        tiff.putInt(0);                                   // no next IFD
        return app1("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
    }

    /** An APP1 segment with the given identifier and body, e.g. an XMP packet. */
    static byte[] app1(byte[] identifier, byte[] body) {
        int length = 2 + identifier.length + body.length;
        ByteBuffer segment = ByteBuffer.allocate(2 + length).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(identifier).put(body);
        return segment.array();
    }

    /** The JPEG with the segments inserted right after its start-of-image marker, where Exif belongs. */
    static byte[] withSegments(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] segment : segments) {
            out.writeBytes(segment);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("no JPEG writer for " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The image turned a quarter anticlockwise: how a camera held the other way round stores it. */
    static BufferedImage rotatedAnticlockwise(BufferedImage upright) {
        int width = upright.getWidth();
        int height = upright.getHeight();
        BufferedImage turned = new BufferedImage(height, width, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                turned.setRGB(y, width - 1 - x, upright.getRGB(x, y));
            }
        }
        return turned;
    }
}
