package com.luckygas.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files an import reads, and what the run record says of each (role, path, size, SHA-256). */
final class InputFiles {

    private InputFiles() {
    }

    static List<Path> of(Import.Options o) {
        List<Path> all = new ArrayList<>();
        if (o.clients() != null) {
            all.add(o.clients());
        }
        all.addAll(o.deliveries());
        if (o.legacyDb() != null) {
            all.add(o.legacyDb());
        }
        return all;
    }

    static List<Map<String, Object>> describe(Import.Options o) {
        List<Map<String, Object>> files = new ArrayList<>();
        if (o.clients() != null) {
            files.add(describe("clients", o.clients()));
        }
        for (Path p : o.deliveries()) {
            files.add(describe("deliveries", p));
        }
        if (o.legacyDb() != null) {
            files.add(describe("legacyDb", o.legacyDb()));
        }
        return files;
    }

    private static Map<String, Object> describe(String role, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportFailure(file + ": no such file");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("path", file.toAbsolutePath().toString());
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long bytes = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                bytes += n;
            }
            m.put("bytes", bytes);
            m.put("sha256", HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new ImportFailure(file + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }
}
