package com.luckygas.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reject report, {@code rejects.csv}: file, sheet, row, column, value, reason — UTF-8 with a
 * byte-order mark so that Excel opens the Chinese text correctly. Rejected rows and exact
 * duplicates are listed; skipped rows (blank, subtotal, all zero, not completed) are only counted.
 */
public final class Rejects implements AutoCloseable {

    private final BufferedWriter out;
    private long written;
    /** For a reader on another thread: its rejects kept in order, written when it is done ({@link #addAll}). */
    private final java.util.List<String[]> held;

    private Rejects() {
        out = null;
        held = new java.util.ArrayList<>();
    }

    public static Rejects held() {
        return new Rejects();
    }

    public synchronized void addAll(Rejects other) {
        for (String[] r : other.held) {
            add(r[0], r[1], Long.parseLong(r[2]), r[3], r[4], Reason.valueOf(r[5]), r[6]);
        }
        other.held.clear();
    }

    /** Without a report directory nothing is written (the counts are still in the summary). */
    public Rejects(Path file) {
        held = null;
        try {
            if (file == null) {
                out = null;
                return;
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write('\uFEFF');
            out.write("file,sheet,row,column,value,reason\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void add(String file, String sheet, long row, String column, String value, Reason reason, String detail) {
        if (held != null) {
            held.add(new String[] {file, sheet, Long.toString(row), column, value, reason.name(), detail});
            return;
        }
        written++;
        if (out == null) {
            return;
        }
        try {
            out.write(csv(file));
            out.write(',');
            out.write(csv(sheet));
            out.write(',');
            out.write(Long.toString(row));
            out.write(',');
            out.write(csv(column));
            out.write(',');
            out.write(csv(value));
            out.write(',');
            out.write(csv(reason.name() + ": " + (detail == null ? reason.text : detail)));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized long written() {
        return written;
    }

    static String csv(String v) {
        if (v == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        // a value starting with = + - @ would be taken as a formula by Excel
        String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !isNumber(v) ? "'" + v : v;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
