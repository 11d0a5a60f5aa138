package com.luckygas.importer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Entry point of the history import job (a Cloud Run Job).
 * Exit codes: 0 done (rejected rows do not fail a run), 1 failed (reason printed, nothing of the
 * run kept), 2 wrong usage, 3 imported but the report views could not be refreshed.
 */
@QuarkusMain
public class ImporterMain implements QuarkusApplication {

    static final String USAGE = """
            Usage:
              importer [--clients FILE.xlsx] [--deliveries FILE.xlsx]... [--legacy-db FILE.db]
                       [--dry-run] [--report DIR]
                  Imports the legacy files into the database of LUCKYGAS_DB_URL (docs: importer/README.md).""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "luckygas.archive.keep-months", defaultValue = "6")
    int keepMonths;

    @Override
    public int run(String... args) {
        try {
            return importFiles(args);
        } catch (Usage e) {
            System.err.println("importer: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
    }

    private int importFiles(String[] args) {
        Path clients = null;
        Path legacy = null;
        Path report = null;
        boolean dryRun = false;
        List<Path> deliveries = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Path.of(value(args, ++i, "--clients"));
                case "--deliveries" -> deliveries.add(Path.of(value(args, ++i, "--deliveries")));
                case "--legacy-db" -> legacy = Path.of(value(args, ++i, "--legacy-db"));
                case "--report" -> report = Path.of(value(args, ++i, "--report"));
                case "--dry-run" -> dryRun = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> throw new Usage("unknown argument " + args[i]);
            }
        }
        Import.Options options = new Import.Options(clients, deliveries, legacy, dryRun, report, keepMonths, null);
        if (options.nothingToRead()) {
            throw new Usage("nothing to import");
        }
        try {
            Import.Result result = new Import(options, dataSource::getConnection, flyway::migrate, System.out,
                    Progress.forConsole()).run();
            System.out.print(SummaryText.of(result.summary()));
            if (report != null) {
                System.out.println("Report: " + report.resolve("summary.json") + ", " + report.resolve("summary.txt")
                        + ", " + report.resolve("rejects.csv"));
            }
            System.out.println("SUMMARY " + Import.json(result.summary()).replaceAll("\\s*\\n\\s*", " "));
            if (result.refreshFailure() != null) {
                System.err.println("importer: the data is imported, but refreshing the report views failed: "
                        + result.refreshFailure() + " (delivery-service refreshes them hourly, or POST /api/reports/refresh)");
                return 3;
            }
            return 0;
        } catch (ImportFailure e) {
            System.err.println("importer: FAILED: " + e.getMessage());
            System.err.println("importer: nothing of this run was kept; fix the cause and run it again");
            return 1;
        } catch (RuntimeException e) {
            System.err.println("importer: FAILED: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new Usage(option + " needs a value");
        }
        return args[i];
    }

    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }
}
