package org.ferstudio.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Input files on any Hadoop file system ({@code file:}, {@code hdfs:}, {@code s3a:} where the cluster has the
 * connector): listing on the driver, and a local copy on the executor for the decoders, which read local files.
 * Folders are searched recursively for the photo extensions of {@code predict} and MJPG videos; hidden files are
 * skipped; a file named directly is taken whatever its name, so that a wrong one gets its error row.
 */
final class InputFiles implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Set<String> PHOTO_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");
    static final Set<String> VIDEO_EXTENSIONS = Set.of("avi", "mjpg", "mjpeg");

    // Hadoop's Configuration is not serialisable: its entries travel, so that spark.hadoop.* settings
    // (credentials, endpoints) reach the executors
    private final HashMap<String, String> hadoopSettings = new HashMap<>();

    InputFiles(Configuration conf) {
        for (Map.Entry<String, String> e : conf) {
            hadoopSettings.put(e.getKey(), e.getValue());
        }
    }

    /**
     * The files among the given paths or globs, fully qualified and sorted.
     *
     * @throws FileNotFoundException naming an input that matches nothing
     */
    List<String> list(List<String> inputs) throws IOException {
        Configuration conf = configuration();
        TreeSet<String> files = new TreeSet<>();
        for (String input : inputs) {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matched = fs.globStatus(path);
            if (matched == null || matched.length == 0) {
                throw new FileNotFoundException("no such file or folder: " + input);
            }
            for (FileStatus status : matched) {
                if (status.isDirectory()) {
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(status.getPath(), true);
                    while (it.hasNext()) {
                        LocatedFileStatus f = it.next();
                        if (f.isFile() && isMedia(f.getPath().getName()) && !isHidden(status.getPath(), f.getPath())) {
                            files.add(f.getPath().toString());
                        }
                    }
                } else {
                    files.add(fs.makeQualified(status.getPath()).toString());
                }
            }
        }
        return new ArrayList<>(files);
    }

    static boolean isVideo(String file) {
        return VIDEO_EXTENSIONS.contains(extension(file));
    }

    private static boolean isMedia(String name) {
        String ext = extension(name);
        return PHOTO_EXTENSIONS.contains(ext) || VIDEO_EXTENSIONS.contains(ext);
    }

    /** A name starting with a dot, in the file or any folder below the listed one. */
    private static boolean isHidden(org.apache.hadoop.fs.Path root, org.apache.hadoop.fs.Path file) {
        for (org.apache.hadoop.fs.Path p = file; p != null && !p.equals(root) && p.depth() > root.depth(); p = p.getParent()) {
            if (p.getName().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String extension(String file) {
        int slash = file.lastIndexOf('/');
        int dot = file.lastIndexOf('.');
        return dot <= slash ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file as a local path: itself for {@code file:}, else a temporary copy that {@link Local#close} deletes. */
    Local local(String file) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
        if ("file".equals(path.toUri().getScheme())) {
            return new Local(Path.of(path.toUri()), false);
        }
        String ext = extension(file);
        Path copy = Files.createTempFile("fer-input-", ext.isEmpty() ? "" : "." + ext);
        try (InputStream in = path.getFileSystem(configuration()).open(path)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return new Local(copy, true);
    }

    private Configuration configuration() {
        Configuration conf = new Configuration(false);
        hadoopSettings.forEach(conf::set);
        return conf;
    }

    /** A local path for an input file; a temporary copy is deleted on close. */
    record Local(Path path, boolean temporary) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (temporary) {
                Files.deleteIfExists(path);
            }
        }
    }
}
