package com.luckygas.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's files as the manifests must agree with them, read at test time. */
final class Repo {

    static final List<String> SERVICES = List.of("auth-service", "customer-service", "delivery-service", "route-service");

    static final Path ROOT = Path.of(System.getProperty("luckygas.repo", "../..")).toAbsolutePath().normalize();

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML document of a file (empty documents dropped), as maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(String relative) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml.loadAll(read(relative))) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    static Map<String, Object> yaml(String relative) {
        List<Map<String, Object>> docs = yamlDocuments(relative);
        if (docs.size() != 1) {
            throw new AssertionError(relative + " should hold one YAML document, has " + docs.size());
        }
        return docs.get(0);
    }

    /** deploy/routes.tsv: prefix -> service, in file order. */
    static Map<String, String> routes() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (String line : read("deploy/routes.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 2) {
                throw new AssertionError("routes.tsv line is not 'prefix<TAB>service': " + line);
            }
            if (routes.put(cols[0], cols[1]) != null) {
                throw new AssertionError("routes.tsv names " + cols[0] + " twice");
            }
        }
        return routes;
    }

    /** A tab-separated declaration of deploy/ (jobs.tsv, alerts.tsv): its rows, '#' lines skipped, each with exactly these columns. */
    static List<List<String>> tsv(String relative, int columns) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : read(relative).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cols = List.of(line.split("\t", -1));
            if (cols.size() != columns || cols.stream().anyMatch(String::isBlank)) {
                throw new AssertionError(relative + ": not " + columns + " tab-separated columns: " + line);
            }
            rows.add(cols);
        }
        return rows;
    }

    /** What a module's configuration says, read from its application.properties and sources. */
    /**
     * @param envInProperties every {@code ${LUCKYGAS_*}} of application.properties, true when its
     *                        default is fit for production ({@link #productionDefault})
     * @param envRead         every LUCKYGAS_* the service reads (properties, luckygas.* keys, code)
     */
    record ServiceConfig(String module, String applicationName, int httpPort, String artifactId, String version,
                         Map<String, Boolean> envInProperties, Set<String> envRead) {
    }

    private static final Pattern ENV_EXPRESSION = Pattern.compile("\\$\\{(LUCKYGAS_[A-Z0-9_]+)(:[^}]*)?}");
    private static final Pattern ENV_LITERAL = Pattern.compile("\\bLUCKYGAS_[A-Z0-9_]+");
    private static final Pattern LUCKYGAS_PROPERTY = Pattern.compile("\"(luckygas\\.[a-z0-9.-]+)\"");

    static ServiceConfig service(String module) {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(path(module + "/src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // name -> whether every use of it has a default fit for production
        Map<String, Boolean> inProperties = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            Matcher m = ENV_EXPRESSION.matcher(props.getProperty(key));
            while (m.find()) {
                inProperties.merge(m.group(1), productionDefault(m.group(2)), Boolean::logicalAnd);
            }
        }
        Set<String> read = new TreeSet<>(inProperties.keySet());
        // and what service-common's shared configuration reads (LUCKYGAS_CORS_ORIGINS), when the module uses it
        if (read(module + "/pom.xml").contains("<artifactId>service-common</artifactId>")) {
            Matcher shared = ENV_EXPRESSION.matcher(read("common/service-common/src/main/resources/META-INF/microprofile-config.properties"));
            while (shared.find()) {
                read.add(shared.group(1));
            }
        }
        // luckygas.* properties read by the code are set from the environment as LUCKYGAS_* (SmallRye Config)
        for (Object key : props.keySet()) {
            String k = key.toString();
            if (k.startsWith("luckygas.")) {
                read.add(envName(k));
            }
        }
        try (Stream<Path> files = Files.walk(path(module + "/src/main"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher literal = ENV_LITERAL.matcher(source);
                while (literal.find()) {
                    read.add(literal.group());
                }
                Matcher property = LUCKYGAS_PROPERTY.matcher(source);
                while (property.find()) {
                    read.add(envName(property.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pom = read(module + "/pom.xml");
        String afterParent = pom.substring(pom.indexOf("</parent>"));
        String parent = pom.substring(pom.indexOf("<parent>"), pom.indexOf("</parent>"));
        return new ServiceConfig(module, props.getProperty("quarkus.application.name"),
                Integer.parseInt(props.getProperty("quarkus.http.port", "8080")),
                between(afterParent, "<artifactId>", "</artifactId>"), between(parent, "<version>", "</version>"),
                inProperties, read);
    }

    /**
     * Whether a {@code ${NAME:default}} default can stand in production: there is one, and it is not
     * empty, a placeholder ("unset"), a local address or a path in the build directory.
     */
    static boolean productionDefault(String colonDefault) {
        if (colonDefault == null) {
            return false;
        }
        String value = colonDefault.substring(1).trim();
        return !value.isEmpty() && !value.equals("unset") && !value.contains("localhost") && !value.startsWith("target/");
    }

    static String envName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open) + open.length();
        return text.substring(start, text.indexOf(close, start)).trim();
    }

    // --- small accessors for the parsed YAML ---

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
                throw new AssertionError("missing '" + key + "' in " + String.join(".", keys));
            }
            current = m.get(key);
        }
        if (!(current instanceof Map<?, ?>)) {
            throw new AssertionError(String.join(".", keys) + " is not a mapping: " + current);
        }
        return (Map<String, Object>) current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> node, String key) {
        Object value = node.get(key);
        if (!(value instanceof List<?>)) {
            throw new AssertionError("'" + key + "' is not a list: " + value);
        }
        return (List<Map<String, Object>>) value;
    }

    static String str(Map<String, Object> node, String key) {
        Object value = node.get(key);
        return value == null ? null : value.toString();
    }
}
