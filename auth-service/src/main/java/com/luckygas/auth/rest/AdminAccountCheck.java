package com.luckygas.auth.rest;

import com.luckygas.auth.Role;
import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * User management acts on the caller's account as it is now, not as the token says: an ADMIN
 * deactivated (401) or given another role (403) loses user management at once, not when the
 * access token expires (docs/adr/0002). One primary-key read per call, on the few ADMIN calls.
 */
@Provider
@AdminAccountCheck.Checked
@Priority(Priorities.AUTHORIZATION + 1)
public class AdminAccountCheck implements ContainerRequestFilter {

    /** Marks the resources whose caller's account is checked on every call. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Checked {
    }

    private final JsonWebToken jwt;

    AdminAccountCheck(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (jwt.getSubject() == null) {
            return; // not authenticated: the role check answers 401
        }
        if (AuthResource.accountOf(jwt).role != Role.ADMIN) {
            throw new ProblemException(new Problem("about:blank", "Forbidden", 403,
                    "This account is no longer an ADMIN; log in again.", null));
        }
    }
}
