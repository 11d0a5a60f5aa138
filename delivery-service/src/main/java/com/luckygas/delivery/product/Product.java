package com.luckygas.delivery.product;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A product: a cylinder size or brand, or metered (flow) gas sold by the kg. */
@Entity
public class Product extends PanacheEntityBase {

    @Schema(name = "ProductKind")
    public enum Kind { CYLINDER, FLOW }

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "size_kg", nullable = false)
    public BigDecimal sizeKg;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    /**
     * The products of these codes, in one statement with one array parameter: an HQL {@code in} list
     * is translated to SQL anew on every call (a fifth of delivery-service's CPU when taking orders,
     * docs/benchmarks.md), this statement's mapping is not.
     */
    static final String BY_CODES = "SELECT * FROM delivery.product WHERE code = ANY(CAST(:codes AS text[]))";

    @SuppressWarnings("unchecked")
    public static Map<String, Product> byCodes(List<String> codes) {
        List<Product> rows = getEntityManager().createNativeQuery(BY_CODES, Product.class)
                .setParameter("codes", codes.toArray(String[]::new)).getResultList();
        return rows.stream().collect(Collectors.toMap(p -> p.code, p -> p));
    }
}
