package com.luckygas.route.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.VehicleKind;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The travel matrices: the great-circle estimate and OSRM's table. */
class TravelAndInputsTest {

    static final RoutingSettings SETTINGS = new RoutingSettings() {
        public double roadFactor() { return 1.3; }
        public double carKmh() { return 36; }
        public double scooterKmh() { return 18; }
        public Duration stopBase() { return Duration.ofMinutes(4); }
        public Duration stopPerCylinder() { return Duration.ofMinutes(1); }
        public Duration maxSolve() { return Duration.ofSeconds(30); }
        public Duration reload() { return Duration.ofMinutes(10); }
        public Optional<String> osrmUrl() { return Optional.empty(); }
    };

    @Test
    void greatCircleIsTheSphereDistanceTimesTheRoadFactorAtEachKindsSpeed() {
        // one degree of latitude on the mean sphere: 6,371,008.8 m × π / 180 = 111,195.08 m
        assertEquals(111_195.08, GreatCircle.meters(new Coordinates(25, 121), new Coordinates(26, 121)), 0.01);
        TravelMatrix m = GreatCircle.matrix(List.of(new Coordinates(25, 121), new Coordinates(26, 121)), SETTINGS);
        assertEquals(144_554, m.distance(0, 1));
        assertEquals(0, m.distance(1, 1));
        assertEquals(Math.round(144_553.6 / 10), m.time(VehicleKind.CAR, 0, 1), 1);   // 36 km/h = 10 m/s
        assertEquals(Math.round(144_553.6 / 5), m.time(VehicleKind.SCOOTER, 1, 0), 1); // 18 km/h = 5 m/s
        assertEquals(m.time(VehicleKind.CAR, 0, 1), m.cost(VehicleKind.CAR, 0, 1), "the cost is the travel time");
    }

    @Test
    void osrmsTableIsOneRequestWithLongitudeFirstAndFillsGapsWithTheEstimate() throws IOException {
        AtomicReference<String> asked = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.set(exchange.getRequestURI().toString());
            byte[] body = """
                    {"code":"Ok","durations":[[0,600,null],[610,0,300],[900,320,0]],
                     "distances":[[0,5000,null],[5100,0,2500],[7000,2600,0]]}""".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            List<Coordinates> places = List.of(new Coordinates(25.0330, 121.5654), new Coordinates(25.0478, 121.5170),
                    new Coordinates(25.0400, 121.5300));
            TravelMatrix m = OsrmMatrix.matrix("http://127.0.0.1:" + server.getAddress().getPort() + "/", places, SETTINGS,
                    new ObjectMapper());
            assertEquals("/table/v1/driving/121.565400,25.033000;121.517000,25.047800;121.530000,25.040000"
                    + "?annotations=duration,distance", asked.get());
            assertEquals(5000, m.distance(0, 1));
            assertEquals(600, m.time(VehicleKind.CAR, 0, 1));
            assertEquals(1200, m.time(VehicleKind.SCOOTER, 0, 1), "a scooter at half the car's speed");
            // OSRM found no route 0 → 2: the great-circle estimate stands in
            long estimate = Math.round(GreatCircle.meters(places.get(0), places.get(2)) * 1.3);
            assertEquals(estimate, m.distance(0, 2));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableOsrmIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OsrmMatrix.matrix("http://127.0.0.1:1",
                List.of(new Coordinates(25, 121)), SETTINGS, new ObjectMapper()));
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }
}
