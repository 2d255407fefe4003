package cn.jincheng.brigades.gateway.auth;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.domain.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/me}: who the token says the caller is, as the gateway reads it. The dashboard
 * decides what to show from this instead of decoding tokens itself, whose claim names differ
 * between the local profile and the city's OpenID Connect provider.
 */
@RestController
@Tag(name = "Authentication")
class MeController {

    record Me(String username, String role, String county) {
    }

    @Operation(summary = "The caller: user name, role and (for a county clerk) county")
    @GetMapping(path = "/api/v1/me")
    Me me(Caller caller) {
        return new Me(caller.subject(), caller.role().name(), caller.county());
    }
}
