package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.admin;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.delivery.jobs.JobWatch;
import com.luckygas.testing.TestClock;
import com.luckygas.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operations that run themselves (issue 21): the jobs started by Cloud Scheduler's identity (and an
 * ADMIN) and no one else, recurring orders catching up missed nights exactly once, and the watch that
 * says a job is overdue, today's recurring orders are missing or SMS wait — and clears when done.
 */
@QuarkusTest
class JobsTest {

    static final long CUSTOMER = 2101;
    static final long GONE_CUSTOMER = 2102;

    @Inject
    DataSource dataSource;

    @Inject
    JobWatch watch;

    @Inject
    com.luckygas.delivery.jobs.ScheduledJobs scheduledJobs;

    @BeforeEach
    void customers() {
        OrderApi.defaultPrices();
        FakeCustomerService.CUSTOMERS.put(CUSTOMER, new CustomerClient.Customer(CUSTOMER, "2101", "排程小館", "中正區", "餐廳",
                true, List.of("0223002101")));
        FakeCustomerService.CUSTOMERS.put(GONE_CUSTOMER, new CustomerClient.Customer(GONE_CUSTOMER, "2102", "歇業小吃", "中正區",
                "餐廳", true, List.of("0223002102")));
        FakeCustomerService.down = false;
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
        FakeCustomerService.down = false;
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification scheduler() {
        return as(TestTokens.scheduler(TestTokens.SCHEDULER_ACCOUNT, TestTokens.SCHEDULER_AUDIENCE));
    }

    @Test
    void aJobIsStartedByTheSchedulersIdentityOrAnAdminAndNoOneElse() {
        // no token, a user's role that is not ADMIN, a driver
        given().post("/api/jobs/report-refresh").then().statusCode(401).contentType("application/problem+json");
        office().post("/api/jobs/report-refresh").then().statusCode(403).contentType("application/problem+json");
        OrderApi.driver("D1").post("/api/jobs/report-refresh").then().statusCode(403);
        // Google's token of another account, for another audience, or signed by a key that is not Google's
        as(TestTokens.scheduler("someone-else@test-project.iam.gserviceaccount.com", TestTokens.SCHEDULER_AUDIENCE))
                .post("/api/jobs/report-refresh").then().statusCode(401).contentType("application/problem+json");
        as(TestTokens.scheduler(TestTokens.SCHEDULER_ACCOUNT, "https://other-service.run.app"))
                .post("/api/jobs/report-refresh").then().statusCode(401);
        as(TestTokens.schedulerSignedWithPlatformKey()).post("/api/jobs/report-refresh").then().statusCode(401);
        // the platform's own forged or foreign tokens still fail as before
        as(TestTokens.otherIssuer()).post("/api/jobs/report-refresh").then().statusCode(401);
        as(TestTokens.tampered()).post("/api/jobs/report-refresh").then().statusCode(401);

        // the scheduler: the job runs and is recorded as its call
        scheduler().post("/api/jobs/report-refresh").then().statusCode(200)
                .body("job", equalTo("report-refresh"))
                .body("trigger", equalTo("scheduler:" + TestTokens.SCHEDULER_ACCOUNT));
        JsonPath jobs = admin().get("/api/jobs").then().statusCode(200).extract().jsonPath();
        assertEquals("SUCCEEDED", jobs.getString("jobs.find { it.job == 'report-refresh' }.lastOutcome"));
        assertEquals("scheduler:" + TestTokens.SCHEDULER_ACCOUNT, jobs.getString("jobs.find { it.job == 'report-refresh' }.lastTrigger"));
        // an ADMIN by hand
        admin().post("/api/jobs/archival").then().statusCode(200).body("trigger", equalTo("hand:admin"));
        // the scheduler's identity opens the jobs and nothing else
        scheduler().get("/api/jobs").then().statusCode(403);
        scheduler().queryParam("date", today().toString()).get("/api/orders").then().statusCode(403);
        scheduler().post("/api/deliveries/archive").then().statusCode(403);
        // a job that does not exist
        admin().post("/api/jobs/payroll").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("recurring-orders"));
    }

