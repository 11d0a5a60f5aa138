package com.luckygas.delivery.notification.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An SMS provider's HTTP API: {@code POST <url>} with {@code {"to": …, "text": …}}, a bearer API
 * key, and the message id as {@code Idempotency-Key}. Any 2xx is success; anything else is
 * retried by the sender.
 */
public class HttpSmsGateway implements SmsGateway {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI url;
    private final String apiKey;

    public HttpSmsGateway(URI url, String apiKey) {
        this.url = url;
        this.apiKey = apiKey;
    }

    @Override
    public void send(String phone, String text, String messageId) throws SmsException {
        String json = "{\"to\":" + quote(phone) + ",\"text\":" + quote(text) + "}";
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", messageId)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SmsException("gateway answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new SmsException("gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException("interrupted", e);
        }
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
