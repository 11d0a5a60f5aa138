package com.luckygas.delivery.jobs;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code /q/health/well} (and {@code /q/health}): DOWN while a job is overdue, today's recurring orders
 * are missing or SMS wait too long. A wellness check, never readiness or liveness: a late job must not
 * take the service out of traffic or restart it.
 */
@Wellness
@ApplicationScoped
public class JobsHealth implements HealthCheck {

    final JobWatch watch;

    JobsHealth(JobWatch watch) {
        this.watch = watch;
    }

    @Override
    public HealthCheckResponse call() {
        JobWatch.Check check = watch.recent();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("jobs").status(check.healthy());
        check.jobs().forEach(j -> response.withData(j.job(), (j.overdue() ? "OVERDUE" : "ok") + ", last "
                + j.lastOutcome() + (j.lastSucceededAt() == null ? ", never succeeded" : ", succeeded " + j.lastSucceededAt())));
        response.withData("recurring-orders-missing-today", check.recurringOrdersMissing().size());
        response.withData("sms-undelivered", check.smsUndelivered());
        return response.build();
    }
}
