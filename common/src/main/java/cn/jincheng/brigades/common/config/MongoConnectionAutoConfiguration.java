package cn.jincheng.brigades.common.config;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.mongodb.ConnectionString;

/**
 * Where a service's database is: {@code spring.mongodb.uri}, from {@code MONGODB_URI}. A service
 * needs to be told. Outside the local profile a missing one stops the start with a message saying
 * so, instead of the driver quietly trying localhost; in the local profile it means the stand-in at
 * its default address.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails")
@ConditionalOnProperty(prefix = "brigades.mongo", name = "database")
public class MongoConnectionAutoConfiguration {

    static final String LOCAL_STAND_IN = "mongodb://127.0.0.1:27017";

    private static final Logger log = LoggerFactory.getLogger(MongoConnectionAutoConfiguration.class);

    @Bean
    MongoConnectionDetails mongoConnectionDetails(Environment environment) {
        ConnectionString connection = new ConnectionString(connectionString(environment.getProperty("spring.mongodb.uri"),
                Arrays.asList(environment.getActiveProfiles()).contains("local")));
        // hosts and options only: the credentials in the string stay out of the log
        log.info("MongoDB from MONGODB_URI: hosts {}, replica set {}, database '{}'", connection.getHosts(),
                connection.getRequiredReplicaSetName() == null ? "-" : connection.getRequiredReplicaSetName(),
                environment.getProperty("brigades.mongo.database"));
        return () -> connection;
    }

    static String connectionString(String configured, boolean localProfile) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        if (localProfile) {
            return LOCAL_STAND_IN;
        }
        throw new IllegalStateException("MONGODB_URI is not set: give this service the connection string of its "
                + "MongoDB deployment (on Kubernetes, from the service's Secret), or start it with "
                + "SPRING_PROFILES_ACTIVE=local to use the stand-in at " + LOCAL_STAND_IN);
    }
}
