package cn.jincheng.brigades.gateway.config;

import java.util.Map;

import org.springframework.boot.webflux.autoconfigure.ResourceHandlerRegistrationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * The dashboard's static files as an installable web app: Spring's table of file types has no entry
 * for the web app manifest, which browsers only accept as {@code application/manifest+json}. The
 * service worker ({@code /sw.js}) is plain JavaScript and served from the root so that its scope is
 * the whole dashboard; like every dashboard file it is revalidated on each load, so a new version
 * reaches the browser at its next visit.
 */
@Configuration(proxyBeanMethods = false)
class DashboardResources {

    static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

    @Bean
    ResourceHandlerRegistrationCustomizer webAppManifestType() {
        return registration -> registration.setMediaTypes(Map.of("webmanifest", MANIFEST));
    }
}
