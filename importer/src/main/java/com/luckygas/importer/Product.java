package com.luckygas.importer;

import java.util.List;

/**
 * The platform's products (delivery-service V3__products_orders_deliveries.sql) and the names the
 * legacy files give them: the delivery workbook's headers, the client list's "cylinders held"
 * headers, the SQLite columns. The index is the order of the products in a
 * delivery's quantities (its identity, {@code R50=1 F20=87.35}, and its items).
 */
public record Product(int index, String code, boolean flow, String deliveryHeader, String clientListHeader,
                      String sqliteColumn) {

    public static final List<Product> ALL = List.of(
            new Product(0, "R50", false, "50公斤", "50KG", "qty_50kg"),
            new Product(1, "R20", false, "20公斤", "20KG", "qty_20kg"),
            new Product(2, "R16", false, "16公斤", "16KG", "qty_16kg"),
            new Product(3, "R10", false, "10公斤", "10KG", "qty_10kg"),
            new Product(4, "R4", false, "4公斤", "4KG", "qty_4kg"),
            new Product(5, "P20", false, "丙烷20", "營20", "qty_ying20"),
            new Product(6, "P16", false, "丙烷16", "營16", "qty_ying16"),
            new Product(7, "HY20", false, "好運桶20", "好運20", "qty_haoyun20"),
            new Product(8, "HY16", false, "好運桶16", "好運16", "qty_haoyun16"),
            new Product(9, "PA10", false, "瓶安桶10", null, null),
            new Product(10, "XF4", false, "幸福丸4", null, null),
            new Product(11, "F50", true, "流量50公斤", null, null),
            new Product(12, "F20", true, "流量20公斤", null, null),
            new Product(13, "F16", true, "流量16公斤", null, null),
            new Product(14, "FHY20", true, "流量好運20公斤", null, null),
            new Product(15, "FHY16", true, "流量好運16公斤", null, null));

    public static final int COUNT = ALL.size();

    /** The most cylinders of one product a single delivery can hold (legacy-data.md). */
    public static final int MAX_CYLINDERS = 200;
}
