package com.luckygas.common.security;

/** The roles of the platform's tokens (the {@code groups} claim), for {@code @RolesAllowed}. */
public final class Roles {

    /** Everything, including user accounts, prices, imports and archival. */
    public static final String ADMIN = "ADMIN";
    /** Customers, orders, templates, routes, reports; not user accounts. */
    public static final String OFFICE = "OFFICE";
    /** His own route and stops of the day. */
    public static final String DRIVER = "DRIVER";
    /** The company's safety technician: customers' gas installation checks (delivery-service /api/safety). */
    public static final String TECHNICIAN = "TECHNICIAN";
    /** Another service, for work no user started (docs/adr/0002). */
    public static final String SERVICE = "SERVICE";
    /**
     * Cloud Scheduler calling a scheduled job (delivery-service {@code /api/jobs}) with Google's OIDC token for its
     * service account: never in a token auth-service issues (docs/adr/0014).
     */
    public static final String SCHEDULER = "SCHEDULER";

    private Roles() {
    }
}
