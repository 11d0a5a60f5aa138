package com.luckygas.importer.read;

import java.util.Arrays;

/**
 * One row of a sheet as the streaming reader sees it: per column the cell's text (shared and inline
 * strings resolved; numbers as written in the XML) and whether it is a number, and for numbers
 * whether the cell's style is a date format. Reused from row to row: copy what you keep.
 */
public final class SheetRow {

    public int number;
    int width;
    String[] text = new String[64];
    boolean[] numeric = new boolean[64];
    boolean[] dateStyled = new boolean[64];

    void clear(int rowNumber) {
        number = rowNumber;
        if (width > 0) {
            Arrays.fill(text, 0, width, null);
            Arrays.fill(numeric, 0, width, false);
            Arrays.fill(dateStyled, 0, width, false);
        }
        width = 0;
    }

    void set(int column, String value, boolean isNumber, boolean isDate) {
        if (column >= text.length) {
            int size = Math.max(column + 1, text.length * 2);
            text = Arrays.copyOf(text, size);
            numeric = Arrays.copyOf(numeric, size);
            dateStyled = Arrays.copyOf(dateStyled, size);
        }
        text[column] = value;
        numeric[column] = isNumber;
        dateStyled[column] = isDate;
        if (column >= width) {
            width = column + 1;
        }
    }

    /** Columns up to the last cell present. */
    public int width() {
        return width;
    }

    public String text(int column) {
        return column >= 0 && column < width ? text[column] : null;
    }

    public boolean numeric(int column) {
        return column >= 0 && column < width && numeric[column];
    }

    public boolean dateStyled(int column) {
        return column >= 0 && column < width && dateStyled[column];
    }

    /** No cell holds anything but white space. */
    public boolean blank() {
        for (int i = 0; i < width; i++) {
            String t = text[i];
            if (t != null && !t.isBlank() && !com.luckygas.importer.Values.isBlank(t)) {
                return false;
            }
        }
        return true;
    }

    /** Every cell's text, for comparing rows cell by cell. */
    public String cellsKey() {
        StringBuilder sb = new StringBuilder(width * 8);
        for (int i = 0; i < width; i++) {
            String t = text[i];
            if (t != null) {
                sb.append(t);
            }
            sb.append('\u0001');
        }
        return sb.toString();
    }

    /** Excel's column name: 0 -> A, 27 -> AB. */
    public static String columnName(int column) {
        StringBuilder sb = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }
}
