package org.ferstudio.app.common;

/** Small wording helpers shared by the panes' messages. */
public final class Texts {

    private Texts() {
    }

    /** {@code text} with its first letter in upper case: "test" as "Test"; an empty text stays empty. */
    public static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
