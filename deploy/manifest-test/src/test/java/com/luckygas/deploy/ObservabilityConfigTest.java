package com.luckygas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What docs/operations.md#observability promises of every service's configuration: JSON logs in
 * production only, tracing present but off unless configured, pool metrics on. (That the metrics
 * are served is checked at run time by each service's foundation test.)
 */
class ObservabilityConfigTest {

    static final List<String> SERVICES = Repo.SERVICES;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void productionLogsJsonTracingOffUnlessConfiguredPoolMetricsOn(String module) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Repo.read(module + "/src/main/resources/application.properties")));
        assertEquals("false", p.getProperty("quarkus.log.console.json.enabled"), module + ": plain logs in tests and dev");
        assertEquals("${LUCKYGAS_LOG_JSON:true}", p.getProperty("%prod.quarkus.log.console.json.enabled"), module + ": JSON logs in production");
        assertEquals("gcp", p.getProperty("%prod.quarkus.log.console.json.log-format"), module + ": Cloud Logging's format");
        assertEquals("true", p.getProperty("quarkus.otel.sdk.disabled"), module + ": no tracing unless configured");
        assertEquals("true", p.getProperty("quarkus.datasource.metrics.enabled"), module + ": pool metrics");
        String pom = Repo.read(module + "/pom.xml");
        for (String extension : List.of("quarkus-micrometer-registry-prometheus", "quarkus-logging-json", "quarkus-opentelemetry")) {
            int at = pom.indexOf("<artifactId>" + extension + "</artifactId>");
            assertTrue(at > 0 && at < pom.indexOf("<profiles>") || at > 0 && !pom.contains("<profiles>"),
                    module + " depends on " + extension + " in its normal build");
        }
    }
}
