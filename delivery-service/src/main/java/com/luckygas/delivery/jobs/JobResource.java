package com.luckygas.delivery.jobs;

import com.luckygas.common.ProblemException;
import com.luckygas.common.ProblemMappers;
import com.luckygas.common.calls.ServiceUnavailableException;
import com.luckygas.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The scheduled jobs, for Cloud Scheduler (its OIDC identity: SchedulerAuthMechanism) and the ADMIN:
 * run one now, see how each last ran and whether something is overdue (docs/adr/0014).
 */
@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    /** Every job's state, and what the watch found at this moment. */
    @Schema(name = "Jobs")
    public record JobsView(boolean healthy, List<JobWatch.JobState> jobs, List<Long> recurringOrdersMissing,
                           long smsUndelivered, List<String> problems) {
    }

    final Jobs jobs;
    final JobWatch watch;
    final SecurityIdentity caller;

    JobResource(Jobs jobs, JobWatch watch, SecurityIdentity caller) {
        this.jobs = jobs;
        this.watch = watch;
        this.caller = caller;
    }

    /** How each job last ran (outcome, duration, what it did), whether it is overdue; missing recurring orders, waiting SMS. */
    @GET
    @RolesAllowed(Roles.ADMIN)
    public JobsView list() {
        JobWatch.Check check = watch.check();
        return new JobsView(check.healthy(), check.jobs(), check.recurringOrdersMissing(), check.smsUndelivered(),
                watch.problems(check));
    }

    /**
     * Runs a job now and answers when it is done: {@code recurring-orders}, {@code archival}, {@code report-refresh},
     * {@code sms-outbox}. Safe to call twice, at once or late (each catches up what is missing). A run that fails
     * answers 503 (Cloud Scheduler retries); why is in {@code GET /api/jobs} and the log.
     */
    @POST
    @Path("/{job}")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public JobRun run(@PathParam("job") String name) {
        Job job = Job.named(name).orElseThrow(() -> ProblemException.notFound(
                "No job named " + name + "; the jobs: recurring-orders, archival, report-refresh, sms-outbox."));
        try {
            return jobs.run(job, Jobs.by(caller));
        } catch (ProblemException | ServiceUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (ProblemMappers.isDatabaseUnavailable(e)) {
                throw e;
            }
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "The job " + job.jobName
                    + " failed; it is safe to run again. Why: GET /api/jobs, and the service's log.");
        }
    }
}
