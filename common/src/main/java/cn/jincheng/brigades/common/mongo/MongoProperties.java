package cn.jincheng.brigades.common.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service keeps its data.
 *
 * @param uri      a MongoDB connection string ({@code MONGODB_URI}); empty means the embedded store
 * @param database the service's own database name
 * @param dataDir  the data directory of the embedded store ({@code DATA_DIR})
 */
@ConfigurationProperties("brigades.mongo")
public record MongoProperties(String uri, String database, String dataDir) {

    public MongoProperties {
        uri = uri == null ? "" : uri.trim();
        dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
    }

    public boolean embedded() {
        return uri.isEmpty();
    }
}