    @Test
    void theServicesOwnScheduleRunsTheSameJobsAndRecordsThem() throws Exception {
        // the in-service schedule (the local stack, Kubernetes): the same job, recorded as the schedule's run
        scheduledJobs.smsOutbox();
        scheduledJobs.reportRefresh();
        JsonPath jobs = admin().get("/api/jobs").then().statusCode(200).extract().jsonPath();
        for (String job : List.of("sms-outbox", "report-refresh")) {
            assertEquals("schedule", jobs.getString("jobs.find { it.job == '" + job + "' }.lastTrigger"), job);
            assertEquals("SUCCEEDED", jobs.getString("jobs.find { it.job == '" + job + "' }.lastOutcome"), job);
        }
        // a failing run does not stop the schedule (no exception out of it), and is recorded
        LocalDate day = LocalDate.of(2033, 1, 3);
        TestClock.set(day.atTime(1, 30));
        template(CUSTOMER, day);
        FakeCustomerService.down = true;
        scheduledJobs.recurringOrders();
        assertEquals("FAILED", admin().get("/api/jobs").then().extract().jsonPath()
                .getString("jobs.find { it.job == 'recurring-orders' }.lastOutcome"));
    }

    @Test
    void recurringOrdersAfterThreeMissedNightsMakeExactlyTheMissingOrders() throws Exception {
        LocalDate first = LocalDate.of(2031, 3, 3);
        TestClock.set(first.atTime(1, 30));
        long daily = template(CUSTOMER, first);
        scheduler().post("/api/jobs/recurring-orders").then().statusCode(200);
        assertEquals(days(first, first.plusDays(7)), orderDays(daily), "today and the 7 days ahead");
        // customer-service was asked with this service's own token, not the scheduler's (Google's) one
        assertEquals("SERVICE", groupOf(FakeCustomerService.TOKENS.get(FakeCustomerService.TOKENS.size() - 1)));

        // the nights of the 4th, 5th and 6th are missed (no instance, the scheduler failing); the 7th's run, late
        TestClock.set(first.plusDays(4).atTime(9, 40));
        scheduler().post("/api/jobs/recurring-orders").then().statusCode(200);
        assertEquals(days(first, first.plusDays(11)), orderDays(daily), "each missing day once, none twice");
        // run again, and by hand with the older endpoint: nothing more
        scheduler().post("/api/jobs/recurring-orders").then().statusCode(200);
        admin().post("/api/orders/templates/generate?days=7").then().statusCode(200);
        assertEquals(days(first, first.plusDays(11)), orderDays(daily));
        JsonPath jobs = admin().get("/api/jobs").then().statusCode(200).extract().jsonPath();
        assertEquals("hand:admin", jobs.getString("jobs.find { it.job == 'recurring-orders' }.lastTrigger"));
        assertEquals("SERVICE", groupOf(FakeCustomerService.TOKENS.get(FakeCustomerService.TOKENS.size() - 1)),
                "by hand too: the service's token, not the admin's");

        // more nights missed than the days ahead: the 12th to the 19th were covered by no run. They are gone by:
        // no orders are made for them, and the run says which days
        TestClock.set(first.plusDays(20).atTime(1, 30));
        scheduler().post("/api/jobs/recurring-orders").then().statusCode(200)
                .body("detail", containsString("no run covered " + first.plusDays(12) + ".." + first.plusDays(19)));
        List<LocalDate> expected = new ArrayList<>(days(first, first.plusDays(11)));
        expected.addAll(days(first.plusDays(20), first.plusDays(27)));
        assertEquals(expected, orderDays(daily));
    }

