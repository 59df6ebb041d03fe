package org.ferstudio.nets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadSettingTest {

    @Test
    void aPositiveWholeNumberOrNothingIsUsable() {
        assertThat(ThreadSetting.problem(null)).isEmpty();
        assertThat(ThreadSetting.problem("1")).isEmpty();
        assertThat(ThreadSetting.problem("16")).isEmpty();
    }

    @Test
    void anythingElseIsRefusedBeforeTheBackendMisreadsIt() {
        for (String bad : new String[] {"abc", "0", "-2", "1.5", "", " 2", "99999999"}) {
            assertThat(ThreadSetting.problem(bad)).as(bad)
                    .hasValue("OMP_NUM_THREADS (the compute threads; ./fer-studio --threads N sets it) must be a whole "
                            + "number from 1 to 999999, got '" + bad + "'");
        }
    }
}
