package com.luckygas.importer;

import java.io.PrintStream;

/**
 * Progress while a file is read: rows read, rows per second and the time left for the sheet (from
 * how much of its XML has been read). On a terminal a bar redrawn in place; in a log (Cloud Run)
 * a line every few seconds.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final long everyNanos;
    private long started;
    private long last;
    private String label;

    public Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.everyNanos = terminal ? 200_000_000L : 5_000_000_000L;
    }

    public static Progress forConsole() {
        return new Progress(System.out, System.console() != null && System.getenv("LUCKYGAS_NO_BAR") == null);
    }

    /** Another progress on the same stream, as log lines (for a second reader running at the same time). */
    public Progress lines() {
        return new Progress(out, false);
    }

    public void start(String label) {
        this.label = label;
        started = System.nanoTime();
        last = started;
    }

    /** Cheap to call on every row: prints only when it is time. */
    public void rows(long rows, long done, long total) {
        if ((rows & 1023) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - last < everyNanos) {
            return;
        }
        last = now;
        print(rows, done, total, now, false);
    }

    public void finish(long rows) {
        print(rows, 1, 1, System.nanoTime(), true);
    }

    private void print(long rows, long done, long total, long now, boolean end) {
        double secs = Math.max(1e-3, (now - started) / 1e9);
        long rate = Math.round(rows / secs);
        String eta = "";
        double fraction = total > 0 ? Math.min(1, (double) done / total) : -1;
        if (!end && fraction > 0.01) {
            eta = String.format(" ETA %.0fs", secs / fraction - secs);
        }
        if (terminal) {
            String bar = "";
            if (fraction >= 0) {
                int filled = (int) Math.round(fraction * 30);
                bar = "[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] ";
            }
            out.print(String.format("\r%s %s%,d rows %,d rows/s%s   ", label, bar, rows, rate, eta));
            if (end) {
                out.println(String.format(" %.1fs", secs));
            }
        } else {
            out.println(String.format("%s: %,d rows, %,d rows/s%s%s", label, rows, rate,
                    fraction >= 0 && !end ? String.format(", %.0f%%", fraction * 100) : "", end ? String.format(", done in %.1fs", secs) : eta));
        }
        out.flush();
    }
}
