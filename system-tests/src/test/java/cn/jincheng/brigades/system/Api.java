package cn.jincheng.brigades.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A thin REST client for the tests: JSON in, status + JSON out. */
final class Api {

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RATE_LIMITED_ATTEMPTS = 4;
    /**
     * HTTP/1.1 as browsers and curl speak to the gateway: the JDK client's default is to try an h2c
     * upgrade on plain http, which the gateway does not offer and which no user's client attempts.
     */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String token(String user, String password) throws Exception {
        Response r = send("POST", "/api/v1/auth/token", null, null,
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + r.status() + " " + r.body());
        }
        return r.body().get("access_token").asString();
    }

    Response get(String path, String token) throws Exception {
        return send("GET", path, token, null, null);
    }

    Response post(String path, String token, String json) throws Exception {
        return send("POST", path, token, null, json);
    }

    Response postIdempotent(String path, String token, String key, String json) throws Exception {
        return sendIdempotent("POST", path, token, null, key, json);
    }

    /** A write with an Idempotency-Key (and an If-Match, when not null). */
    Response sendIdempotent(String method, String path, String token, String ifMatch, String key, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).method(method, HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return response(exchange(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Response patch(String path, String token, String ifMatch, String json) throws Exception {
        return send("PATCH", path, token, ifMatch, json);
    }

    /** The raw bytes of a download. */
    byte[] download(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Uploads a file as the body of a POST, as a bulk import is sent. */
    Response upload(String path, String token, String contentType, byte[] file) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        return response(exchange(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** A multipart/form-data upload as a browser's FormData sends it: the fields, then the file. */
    Response multipart(String path, String token, java.util.Map<String, String> fields, String filename, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "----evidence" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(utf8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return response(exchange(request, HttpResponse.BodyHandlers.ofString()));
    }

    Response send(String method, String path, String token, String ifMatch, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return response(exchange(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * Sends the request as a well-behaved client does: a 429 (this caller's rate limit, which a test
     * that has just sent a thousand hostile requests reaches) is sent again after the Retry-After the
     * gateway names, a few times at most. A request answered 429 was not carried out, so sending it
     * again is safe for writes too; a limit that never lifts still fails the test.
     */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            HttpResponse<T> response = client.send(request, body);
            if (response.statusCode() != 429 || attempt == RATE_LIMITED_ATTEMPTS) {
                return response;
            }
            long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            Thread.sleep(Duration.ofSeconds(Math.min(Math.max(seconds, 1), 10)).toMillis());
        }
    }

    /** The answer, its body read as JSON when it is JSON (a file download is not). */
    private static Response response(HttpResponse<String> response) {
        boolean json = response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
        JsonNode body = !json || response.body() == null || response.body().isBlank() ? null
                : JSON.readTree(response.body());
        return new Response(response.statusCode(), body, response);
    }
}
