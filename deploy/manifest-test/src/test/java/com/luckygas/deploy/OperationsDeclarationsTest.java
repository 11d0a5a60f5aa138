package com.luckygas.deploy;

import static com.luckygas.deploy.Repo.list;
import static com.luckygas.deploy.Repo.map;
import static com.luckygas.deploy.Repo.str;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two declarations of the operations that run themselves (issue 21), against the services and
 * against what reads them: every job of deploy/jobs.tsv is one its service runs, at the time of the
 * service's own cron, with the service's overdue threshold, and deploy/gcp/setup-scheduler calls it;
 * every alert of deploy/alerts.tsv has one Cloud Monitoring policy with the declared threshold and
 * duration, deploy/gcp/setup-alerts creates it, and deploy/ops/check checks it locally. The cloud
 * scripts run here with --dry-run, with a gcloud on the PATH that fails if anything calls it.
 */
class OperationsDeclarationsTest {

    private static final String PROJECT = "my-project";
    private static final String REGION = "asia-east1";

    /** The jobs their service also runs on its own (Quartz) cron, and that cron's property. */
    private static final Map<String, String> IN_SERVICE_CRON = Map.of(
            "recurring-orders", "luckygas.templates.cron",
            "archival", "luckygas.archive.cron",
            "report-refresh", "luckygas.reports.refresh-cron");

    record Job(String name, String service, String schedule, Duration overdueAfter) {
    }

    /** A row of alerts.tsv; {@code minimum} null for "-". */
    record Alert(String name, BigDecimal threshold, String holdsFor, Integer minimum) {
    }

