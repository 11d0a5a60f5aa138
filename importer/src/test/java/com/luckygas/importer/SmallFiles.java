package com.luckygas.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.importer.generate.Generator;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small legacy files from the generator (one set per test run) and their manifest. */
final class SmallFiles {

    static final long SEED = 7;
    private static SmallFiles instance;

    final Path dir;
    final JsonNode manifest;

    private SmallFiles(Path dir, JsonNode manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    static synchronized SmallFiles get() throws Exception {
        if (instance == null) {
            Path dir = Files.createTempDirectory("importer-small");
            Generator.generate(new Generator.Settings(SEED, 60, 4000, 1500, dir, null));
            instance = new SmallFiles(dir, new ObjectMapper().readTree(dir.resolve(Generator.MANIFEST_FILE).toFile()));
        }
        return instance;
    }

    Path clients() {
        return dir.resolve(Generator.CLIENTS_FILE);
    }

    Path deliveries() {
        return dir.resolve(Generator.DELIVERIES_FILE);
    }

    Path legacyDb() {
        return dir.resolve(Generator.LEGACY_DB_FILE);
    }
}
