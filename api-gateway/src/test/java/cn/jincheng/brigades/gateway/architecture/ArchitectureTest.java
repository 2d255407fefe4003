package cn.jincheng.brigades.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import cn.jincheng.brigades.common.testing.ArchitectureRules;
import cn.jincheng.brigades.common.testing.SpringAotSwitch;

/** The project's architecture rules, held by this module's main code. */
class ArchitectureTest {

    private static final JavaClasses MAIN = ArchitectureRules.mainClasses("cn.jincheng.brigades.gateway");

    @Test
    void timeComesFromTheBusinessClock() {
        ArchitectureRules.TIME_COMES_FROM_THE_BUSINESS_CLOCK.check(MAIN);
    }

    /** The build processed the gateway's context with the local profile; run.sh starts it so, unless told otherwise. */
    @Test
    void springAotOnlyWhereTheBuildTookTheSameDecisions() {
        assertThat(SpringAotSwitch.runShUsesAot(Map.of("SPRING_PROFILES_ACTIVE", "oidc"), "GATEWAY_OPTS"))
                .as("another profile").isFalse();
        assertThat(SpringAotSwitch.runShUsesAot(Map.of("SPRING_AOT", "0"), "GATEWAY_OPTS")).as("SPRING_AOT=0").isFalse();
        assertThat(SpringAotSwitch.conditionVariables(MAIN)).contains("BRIGADES_AUTH_LOCAL_ENABLED");
        SpringAotSwitch.assertEveryConditionTurnsItOff(MAIN, "GATEWAY_OPTS");
    }
}
