package cn.jincheng.brigades.common.config;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusOutputFormat;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.SmartLifecycle;

/**
 * A service's HTTP for operations, on the JDK's own HTTP server: Spring Boot's health endpoint
 * (overall and per group, status only, the code from the health status mapper) at
 * {@code /actuator/health[/group]} and its Prometheus scrape at {@code /actuator/prometheus}. The
 * services' API is gRPC, so they carry no web framework for these two reads (docs/adr/0018).
 */
public final class OperationsHttpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OperationsHttpServer.class);
    static final String HEALTH = "/actuator/health";
    static final String PROMETHEUS = "/actuator/prometheus";
    private static final JsonWriter<Map<String, String>> JSON = JsonWriter.standard();

    private final InetSocketAddress address;
    private final HealthEndpoint health;
    private final HttpCodeStatusMapper statusCodes;
    private final PrometheusScrapeEndpoint prometheus;
    private volatile HttpServer server;

    /** @param prometheus null where no Prometheus registry is configured (then 404 there) */
    public OperationsHttpServer(InetSocketAddress address, HealthEndpoint health, HttpCodeStatusMapper statusCodes,
            PrometheusScrapeEndpoint prometheus) {
        this.address = address;
        this.health = health;
        this.statusCodes = statusCodes;
        this.prometheus = prometheus;
    }

    @Override
    public void start() {
        try {
            HttpServer started = HttpServer.create(address, 0);
            started.createContext("/", exchange -> respond(exchange, () -> notFound()));
            started.createContext(HEALTH, exchange -> respond(exchange, () -> health(exchange)));
            started.createContext(PROMETHEUS, exchange -> respond(exchange, () -> scrape(exchange)));
            started.start();
            server = started;
            log.info("Operations HTTP (health, Prometheus) on {}:{}", address.getHostString(), port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    @Override
    public void stop() {
        HttpServer running = server;
        if (running != null) {
            running.stop(0);
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port listened on (the one asked for, or the one the system gave for 0); -1 when stopped. */
    public int port() {
        HttpServer running = server;
        return running == null ? -1 : running.getAddress().getPort();
    }

    private record Response(int status, String contentType, byte[] body) {
    }

    private static Response notFound() {
        return json(404, "NOT_FOUND");
    }

    private Response health(HttpExchange exchange) {
        String rest = underContext(exchange, HEALTH);
        if (rest == null) {
            return notFound();
        }
        String[] path = Arrays.stream(rest.split("/")).filter(part -> !part.isEmpty()).toArray(String[]::new);
        HealthDescriptor descriptor = path.length == 0 ? health.health() : health.healthForPath(path);
        if (descriptor == null) {
            return notFound();
        }
        return json(statusCodes.getStatusCode(descriptor.getStatus()), descriptor.getStatus().getCode());
    }

    private Response scrape(HttpExchange exchange) {
        if (prometheus == null || !"".equals(underContext(exchange, PROMETHEUS))) {
            return notFound();
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        PrometheusOutputFormat format = accept != null && accept.contains("application/openmetrics-text")
                ? PrometheusOutputFormat.CONTENT_TYPE_OPENMETRICS_100 : PrometheusOutputFormat.CONTENT_TYPE_004;
        var scraped = prometheus.scrape(format, null);
        return new Response(scraped.getStatus(), String.valueOf(scraped.getContentType()), scraped.getBody());
    }

    /**
     * The request's path after {@code context} ("" or "/..."), or null when it only begins with the
     * same letters: the JDK's server picks a context by string prefix, so /actuator/healthz reaches
     * the context of /actuator/health.
     */
    private static String underContext(HttpExchange exchange, String context) {
        String rest = exchange.getRequestURI().getPath().substring(context.length());
        return rest.isEmpty() || rest.startsWith("/") ? rest : null;
    }

    private static Response json(int status, String healthStatus) {
        return new Response(status, "application/json",
                JSON.writeToString(Map.of("status", healthStatus)).getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, Supplier<Response> handler) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Response response;
            if (method.equals("GET") || method.equals("HEAD")) {
                response = answer(exchange, handler);
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                response = json(405, "METHOD_NOT_ALLOWED");
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            byte[] body = method.equals("HEAD") || response.body() == null ? new byte[0] : response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static Response answer(HttpExchange exchange, Supplier<Response> handler) {
        try {
            return handler.get();
        } catch (RuntimeException e) {
            log.warn("Operations HTTP request {} failed", exchange.getRequestURI(), e);
            return json(500, "ERROR");
        }
    }
}
