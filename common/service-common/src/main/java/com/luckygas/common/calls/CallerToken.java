package com.luckygas.common.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * The token a call to another service carries (docs/adr/0002): the one the call gives itself
 * (a service token for work no user started), or else the caller's own, passed on from the request
 * being served. MicroProfile's default propagation ({@code propagateHeaders=Authorization}) would put the
 * incoming token over the one the call gives — a job Cloud Scheduler starts would send Google's token on
 * to the other service, which refuses it (and should never see it).
 */
@ApplicationScoped
public class CallerToken implements ClientHeadersFactory {

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
                                                 MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (find(clientOutgoingHeaders) == null) {
            Map.Entry<String, java.util.List<String>> incoming = find(incomingHeaders);
            if (incoming != null) {
                headers.put(HttpHeaders.AUTHORIZATION, incoming.getValue());
            }
        }
        return headers;
    }

    private static Map.Entry<String, java.util.List<String>> find(MultivaluedMap<String, String> headers) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(e -> HttpHeaders.AUTHORIZATION.equalsIgnoreCase(e.getKey())
                && e.getValue() != null && !e.getValue().isEmpty()).findFirst().orElse(null);
    }
}
