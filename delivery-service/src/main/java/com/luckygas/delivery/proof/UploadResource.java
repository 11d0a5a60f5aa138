package com.luckygas.delivery.proof;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.ProblemException;
import com.luckygas.common.security.Caller;
import com.luckygas.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * A driver's proof sent after the completion it belongs to, named by that action's key: the
 * request body is the JPEG or PNG file itself ({@code kind=SIGNATURE} or {@code PHOTO}). 201 with
 * the proof; 200 with it when the same file was sent before (a retry); 404 when the key is not one
 * of his recorded completions; 409 when the order has its signature or three photos; 413 over
 * 2 MiB; 415 when the file is not a JPEG or PNG. Nothing is stored of a refused file.
 */
@Path("/api/orders/my/actions/{key}/proofs")
@RolesAllowed(Roles.DRIVER)
public class UploadResource {

    private final Proofs proofs;
    private final JsonWebToken jwt;

    UploadResource(Proofs proofs, JsonWebToken jwt) {
        this.proofs = proofs;
        this.jwt = jwt;
    }

    @POST
    @Consumes("*/*")
    @Transactional
    @APIResponse(responseCode = "201", description = "The proof, stored; Location names its file",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Proofs.ProofView.class)))
    @APIResponse(responseCode = "200", description = "The same proof again: sent before",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Proofs.ProofView.class)))
    public Response upload(@PathParam("key") String key, @QueryParam("kind") Proofs.Kind kind,
                           @RequestBody(content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                                                   @Content(mediaType = "image/png", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
                           byte[] file) {
        if (kind == null) {
            throw ProblemException.invalidField("kind", "is required: SIGNATURE or PHOTO");
        }
        Proofs.Attached attached = proofs.attachToAction(key, kind, file, Caller.of(jwt));
        return attached.created()
                ? Response.created(URI.create(attached.proof().href())).entity(attached.proof()).build()
                : Response.ok(attached.proof()).build();
    }
}
