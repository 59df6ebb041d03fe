package org.ferstudio.vision;

import java.util.Optional;

/** The formats {@link ImageLoader} reads, recognised by their first bytes rather than by the file name. */
enum ImageFormat {

    JPEG("jpeg", new int[] {0xFF, 0xD8, 0xFF}),
    PNG("png", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    GIF("gif", new int[] {'G', 'I', 'F', '8'}),
    BMP("bmp", new int[] {'B', 'M'}),
    /** RIFF, the file length (any value: -1), then WEBP. */
    WEBP("webp", new int[] {'R', 'I', 'F', 'F', -1, -1, -1, -1, 'W', 'E', 'B', 'P'});

    /** Enough leading bytes to recognise every format. */
    static final int SIGNATURE_BYTES = 12;

    private final String imageIoName;
    private final int[] signature;

    ImageFormat(String imageIoName, int[] signature) {
        this.imageIoName = imageIoName;
        this.signature = signature;
    }

    String imageIoName() {
        return imageIoName;
    }

    static Optional<ImageFormat> recognise(byte[] leadingBytes, int length) {
        for (ImageFormat format : values()) {
            if (format.matches(leadingBytes, length)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] leadingBytes, int length) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (signature[i] >= 0 && (leadingBytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
