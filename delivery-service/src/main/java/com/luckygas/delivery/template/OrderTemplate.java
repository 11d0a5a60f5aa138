package com.luckygas.delivery.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.delivery.order.OrderLines;
import com.luckygas.delivery.order.Order;
import com.luckygas.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A recurring order: what a customer gets, and on which days. */
@Entity
@Table(name = "order_template")
public class OrderTemplate extends AuditedEntity {

    public enum Schedule { EVERY_N_DAYS, WEEKDAYS, MONTH_DAYS }

    @Schema(name = "RecurringItem")
    public record Item(String productCode, BigDecimal quantity) implements OrderLines.Line {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Schedule schedule;

    @Column(name = "interval_days")
    public Integer intervalDays;

    @Column(nullable = false)
    public Integer[] weekdays = new Integer[0];

    @Column(name = "month_days", nullable = false)
    public Integer[] monthDays = new Integer[0];

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(nullable = false)
    public boolean paused;

    @Column(name = "skip_dates", nullable = false)
    public LocalDate[] skipDates = new LocalDate[0];

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Item> items = new ArrayList<>();

    @Column(name = "window_start")
    public LocalTime windowStart;

    @Column(name = "window_end")
    public LocalTime windowEnd;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false)
    public Order.PaymentMethod paymentMethod = Order.PaymentMethod.CASH;

    public String notes;

    /** Whether the template produces an order for {@code day} (pausing aside). */
    public boolean fallsOn(LocalDate day) {
        if (day.isBefore(startDate) || endDate != null && day.isAfter(endDate) || Arrays.asList(skipDates).contains(day)) {
            return false;
        }
        return switch (schedule) {
            case EVERY_N_DAYS -> ChronoUnit.DAYS.between(startDate, day) % intervalDays == 0;
            case WEEKDAYS -> Arrays.asList(weekdays).contains(day.getDayOfWeek().getValue());
            case MONTH_DAYS -> Arrays.asList(monthDays).contains(day.getDayOfMonth())
                    // "the 31st" in a shorter month falls on its last day
                    || day.getDayOfMonth() == day.lengthOfMonth()
                       && Arrays.stream(monthDays).anyMatch(d -> d > day.lengthOfMonth());
        };
    }
}
