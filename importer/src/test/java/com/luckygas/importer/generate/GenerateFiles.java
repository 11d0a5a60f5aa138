package com.luckygas.importer.generate;

import java.nio.file.Path;
import java.util.Map;

/**
 * Writes legacy files of the real ones' shape for tests and benchmarks (not part of the importer
 * job): {@code importer/bench/generate --out DIR [--seed N] [--customers N] [--workbook-rows N]
 * [--sqlite-rows N] [--geo FILE]}; by default the full size (1,267 customers, 349,920 workbook rows,
 * 179,555 SQLite rows). Exit codes: 0 written, 1 failed, 2 wrong usage.
 */
public final class GenerateFiles {

    private GenerateFiles() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Path out = null;
        long seed = 20_161_001L;
        Path geo = null;
        Generator.Settings full = Generator.Settings.full(seed, Path.of("."));
        int customers = full.customers();
        int workbookRows = full.workbookRows();
        int sqliteRows = full.sqliteRows();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--customers" -> customers = Integer.parseInt(value(args, ++i));
                    case "--workbook-rows" -> workbookRows = Integer.parseInt(value(args, ++i));
                    case "--sqlite-rows" -> sqliteRows = Integer.parseInt(value(args, ++i));
                    case "--geo" -> geo = Path.of(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is needed");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            System.err.println("usage: generate --out DIR [--seed N] [--customers N] [--workbook-rows N] [--sqlite-rows N] [--geo FILE]");
            return 2;
        }
        long start = System.nanoTime();
        try {
            Map<String, Object> manifest = Generator.generate(new Generator.Settings(seed, customers, workbookRows, sqliteRows, out, geo));
            System.out.printf("Generated in %.1fs into %s: %s%n", (System.nanoTime() - start) / 1e9, out, manifest);
            return 0;
        } catch (Exception e) {
            System.err.println("generate: FAILED: " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
