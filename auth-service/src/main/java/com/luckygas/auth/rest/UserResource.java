package com.luckygas.auth.rest;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.security.Roles;
import com.luckygas.auth.Passwords;
import com.luckygas.auth.RefreshToken;
import com.luckygas.auth.Role;
import com.luckygas.auth.User;
import com.luckygas.auth.rest.Dtos.CreateUser;
import com.luckygas.auth.rest.Dtos.PasswordReset;
import com.luckygas.auth.rest.Dtos.UpdateUser;
import com.luckygas.auth.rest.Dtos.UserView;
import com.luckygas.common.Page;
import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * User accounts, for ADMINs only. Anything that changes what a user may do (role, deactivation,
 * password reset) ends that user's sessions at once: their refresh tokens are revoked, and the
 * access token they hold expires within its short lifetime. The calling ADMIN's own account is
 * checked on every call ({@link AdminAccountCheck}).
 */
@Path("/api/auth/users")
@RolesAllowed(Roles.ADMIN)
@AdminAccountCheck.Checked
public class UserResource {

    private final Passwords passwords;

    UserResource(Passwords passwords) {
        this.passwords = passwords;
    }

    /** Users sorted by username; {@code q} matches part of the username or display name. */
    @GET
    public Page<UserView> list(@QueryParam("q") String q, @QueryParam("role") Role role,
                               @QueryParam("active") Boolean active,
                               @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (q != null && !q.isBlank()) {
            where.add("(lower(username) like :q or lower(displayName) like :q)");
            params.and("q", "%" + q.trim().toLowerCase() + "%");
        }
        if (role != null) {
            where.add("role = :role");
            params.and("role", role);
        }
        if (active != null) {
            where.add("active = :active");
            params.and("active", active);
        }
        PanacheQuery<User> query = where.isEmpty()
                ? User.findAll(Sort.by("username"))
                : User.find(String.join(" and ", where), Sort.by("username"), params);
        return Page.of(query, page, size, UserView::of);
    }

    @GET
    @Path("/{id}")
    public UserView get(@PathParam("id") long id) {
        return UserView.of(find(id));
    }

    @POST
    @Transactional
    @APIResponse(responseCode = "201", description = "The user; Location names it",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public Response create(@Valid @NotNull CreateUser request, @Context UriInfo uri) {
        if (User.findByUsername(request.username()).isPresent()) {
            throw conflict("username", "is already taken");
        }
        String driverId = driverIdFor(request.role(), request.driverId(), null);
        User user = new User();
        user.username = User.normalise(request.username());
        user.displayName = request.displayName().trim();
        user.role = request.role();
        user.phone = request.phone();
        user.driverId = driverId;
        user.passwordHash = passwords.hash(request.password());
        user.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(user.id)).build())
                .entity(UserView.of(user)).build();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    public UserView update(@PathParam("id") long id, @Valid @NotNull UpdateUser request) {
        User user = find(id);
        if (request.displayName() != null) {
            user.displayName = request.displayName().trim();
        }
        if (request.phone() != null) {
            user.phone = request.phone().isBlank() ? null : request.phone();
        }
        Role role = request.role() != null ? request.role() : user.role;
        if (user.role == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherActiveAdmin(user);
        }
        String driverId = role != Role.DRIVER ? null
                : driverIdFor(role, request.driverId() != null ? request.driverId() : user.driverId, user.id);
        boolean rightsChanged = role != user.role || !java.util.Objects.equals(driverId, user.driverId);
        user.role = role;
        user.driverId = driverId;
        if (rightsChanged) {
            RefreshToken.revokeAllOf(user.id);
        }
        return UserView.of(user);
    }

    @POST
    @Path("/{id}/deactivate")
    @Transactional
    public UserView deactivate(@PathParam("id") long id) {
        User user = find(id);
        if (user.active && user.role == Role.ADMIN) {
            requireAnotherActiveAdmin(user);
        }
        user.active = false;
        RefreshToken.revokeAllOf(user.id);
        return UserView.of(user);
    }

    @POST
    @Path("/{id}/activate")
    @Transactional
    public UserView activate(@PathParam("id") long id) {
        User user = find(id);
        user.active = true;
        return UserView.of(user);
    }

    /** Sets a new password (the user forgot theirs); also lifts a lockout. */
    @PUT
    @Path("/{id}/password")
    @Transactional
    @APIResponse(responseCode = "204", description = "Set; the user is unlocked and every session ends")
    public Response resetPassword(@PathParam("id") long id, @Valid @NotNull PasswordReset request) {
        User user = find(id);
        user.passwordHash = passwords.hash(request.newPassword());
        user.failedLogins = 0;
        user.lockedUntil = null;
        RefreshToken.revokeAllOf(user.id);
        return Response.noContent().build();
    }

    private static User find(long id) {
        return User.<User>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No user with id " + id + "."));
    }

    /** Drivers must carry the driver id route-service knows them by, unique among users; others have none. */
    private static String driverIdFor(Role role, String driverId, Long selfId) {
        if (role != Role.DRIVER) {
            return null;
        }
        if (driverId == null || driverId.isBlank()) {
            throw ProblemException.invalidField("driverId", "is required for a DRIVER");
        }
        User.findByDriverId(driverId).filter(other -> !other.id.equals(selfId)).ifPresent(other -> {
            throw conflict("driverId", "belongs to another user");
        });
        return driverId;
    }

    private static void requireAnotherActiveAdmin(User user) {
        // the active ADMINs' rows locked until this change commits: two ADMINs removing each
        // other at the same moment take turns, and the second sees the first one's change
        long others = User.<User>find("role = ?1 and active = true order by id", Role.ADMIN)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list().stream()
                .filter(admin -> !admin.id.equals(user.id)).count();
        if (others == 0) {
            throw ProblemException.conflict("This is the last active ADMIN; make another user ADMIN first.");
        }
    }

    private static ProblemException conflict(String field, String message) {
        return new ProblemException(new Problem("about:blank", "Conflict", 409, "The " + field + " " + message + ".",
                List.of(new Problem.Violation(field, message))));
    }
}
