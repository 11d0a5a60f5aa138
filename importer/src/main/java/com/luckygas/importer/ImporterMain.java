package com.luckygas.importer;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the history import job (a Cloud Run Job). The import itself is not built yet
 * (issue 7); until then the job refuses to run rather than pretend to import.
 */
@QuarkusMain
public class ImporterMain implements QuarkusApplication {

    static final String USAGE = """
            Usage: importer [--clients FILE.xlsx] [--deliveries FILE.xlsx]... [--legacy-db FILE.db]
                            [--dry-run] [--report DIR]
            The history import is not implemented yet (issue 7).""";

    @Override
    public int run(String... args) {
        System.err.println(USAGE);
        return 2;
    }
}
