package com.luckygas.route.planning.domain;

/** Test travel: places on a line, 100 s (and metres) between neighbours; place 0 is the depot. */
public final class Lines {

    private Lines() {
    }

    /** |i - j| × 100 between places i and j of {@code n}. */
    public static TravelMatrix line(int n) {
        long[] values = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                values[i * n + j] = Math.abs(i - j) * 100L;
            }
        }
        return TravelMatrix.uniform(n, values);
    }
}