    static List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        for (List<String> row : Repo.tsv("deploy/jobs.tsv", 5)) {
            jobs.add(new Job(row.get(0), row.get(1), row.get(2), Duration.parse(row.get(3))));
        }
        assertFalse(jobs.isEmpty(), "jobs.tsv declares no job");
        assertEquals(jobs.size(), jobs.stream().map(Job::name).distinct().count(), "jobs.tsv names a job twice");
        return jobs;
    }

    static Map<String, Alert> alerts() {
        Map<String, Alert> alerts = new LinkedHashMap<>();
        for (List<String> row : Repo.tsv("deploy/alerts.tsv", 5)) {
            assertTrue(row.get(2).matches("0|\\d+[smh]"), "alerts.tsv: 'for' of " + row.get(0) + " is 0 or like 5m: " + row.get(2));
            assertTrue(row.get(3).matches("-|\\d+"), "alerts.tsv: 'minimum' of " + row.get(0) + " is - or a number: " + row.get(3));
            Integer minimum = row.get(3).equals("-") ? null : Integer.valueOf(row.get(3));
            assertTrue(alerts.put(row.get(0), new Alert(row.get(0), new BigDecimal(row.get(1)), row.get(2), minimum)) == null,
                    "alerts.tsv names " + row.get(0) + " twice");
        }
        assertFalse(alerts.isEmpty(), "alerts.tsv declares no alert");
        return alerts;
    }

    static List<String> alertNames() {
        return List.copyOf(alerts().keySet());
    }

    // --- deploy/jobs.tsv ---

    @Test
    void everyJobIsOneItsServiceRunsWithTheSameOverdueThreshold() {
        for (Job job : jobs()) {
            assertTrue(Repo.SERVICES.contains(job.service()), "jobs.tsv: " + job.name() + " runs on " + job.service() + ", not a service");
            String key = "luckygas.jobs." + job.name() + ".overdue-after";
            String configured = properties(job.service()).getProperty(key);
            assertNotNull(configured, job.service() + "'s application.properties has no " + key);
            assertEquals(Duration.parse(configured), job.overdueAfter(), key + " and jobs.tsv's overdue-after of " + job.name());
            assertTrue(javaSources(job.service()).contains("\"" + job.name() + "\""),
                    job.service() + "'s sources name no job \"" + job.name() + "\" (POST /api/jobs/" + job.name() + " would be unknown)");
        }
    }

    /** Cloud Scheduler's call and the service's own run come at the same time: one run, the other finds nothing left. */
    @Test
    void jobsTheServiceAlsoRunsOnItsOwnCronAreScheduledAtTheSameTime() {
        Set<String> declared = new TreeSet<>();
        for (Job job : jobs()) {
            String property = IN_SERVICE_CRON.get(job.name());
            if (property == null) {
                continue;
            }
            declared.add(job.name());
            String quartz = properties(job.service()).getProperty(property);
            assertNotNull(quartz, job.service() + " has no " + property);
            assertEquals(unixCron(quartz), job.schedule(), "jobs.tsv's schedule of " + job.name() + " and " + property + "=" + quartz);
        }
        assertEquals(IN_SERVICE_CRON.keySet(), declared, "every job with an in-service cron is declared in jobs.tsv");
    }

    /** A job is overdue only when runs are missed: overdue-after is longer than the longest wait between two runs. */
    @Test
    void noJobIsOverdueBetweenTwoScheduledRuns() {
        for (Job job : jobs()) {
            Duration gap = longestGap(job.schedule());
            assertTrue(job.overdueAfter().compareTo(gap) > 0,
                    job.name() + ": overdue-after " + job.overdueAfter() + " is not longer than the " + gap + " between two runs of '" + job.schedule() + "'");
        }
    }

    @Test
    void setupSchedulerCallsEveryJobWithAGoogleToken(@TempDir Path tmp) {
        String out = dryRun("deploy/gcp/setup-scheduler", tmp);
        List<String> creates = out.lines().filter(l -> l.startsWith("+ gcloud scheduler jobs create http ")).toList();
        List<Job> jobs = jobs();
        assertEquals(jobs.size(), creates.size(), "one Cloud Scheduler job per jobs.tsv row:\n" + out);
        for (Job job : jobs) {
            List<String> mine = creates.stream().filter(l -> l.startsWith("+ gcloud scheduler jobs create http luckygas-" + job.name() + " ")).toList();
            assertEquals(1, mine.size(), "one Cloud Scheduler job luckygas-" + job.name() + ":\n" + out);
            String call = mine.get(0).replace("'", "") + " ";
            for (String flag : List.of("--schedule=" + job.schedule(), "--time-zone=Asia/Taipei", "--http-method=POST",
                    "--location=" + REGION)) {
                assertTrue(call.contains(" " + flag + " "), job.name() + ": " + flag + " in " + call);
            }
            assertTrue(Pattern.compile(" --uri=https://" + Pattern.quote(job.service()) + "-\\S+\\.run\\.app/api/jobs/" + Pattern.quote(job.name()) + " ")
                    .matcher(call).find(), job.name() + ": POST to " + job.service() + "'s /api/jobs/" + job.name() + ": " + call);
            assertTrue(Pattern.compile(" --oidc-service-account-email=\\S+@\\S+ ").matcher(call).find(), job.name() + ": an OIDC token: " + call);
            assertTrue(Pattern.compile(" --oidc-token-audience=\\S+ ").matcher(call).find(), job.name() + ": the token's audience: " + call);
        }
    }

    /**
     * A job runs to its end within Cloud Scheduler's request: the service's Cloud Run request timeout is at
     * least the scheduler's attempt deadline (else a long run is a 504 and a retry while it still runs).
     */
    @Test
    void theServiceLetsAJobRunAsLongAsTheSchedulerWaits(@TempDir Path tmp) {
        String out = dryRun("deploy/gcp/setup-scheduler", tmp);
        Matcher deadline = Pattern.compile(" --attempt-deadline=(\\d+)m ").matcher(out);
        assertTrue(deadline.find(), "setup-scheduler sets an attempt deadline in minutes:\n" + out);
        long seconds = Long.parseLong(deadline.group(1)) * 60;
        for (String service : jobs().stream().map(Job::service).collect(Collectors.toCollection(TreeSet::new))) {
            String file = "deploy/cloudrun/" + service + ".yaml";
            Object timeout = map(Repo.yaml(file), "spec", "template", "spec").get("timeoutSeconds");
            assertTrue(timeout instanceof Number n && n.longValue() >= seconds,
                    file + ": timeoutSeconds " + timeout + " is shorter than the scheduler's attempt deadline (" + seconds + " s)");
        }
    }

    /** The audience and account the scheduler's tokens carry are the ones the service accepts in the cloud. */
    @Test
    void theServiceAcceptsTheSchedulersTokens(@TempDir Path tmp) {
        String out = dryRun("deploy/gcp/setup-scheduler", tmp);
        Map<String, String> printed = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(LUCKYGAS_SCHEDULER_(?:AUDIENCE|ACCOUNT))=(\\S+)").matcher(out);
        while (m.find()) {
            printed.put(m.group(1), m.group(2));
        }
        assertEquals(Set.of("LUCKYGAS_SCHEDULER_AUDIENCE", "LUCKYGAS_SCHEDULER_ACCOUNT"), printed.keySet(), "setup-scheduler prints what the service needs:\n" + out);
        for (String service : jobs().stream().map(Job::service).collect(Collectors.toCollection(TreeSet::new))) {
            String file = "deploy/cloudrun/" + service + ".yaml";
            var env = ContainerChecks.envByName(ContainerChecks.onlyContainer(map(Repo.yaml(file), "spec", "template", "spec"), file), file);
            printed.forEach((name, value) -> {
                assertTrue(env.containsKey(name), file + ": no " + name + " (set in deploy/cloudrun/knative/" + service + ".properties)");
                assertEquals(value, str(env.get(name), "value").replace("PROJECT_ID", PROJECT), file + ": " + name);
            });
        }
    }

    // --- deploy/alerts.tsv ---

    @Test
    void everyAlertHasOnePolicyFileAndNoFileIsUndeclared() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(Repo.path("deploy/gcp/alerts"))) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = alerts().keySet().stream().map(a -> a + ".json").collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, files, "deploy/gcp/alerts holds one <alert>.json per alerts.tsv row, nothing else");
    }

    @ParameterizedTest
    @MethodSource("alertNames")
    void policyHasTheDeclaredThresholdAndDuration(String name) {
        Alert alert = alerts().get(name);
        String file = "deploy/gcp/alerts/" + name + ".json";
        Map<String, Object> policy = Repo.yaml(file); // JSON is YAML
        assertEquals("Lucky Gas: " + name, policy.get("displayName"), file + ": setup-alerts finds the policy by this name");
        assertEquals(name, str(map(policy, "userLabels"), "alert"), file);
        assertEquals(List.of("${LUCKYGAS_ALERT_CHANNEL}"), policy.get("notificationChannels"), file + ": the channel setup-alerts puts in");
        // a rate with a minimum of answers: both conditions on the same service, else any condition
        assertEquals(alert.minimum() == null ? "OR" : "AND_WITH_MATCHING_RESOURCE", policy.get("combiner"), file);
        assertNotNull(map(policy, "alertStrategy").get("autoClose"), file + ": incidents close by themselves");
        String documentation = str(map(policy, "documentation"), "content");
        Matcher section = Pattern.compile("docs/operations\\.md#([a-z0-9-]+)").matcher(documentation);
        assertTrue(section.find(), file + ": says where in docs/operations.md what to do is written");
        Set<String> anchors = operationsAnchors();
        do {
            assertTrue(anchors.contains(section.group(1)), file + ": docs/operations.md has no section #" + section.group(1));
        } while (section.find());
        List<Map<String, Object>> conditions = list(policy, "conditions");
        assertFalse(conditions.isEmpty(), file + ": no condition");
        String duration = alert.holdsFor().equals("0") ? "0s" : seconds(alert.holdsFor()) + "s";
        if (alert.minimum() != null) {
            assertTrue(conditions.stream().map(c -> c.get("conditionThreshold")).filter(Map.class::isInstance)
                    .map(c -> String.valueOf(((Map<?, ?>) c).get("filter")))
                    .anyMatch(f -> f.contains("run.googleapis.com/request_count") && !f.contains("response_code_class")),
                    file + ": counts the answers, for alerts.tsv's minimum " + alert.minimum());
        }
        for (Map<String, Object> condition : conditions) {
            String where = file + " condition '" + condition.get("displayName") + "'";
            if (condition.containsKey("conditionAbsent")) {
                // nothing at all to count (job-overdue: no report refresh succeeded, so nothing calls the jobs)
                Map<String, Object> absent = map(condition, "conditionAbsent");
                assertTrue(str(absent, "filter").contains("logging.googleapis.com/user/"), where + ": a log-based metric");
                assertTrue(seconds(str(absent, "duration")) >= 120, where + ": Cloud Monitoring's least absence");
                continue;
            }
            Map<String, Object> threshold = map(condition, "conditionThreshold");
            String filter = str(threshold, "filter");
            assertTrue(filter.matches(".*metric\\.type=\"[a-z.]+googleapis\\.com/[a-z_/.]+\".*"), where + ": a metric type: " + filter);
            // Cloud Monitoring compares strictly; alerts.tsv's threshold is "above"
            assertEquals("COMPARISON_GT", threshold.get("comparison"), where);
            assertEquals(duration, threshold.get("duration"), where + ": holds for alerts.tsv's " + alert.holdsFor());
            Object value = threshold.get("thresholdValue");
            boolean answersCounted = filter.contains("run.googleapis.com/request_count") && !filter.contains("response_code_class")
                    && !threshold.containsKey("denominatorFilter");
            if (answersCounted) {
                // the minimum of answers the rate needs (alerts.tsv), counted over the same window
                assertNotNull(alert.minimum(), where + ": a count of answers in a policy without a minimum");
                assertEquals(String.valueOf(alert.minimum()), new BigDecimal(value.toString()).stripTrailingZeros().toPlainString(),
                        where + ": thresholdValue and alerts.tsv's minimum");
            } else if (filter.contains("postgresql/num_backends")) {
                // a share of max_connections: setup-alerts multiplies alerts.tsv's threshold by LUCKYGAS_DB_MAX_CONNECTIONS
                assertEquals("${DB_CONNECTIONS_LIMIT}", value, where);
            } else {
                // Cloud Run's request latencies are in milliseconds, alerts.tsv's in seconds
                BigDecimal expected = filter.contains("run.googleapis.com/request_latencies")
                        ? alert.threshold().multiply(BigDecimal.valueOf(1000)) : alert.threshold();
                assertTrue(value instanceof Number, where + ": thresholdValue " + value);
                assertEquals(expected.stripTrailingZeros().toPlainString(), new BigDecimal(value.toString()).stripTrailingZeros().toPlainString(),
                        where + ": thresholdValue and alerts.tsv's threshold");
            }
        }
    }

    @Test
    void setupAlertsCreatesOnePolicyPerAlertAndTheLogMetricsTheyCount(@TempDir Path tmp) {
        String out = dryRun("deploy/gcp/setup-alerts", tmp);
        Map<String, Alert> alerts = alerts();
        assertEquals(alerts.size(), out.lines().filter(l -> l.startsWith("+ gcloud alpha monitoring policies create --policy-from-file=")).count(),
                "one policy per alerts.tsv row:\n" + out);
        for (String name : alerts.keySet()) {
            assertTrue(out.contains("\"displayName\": \"Lucky Gas: " + name + "\""), "setup-alerts renders " + name);
        }
        assertFalse(out.contains("${"), "every placeholder is replaced:\n" + out);
        if (alerts.containsKey("db-connections")) {
            String limit = alerts.get("db-connections").threshold().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
            assertTrue(out.contains("\"thresholdValue\": " + limit + ","), "db-connections at " + limit + " of 100 connections (the default)");
        }
        Set<String> logMetrics = new TreeSet<>();
        Matcher m = Pattern.compile("logging\\.googleapis\\.com/user/([A-Za-z0-9_]+)").matcher(
                alerts.keySet().stream().map(a -> Repo.read("deploy/gcp/alerts/" + a + ".json")).collect(Collectors.joining()));
        while (m.find()) {
            logMetrics.add(m.group(1));
        }
        for (String metric : logMetrics) {
            assertTrue(out.contains("+ gcloud logging metrics create " + metric + " "), "setup-alerts creates the log-based metric " + metric + ":\n" + out);
        }
    }

    @Test
    void theLocalCheckKnowsEveryAlert() {
        String check = Repo.read("deploy/ops/check");
        assertTrue(check.contains("deploy/alerts.tsv\""), "deploy/ops/check reads deploy/alerts.tsv");
        for (String name : alerts().keySet()) {
            assertTrue(Pattern.compile("^\\s*" + Pattern.quote(name) + "\\)", Pattern.MULTILINE).matcher(check).find(),
                    "deploy/ops/check has no case for the alert " + name);
        }
    }

    // --- helpers ---

    private static Properties properties(String module) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Repo.read(module + "/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The anchors of docs/operations.md's headings, as GitHub makes them. */
    private static Set<String> operationsAnchors() {
        return Repo.read("docs/operations.md").lines().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    private static String javaSources(String module) {
        try (Stream<Path> files = Files.walk(Repo.path(module + "/src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file, UTF_8)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quartz "0 30 1 * * ?" (second minute hour day month weekday) as unix "30 1 * * *"; runs at second 0 only. */
    static String unixCron(String quartz) {
        String[] f = quartz.trim().split("\\s+");
        assertTrue(f.length == 6 || f.length == 7 && f[6].equals("*"), "a Quartz cron without a year: " + quartz);
        assertEquals("0", f[0], "runs at second 0: " + quartz);
        String dayOfMonth = f[3].equals("?") ? "*" : f[3];
        String dayOfWeek = f[5].equals("?") ? "*" : f[5];
        // Quartz counts weekdays 1-7 from Sunday, cron 0-6: not converted here
        assertEquals("*", dayOfWeek, "weekday fields are not compared: " + quartz);
        return String.join(" ", f[1], f[2], dayOfMonth, f[4], dayOfWeek);
    }

    /** The longest time between two runs of a unix cron (minute hour day month weekday), over 62 days. */
    static Duration longestGap(String cron) {
        String[] f = cron.trim().split("\\s+");
        assertEquals(5, f.length, "a unix cron has five fields: " + cron);
        Set<Integer> minutes = cronField(f[0], 0, 59);
        Set<Integer> hours = cronField(f[1], 0, 23);
        Set<Integer> days = cronField(f[2], 1, 31);
        Set<Integer> months = cronField(f[3], 1, 12);
        Set<Integer> weekdays = new LinkedHashSet<>();
        for (int d : cronField(f[4], 0, 7)) {
            weekdays.add(d % 7); // 0 and 7 are Sunday
        }
        boolean anyDay = f[2].equals("*"), anyWeekday = f[4].equals("*");
        LocalDateTime start = LocalDateTime.of(2027, 1, 4, 0, 0);
        LocalDateTime previous = null;
        Duration longest = Duration.ZERO;
        for (LocalDateTime t = start; t.isBefore(start.plusDays(62)); t = t.plusMinutes(1)) {
            int weekday = t.getDayOfWeek().getValue() % 7;
            // as cron: when both day fields are restricted, either matches
            boolean day = anyDay && anyWeekday || !anyDay && days.contains(t.getDayOfMonth()) || !anyWeekday && weekdays.contains(weekday);
            if (day && months.contains(t.getMonthValue()) && hours.contains(t.getHour()) && minutes.contains(t.getMinute())) {
                if (previous != null && Duration.between(previous, t).compareTo(longest) > 0) {
                    longest = Duration.between(previous, t);
                }
                previous = t;
            }
        }
        assertTrue(longest.compareTo(Duration.ZERO) > 0, "'" + cron + "' runs at most once in 62 days");
        return longest;
    }

    /** One cron field: "*", "n", "a-b", steps ("*&#47;n", "a-b&#47;n") and comma lists of them. */
    static Set<Integer> cronField(String field, int min, int max) {
        Set<Integer> values = new LinkedHashSet<>();
        for (String part : field.split(",")) {
            String[] stepped = part.split("/");
            int step = stepped.length == 2 ? Integer.parseInt(stepped[1]) : 1;
            int from = min, to = max;
            if (!stepped[0].equals("*")) {
                String[] range = stepped[0].split("-");
                from = Integer.parseInt(range[0]);
                to = range.length == 2 ? Integer.parseInt(range[1]) : stepped.length == 2 ? max : from;
            }
            assertTrue(min <= from && from <= to && to <= max && step > 0, "cron field '" + field + "' outside " + min + "-" + max);
            for (int v = from; v <= to; v += step) {
                values.add(v);
            }
        }
        return values;
    }

    private static long seconds(String duration) {
        long n = Long.parseLong(duration.substring(0, duration.length() - 1));
        return switch (duration.charAt(duration.length() - 1)) {
            case 's' -> n;
            case 'm' -> n * 60;
            case 'h' -> n * 3600;
            default -> throw new AssertionError("not a duration: " + duration);
        };
    }

    /**
     * A deploy script run with --dry-run, as a deployer would, without any cloud: its settings cleared,
     * PROJECT_ID and REGION set, and a gcloud first on the PATH that fails loudly if called.
     */
    /** A deploy script's --dry-run, with a gcloud on the PATH that fails if called: its output. */
    static String dryRun(String script, Path tmp) {
        try {
            Path gcloud = tmp.resolve("gcloud");
            Files.writeString(gcloud, "#!/bin/sh\necho 'gcloud was called in a dry run' >&2\nexit 97\n", UTF_8);
            assertTrue(gcloud.toFile().setExecutable(true));
            ProcessBuilder pb = new ProcessBuilder("bash", Repo.path(script).toString(), "--dry-run").redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("LUCKYGAS_") || k.startsWith("SCHEDULER_"));
            env.put("PATH", tmp + File.pathSeparator + System.getenv("PATH"));
            env.put("PROJECT_ID", PROJECT);
            env.put("REGION", REGION);
            env.put("DOMAIN", "api.luckygas.test");
            Process process = pb.start();
            String out = new String(process.getInputStream().readAllBytes(), UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), script + " did not end");
            assertEquals(0, process.exitValue(), script + " --dry-run failed:\n" + out);
            assertFalse(out.contains("gcloud was called"), script + " --dry-run called gcloud:\n" + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
