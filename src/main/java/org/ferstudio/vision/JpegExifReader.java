package org.ferstudio.vision;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the orientation tag from a JPEG's Exif segment (APP1) without decoding the image: walks the marker
 * segments up to the start of the scan, then looks up tag 0x0112 in IFD0 of the embedded TIFF structure, in
 * either byte order. Anything malformed means "no orientation": the pixels are then shown as stored, which
 * is also what every viewer does with such files.
 */
final class JpegExifReader {

    private static final int MARKER_PREFIX = 0xFF;
    private static final int START_OF_IMAGE = 0xD8;
    private static final int START_OF_SCAN = 0xDA;
    private static final int END_OF_IMAGE = 0xD9;
    private static final int APP1 = 0xE1;
    private static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final int TIFF_MAGIC = 42;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final int IFD_ENTRY_BYTES = 12;

    private JpegExifReader() {
    }

    /** The orientation stated by the JPEG's Exif data; upright when there is none. Closes nothing. */
    static ExifOrientation orientation(InputStream jpeg) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(jpeg));
        try {
            if (in.readUnsignedByte() != MARKER_PREFIX || in.readUnsignedByte() != START_OF_IMAGE) {
                return ExifOrientation.TOP_LEFT;
            }
            while (true) {
                int marker = nextMarker(in);
                if (marker == START_OF_SCAN || marker == END_OF_IMAGE || marker < 0) {
                    return ExifOrientation.TOP_LEFT;
                }
                if (isStandalone(marker)) {
                    continue;
                }
                int payloadLength = in.readUnsignedShort() - 2;
                if (payloadLength < 0) {
                    return ExifOrientation.TOP_LEFT;
                }
                if (marker != APP1) {
                    in.skipNBytes(payloadLength);
                    continue;
                }
                byte[] payload = in.readNBytes(payloadLength);
                Optional<ExifOrientation> found = fromApp1(payload);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        } catch (EOFException e) {
            return ExifOrientation.TOP_LEFT; // a truncated header: the decoder reports the damage
        }
    }

    /** The next marker code, skipping the 0xFF fill bytes the standard allows; -1 if the stream is not at one. */
    private static int nextMarker(DataInputStream in) throws IOException {
        if (in.readUnsignedByte() != MARKER_PREFIX) {
            return -1;
        }
        int code = in.readUnsignedByte();
        while (code == MARKER_PREFIX) {
            code = in.readUnsignedByte();
        }
        return code;
    }

    /** Markers without a length field: TEM and the restart markers. */
    private static boolean isStandalone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
    }

    /** The orientation in an APP1 payload, empty if the payload is not Exif (e.g. XMP) or has no such tag. */
    static Optional<ExifOrientation> fromApp1(byte[] payload) {
        if (payload.length < EXIF_ID.length + 8
                || !Arrays.equals(payload, 0, EXIF_ID.length, EXIF_ID, 0, EXIF_ID.length)) {
            return Optional.empty();
        }
        ByteBuffer tiff = ByteBuffer.wrap(payload, EXIF_ID.length, payload.length - EXIF_ID.length).slice();
        if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (tiff.get(0) == 'M' && tiff.get(1) == 'M') {
            tiff.order(ByteOrder.BIG_ENDIAN);
        } else {
            return Optional.empty();
        }
        if (Short.toUnsignedInt(tiff.getShort(2)) != TIFF_MAGIC) {
            return Optional.empty();
        }
        return orientationInIfd(tiff, tiff.getInt(4));
    }

    private static Optional<ExifOrientation> orientationInIfd(ByteBuffer tiff, int ifdOffset) {
        if (ifdOffset < 8 || ifdOffset > tiff.limit() - 2) {
            return Optional.empty();
        }
        int entries = Short.toUnsignedInt(tiff.getShort(ifdOffset));
        for (int i = 0; i < entries; i++) {
            int entry = ifdOffset + 2 + i * IFD_ENTRY_BYTES;
            if (entry > tiff.limit() - IFD_ENTRY_BYTES) {
                return Optional.empty();
            }
            if (Short.toUnsignedInt(tiff.getShort(entry)) == ORIENTATION_TAG) {
                boolean isShort = Short.toUnsignedInt(tiff.getShort(entry + 2)) == TYPE_SHORT;
                // A SHORT value sits left-aligned in the 4-byte value field, in the file's byte order.
                return isShort ? Optional.of(ExifOrientation.ofTag(Short.toUnsignedInt(tiff.getShort(entry + 8))))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
