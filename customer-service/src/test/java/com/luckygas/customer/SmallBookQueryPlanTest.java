package com.luckygas.customer;

import static com.luckygas.customer.QueryPlans.usesIndex;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The office's real book is small (about 1,300 customers) and is often loaded in one go (the
 * importer). Right after such a load, before any vacuum, the name search must still go through
 * the gram index: with GIN's pending list (fastupdate) the new rows sat unindexed until
 * autovacuum came by, the planner chose a sequential scan and the broad search took 3-4 times as
 * long (V4__search_index_without_pending_list.sql). EXPLAIN of the exact SQL, not a timing.
 */
@QuarkusTest
class SmallBookQueryPlanTest {

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    CustomerSearch search;

    @AfterEach
    void cleanUp() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM customer.customer WHERE code LIKE 'SB%'");
        }
    }

    @Test
    void nameSearchRightAfterABulkLoadUsesTheSuffixIndex() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // 1,300 shops named like the real ones: one in 28 is a 小吃, addresses on 20 streets
            s.execute("""
                    INSERT INTO customer.customer (code, short_name, invoice_title, address, phones, customer_type)
                    SELECT 'SB' || i,
                           (ARRAY['美味','幸福','好運','大同','永和','金龍','鴻福','阿明','老王','新光'])[1 + i % 10]
                             || (ARRAY['小吃','餐廳','麵店','工廠','商行','早餐店','火鍋','自助餐','便當','快炒','牛肉麵',
                                       '滷味','冰店','豆花','五金行','洗衣店','髮廊','診所','幼兒園','宮廟','家','公寓',
                                       '大樓','旅社','烘焙坊','茶行','米店','小館'])[1 + (i * 7) % 28],
                           CASE WHEN i % 3 = 0 THEN '企業有限公司' END,
                           '新北市板橋區' || (ARRAY['中正路','中山路','民生路','民權路','復興路','建國路','和平東路','信義路',
                                                  '忠孝東路','仁愛路','光復路','文化路','中華路','成功路','自由路','大同路',
                                                  '永和路','四維路','八德路','南京東路'])[1 + i % 20] || i || '號',
                           ARRAY['09' || lpad((20000000 + i)::text, 8, '0')],
                           '餐廳'
                    FROM generate_series(1, 1300) i""");
            s.execute("ANALYZE customer.customer");
        }
        usesIndex(QueryPlans.plan(em, search.rows(new CustomerSearch.Filters("小吃", null, null, null, null), null, 0, 50)),
                "search_suffix_idx");
    }
}
