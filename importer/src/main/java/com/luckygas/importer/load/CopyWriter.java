package com.luckygas.importer.load;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows into a table through PostgreSQL's {@code COPY … FROM STDIN} (text format), buffered, so that
 * the database takes them in while the reader goes on parsing. {@link #cancel} on failure leaves
 * nothing of the copy behind.
 */
public final class CopyWriter implements AutoCloseable {

    private final CopyIn copy;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private boolean first = true;
    private long rows;

    /** A chunk of rows kept in memory is handed over once it holds this much (always whole rows). */
    static final int CHUNK = 1 << 15;

    /**
     * Rows kept in memory (formatted by another thread while this connection carries another copy)
     * until {@link #drainAvailable} or {@link #drainInto} sends them, in chunks of whole rows of
     * about 32 KB: none large enough to be a "humongous" object for the garbage collector.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> memory;

    public CopyWriter(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        copy = pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        memory = null;
    }

    private CopyWriter() {
        copy = null;
        memory = new java.util.concurrent.ConcurrentLinkedQueue<>();
    }

    /** A writer that buffers the rows in memory, to be copied later by {@link #drainInto}. */
    public static CopyWriter inMemory() {
        return new CopyWriter();
    }

    /**
     * Sends the chunks of rows the writing thread has completed so far through {@code target}'s copy
     * (which must be between two rows), while that thread goes on.
     */
    public void drainAvailable(CopyWriter target) throws SQLException {
        byte[] chunk = memory.poll();
        if (chunk == null) {
            return;
        }
        target.flush();
        while (chunk != null) {
            target.copy.writeToCopy(chunk, 0, chunk.length);
            chunk = memory.poll();
        }
    }

    /** Sends all the rows buffered in memory through {@code target}'s copy (once the writing thread has ended). */
    public void drainInto(CopyWriter target) throws SQLException {
        flush();
        drainAvailable(target);
        target.rows += rows;
    }

    /** Next field of the current row; {@code null} is SQL NULL. */
    public CopyWriter field(String value) {
        if (!first) {
            put((byte) '\t');
        }
        first = false;
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> {
                    put((byte) '\\');
                    put((byte) '\\');
                }
                case '\t' -> {
                    put((byte) '\\');
                    put((byte) 't');
                }
                case '\n' -> {
                    put((byte) '\\');
                    put((byte) 'n');
                }
                case '\r' -> {
                    put((byte) '\\');
                    put((byte) 'r');
                }
                default -> {
                    if (c < 0x80) {
                        put((byte) c);
                    } else {
                        putUtf8(value, i);
                        if (Character.isHighSurrogate(c)) {
                            i++;
                        }
                    }
                }
            }
        }
        return this;
    }

    public CopyWriter field(long value) {
        return field(Long.toString(value));
    }

    public void endRow() {
        put((byte) '\n');
        first = true;
        rows++;
        if (copy == null && pos >= CHUNK) {
            memory.add(java.util.Arrays.copyOf(buf, pos));
            pos = 0;
        }
    }

    public long rows() {
        return rows;
    }

    private void putUtf8(String s, int i) {
        int cp = s.codePointAt(i);
        if (cp < 0x800) {
            put((byte) (0xC0 | cp >> 6));
            put((byte) (0x80 | cp & 0x3F));
        } else if (cp < 0x10000) {
            put((byte) (0xE0 | cp >> 12));
            put((byte) (0x80 | cp >> 6 & 0x3F));
            put((byte) (0x80 | cp & 0x3F));
        } else {
            put((byte) (0xF0 | cp >> 18));
            put((byte) (0x80 | cp >> 12 & 0x3F));
            put((byte) (0x80 | cp >> 6 & 0x3F));
            put((byte) (0x80 | cp & 0x3F));
        }
    }

    private void put(byte b) {
        if (pos == buf.length) {
            if (copy == null) {
                // in memory a chunk ends with a row: a row longer than the rest of the buffer grows it
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            } else {
                flush();
            }
        }
        buf[pos++] = b;
    }

    private void flush() {
        if (copy == null) {
            if (pos > 0) {
                memory.add(java.util.Arrays.copyOf(buf, pos));
            }
            pos = 0;
            return;
        }
        try {
            copy.writeToCopy(buf, 0, pos);
        } catch (SQLException e) {
            throw new CopyFailed(e);
        }
        pos = 0;
    }

    /** Ends the copy: the rows are in the table (of the open transaction). */
    @Override
    public void close() throws SQLException {
        if (copy == null || !copy.isActive()) {
            return;
        }
        if (pos > 0) {
            copy.writeToCopy(buf, 0, pos);
            pos = 0;
        }
        copy.endCopy();
    }

    public void cancel() {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
    }

    /** A failed write to the copy stream (unchecked: it happens inside the reader's callbacks). */
    public static final class CopyFailed extends RuntimeException {
        public CopyFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
