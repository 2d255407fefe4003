package cn.jincheng.brigades.common.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import cn.jincheng.brigades.common.testing.ArchitectureRules;

/** The layer rules hold for common, and they catch the slips they are there for. */
class ArchitectureRulesTest {

    private static final String COMMON = "cn.jincheng.brigades.common";
    private static final String SLIP = "cn.jincheng.brigades.common.architecture.slip";
    private static final JavaClasses SLIPS = new ClassFileImporter().importPackages(SLIP);

    @Test
    void commonsDomainIsPlainJavaAndItsPackagesHaveNoCycles() {
        JavaClasses main = ArchitectureRules.mainClasses(COMMON);
        ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.check(main);
        ArchitectureRules.noPackageCycles(COMMON).check(main);
        ArchitectureRules.layers(COMMON).check(main);
    }

    @Test
    void aDomainClassThatImportsABsonTypeBreaksTheRule() {
        var result = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.evaluate(SLIPS);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("ReadsBson").contains("org.bson.Document");
    }

    @Test
    void aDomainClassCallingAConcreteStoreAndAStoreCallingTheAdaptersBreakTheLayers() {
        var result = ArchitectureRules.layers(SLIP).evaluate(SLIPS);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("CallsTheStore").contains("ConcreteStore");
    }

    @Test
    void packagesThatDependOnEachOtherAreACycle() {
        var result = ArchitectureRules.noPackageCycles(SLIP).evaluate(SLIPS);
        assertThat(result.hasViolation()).isTrue();
    }
}
