package cn.jincheng.brigades.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which database of the deployment a service owns. The connection itself is Spring Boot's
 * ({@code spring.mongodb.uri}, from {@code MONGODB_URI}).
 *
 * @param database the service's own database name
 */
@ConfigurationProperties("brigades.mongo")
public record MongoProperties(String database) {
}
