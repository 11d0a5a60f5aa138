package com.luckygas.delivery.template;

import com.luckygas.delivery.jobs.Jobs;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.security.Roles;
import com.luckygas.common.Edits;
import com.luckygas.common.Page;
import com.luckygas.common.Versions;
import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.delivery.order.Order;
import com.luckygas.delivery.order.OrderLines;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Recurring orders: every N days, on given weekdays, or on given days of the month. */
@Path("/api/orders/templates")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class TemplateResource {

    public record TemplateItem(@NotBlank String productCode,
                               @NotNull @Positive @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal quantity)
            implements OrderLines.Line {
    }

    public record TemplateInput(
            @NotNull @Positive Long customerId,
            @NotNull OrderTemplate.Schedule schedule,
            @Min(1) @Max(365) Integer intervalDays,
            @Size(max = 7) List<@NotNull @Min(1) @Max(7) Integer> weekdays,
            @Size(max = 31) List<@NotNull @Min(1) @Max(31) Integer> monthDays,
            @NotNull LocalDate startDate,
            LocalDate endDate,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid TemplateItem> items,
            LocalTime windowStart,
            LocalTime windowEnd,
            Order.PaymentMethod paymentMethod,
            @Size(max = 500) String notes,
            Long version) {
    }

    public record TemplateView(long id, long customerId, OrderTemplate.Schedule schedule, Integer intervalDays,
                               List<Integer> weekdays, List<Integer> monthDays, LocalDate startDate, LocalDate endDate,
                               boolean paused, List<LocalDate> skipDates, List<OrderTemplate.Item> items,
                               LocalTime windowStart, LocalTime windowEnd, Order.PaymentMethod paymentMethod,
                               String notes, long version) {

        static TemplateView of(OrderTemplate t) {
            return new TemplateView(t.id, t.customerId, t.schedule, t.intervalDays, List.of(t.weekdays),
                    List.of(t.monthDays), t.startDate, t.endDate, t.paused, List.of(t.skipDates), t.items,
                    t.windowStart, t.windowEnd, t.paymentMethod, t.notes, t.version);
        }
    }

    public record Skip(@NotNull LocalDate date) {
    }

    public record Generated(int created) {
    }

    private final Jobs jobs;
    private final SecurityIdentity caller;

    TemplateResource(Jobs jobs, SecurityIdentity caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    /** Templates, by customer then id; {@code customerId} keeps one customer's. */
    @GET
    public Page<TemplateView> list(@QueryParam("customerId") Long customerId,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Sort sort = Sort.by("customerId", "id");
        return Page.of(customerId == null ? OrderTemplate.findAll(sort) : OrderTemplate.find("customerId", sort, customerId),
                page, size, TemplateView::of);
    }

    @GET
    @Path("/{id}")
    public TemplateView get(@PathParam("id") long id) {
        return TemplateView.of(find(id));
    }

    @POST
    @Transactional
    @APIResponse(responseCode = "201", description = "The recurring order; Location names it",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    public Response create(@Valid @NotNull TemplateInput input) {
        OrderTemplate template = new OrderTemplate();
        apply(input, template);
        return Edits.create(template, t -> "/api/orders/templates/" + t.id, TemplateView::of);
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public TemplateView replace(@PathParam("id") long id, @Valid @NotNull TemplateInput input) {
        OrderTemplate template = find(id);
        Versions.check(input.version(), template.version, "Template " + id);
        return Edits.update(template, t -> apply(input, t), TemplateView::of);
    }

    @POST
    @Path("/{id}/pause")
    @Transactional
    public TemplateView pause(@PathParam("id") long id) {
        return setPaused(id, true);
    }

    @POST
    @Path("/{id}/resume")
    @Transactional
    public TemplateView resume(@PathParam("id") long id) {
        return setPaused(id, false);
    }

    private static TemplateView setPaused(long id, boolean paused) {
        return Edits.update(find(id), t -> t.paused = paused, TemplateView::of);
    }

    /** Skips one occurrence (the customer is away that day); orders already made are not touched. */
    @POST
    @Path("/{id}/skips")
    @Transactional
    public TemplateView skip(@PathParam("id") long id, @Valid @NotNull Skip skip) {
        return Edits.update(find(id), t -> {
            TreeSet<LocalDate> dates = new TreeSet<>(Arrays.asList(t.skipDates));
            dates.add(skip.date());
            t.skipDates = dates.toArray(LocalDate[]::new);
        }, TemplateView::of);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") long id) {
        find(id).delete();
        return Response.noContent().build();
    }

    /**
     * Makes the missing orders for today and the next {@code days} days now (the job recurring-orders does the
     * same for its configured days; {@code POST /api/jobs/recurring-orders}); recorded as a run of that job.
     */
    @POST
    @Path("/generate")
    @RolesAllowed(Roles.ADMIN)
    public Generated generate(@QueryParam("days") @DefaultValue("7") @Min(0) @Max(60) int days) {
        return new Generated((int) jobs.recurringOrders(Jobs.by(caller), days).count());
    }

    private static OrderTemplate find(long id) {
        OrderTemplate template = OrderTemplate.findById(id);
        if (template == null) {
            throw ProblemException.notFound("No template with id " + id + ".");
        }
        return template;
    }

    private static void apply(TemplateInput in, OrderTemplate t) {
        switch (in.schedule()) {
            case EVERY_N_DAYS -> {
                if (in.intervalDays() == null) {
                    throw ProblemException.invalidField("intervalDays", "is required for EVERY_N_DAYS");
                }
            }
            case WEEKDAYS -> {
                if (in.weekdays() == null || in.weekdays().isEmpty()) {
                    throw ProblemException.invalidField("weekdays", "needs at least one day (1 = Monday … 7 = Sunday)");
                }
            }
            case MONTH_DAYS -> {
                if (in.monthDays() == null || in.monthDays().isEmpty()) {
                    throw ProblemException.invalidField("monthDays", "needs at least one day of the month");
                }
            }
        }
        if (in.endDate() != null && in.endDate().isBefore(in.startDate())) {
            throw ProblemException.invalidField("endDate", "must not be before startDate");
        }
        // the same rules as an order's, so that every order the template makes can be stored
        List<Problem.Violation> violations = new ArrayList<>();
        OrderLines.checkWindow(in.windowStart(), in.windowEnd(), violations);
        OrderLines.check(in.items(), false, violations);
        List<OrderTemplate.Item> items = in.items().stream().map(i -> new OrderTemplate.Item(i.productCode(), i.quantity())).toList();
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.", violations));
        }
        t.customerId = in.customerId();
        t.schedule = in.schedule();
        t.intervalDays = in.intervalDays();
        t.weekdays = in.weekdays() == null ? new Integer[0] : new TreeSet<>(in.weekdays()).toArray(Integer[]::new);
        t.monthDays = in.monthDays() == null ? new Integer[0] : new TreeSet<>(in.monthDays()).toArray(Integer[]::new);
        t.startDate = in.startDate();
        t.endDate = in.endDate();
        t.items = items;
        t.windowStart = in.windowStart();
        t.windowEnd = in.windowEnd();
        t.paymentMethod = in.paymentMethod() != null ? in.paymentMethod() : Order.PaymentMethod.CASH;
        t.notes = in.notes();
    }
}
