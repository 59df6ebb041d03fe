package org.ferstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.model.ClassLabels;
import org.junit.jupiter.api.Test;

class ClassMatchingTest {

    private static final ClassLabels FOLDER_ORDER =
            new ClassLabels(List.of("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"));

    @Test
    void theSameClassesInAnotherOrderAreRenumberedByName() {
        Dataset csv = dataset(ClassLabels.FER2013, 4, 6, 1); // Sad, Neutral, Disgust

        Dataset matched = ClassMatching.inModelOrder(csv, FOLDER_ORDER, "folder-model");

        assertThat(matched.labels()).isEqualTo(FOLDER_ORDER);
        assertThat(matched.split("all").labels()).containsExactly(5, 4, 1);
        assertThat(matched.split("all").image(0)).isEqualTo(csv.split("all").image(0));
    }

    @Test
    void theSameOrderIsLeftAsItIs() {
        Dataset csv = dataset(ClassLabels.FER2013, 0, 1);

        assertThat(ClassMatching.inModelOrder(csv, ClassLabels.FER2013, "m")).isSameAs(csv);
    }

    @Test
    void differentClassesAreRefusedWithBothLists() {
        ClassLabels eight = new ClassLabels(List.of("angry", "contempt", "disgust", "fear", "happy", "neutral", "sad",
                "surprise"));
        Dataset csv = dataset(ClassLabels.FER2013, 1);

        assertThatThrownBy(() -> ClassMatching.inModelOrder(csv, eight, "with-contempt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the model with-contempt has the classes " + eight.names() + " and the data fer.csv has "
                        + ClassLabels.FER2013.names() + "; classes are matched by name, and the data has no contempt");
    }

    private static Dataset dataset(ClassLabels labels, int... rowLabels) {
        FaceImages images = new FaceImages();
        for (int i = 0; i < rowLabels.length; i++) {
            byte[] grey = new byte[FaceTranslator.PIXELS];
            grey[0] = (byte) i;
            images.add(grey, rowLabels[i]);
        }
        return new Dataset(labels, Map.of("all", images), new DatasetSource("fer.csv", Path.of("fer.csv"), "0", 0),
                null);
    }
}
