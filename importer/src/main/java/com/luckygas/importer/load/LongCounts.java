package com.luckygas.importer.load;

/** Counts per 64-bit key in one open-addressing table (no boxing: a few MB for a million keys). */
final class LongCounts {

    private long[] keys = new long[1 << 16];
    private int[] counts = new int[1 << 16];
    private boolean hasZero;
    private int zeroCount;
    private int size;

    /** Adds one to the key's count and returns the new count. */
    int increment(long key) {
        if (key == 0) {
            hasZero = true;
            return ++zeroCount;
        }
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return ++counts[i];
            }
            if (k == 0) {
                keys[i] = key;
                counts[i] = 1;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return 1;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long key = oldKeys[j];
            if (key != 0) {
                int i = (int) (key ^ (key >>> 32)) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                counts[i] = oldCounts[j];
            }
        }
    }
}
