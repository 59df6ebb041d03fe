package org.ferstudio.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Standard output whose failures are not lost. {@link PrintWriter} (like {@code System.out}) swallows write
 * errors; this stream underneath remembers the first one, so that a full disk or a closed pipe after
 * {@code > file} ends the command with the reason and a non-zero exit instead of a silent, empty result.
 */
final class CheckedOutput extends FilterOutputStream {

    private volatile IOException firstError;

    CheckedOutput(OutputStream out) {
        super(out);
    }

    /** The process's standard output, unbuffered underneath (the writer buffers), with its errors kept. */
    static CheckedOutput standardOutput() {
        return new CheckedOutput(new FileOutputStream(FileDescriptor.out));
    }

    /** A writer for the command's results, flushing at each line like picocli's own. */
    PrintWriter writer(Charset charset) {
        return new PrintWriter(new OutputStreamWriter(this, charset), true);
    }

    /** The first write error, or null. */
    IOException firstError() {
        return firstError;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    /** Standard output stays open for the JVM's other users; only this writer's data is flushed. */
    @Override
    public void close() throws IOException {
        flush();
    }

    private IOException remember(IOException e) {
        if (firstError == null) {
            firstError = e;
        }
        return e;
    }
}
