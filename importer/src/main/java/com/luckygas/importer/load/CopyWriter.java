package com.luckygas.importer.load;

import java.io.IOException;
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
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private boolean first = true;
    private long rows;

    /**
     * Rows kept in memory until {@link #drainInto} (when another copy holds the connection), in
     * 64 KB chunks: no array large enough to be a "humongous" object for the garbage collector.
     */
    private final java.util.List<byte[]> memory;

    public CopyWriter(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        copy = pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        memory = null;
    }

    private CopyWriter() {
        copy = null;
        memory = new java.util.ArrayList<>();
    }

    /** A writer that buffers the rows in memory, to be copied later by {@link #drainInto}. */
    public static CopyWriter inMemory() {
        return new CopyWriter();
    }

    /** Sends the rows buffered in memory through {@code target}'s copy. */
    public void drainInto(CopyWriter target) throws SQLException {
        flush();
        target.flush();
        for (int i = 0; i < memory.size(); i++) {
            byte[] chunk = memory.get(i);
            memory.set(i, null);
            target.copy.writeToCopy(chunk, 0, chunk.length);
        }
        memory.clear();
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
            flush();
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
