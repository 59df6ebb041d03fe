package org.ferstudio.app.photos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.InvalidationListener;
import javax.imageio.ImageIO;
import org.ferstudio.app.common.RecordingErrorReporter.Reported;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.infer.PredictionFormats;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.PhotoResult;
import org.ferstudio.testutil.SharedData;
import org.ferstudio.vision.DetectorChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Photos view-model without a toolkit: tasks run on the calling thread, so every command has finished
 * when it returns. The model is untrained, so labels are arbitrary: tests check faces, never labels.
 */
class PhotosViewModelTest {

    private static final String GROUP_PHOTO = "2008_002506.jpg";

    @TempDir
    Path tmp;

    private TestServices test;
    private PhotosViewModel viewModel;

    @BeforeEach
    void setUp() {
        test = TestServices.direct(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (viewModel != null) {
            viewModel.close();
        }
        test.cleanUp();
    }

    @Test
    void theGroupPhotoYieldsThreeFacesAndIsShownWithTheLargestSelected() throws Exception {
        Path photo = SharedData.photo(GROUP_PHOTO);
        viewModel = withModel();

        viewModel.addFiles(List.of(photo));

        assertThat(viewModel.photos()).hasSize(1);
        PhotoEntry entry = viewModel.photos().get(0);
        assertThat(entry.status()).isEqualTo(PhotoStatus.ANALYSED);
        assertThat(entry.faces()).hasSize(3);
        assertThat(entry.reason()).isNull();
        BufferedImage thumbnail = entry.state().thumbnail();
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(Thumbnails.SIDE);

        assertThat(viewModel.selectedPhotoProperty().get()).isSameAs(entry);
        assertThat(viewModel.selectedImageProperty().get().getWidth()).isEqualTo(500);
        assertThat(viewModel.faces()).containsExactlyElementsOf(entry.faces());
        assertThat(viewModel.selectedFaceIndexProperty().get()).isZero();
        assertThat(viewModel.selectedFaceProperty().get()).isEqualTo(entry.faces().get(0));
        assertThat(viewModel.selectedFaceProperty().get().probabilities()).hasSize(7);

        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).isEqualTo("1 photo, 3 faces");
        assertThat(viewModel.canExportImageProperty().get()).isTrue();
        assertThat(viewModel.canExportResultsProperty().get()).isTrue();
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void unreadableFilesAreListedWithTheReasonAndTheRestGoesOn() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("photos"));
        Files.createDirectories(folder.resolve("sub"));
        Files.copy(SharedData.photo(GROUP_PHOTO), folder.resolve("sub").resolve("group.jpg"));
        byte[] jpeg = Files.readAllBytes(SharedData.photo(GROUP_PHOTO));
        Files.write(folder.resolve("broken.jpg"), Arrays.copyOf(jpeg, jpeg.length / 3));
        Files.writeString(folder.resolve("readme.txt"), "inside a folder only photos are taken");
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "chosen by name, so it is listed");
        Path missing = tmp.resolve("gone.jpg");
        viewModel = withModel();

        viewModel.addFiles(List.of(folder, notes, missing));

        assertThat(viewModel.photos()).extracting(PhotoEntry::name)
                .containsExactly("broken.jpg", "group.jpg", "notes.txt", "gone.jpg");
        PhotoEntry broken = entry("broken.jpg");
        assertThat(broken.status()).isEqualTo(PhotoStatus.FAILED);
        assertThat(broken.reason()).contains(folder.resolve("broken.jpg").toString()).contains("truncated");
        assertThat(entry("notes.txt").status()).isEqualTo(PhotoStatus.FAILED);
        assertThat(entry("notes.txt").reason()).contains(notes.toString()).contains("unsupported format .txt");
        assertThat(entry("gone.jpg").reason()).contains(missing.toString()).contains("not found");
        assertThat(entry("group.jpg").status()).isEqualTo(PhotoStatus.ANALYSED);
        assertThat(entry("group.jpg").faces()).hasSize(3);
        assertThat(viewModel.statusProperty().get()).isEqualTo("4 photos, 3 faces; 3 failed");
        assertThat(test.errors().reported()).as("per-file problems are listed, not shown as dialogs").isEmpty();

        // the first photo was selected when added; it has nothing to show
        assertThat(viewModel.selectedPhotoProperty().get()).isSameAs(broken);
        assertThat(viewModel.selectedImageProperty().get()).isNull();
        assertThat(viewModel.faces()).isEmpty();
        assertThat(viewModel.selectedFaceIndexProperty().get()).isEqualTo(-1);
        assertThat(viewModel.canExportImageProperty().get()).isFalse();
    }

    @Test
    void photosAlreadyListedAreNotAddedAgain() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("photos"));
        Path photo = Files.copy(SharedData.photo(GROUP_PHOTO), folder.resolve("group.jpg"));
        viewModel = withModel();

        viewModel.addFiles(List.of(photo));
        viewModel.addFiles(List.of(folder, folder.resolve("..").resolve("photos").resolve("group.jpg")));

        assertThat(viewModel.photos()).hasSize(1);
    }

    @Test
    void exportsWriteWhatTheCommandLineWrites() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("photos"));
        Files.copy(SharedData.photo(GROUP_PHOTO), folder.resolve("group.jpg"));
        Files.writeString(folder.resolve("broken.png"), "not a png");
        viewModel = withModel();
        viewModel.addFiles(List.of(folder));
        viewModel.selectPhoto(entry("group.jpg"));
        Path out = tmp.resolve("out");

        viewModel.exportJson(out.resolve("results.json"));
        viewModel.exportCsv(out.resolve("results.csv"));
        viewModel.exportAnnotatedPng(out.resolve(viewModel.suggestedImageName()));

        assertThat(test.errors().reported()).isEmpty();
        List<PhotoResult> results = viewModel.photos().stream().map(e -> e.state().result()).toList();
        String json = Files.readString(out.resolve("results.json"));
        assertThat(json).isEqualTo(PredictionFormats.json(results) + "\n");
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root).hasSize(2);
        assertThat(root.get(0).get("file").asText()).endsWith("broken.png");
        assertThat(root.get(0).get("error").asText()).contains("broken.png");
        JsonNode group = root.get(1);
        assertThat(group.get("width").asInt()).isEqualTo(500);
        assertThat(group.get("error").isNull()).isTrue();
        assertThat(group.get("faces")).hasSize(3);
        for (JsonNode face : group.get("faces")) {
            assertThat(face.get("box").get("w").asInt()).isPositive();
            assertThat(face.get("probabilities")).hasSize(7);
        }

        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv.get(0)).isEqualTo("file,face,x,y,w,h,label,confidence,"
                + String.join(",", ClassLabels.FER2013.names()) + ",error");
        assertThat(csv).hasSize(1 + 1 + 3);
        assertThat(csv.get(1)).contains("broken.png").endsWith("not an image");
        assertThat(csv.subList(2, 5)).allSatisfy(row -> {
            assertThat(row).startsWith(folder.resolve("group.jpg") + ",");
            assertThat(row.split(",", -1)).hasSize(8 + 7 + 1);
        });

        BufferedImage png = ImageIO.read(out.resolve("group.annotated.png").toFile());
        assertThat(png.getWidth()).isEqualTo(500);
        assertThat(png.getHeight()).isEqualTo(375);

        assertThat(viewModel.statusProperty().get()).startsWith("Saved ").endsWith("group.annotated.png");
        assertThat(viewModel.exportFolder()).contains(out.toAbsolutePath().normalize());
    }

    @Test
    void exportingBeforeAnythingWasAnalysedSaysSoAndWritesNothing() throws Exception {
        viewModel = new PhotosViewModel(test.services());
        viewModel.addFiles(List.of(SharedData.photo(GROUP_PHOTO)));

        viewModel.exportCsv(tmp.resolve("results.csv"));
        viewModel.exportAnnotatedPng(tmp.resolve("photo.png"));

        assertThat(test.errors().reported()).extracting(Reported::title).containsExactly("Nothing to export", "Nothing to export");
        assertThat(tmp.resolve("results.csv")).doesNotExist();
        assertThat(tmp.resolve("photo.png")).doesNotExist();
    }

    @Test
    void cancelStopsTheBatchAndOpeningAgainContinuesIt() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("photos"));
        for (String name : List.of("a.jpg", "b.jpg", "c.jpg", "d.jpg")) {
            Files.copy(SharedData.photo(GROUP_PHOTO), folder.resolve(name));
        }
        viewModel = withModel();
        // cancel as soon as the first result shows, as a user pressing Cancel would
        InvalidationListener cancelAfterFirst = obs -> {
            if (count(PhotoStatus.ANALYSED) == 1 && viewModel.busyProperty().get()) {
                viewModel.cancel();
            }
        };
        viewModel.photos().addListener(cancelAfterFirst);

        viewModel.addFiles(List.of(folder));

        assertThat(count(PhotoStatus.ANALYSED)).isEqualTo(1);
        assertThat(count(PhotoStatus.PENDING)).isEqualTo(3);
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).isEqualTo("4 photos, 3 faces; 3 not analysed (open them again to continue)");

        viewModel.photos().removeListener(cancelAfterFirst);
        viewModel.addFiles(List.of(folder));

        assertThat(viewModel.photos()).hasSize(4).allSatisfy(e -> assertThat(e.faces()).hasSize(3));
        assertThat(viewModel.statusProperty().get()).isEqualTo("4 photos, 12 faces");
    }

    @Test
    void withoutAModelPhotosWaitAndTheStatusSaysWhy() throws Exception {
        viewModel = new PhotosViewModel(test.services());
        assertThat(viewModel.statusProperty().get()).isEqualTo(PhotosViewModel.NO_MODEL + ".");

        viewModel.addFiles(List.of(SharedData.photo(GROUP_PHOTO)));

        assertThat(viewModel.photos()).singleElement().extracting(PhotoEntry::status).isEqualTo(PhotoStatus.PENDING);
        assertThat(viewModel.statusProperty().get())
                .isEqualTo("No model is active: choose a model to analyse the photos (1 photo waiting).");
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(test.errors().reported()).isEmpty();
        // the photo itself is shown while it waits
        assertThat(viewModel.selectedImageProperty().get()).isNotNull();

        test.activateNewModel("arrives-later");

        assertThat(viewModel.photos().get(0).faces()).hasSize(3);
        assertThat(viewModel.statusProperty().get()).isEqualTo("1 photo, 3 faces");
    }

    @Test
    void aNewActiveModelAnalysesEveryPhotoAgain() throws Exception {
        viewModel = withModel();
        viewModel.addFiles(List.of(SharedData.photo(GROUP_PHOTO)));
        PhotoEntry entry = viewModel.photos().get(0);
        PhotoResult first = entry.state().result();
        List<PhotoStatus> seen = new ArrayList<>();
        entry.stateProperty().addListener((obs, old, state) -> seen.add(state.status()));

        test.activateNewModel("second");

        assertThat(seen).containsExactly(PhotoStatus.PENDING, PhotoStatus.ANALYSED);
        assertThat(entry.state().result()).isNotSameAs(first);
        assertThat(entry.faces()).hasSize(3);
        assertThat(viewModel.faces()).containsExactlyElementsOf(entry.faces());
        assertThat(viewModel.selectedFaceIndexProperty().get()).isZero();
    }

    @Test
    void anotherDetectorAnalysesEveryPhotoAgainWithItsBoxes() throws Exception {
        viewModel = withModel();
        viewModel.addFiles(List.of(SharedData.photo(GROUP_PHOTO)));
        PhotoEntry entry = viewModel.photos().get(0);
        assertThat(entry.faces()).allSatisfy(f -> assertThat(f.landmarks()).isNotNull());
        List<PhotoStatus> seen = new ArrayList<>();
        entry.stateProperty().addListener((obs, old, state) -> seen.add(state.status()));

        test.services().detection().detectorProperty().set(DetectorChoice.HAAR);

        assertThat(seen).containsExactly(PhotoStatus.PENDING, PhotoStatus.ANALYSED);
        assertThat(entry.faces()).hasSize(3).allSatisfy(f -> assertThat(f.landmarks()).isNull());
        assertThat(viewModel.faces()).containsExactlyElementsOf(entry.faces());

        test.services().detection().alignProperty().set(true);

        assertThat(seen).containsExactly(PhotoStatus.PENDING, PhotoStatus.ANALYSED, PhotoStatus.PENDING,
                PhotoStatus.ANALYSED);
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void aPointInsideAFaceBoxSelectsThatFace() throws Exception {
        viewModel = withModel();
        viewModel.addFiles(List.of(SharedData.photo(GROUP_PHOTO)));
        FaceBox third = viewModel.faces().get(2).box();

        assertThat(viewModel.selectFaceAt(third.centerX(), third.centerY(), 0)).isTrue();
        assertThat(viewModel.selectedFaceIndexProperty().get()).isEqualTo(2);
        assertThat(viewModel.selectedFaceProperty().get()).isEqualTo(viewModel.faces().get(2));

        // just outside the box counts only within the tolerance
        assertThat(viewModel.selectFaceAt(third.x() + third.width() + 3, third.centerY(), 0)).isFalse();
        viewModel.selectFace(0);
        assertThat(viewModel.selectFaceAt(third.x() + third.width() + 3, third.centerY(), 4)).isTrue();
        assertThat(viewModel.selectedFaceIndexProperty().get()).isEqualTo(2);

        assertThat(viewModel.selectFaceAt(1, 1, 4)).isFalse();
        assertThat(viewModel.selectedFaceIndexProperty().get()).as("a miss keeps the selection").isEqualTo(2);
    }

    @Test
    void theFolderLastOpenedIsRemembered() throws Exception {
        Path photo = SharedData.photo(GROUP_PHOTO);
        viewModel = new PhotosViewModel(test.services());
        assertThat(viewModel.lastFolder()).isEmpty();

        viewModel.addFiles(List.of(photo));

        assertThat(new PhotosViewModel(test.services()).lastFolder()).contains(photo.getParent().toAbsolutePath().normalize());
        assertThat(test.services().preferences("photos").get("lastFolder", null)).isNotNull();
    }

    @Test
    void clearEmptiesTheListAndTheSelection() throws Exception {
        viewModel = withModel();
        viewModel.addFiles(List.of(SharedData.photo(GROUP_PHOTO)));

        viewModel.clear();

        assertThat(viewModel.photos()).isEmpty();
        assertThat(viewModel.selectedPhotoProperty().get()).isNull();
        assertThat(viewModel.selectedImageProperty().get()).isNull();
        assertThat(viewModel.faces()).isEmpty();
        assertThat(viewModel.selectedFaceProperty().get()).isNull();
        assertThat(viewModel.canExportResultsProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Open photos, or drop files and folders here.");
    }

    @Test
    void aFolderWithoutPhotosSaysSo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("holiday"));
        Files.writeString(empty.resolve("notes.txt"), "no photos here");
        viewModel = withModel();

        viewModel.addFiles(List.of(empty));

        assertThat(viewModel.photos()).isEmpty();
        assertThat(viewModel.statusProperty().get()).startsWith("No photos").endsWith("in holiday");
    }

    private PhotosViewModel withModel() throws Exception {
        test.activateNewModel("untrained");
        return new PhotosViewModel(test.services());
    }

    private PhotoEntry entry(String name) {
        return viewModel.photos().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private long count(PhotoStatus status) {
        return viewModel.photos().stream().filter(e -> e.status() == status).count();
    }
}
