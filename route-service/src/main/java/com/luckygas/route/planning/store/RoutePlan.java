package com.luckygas.route.planning.store;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A plan for a date and depot: its state, score and totals (routes and stops beside it). */
@Entity
@Table(name = "route_plan")
public class RoutePlan extends AuditedEntity {

    @Schema(name = "PlanStatus")
    public enum Status { SOLVING, READY, PUBLISHED, SUPERSEDED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_date", nullable = false)
    public LocalDate planDate;

    @Column(name = "depot_id", nullable = false)
    public Long depotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "max_solve_seconds", nullable = false)
    public int maxSolveSeconds;

    @Column(name = "hard_score")
    public Long hardScore;

    @Column(name = "medium_score")
    public Long mediumScore;

    @Column(name = "soft_score")
    public Long softScore;

    @Column(name = "distance_m")
    public Long distanceM;

    @Column(name = "duration_s")
    public Long durationS;

    public String failure;

    /** JSON list of broken hard constraints, when the plan has any. */
    public String violations;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "solved_at")
    public OffsetDateTime solvedAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
