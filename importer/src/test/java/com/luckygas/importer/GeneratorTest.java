package com.luckygas.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.importer.generate.Generator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator is reproducible from its seed and works with or without ../shared/geo. */
class GeneratorTest {

    @TempDir
    Path a;

    @TempDir
    Path b;

    @Test
    void theSameSeedGivesTheSameFilesWithOrWithoutTheTownshipFile() throws Exception {
        Map<String, Object> withBuiltIn = new LinkedHashMap<>(Generator.generate(
                new Generator.Settings(3, 40, 2500, 900, a, a.resolve("no-such-geo.csv"))));
        Map<String, Object> again = new LinkedHashMap<>(Generator.generate(
                new Generator.Settings(3, 40, 2500, 900, b, b.resolve("no-such-geo.csv"))));
        assertEquals(withBuiltIn, again);
        assertEquals("built-in", withBuiltIn.get("towns"));
        assertEquals(2500, ((Map<?, ?>) withBuiltIn.get("deliveryWorkbook")).get("rowsRead"));
        assertEquals(900, ((Map<?, ?>) withBuiltIn.get("legacyDb")).get("rowsRead"));
        assertEquals(40, ((Map<?, ?>) withBuiltIn.get("customers")).get("total"));
        assertTrue((int) ((Map<?, ?>) withBuiltIn.get("deliveries")).get("overlap") > 0);
    }
}
