package cn.jincheng.brigades.gateway.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.gateway.auth.LocalTokenService;
import cn.jincheng.brigades.gateway.backend.BackendHealth;

/**
 * Wires {@link StartupWarmup}: the health component {@code warmup} (also in the readiness group,
 * application.yml), started once the gateway listens. It needs a token the gateway can issue to
 * itself, which the local profile's token service gives; with the city's OpenID Connect provider
 * the gateway holds no such key and is ready without a warm-up.
 *
 * <p>Settings: {@code brigades.warmup.enabled} (WARMUP_ENABLED, true), {@code brigades.warmup.reports}
 * (how many acceptance reports, 6), {@code brigades.warmup.report-year} (the year of the reports: one
 * the plan covers, else the services refuse it; 2019, the seeded plan's) and
 * {@code brigades.warmup.wait-for-services} (60s) and {@code brigades.warmup.budget} (how long its
 * requests may take in all once the services serve, 15s).
 */
@Configuration(proxyBeanMethods = false)
class WarmupConfiguration {

    /** The subject of the warm-up's own token: its requests are told apart in logs and metrics. */
    static final String SUBJECT = "startup-warmup";

    @Bean("warmup")
    StartupWarmup startupWarmup(BackendHealth backends, ObjectProvider<LocalTokenService> tokens,
            @Value("${brigades.warmup.reports:6}") int reports, @Value("${brigades.warmup.report-year:2019}") int year,
            @Value("${brigades.warmup.wait-for-services:60s}") Duration waitForServices,
            @Value("${brigades.warmup.budget:15s}") Duration budget) {
        // the inspector sees every county, as the report's usual reader does; the warm-up only reads
        Caller caller = new Caller(SUBJECT, Role.CITY_INSPECTOR, null);
        List<String> paths = new ArrayList<>(List.of("/api/v1/brigades", "/api/v1/counties"));
        for (int i = 0; i < reports; i++) {
            paths.add("/api/v1/acceptance/" + year + "/report");
        }
        return new StartupWarmup(() -> Status.UP.equals(backends.health().getStatus()),
                () -> tokens.getObject().issue(caller), paths, waitForServices, budget);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> startWarmupWhenListening(StartupWarmup warmup,
            ObjectProvider<LocalTokenService> tokens, Environment environment,
            @Value("${brigades.warmup.enabled:true}") boolean enabled) {
        return event -> {
            Integer port = environment.getProperty("local.server.port", Integer.class);
            if (!enabled) {
                warmup.skip("switched off (brigades.warmup.enabled)");
            } else if (tokens.getIfAvailable() == null) {
                warmup.skip("no local token service to issue the warm-up's token");
            } else if (port == null) {
                warmup.skip("no HTTP server");
            } else {
                warmup.start(URI.create("http://" + ownAddress(environment) + ":" + port));
            }
        };
    }

    /** Where the gateway's own requests reach it: loopback, unless it listens on one address only. */
    private static String ownAddress(Environment environment) {
        String address = environment.getProperty("server.address");
        try {
            if (address == null || address.isBlank() || InetAddress.getByName(address).isAnyLocalAddress()) {
                return "127.0.0.1";
            }
            InetAddress resolved = InetAddress.getByName(address);
            return resolved instanceof java.net.Inet6Address ? "[" + resolved.getHostAddress() + "]"
                    : resolved.getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
