package com.luckygas.common.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Every service's request timer ({@code http_server_requests_seconds}) with a few fixed buckets, so that
 * a p99 can be read from {@code /q/metrics} (deploy/ops/check's p99-latency, any Prometheus): 5 ms to
 * 10 s, eleven buckets — fixed boundaries rather than Micrometer's ~70 default ones, to keep the series
 * per URI few. The cloud reads Cloud Run's own latency instead (deploy/gcp/alerts/p99-latency.json).
 */
public class LatencyBuckets {

    static final long[] BOUNDARIES_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        double[] nanos = LongStream.of(BOUNDARIES_MS).mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
