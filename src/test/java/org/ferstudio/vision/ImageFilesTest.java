package org.ferstudio.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void findsImagesOfFoldersRecursivelySortedWithoutHiddenOnesAndKeepsFilesGivenByName() throws IOException {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Path nested = Files.createDirectories(photos.resolve("sub").resolve("deeper"));
        Path hiddenFolder = Files.createDirectories(photos.resolve(".cache"));
        Path other = Files.createDirectories(dir.resolve("other"));
        for (Path p : List.of(photos.resolve("b.png"), photos.resolve("a.JPG"), photos.resolve("notes.txt"),
                photos.resolve(".hidden.png"), photos.resolve("sub").resolve("c.gif"),
                photos.resolve("sub").resolve("d.bmp"), nested.resolve("f.jpeg"), hiddenFolder.resolve("e.png"),
                photos.resolve("g.webp"), other.resolve("x.png"), other.resolve("readme.md"))) {
            Files.write(p, new byte[] {1});
        }

        ImageFiles.Search search = ImageFiles.find(List.of(other.resolve("x.png"), photos, other.resolve("readme.md"),
                photos.resolve("b.png")));

        assertThat(search.files()).containsExactly(other.resolve("readme.md"), other.resolve("x.png"),
                photos.resolve("a.JPG"), photos.resolve("b.png"), photos.resolve("g.webp"),
                photos.resolve("sub").resolve("c.gif"), photos.resolve("sub").resolve("d.bmp"),
                nested.resolve("f.jpeg"));
        assertThat(search.problems()).isEmpty();
    }

    @Test
    void aMissingPathIsAProblemAndTheOthersAreStillSearched() throws IOException {
        Path photo = Files.write(dir.resolve("a.png"), new byte[] {1});
        Path missing = dir.resolve("nowhere");

        ImageFiles.Search search = ImageFiles.find(List.of(missing, photo));

        assertThat(search.files()).containsExactly(photo);
        assertThat(search.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(missing);
            assertThat(p.message()).isEqualTo("cannot search " + missing + ": no such file or folder");
        });
    }

    @Test
    void aFolderThatCannotBeReadIsAProblemWithItsReasonAndTheWalkGoesOn() {
        TreeSet<Path> files = new TreeSet<>();
        List<ImageFiles.Problem> problems = new ArrayList<>();
        ImageFiles.Collector collector = new ImageFiles.Collector(dir, files, problems);
        Path locked = dir.resolve("private");

        FileVisitResult next = collector.visitFileFailed(locked, new AccessDeniedException(locked.toString()));

        assertThat(next).isEqualTo(FileVisitResult.CONTINUE);
        assertThat(problems).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("cannot search " + locked + ": permission denied"));
    }

    @Test
    void anUnreadableSubFolderDoesNotStopTheSearch() throws IOException {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Path locked = Files.createDirectories(photos.resolve("a-private"));
        Files.write(locked.resolve("secret.png"), new byte[] {1});
        Path visible = Files.write(Files.createDirectories(photos.resolve("b-public")).resolve("x.png"), new byte[] {1});
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "skipped: running as root, which reads any folder");

            ImageFiles.Search search = ImageFiles.find(List.of(photos));

            assertThat(search.files()).containsExactly(visible);
            assertThat(search.problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).isEqualTo("cannot search " + locked + ": permission denied"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
