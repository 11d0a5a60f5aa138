package com.luckygas.route.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.VehicleKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A road matrix from an OSRM server's table service ({@code /table/v1/driving/…?annotations=
 * duration,distance}), one request per plan. OSRM's driving profile is a car's; a scooter's time
 * is the car's scaled by the configured speeds.
 */
public final class OsrmMatrix {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OsrmMatrix() {
    }

    public static TravelMatrix matrix(String baseUrl, List<Coordinates> places, RoutingSettings settings,
                                      ObjectMapper json) {
        String coordinates = places.stream()
                .map(p -> String.format(Locale.ROOT, "%.6f,%.6f", p.longitude(), p.latitude()))
                .collect(Collectors.joining(";"));
        URI uri = URI.create(baseUrl.replaceAll("/+$", "") + "/table/v1/driving/" + coordinates
                + "?annotations=duration,distance");
        JsonNode body;
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            body = json.readTree(response.body());
            if (response.statusCode() != 200 || !"Ok".equals(body.path("code").asText())) {
                throw new IllegalStateException("OSRM answered " + response.statusCode() + " " + body.path("code").asText());
            }
        } catch (IOException e) {
            throw new IllegalStateException("OSRM at " + baseUrl + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking OSRM", e);
        }
        int n = places.size();
        long[] distance = new long[n * n];
        long[][] seconds = new long[VehicleKind.values().length][n * n];
        double scooterSlower = settings.metersPerSecond(VehicleKind.CAR) / settings.metersPerSecond(VehicleKind.SCOOTER);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                JsonNode d = body.path("distances").path(i).path(j);
                JsonNode t = body.path("durations").path(i).path(j);
                if (!d.isNumber() || !t.isNumber()) {
                    // OSRM gives null when no route connects the two points: fall back to the estimate
                    double road = GreatCircle.meters(places.get(i), places.get(j)) * settings.roadFactor();
                    distance[i * n + j] = Math.round(road);
                    for (VehicleKind kind : VehicleKind.values()) {
                        seconds[kind.ordinal()][i * n + j] = Math.round(road / settings.metersPerSecond(kind));
                    }
                    continue;
                }
                distance[i * n + j] = Math.round(d.asDouble());
                seconds[VehicleKind.CAR.ordinal()][i * n + j] = Math.round(t.asDouble());
                seconds[VehicleKind.SCOOTER.ordinal()][i * n + j] = Math.round(t.asDouble() * scooterSlower);
            }
        }
        return TravelMatrix.ofTimes(n, distance, seconds);
    }
}
