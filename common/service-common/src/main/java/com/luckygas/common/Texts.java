package com.luckygas.common;

/** Free text as a user typed it into a form. */
public final class Texts {

    private Texts() {
    }

    /** The text without surrounding blanks; null when nothing but blanks was typed. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
