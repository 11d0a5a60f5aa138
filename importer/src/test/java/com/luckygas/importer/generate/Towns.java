package com.luckygas.importer.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Townships the generated customers live in: read from {@code tw_township_points.csv}
 * (../shared/geo) when it is there — the districts of Taipei and New Taipei, where the business
 * delivers — else a built-in handful, so that the generator works without it. The file is read,
 * never copied into the repository.
 */
record Towns(List<Town> list, String source) {

    record Town(String county, String district, double lat, double lon) {
    }

    private static final List<Town> BUILT_IN = List.of(
            new Town("臺北市", "中正區", 25.0324, 121.5199), new Town("臺北市", "大同區", 25.0634, 121.5130),
            new Town("臺北市", "中山區", 25.0697, 121.5382), new Town("臺北市", "松山區", 25.0600, 121.5576),
            new Town("臺北市", "大安區", 25.0264, 121.5436), new Town("臺北市", "萬華區", 25.0286, 121.4979),
            new Town("臺北市", "信義區", 25.0330, 121.5654), new Town("臺北市", "士林區", 25.0928, 121.5199),
            new Town("臺北市", "北投區", 25.1321, 121.4987), new Town("臺北市", "內湖區", 25.0695, 121.5888),
            new Town("新北市", "板橋區", 25.0116, 121.4627), new Town("新北市", "中和區", 24.9994, 121.4988),
            new Town("新北市", "永和區", 25.0104, 121.5163), new Town("新北市", "新店區", 24.9676, 121.5419),
            new Town("新北市", "三重區", 25.0615, 121.4879), new Town("新北市", "新莊區", 25.0359, 121.4502));

    static Towns load(Path explicit) {
        for (Path candidate : candidates(explicit)) {
            if (candidate != null && Files.isRegularFile(candidate)) {
                try {
                    List<Town> towns = read(candidate);
                    if (!towns.isEmpty()) {
                        return new Towns(towns, candidate.toString());
                    }
                } catch (IOException | RuntimeException e) {
                    System.err.println("generator: cannot read " + candidate + " (" + e.getMessage() + "), using built-in towns");
                }
            }
        }
        return new Towns(BUILT_IN, "built-in");
    }

    private static List<Path> candidates(Path explicit) {
        List<Path> out = new ArrayList<>();
        if (explicit != null) {
            out.add(explicit);
            return out;
        }
        String env = System.getenv("LUCKYGAS_GEO_DIR");
        if (env != null && !env.isBlank()) {
            out.add(Path.of(env, "tw_township_points.csv"));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            out.add(dir.resolve("../shared/geo/tw_township_points.csv").normalize());
        }
        return out;
    }

    private static List<Town> read(Path csv) throws IOException {
        List<Town> towns = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                return towns;
            }
            List<String> cols = List.of(header.replace("\uFEFF", "").split(","));
            int county = cols.indexOf("county_zh");
            int district = cols.indexOf("district_zh");
            int lat = cols.indexOf("lat");
            int lon = cols.indexOf("lon");
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                if (f.length <= Math.max(Math.max(county, district), Math.max(lat, lon))) {
                    continue;
                }
                if (f[county].equals("臺北市") || f[county].equals("新北市")) {
                    towns.add(new Town(f[county], f[district], Double.parseDouble(f[lat]), Double.parseDouble(f[lon])));
                }
            }
        }
        return towns;
    }
}
