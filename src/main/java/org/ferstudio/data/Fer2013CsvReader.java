package org.ferstudio.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.task.ProgressReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a FER2013-style CSV ({@code emotion,pixels[,Usage]}, plain or gzip-compressed) in one streaming
 * pass: the file is never held in memory, and its SHA-256 is computed from the same bytes. Bad rows are
 * reported with their line number and skipped, or fail the read in strict mode.
 */
public final class Fer2013CsvReader {

    private static final Logger LOG = LoggerFactory.getLogger(Fer2013CsvReader.class);

    private static final int STREAM_BUFFER = 1 << 16;
    private static final int LINE_CHUNK = 1 << 20;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private Fer2013CsvReader() {
    }

    /**
     * @throws DatasetFormatException for an unreadable, truncated or headerless file, a missing column, or
     *                                (strict mode) the first bad row
     * @throws org.ferstudio.task.CancelledException when {@code progress} asks to stop
     */
    public static Dataset read(Path file, ReadOptions options, ProgressReporter progress) {
        String fileName = file.getFileName().toString();
        long started = System.nanoTime();
        long size = sizeOf(file);
        MessageDigest sha256 = Checksums.newSha256();
        ClassLabels labels = options.labelsOr(ClassLabels.FER2013);
        DatasetAssembler assembler = new DatasetAssembler(labels, options);
        ThrottledProgress throttled = new ThrottledProgress(progress, "Reading " + fileName, "rows");
        long lineNumber = 0;
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
             BufferedInputStream raw = new BufferedInputStream(new DigestInputStream(counted, sha256), STREAM_BUFFER);
             InputStream text = isGzip(raw) ? new GZIPInputStream(raw, STREAM_BUFFER) : raw) {
            ByteLineReader lines = new ByteLineReader(text, fileName, LINE_CHUNK);
            Fer2013RowParser parser = new Fer2013RowParser(readHeader(lines, fileName), labels, fileName);
            while (lines.next()) {
                lineNumber = lines.lineNumber();
                readRow(lines, parser, assembler);
                throttled.update((double) counted.count() / Math.max(1, size), lineNumber - 1);
            }
            drain(raw);
        } catch (IOException e) {
            throw new DatasetFormatException(new DataProblem(file.toString(), "file", lineNumber == 0
                    ? "cannot read the file: " + e
                    : "cannot read the file after line " + lineNumber + " (truncated or corrupt?): " + e), e);
        }
        throttled.done(Math.max(0, lineNumber - 1));
        Dataset dataset = assembler.build(new DatasetSource(fileName, file, Checksums.hex(sha256), size));
        LOG.info("Read {}: {} images in splits {}, {} problems, {} ms", fileName, dataset.totalImages(),
                dataset.splits().keySet(), assembler.problemCount(), (System.nanoTime() - started) / 1_000_000);
        return dataset;
    }

    private static CsvHeader readHeader(ByteLineReader lines, String fileName) throws IOException {
        if (!lines.next()) {
            throw new DatasetFormatException(DataProblem.atLine(fileName, 1, "file",
                    "the file is empty; expected a header line such as 'emotion,pixels,Usage'"));
        }
        return CsvHeader.parse(new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8), fileName);
    }

    private static void readRow(ByteLineReader lines, Fer2013RowParser parser, DatasetAssembler assembler) {
        DataProblem problem = parser.readFields(lines.bytes(), lines.length(), lines.commas(), lines.lineNumber());
        if (problem == null && assembler.isFull(parser.split())) {
            assembler.notReadByLimit();
            return;
        }
        if (problem == null) {
            problem = parser.readImage();
        }
        if (problem == null) {
            assembler.add(parser.split(), parser.grey(), parser.label());
        } else {
            assembler.problem(problem);
        }
    }

    /** Detects gzip by its magic bytes, so a compressed file works whatever it is called. */
    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
    }

    /** Reads what the decompressor left (e.g. gzip padding) so the checksum covers every byte of the file. */
    private static void drain(InputStream raw) throws IOException {
        byte[] sink = new byte[STREAM_BUFFER];
        while (raw.read(sink) >= 0) {
            // only the digest needs these bytes
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DatasetFormatException(new DataProblem(file.toString(), "file", "cannot read the file: " + e), e);
        }
    }
}
