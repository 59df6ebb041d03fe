package org.ferstudio.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void capitalisesTheFirstLetterOnly() {
        assertThat(Texts.capitalised("test split")).isEqualTo("Test split");
        assertThat(Texts.capitalised("PublicTest")).isEqualTo("PublicTest");
        assertThat(Texts.capitalised("")).isEmpty();
    }
}
