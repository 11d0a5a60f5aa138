package com.luckygas.route.planning.domain;

import java.util.Arrays;

/**
 * Travel between the locations of one plan, computed once per plan: location 0.. are the depot(s)
 * and the stops' places. Distances in metres; times in seconds per vehicle kind (a scooter is
 * slower on main roads than a car); the solver's travel cost, by default the travel time.
 * The VRP benchmark builds one whose cost is the instance's own integer distance.
 */
public final class TravelMatrix {

    private final int size;
    private final long[] distance;
    private final long[][] time;
    private final long[] cost;

    private TravelMatrix(int size, long[] distance, long[][] time, long[] cost) {
        this.size = size;
        this.distance = distance;
        this.time = time;
        this.cost = cost;
    }

    /**
     * A matrix from distances and per-kind times (indexed by {@link VehicleKind#ordinal()}); the
     * cost of an arc is its time for the vehicle kind that drives it.
     */
    public static TravelMatrix ofTimes(int size, long[] distanceMeters, long[][] secondsByKind) {
        check(size, distanceMeters);
        for (long[] t : secondsByKind) {
            check(size, t);
        }
        return new TravelMatrix(size, distanceMeters, secondsByKind, null);
    }

    /** A matrix where distance, time (for every kind) and cost are the same number (benchmarks). */
    public static TravelMatrix uniform(int size, long[] values) {
        check(size, values);
        long[][] time = new long[VehicleKind.values().length][];
        Arrays.fill(time, values);
        return new TravelMatrix(size, values, time, values);
    }

    private static void check(int size, long[] values) {
        if (values.length != size * size) {
            throw new IllegalArgumentException("matrix of " + size + " locations needs " + size * size + " values");
        }
    }

    public int size() {
        return size;
    }

    public long distance(int from, int to) {
        return distance[from * size + to];
    }

    public long time(VehicleKind kind, int from, int to) {
        return time[kind.ordinal()][from * size + to];
    }

    /** What the solver minimises for this arc. */
    public long cost(VehicleKind kind, int from, int to) {
        return cost == null ? time(kind, from, to) : cost[from * size + to];
    }
}
