package com.luckygas.auth;

/** What a user may do; sent in the token's {@code groups} claim and checked with {@code @RolesAllowed}. */
public enum Role {
    ADMIN, OFFICE, DRIVER,
    /** The safety technician: records customers' gas installation checks (issue 18). */
    TECHNICIAN
}
