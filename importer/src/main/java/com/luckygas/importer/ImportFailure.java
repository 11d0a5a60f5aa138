package com.luckygas.importer;

/** The import cannot go on (unreadable file, missing column, …): the run ends non-zero, nothing written. */
public class ImportFailure extends RuntimeException {

    public ImportFailure(String message) {
        super(message);
    }

    public ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
