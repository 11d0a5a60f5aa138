package com.luckygas.delivery.sms;

import com.luckygas.delivery.notification.sms.HttpSmsGateway;
import com.luckygas.delivery.notification.sms.SmsGateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production gateway against a real HTTP server on loopback: what it sends, and what counts as failure. */
class HttpSmsGatewayTest {

    record Received(String authorization, String idempotencyKey, String contentType, String body) {
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(202);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpSmsGateway gateway() {
        return new HttpSmsGateway(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms"), "api-key-1");
    }

    @Test
    void sendsTheTextInUtf8WithKeyAndMessageId() throws Exception {
        gateway().send("0912345678", "【幸福氣體】司機已出發 \"今天\"\n𡘙", "notification-42");
        assertEquals(1, received.size());
        Received r = received.get(0);
        assertEquals("Bearer api-key-1", r.authorization());
        assertEquals("notification-42", r.idempotencyKey());
        assertEquals("application/json; charset=UTF-8", r.contentType());
        assertEquals("{\"to\":\"0912345678\",\"text\":\"【幸福氣體】司機已出發 \\\"今天\\\"\\n𡘙\"}", r.body());
    }

    @Test
    void aNon2xxAnswerOrNoServerIsAFailure() {
        status.set(500);
        assertThrows(SmsGateway.SmsException.class, () -> gateway().send("0912345678", "x", "notification-1"));
        server.stop(0);
        assertThrows(SmsGateway.SmsException.class, () -> gateway().send("0912345678", "x", "notification-2"));
    }
}
