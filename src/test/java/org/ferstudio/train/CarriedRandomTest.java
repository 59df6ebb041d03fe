package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CarriedRandomTest {

    @Test
    void givesJavaUtilRandomsNumbersAndContinuesFromItsCarriedState() {
        Random reference = new Random(123);
        CarriedRandom carried = new CarriedRandom(123);
        for (int i = 0; i < 50; i++) {
            assertThat(carried.nextDouble()).isEqualTo(reference.nextDouble());
            assertThat(carried.nextInt(17)).isEqualTo(reference.nextInt(17));
            assertThat(carried.nextBoolean()).isEqualTo(reference.nextBoolean());
            assertThat(carried.nextFloat()).isEqualTo(reference.nextFloat());
            assertThat(carried.nextGaussian()).isEqualTo(reference.nextGaussian());
        }
        // mid-pair of Gaussians: the spare one must travel too
        reference.nextGaussian();
        carried.nextGaussian();
        CarriedRandom resumed = new CarriedRandom(carried.state());
        for (int i = 0; i < 50; i++) {
            assertThat(resumed.nextGaussian()).isEqualTo(reference.nextGaussian());
            assertThat(resumed.nextLong()).isEqualTo(reference.nextLong());
        }
    }
}
