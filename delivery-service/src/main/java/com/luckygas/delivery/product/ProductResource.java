package com.luckygas.delivery.product;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.security.Roles;
import com.luckygas.common.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The product catalogue and its prices. Everyone may read products; prices are set by ADMINs. */
@Path("/api/products")
public class ProductResource {

    public record ProductView(String code, String name, Product.Kind kind, BigDecimal sizeKg, boolean active) {
    }

    public record PriceInput(@NotBlank String productCode, @Positive Long customerId, @NotNull LocalDate validFrom,
                             @NotNull @PositiveOrZero @DecimalMax("99999999") @Digits(integer = 8, fraction = 2)
                             BigDecimal unitPrice) {
    }

    public record PriceView(String productCode, Long customerId, LocalDate validFrom, BigDecimal unitPrice) {
    }

    public record PriceInForce(String productCode, BigDecimal unitPrice) {
    }

    private final PriceBook prices;
    private final Clock clock;

    ProductResource(PriceBook prices, Clock clock) {
        this.prices = prices;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.DRIVER, Roles.SERVICE})
    public List<ProductView> list() {
        return Product.<Product>listAll(Sort.by("sortOrder", "code")).stream()
                .map(p -> new ProductView(p.code, p.name, p.kind, p.sizeKg, p.active)).toList();
    }

    /** The prices in force for a customer (or the defaults without one) on a day (default today). */
    @GET
    @Path("/prices")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE})
    public List<PriceInForce> inForce(@QueryParam("customerId") Long customerId, @QueryParam("date") LocalDate date) {
        LocalDate day = date != null ? date : LocalDate.now(clock);
        List<String> codes = Product.<Product>listAll(Sort.by("sortOrder", "code")).stream().map(p -> p.code).toList();
        Map<String, BigDecimal> found = prices.inForce(customerId == null ? -1 : customerId, day, codes);
        return codes.stream().filter(found::containsKey).map(c -> new PriceInForce(c, found.get(c))).toList();
    }

    /** Sets a default price (no customerId) or a customer's own price, from a date on. */
    @POST
    @Path("/prices")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @APIResponse(responseCode = "201", description = "The price, new from that day",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PriceView.class)))
    @APIResponse(responseCode = "200", description = "The price of that day, changed",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PriceView.class)))
    public Response setPrice(@Valid @NotNull PriceInput input) {
        if (Product.findById(input.productCode()) == null) {
            throw ProblemException.invalidField("productCode", "is not a product");
        }
        Price existing = Price.find("productCode = ?1 and customerId is not distinct from ?2 and validFrom = ?3",
                input.productCode(), input.customerId(), input.validFrom()).firstResult();
        Price price = existing != null ? existing : new Price();
        price.productCode = input.productCode();
        price.customerId = input.customerId();
        price.validFrom = input.validFrom();
        price.unitPrice = input.unitPrice();
        if (existing == null) {
            price.persist();
        }
        return Response.status(existing == null ? 201 : 200)
                .entity(new PriceView(price.productCode, price.customerId, price.validFrom, price.unitPrice)).build();
    }

}
