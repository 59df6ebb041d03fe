package org.ferstudio.infer.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineAndSummaryTest {

    private static final ClassLabels CLASSES = new ClassLabels(List.of("Happy", "Sad", "Odd, quoted"));

    @TempDir
    Path tmp;

    private static TrackedFace face(int track, float... probabilities) {
        return new TrackedFace(track, new FaceResult(new FaceBox(10, 20, 30, 40), CLASSES, probabilities));
    }

    private static FrameAnalysis frame(long index, TrackedFace... faces) {
        return new FrameAnalysis(index, index * 40, List.of(faces), true, 1, 2, 25, 0);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void rowsFollowTheHeaderInClassOrderWithFourDecimals() throws IOException {
        Path csv = tmp.resolve("timeline.csv");
        try (TimelineWriter w = new TimelineWriter(csv, CLASSES)) {
            w.write(frame(0, face(1, 0.7f, 0.2f, 0.1f), face(2, 0.1f, 0.3f, 0.6f)));
            w.write(frame(1));
            w.write(frame(2, face(1, 0.123456f, 0.876544f, 0f)));
            assertThat(csv).as("nothing under the name before commit").doesNotExist();
            w.commit();
        }
        assertThat(Files.readAllLines(csv)).containsExactly(
                "frame,time_ms,track,x,y,w,h,Happy,Sad,\"Odd, quoted\",label",
                "0,0,1,10,20,30,40,0.7000,0.2000,0.1000,Happy",
                "0,0,2,10,20,30,40,0.1000,0.3000,0.6000,\"Odd, quoted\"",
                "2,80,1,10,20,30,40,0.1235,0.8765,0.0000,Sad");
        assertThat(files()).containsExactly("timeline.csv");
    }

    @Test
    void closingWithoutCommitLeavesTheOldFileAndNoLeftovers() throws IOException {
        Path csv = tmp.resolve("timeline.csv");
        Files.writeString(csv, "old");
        try (TimelineWriter w = new TimelineWriter(csv, CLASSES)) {
            w.write(frame(0, face(1, 0.7f, 0.2f, 0.1f)));
        }
        assertThat(csv).hasContent("old");
        assertThat(files()).containsExactly("timeline.csv");
    }

    @Test
    void theSummaryCountsFramesAndSharesPerTrack() {
        TrackSummary summary = new TrackSummary(CLASSES);
        summary.add(frame(0, face(1, 0.9f, 0.1f, 0f), face(2, 0f, 1f, 0f)));
        summary.add(frame(1, face(1, 0.9f, 0.1f, 0f)));
        summary.add(frame(2, face(1, 0.9f, 0.1f, 0f)));
        summary.add(frame(3, face(1, 0.2f, 0.8f, 0f)));

        List<TrackSummary.Track> tracks = summary.tracks();
        assertThat(tracks).extracting(TrackSummary.Track::id).containsExactly(1, 2);
        TrackSummary.Track first = tracks.get(0);
        assertThat(first.frames()).isEqualTo(4);
        assertThat(first.firstMs()).isZero();
        assertThat(first.lastMs()).isEqualTo(120);
        assertThat(first.dominant()).isEqualTo("Happy");
        assertThat(first.shares()).containsExactly(0.75, 0.25, 0.0);
        assertThat(tracks.get(1).dominant()).isEqualTo("Sad");

        String table = summary.toFormattedString();
        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().toList().get(1)).startsWith("#1").contains("Happy").contains("75%").contains("25%");
    }

    @Test
    void anEmptySummarySaysSo() {
        assertThat(new TrackSummary(CLASSES).toFormattedString()).isEqualTo("no faces found");
    }
}
