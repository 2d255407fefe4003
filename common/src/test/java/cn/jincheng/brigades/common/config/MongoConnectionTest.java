package cn.jincheng.brigades.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A service is told where its database is; only the local profile may leave it to the stand-in's default. */
class MongoConnectionTest {

    @Test
    void aGivenConnectionStringIsUsedAsItIs() {
        assertThat(MongoConnectionAutoConfiguration.connectionString(" mongodb://db-0,db-1/?replicaSet=rs0 ", false))
                .isEqualTo("mongodb://db-0,db-1/?replicaSet=rs0");
    }

    @Test
    void withoutOneTheLocalProfileMeansTheStandInAndAnyOtherProfileIsRefusedNamingTheVariable() {
        assertThat(MongoConnectionAutoConfiguration.connectionString("", true)).isEqualTo("mongodb://127.0.0.1:27017");
        assertThatThrownBy(() -> MongoConnectionAutoConfiguration.connectionString(null, false))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("MONGODB_URI is not set");
        assertThatThrownBy(() -> MongoConnectionAutoConfiguration.connectionString("  ", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SPRING_PROFILES_ACTIVE=local");
    }
}
