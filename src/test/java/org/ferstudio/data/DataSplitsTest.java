package org.ferstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.model.ClassLabels;
import org.junit.jupiter.api.Test;

class DataSplitsTest {

    @Test
    void usesFer2013sOwnSplits() {
        Dataset dataset = dataset(Map.of("Training", 100, "PublicTest", 20, "PrivateTest", 30));

        DataSplits splits = DataSplits.resolve(dataset, SplitOptions.defaults());

        assertThat(splits.train()).isSameAs(dataset.split("Training"));
        assertThat(splits.validation()).isSameAs(dataset.split("PublicTest"));
        assertThat(splits.test()).isSameAs(dataset.split("PrivateTest"));
        assertThat(splits.description()).isEqualTo("train: Training (100); validation: PublicTest (20); test: PrivateTest (30)");
    }

    @Test
    void carvesAStratifiedValidationSetOutOfTrainWhenThereIsNone() {
        Dataset dataset = dataset(Map.of("train", 700, "test", 70));

        DataSplits splits = DataSplits.resolve(dataset, SplitOptions.defaults());

        assertThat(splits.validation().size()).isEqualTo(70);
        assertThat(splits.train().size()).isEqualTo(630);
        assertThat(splits.test()).isSameAs(dataset.split("test"));
        assertThat(splits.validation().classCounts(7)).containsOnly(10);   // 100 per class in train, 10% each
        assertThat(splits.description()).contains("validation: 10% of train, stratified, seed 42");
    }

    @Test
    void splitsDataWithoutSplitsEightyTenTen() {
        Dataset dataset = dataset(Map.of(Dataset.ALL, 1400));

        DataSplits splits = DataSplits.resolve(dataset, SplitOptions.defaults());

        assertThat(splits.train().classCounts(7)).containsOnly(160);
        assertThat(splits.validation().classCounts(7)).containsOnly(20);
        assertThat(splits.test().classCounts(7)).containsOnly(20);
        assertThat(splits.description()).startsWith("train/validation/test: 80%/10%/10% of all, stratified, seed 42");
    }

    @Test
    void isDeterministicForASeedAndDiffersBetweenSeeds() {
        Dataset dataset = dataset(Map.of(Dataset.ALL, 700));

        DataSplits first = DataSplits.resolve(dataset, SplitOptions.defaults().withSeed(1));
        DataSplits again = DataSplits.resolve(dataset, SplitOptions.defaults().withSeed(1));
        DataSplits other = DataSplits.resolve(dataset, SplitOptions.defaults().withSeed(2));

        assertThat(imagesOf(again.validation())).isEqualTo(imagesOf(first.validation()));
        assertThat(imagesOf(again.test())).isEqualTo(imagesOf(first.test()));
        assertThat(imagesOf(other.validation())).isNotEqualTo(imagesOf(first.validation()));
        assertThat(first.train().size() + first.validation().size() + first.test().size()).isEqualTo(700);
    }

    @Test
    void keepsTheProportionsOfImbalancedClasses() {
        Map<String, FaceImages> splits = new LinkedHashMap<>();
        FaceImages all = new FaceImages();
        int[] perClass = {500, 40, 300};
        for (int c = 0; c < perClass.length; c++) {
            for (int i = 0; i < perClass[c]; i++) {
                all.add(image(c * 1000 + i), c);
            }
        }
        splits.put("training", all);
        Dataset dataset = new Dataset(new ClassLabels(List.of("a", "b", "c")), splits, source(), null);

        DataSplits result = DataSplits.resolve(dataset, SplitOptions.defaults().withFractions(0.25, 0.1));

        assertThat(result.validation().classCounts(3)).containsExactly(125, 10, 75);
        assertThat(result.train().classCounts(3)).containsExactly(375, 30, 225);
        assertThat(result.test()).isNull();
    }

    @Test
    void explicitNamesWinAndMissingOnesAreReported() {
        Dataset dataset = dataset(Map.of("Training", 70, "PublicTest", 14, "PrivateTest", 14));

        DataSplits swapped = DataSplits.resolve(dataset,
                SplitOptions.defaults().withSplitNames("training", "PrivateTest", "PublicTest"));

        assertThat(swapped.validation()).isSameAs(dataset.split("PrivateTest"));
        assertThat(swapped.test()).isSameAs(dataset.split("PublicTest"));
        assertThatThrownBy(() -> DataSplits.resolve(dataset, SplitOptions.defaults().withSplitNames(null, "holdout", null)))
                .hasMessageContaining("no split 'holdout'").hasMessageContaining("Training");
        assertThatThrownBy(() -> DataSplits.resolve(dataset(Map.of("a", 7, "b", 7)), SplitOptions.defaults()))
                .hasMessageContaining("no training split");
    }

    /** Splits with n images each, labels cycling through 7 classes, every image distinct. */
    private static Dataset dataset(Map<String, Integer> sizes) {
        Map<String, FaceImages> splits = new LinkedHashMap<>();
        int serial = 0;
        for (String name : List.of("Training", "train", "PublicTest", "PrivateTest", "test", Dataset.ALL, "a", "b")) {
            if (sizes.containsKey(name)) {
                FaceImages images = new FaceImages();
                for (int i = 0; i < sizes.get(name); i++) {
                    images.add(image(serial++), i % 7);
                }
                splits.put(name, images);
            }
        }
        return new Dataset(ClassLabels.FER2013, splits, source(), null);
    }

    private static byte[] image(int serial) {
        byte[] grey = new byte[FaceTranslator.PIXELS];
        grey[0] = (byte) serial;
        grey[1] = (byte) (serial >> 8);
        return grey;
    }

    private static List<String> imagesOf(FaceImages images) {
        return java.util.stream.IntStream.range(0, images.size())
                .mapToObj(i -> java.util.Arrays.toString(java.util.Arrays.copyOf(images.image(i), 2))).toList();
    }

    private static DatasetSource source() {
        return new DatasetSource("test", Path.of("test"), null, 0);
    }
}
