package com.luckygas.delivery.proof;

import com.luckygas.common.security.Caller;
import com.luckygas.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An order's proofs of delivery as the office sees them (every order) and a driver (his own stops
 * of today; any other order is 404 to him).
 */
@Path("/api/orders/{orderId}/proofs")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.DRIVER})
public class ProofResource {

    private final Proofs proofs;
    private final JsonWebToken jwt;

    ProofResource(Proofs proofs, JsonWebToken jwt) {
        this.proofs = proofs;
        this.jwt = jwt;
    }

    @GET
    @Transactional
    public List<Proofs.ProofView> list(@PathParam("orderId") long orderId) {
        return proofs.of(orderId, Caller.of(jwt));
    }

    @GET
    @Path("/{proofId}")
    @Transactional
    @Produces({"image/jpeg", "image/png"})
    @APIResponse(responseCode = "200", description = "The file, as stored (location metadata removed)",
                 content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                            @Content(mediaType = "image/png", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    public Response file(@PathParam("orderId") long orderId, @PathParam("proofId") long proofId) {
        Proofs.File file = proofs.file(orderId, proofId, Caller.of(jwt));
        return Response.ok(file.bytes(), MediaType.valueOf(file.mediaType()))
                .header("Cache-Control", "private, max-age=3600")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
