package cn.jincheng.brigades.gateway.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.jincheng.brigades.gateway.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /api/v1/auth/token} of the local profile. */
@RestController
@ConditionalOnProperty(prefix = "brigades.auth.local", name = "enabled", havingValue = "true")
@Tag(name = "Authentication")
class TokenController {

    record Credentials(@Schema(example = "clerk-zezhou") String username, @Schema(example = "demo-2019") String password) {
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
    }

    private final LocalAccounts accounts;
    private final LocalTokenService tokens;
    private final LoginThrottle throttle;

    TokenController(LocalAccounts accounts, LocalTokenService tokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Operation(operationId = "createToken", summary = "Exchange a demo account's user name and password for a bearer token")
    @PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<TokenResponse> token(@RequestBody Credentials credentials) {
        long wait = throttle.retryAfterSeconds(credentials.username());
        if (wait > 0) {
            throw ApiException.tooManyRequests("too many wrong passwords for this user; try again in " + wait + " s", wait);
        }
        // bcrypt takes tens of milliseconds on purpose: keep it off the event loop.
        return Mono.fromCallable(() -> accounts.authenticate(credentials.username(), credentials.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(found -> {
                    if (found.isEmpty()) {
                        throttle.failed(credentials.username());
                        throw ApiException.unauthorized("wrong user name or password");
                    }
                    throttle.succeeded(credentials.username());
                    return new TokenResponse(tokens.issue(found.get()), "Bearer", tokens.lifetime().toSeconds());
                });
    }
}
