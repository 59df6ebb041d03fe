package org.ferstudio.infer.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ferstudio.model.FaceBox;
import org.junit.jupiter.api.Test;

class FaceTrackerTest {

    private static List<Integer> ids(FaceTracker.Update update) {
        return update.faces().stream().map(TrackedBox::trackId).toList();
    }

    @Test
    void aFaceMovingALittleKeepsItsId() {
        FaceTracker tracker = new FaceTracker();
        for (int frame = 0; frame < 20; frame++) {
            FaceTracker.Update u = tracker.update(List.of(new FaceBox(100 + 4 * frame, 50 + frame, 80, 80)));
            assertThat(ids(u)).containsExactly(1);
            assertThat(u.ended()).isEmpty();
        }
    }

    @Test
    void newFacesGetNewIdsAndDetectionOrderIsKept() {
        FaceTracker tracker = new FaceTracker();
        assertThat(ids(tracker.update(List.of(new FaceBox(0, 0, 50, 50))))).containsExactly(1);
        FaceTracker.Update u = tracker.update(List.of(new FaceBox(300, 0, 60, 60), new FaceBox(2, 1, 50, 50)));
        assertThat(ids(u)).containsExactly(2, 1);
        assertThat(u.faces().get(0).box()).isEqualTo(new FaceBox(300, 0, 60, 60));
    }

    @Test
    void aBoxOverlappingTooLittleStartsANewTrack() {
        FaceTracker tracker = new FaceTracker(0.3, 0);
        tracker.update(List.of(new FaceBox(0, 0, 100, 100)));
        // IoU 5000 / 15000 = 0.33 for a 50 px step, then 3000 / 17000 = 0.18 for a 70 px jump
        assertThat(ids(tracker.update(List.of(new FaceBox(50, 0, 100, 100))))).containsExactly(1);
        FaceTracker.Update jump = tracker.update(List.of(new FaceBox(120, 0, 100, 100)));
        assertThat(ids(jump)).containsExactly(2);
        assertThat(jump.ended()).containsExactly(1);
    }

    @Test
    void aTrackSurvivesAFewMissedDetectionsThenEnds() {
        FaceTracker tracker = new FaceTracker(0.3, 2);
        FaceBox face = new FaceBox(10, 10, 40, 40);
        tracker.update(List.of(face));
        assertThat(tracker.update(List.of()).ended()).isEmpty();
        assertThat(tracker.update(List.of()).ended()).isEmpty();
        assertThat(tracker.liveIds()).containsExactly(1);
        assertThat(ids(tracker.update(List.of(face)))).as("back after two misses").containsExactly(1);

        tracker.update(List.of());
        tracker.update(List.of());
        assertThat(tracker.update(List.of()).ended()).as("the third miss ends it").containsExactly(1);
        assertThat(tracker.liveIds()).isEmpty();
        assertThat(ids(tracker.update(List.of(face)))).as("ids are never reused").containsExactly(2);
    }

    @Test
    void matchingIsGreedyByOverlapNotByDetectionOrder() {
        FaceTracker tracker = new FaceTracker();
        tracker.update(List.of(new FaceBox(0, 0, 100, 100), new FaceBox(50, 0, 100, 100)));
        // the first detection fits track 1 (0.67) better than track 2 (0.54), but the second fits track 1
        // best of all (0.96): taking pairs by overlap gives track 1 to the second detection
        FaceTracker.Update u = tracker.update(List.of(new FaceBox(20, 0, 100, 100), new FaceBox(2, 0, 100, 100)));
        assertThat(ids(u)).containsExactly(2, 1);
    }

    @Test
    void twoFacesMovingTowardsEachOtherKeepTheirIds() {
        FaceTracker tracker = new FaceTracker();
        tracker.update(List.of(new FaceBox(0, 0, 60, 60), new FaceBox(200, 0, 60, 60)));
        for (int step = 1; step <= 5; step++) {
            FaceTracker.Update u = tracker.update(List.of(new FaceBox(10 * step, 0, 60, 60),
                    new FaceBox(200 - 10 * step, 0, 60, 60)));
            assertThat(ids(u)).containsExactly(1, 2);
        }
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new FaceTracker(0, 3)).hasMessageContaining("IoU");
        assertThatThrownBy(() -> new FaceTracker(0.3, -1)).hasMessageContaining("missed");
    }
}
