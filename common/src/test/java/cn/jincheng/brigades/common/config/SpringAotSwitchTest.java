package cn.jincheng.brigades.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import cn.jincheng.brigades.common.testing.ArchitectureRules;
import cn.jincheng.brigades.common.testing.SpringAotSwitch;

/**
 * The auto-configurations every service takes from here decide by properties which beans exist; a
 * service run with Spring AOT has those decisions fixed by its build, so run.sh must not use it when
 * the environment sets one of those properties.
 */
class SpringAotSwitchTest {

    private static final JavaClasses COMMON = ArchitectureRules.mainClasses("cn.jincheng.brigades.common");

    @Test
    void everyPropertyConditionOfTheSharedConfigurationTurnsSpringAotOff() {
        assertThat(SpringAotSwitch.conditionVariables(COMMON))
                .contains("BRIGADES_AUDIT_ANCHORING", "BRIGADES_DIRECTORY_COPY", "BRIGADES_MONGO_DATABASE");
        SpringAotSwitch.assertEveryConditionTurnsItOff(COMMON, "SERVICE_OPTS");
    }

    @Test
    void theTelemetrySwitchesAndOtherProfilesTurnItOffToo() {
        assertThat(SpringAotSwitch.runShUsesAot(Map.of("OTLP_METRICS_EXPORT_ENABLED", "true"), "SERVICE_OPTS")).isFalse();
        assertThat(SpringAotSwitch.runShUsesAot(
                Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://collector:4318/v1/traces"),
                "SERVICE_OPTS")).isFalse();
        assertThat(SpringAotSwitch.runShUsesAot(Map.of("SPRING_PROFILES_ACTIVE", "local"), "SERVICE_OPTS")).isTrue();
        assertThat(SpringAotSwitch.runShUsesAot(Map.of("SPRING_PROFILES_ACTIVE", "staging"), "SERVICE_OPTS")).isFalse();
    }
}
