package cn.jincheng.brigades.equipment.architecture;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import cn.jincheng.brigades.common.testing.ArchitectureRules;

/** The project's architecture rules, held by this module's main code. */
class ArchitectureTest {

    private static final JavaClasses MAIN = ArchitectureRules.mainClasses("cn.jincheng.brigades.equipment");

    @Test
    void timeComesFromTheBusinessClock() {
        ArchitectureRules.TIME_COMES_FROM_THE_BUSINESS_CLOCK.check(MAIN);
    }
}
