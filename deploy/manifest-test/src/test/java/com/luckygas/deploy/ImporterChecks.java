package com.luckygas.deploy;

import static com.luckygas.deploy.Repo.list;
import static com.luckygas.deploy.Repo.str;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The importer job's container, the same on Cloud Run and Kubernetes. */
final class ImporterChecks {

    /** The importer's command line (issue 7): flags taking a value, and flags alone. */
    static final Set<String> FLAGS_WITH_VALUE = Set.of("--clients", "--deliveries", "--legacy-db", "--report");
    static final Set<String> FLAGS_ALONE = Set.of("--dry-run");

    private ImporterChecks() {
    }

    private static String importerSources() {
        try (var files = java.nio.file.Files.walk(Repo.path("importer/src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(java.nio.file.Files.readString(file));
            }
            return all.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void check(Map<String, Object> container, Map<String, Object> podSpec, String where) {
        Repo.ServiceConfig importer = Repo.service("importer");
        ContainerChecks.checkImage(importer, container, where);
        ContainerChecks.checkEnv(importer, container, where);
        String mountPath = str(list(container, "volumeMounts").get(0), "mountPath");
        assertTrue(list(podSpec, "volumes").stream().anyMatch(v -> v.get("name").equals(list(container, "volumeMounts").get(0).get("name"))),
                where + ": the mount names a volume");
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) container.get("args");
        assertTrue(args != null && args.contains("--report"), where + ": the job writes a report");
        String sources = importerSources();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i).toString();
            assertTrue(sources.contains("\"" + arg + "\""), where + ": the importer's code does not know the option " + arg);
            if (FLAGS_WITH_VALUE.contains(arg)) {
                String value = args.get(++i).toString();
                assertTrue(value.startsWith(mountPath + "/"), where + ": " + arg + " " + value + " is not on the mounted volume " + mountPath);
            } else {
                assertTrue(FLAGS_ALONE.contains(arg), where + ": the importer has no option " + arg);
            }
        }
    }
}