    @Test
    void aFailedRunAnswers503IsRecordedAndTheNextRunCatchesUp() throws Exception {
        LocalDate day = LocalDate.of(2031, 6, 2);
        TestClock.set(day.atTime(1, 30));
        long daily = template(CUSTOMER, day);
        FakeCustomerService.down = true;
        scheduler().post("/api/jobs/recurring-orders").then().statusCode(503).contentType("application/problem+json");
        JsonPath failed = admin().get("/api/jobs").then().statusCode(200).extract().jsonPath();
        assertEquals("FAILED", failed.getString("jobs.find { it.job == 'recurring-orders' }.lastOutcome"));
        assertTrue(failed.getInt("jobs.find { it.job == 'recurring-orders' }.failuresInARow") >= 1);
        assertEquals(List.of(), orderDays(daily));

        FakeCustomerService.down = false;
        scheduler().post("/api/jobs/recurring-orders").then().statusCode(200);
        assertEquals(days(day, day.plusDays(7)), orderDays(daily));
        JsonPath ok = admin().get("/api/jobs").then().statusCode(200).extract().jsonPath();
        assertEquals("SUCCEEDED", ok.getString("jobs.find { it.job == 'recurring-orders' }.lastOutcome"));
        assertEquals(0, ok.getInt("jobs.find { it.job == 'recurring-orders' }.failuresInARow"));
    }

    @Test
    void anOverdueJobIsShownInHealthMetricsAndTheListAndClearsWhenItSucceeds() throws Exception {
        LocalDateTime now = LocalDateTime.now(OrderApi.TAIPEI);
        TestClock.set(now);
        admin().post("/api/jobs/archival").then().statusCode(200);
        assertFalse(overdue("archival"));
        watch.watch();
        assertEquals(0.0, metric("luckygas_job_overdue", "archival"));

        // 27 hours on, no run since: its period (26 h) is over
        TestClock.set(now.plusHours(27));
        assertTrue(overdue("archival"));
        JsonPath jobs = admin().get("/api/jobs").then().statusCode(200).extract().jsonPath();
        assertFalse(jobs.getBoolean("healthy"));
        assertTrue(jobs.getList("problems", String.class).stream().anyMatch(p -> p.startsWith("Job overdue: archival")));
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'jobs' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'jobs' }.data.archival", containsString("OVERDUE"));
        watch.watch();
        assertEquals(1.0, metric("luckygas_job_overdue", "archival"));
        assertTrue(metric("luckygas_job_last_success_age_seconds", "archival") >= 27 * 3600 - 1); // stored to the microsecond

