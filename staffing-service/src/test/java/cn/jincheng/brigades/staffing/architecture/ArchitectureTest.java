package cn.jincheng.brigades.staffing.architecture;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import cn.jincheng.brigades.common.testing.ArchitectureRules;

/** The project's architecture rules, held by this service's main code. */
class ArchitectureTest {

    private static final String ROOT = "cn.jincheng.brigades.staffing";
    private static final JavaClasses MAIN = ArchitectureRules.mainClasses(ROOT);

    @Test
    void timeComesFromTheBusinessClock() {
        ArchitectureRules.TIME_COMES_FROM_THE_BUSINESS_CLOCK.check(MAIN);
    }

    @Test
    void theDomainIsPlainJava() {
        ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.check(MAIN);
    }

    @Test
    void grpcDomainPersistenceAndConfigKeepTheirPlaces() {
        ArchitectureRules.layers(ROOT).check(MAIN);
    }

    @Test
    void noPackageDependsOnAnotherThatDependsOnIt() {
        ArchitectureRules.noPackageCycles(ROOT).check(MAIN);
    }
}
