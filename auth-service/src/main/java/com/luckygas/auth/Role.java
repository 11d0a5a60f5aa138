package com.luckygas.auth;

/** What a user may do; sent in the token's {@code groups} claim and checked with {@code @RolesAllowed}. */
public enum Role {
    ADMIN, OFFICE, DRIVER
}
