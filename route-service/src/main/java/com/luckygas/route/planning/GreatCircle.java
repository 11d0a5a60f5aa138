package com.luckygas.route.planning;

import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.VehicleKind;
import java.util.List;

/**
 * The default travel matrix: great-circle distance × a road factor (streets are not straight),
 * and a speed per vehicle kind. Good enough to plan with, needs no server; a road matrix
 * ({@link OsrmMatrix}) replaces it when configured.
 */
public final class GreatCircle {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private GreatCircle() {
    }

    /** Metres between two points, along the sphere. */
    public static double meters(Coordinates a, Coordinates b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    public static TravelMatrix matrix(List<Coordinates> places, RoutingSettings settings) {
        int n = places.size();
        long[] distance = new long[n * n];
        long[][] seconds = new long[VehicleKind.values().length][n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double road = meters(places.get(i), places.get(j)) * settings.roadFactor();
                distance[i * n + j] = Math.round(road);
                for (VehicleKind kind : VehicleKind.values()) {
                    seconds[kind.ordinal()][i * n + j] = Math.round(road / settings.metersPerSecond(kind));
                }
            }
        }
        return TravelMatrix.ofTimes(n, distance, seconds);
    }
}
