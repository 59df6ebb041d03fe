package org.ferstudio.io;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes PNG pictures to a stream the caller owns. {@code ImageIO.write(image, "png", stream)} would buffer
 * through a temporary file that the JDK also registers to close at exit; when the first close fails (a full
 * disk) that second close prints a {@code NullPointerException} from {@code StreamCloser} and the error
 * itself can be lost. Here the buffer is in memory and every failure comes back as an {@link IOException}.
 */
public final class Pngs {

    private Pngs() {
    }

    /** Writes {@code image} as PNG to {@code out}, which stays open. */
    public static void write(RenderedImage image, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no PNG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
            stream.flush();
        } catch (IIOException e) {
            // the PNG writer says only "I/O error writing PNG file!"; the reason (a full disk) is its cause
            throw e.getCause() instanceof IOException cause ? new IOException(cause.getMessage(), e) : e;
        } finally {
            writer.dispose();
        }
    }
}
