package cn.jincheng.brigades.gateway.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.jincheng.brigades.gateway.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /api/v1/auth/token} of the local profile. */
@RestController
@ConditionalOnProperty(prefix = "brigades.auth.local", name = "enabled", havingValue = "true")
@Tag(name = "Authentication")
class TokenController {

    record Credentials(String username, String password) {
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
    }

    private final LocalAccounts accounts;
    private final LocalTokenService tokens;

    TokenController(LocalAccounts accounts, LocalTokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Operation(summary = "Exchange a demo account's user name and password for a bearer token")
    @PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<TokenResponse> token(@RequestBody Credentials credentials) {
        // bcrypt takes tens of milliseconds on purpose: keep it off the event loop.
        return Mono.fromCallable(() -> accounts.authenticate(credentials.username(), credentials.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(found -> found.map(caller -> new TokenResponse(tokens.issue(caller), "Bearer",
                        tokens.lifetime().toSeconds()))
                        .orElseThrow(() -> ApiException.unauthorized("wrong user name or password")));
    }
}