        // it runs (late): cleared
        scheduler().post("/api/jobs/archival").then().statusCode(200);
        assertFalse(overdue("archival"));
        given().get("/q/health/well").then().body("checks.find { it.name == 'jobs' }.data.archival", containsString("ok"));
        watch.watch();
        assertEquals(0.0, metric("luckygas_job_overdue", "archival"));
    }

    @Test
    void todaysRecurringOrdersNotMadeBySixAreMissingUntilTheJobRuns() throws Exception {
        LocalDate day = LocalDate.of(2031, 9, 1);
        long daily = template(CUSTOMER, day);
        long gone = template(GONE_CUSTOMER, day);
        // both made long before the last run of the job (which would otherwise have had no chance to make them)
        scalar("UPDATE delivery.order_template SET updated_at = now() - interval '30 days' WHERE id IN (" + daily + ", " + gone
                + ") RETURNING 1");
        TestClock.set(day.atTime(5, 59));
        assertFalse(missing().contains(daily), "not yet due");
        TestClock.set(day.atTime(6, 1));
        assertTrue(missing().containsAll(List.of(daily, gone)), missing().toString());
        given().get("/q/health/well").then().statusCode(503);
        watch.watch();
        assertTrue(metric("luckygas_recurring_orders_missing", null) >= 2);

        // the customer of one has closed: the job makes the other's orders, and the closed one is no alarm
        FakeCustomerService.CUSTOMERS.put(GONE_CUSTOMER, new CustomerClient.Customer(GONE_CUSTOMER, "2102", "歇業小吃", "中正區",
                "餐廳", false, List.of()));
        scheduler().post("/api/jobs/recurring-orders").then().statusCode(200)
                .body("detail", containsString("customer inactive"));
        List<Long> after = missing();
        assertFalse(after.contains(daily), after.toString());
        assertFalse(after.contains(gone), after.toString());
        assertEquals(List.of(), orderDays(gone));
        // open again: its orders are made and it counts again
        FakeCustomerService.CUSTOMERS.put(GONE_CUSTOMER, new CustomerClient.Customer(GONE_CUSTOMER, "2102", "歇業小吃", "中正區",
                "餐廳", true, List.of()));
        scheduler().post("/api/jobs/recurring-orders").then().statusCode(200);
        assertEquals(days(day, day.plusDays(7)), orderDays(gone));
        assertEquals(0L, scalar("SELECT count(*) FROM delivery.order_template WHERE id = " + gone
                + " AND customer_inactive_since IS NOT NULL"), "no longer marked inactive");
    }

    @Test
    void aTemplateAddedAfterTheLastRunIsNotThatRunsMiss() throws Exception {
        LocalDate today = LocalDate.of(2032, 2, 2); // a day of its own: the runs make orders of every test's templates
        TestClock.set(today.minusDays(1).atTime(1, 30));
        scheduler().post("/api/jobs/recurring-orders").then().statusCode(200);
        long added = template(CUSTOMER, today.minusDays(1)); // falls on today
        long before = template(CUSTOMER, today.minusDays(1));
        // the one added at 09:00, after that night's run; the other long before it (yet without orders)
        scalar("UPDATE delivery.order_template SET updated_at = timestamptz '" + today.minusDays(1) + " 09:00+08' WHERE id = "
                + added + " RETURNING 1");
        scalar("UPDATE delivery.order_template SET updated_at = now() - interval '30 days' WHERE id = " + before + " RETURNING 1");
        TestClock.set(today.atTime(6, 1));
        List<Long> missing = missing();
        assertFalse(missing.contains(added), "its orders come with the next run: " + missing);
        assertTrue(missing.contains(before), "the last run should have made its orders: " + missing);
        scheduler().post("/api/jobs/recurring-orders").then().statusCode(200);
        assertTrue(orderDays(added).contains(today));
        assertFalse(missing().contains(before));
    }

    @Test
    void smsWaitingMoreThanHalfAnHourAreUndeliveredUntilSent() throws Exception {
        long before = watch.check().smsUndelivered();
        long id;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("""
                    INSERT INTO delivery.notification (kind, phone, body, created_at, next_attempt_at)
                    VALUES ('ORDER_CONFIRMED', '0912000021', '訂單確認', now() - interval '40 minutes', now() + interval '1 hour')
                    RETURNING id""");
            rs.next();
            id = rs.getLong(1);
        }
        try {
            assertEquals(before + 1, watch.check().smsUndelivered());
            JsonPath jobs = admin().get("/api/jobs").then().statusCode(200).extract().jsonPath();
            assertTrue(jobs.getList("problems", String.class).stream().anyMatch(p -> p.startsWith("SMS undelivered:")));
            // given up after its last try: still not delivered
            scalar("UPDATE delivery.notification SET status = 'GAVE_UP', attempts = 8 WHERE id = " + id + " RETURNING 1");
            assertEquals(before + 1, watch.check().smsUndelivered());
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE delivery.notification SET status = 'SENT', sent_at = now() WHERE id = " + id);
            }
        }
        assertEquals(before, watch.check().smsUndelivered());
    }

    // --- helpers

    private long scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String groupOf(String token) throws Exception {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(claims).get("groups").get(0).asText();
    }

    private boolean overdue(String job) {
        return watch.check().jobs().stream().filter(j -> j.job().equals(job)).findFirst().orElseThrow().overdue();
    }

    private List<Long> missing() {
        return watch.check().recurringOrdersMissing();
    }

    private static double metric(String name, String job) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Pattern line = Pattern.compile("^" + name + "(?:\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        while (m.find()) {
            if (job == null || m.group(1) != null && m.group(1).contains("job=\"" + job + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(name + " for " + job + " is not in /q/metrics");
    }

    private static long template(long customerId, LocalDate start) {
        return office().body(Map.of("customerId", customerId, "schedule", "EVERY_N_DAYS", "intervalDays", 1,
                        "startDate", start.toString(), "items", List.of(Map.of("productCode", "R20", "quantity", 1))))
                .post("/api/orders/templates").then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private static List<LocalDate> days(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private List<LocalDate> orderDays(long templateId) throws Exception {
        return OrderApi.templateOrderDays(dataSource, templateId);
    }
}
