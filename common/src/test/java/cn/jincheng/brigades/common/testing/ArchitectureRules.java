package cn.jincheng.brigades.common.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Clock;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import cn.jincheng.brigades.common.domain.time.TimeSource;

/** Rules every module's main code keeps, checked by each module's architecture test. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** A module's main classes (test classes left out), by its root package. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /**
     * The time comes from the injected clock ({@link TimeSource}, or the {@link Clock} bean under it):
     * no {@code now()} without a clock, no system clock, no machine zone. Reading the machine's clock
     * or zone makes "today" depend on where and when a process runs.
     */
    public static final ArchRule TIME_COMES_FROM_THE_BUSINESS_CLOCK = noClasses()
            .that().doNotHaveFullyQualifiedName(TimeSource.class.getName())
            .should().callCodeUnitWhere(readsTheMachineClockOrZone())
            .because("the current time and date come from TimeSource (one clock, the business zone)");

    private static final Set<String> MACHINE_CLOCK = Set.of(
            "java.time.Clock.systemUTC", "java.time.Clock.systemDefaultZone", "java.time.Clock.system",
            "java.lang.System.currentTimeMillis", "java.time.ZoneId.systemDefault", "java.util.TimeZone.getDefault");

    private static DescribedPredicate<JavaCall<?>> readsTheMachineClockOrZone() {
        return DescribedPredicate.describe("a now() without a clock, the system clock or the machine's zone", call -> {
            var target = call.getTarget();
            String owner = target.getOwner().getName();
            boolean nowWithoutClock = target.getName().equals("now") && owner.startsWith("java.time.")
                    && target.getRawParameterTypes().stream().map(HasName::getName)
                            .noneMatch(Clock.class.getName()::equals);
            boolean dateOfNow = owner.equals("java.util.Date") && target.getName().equals("<init>")
                    && target.getRawParameterTypes().isEmpty();
            return nowWithoutClock || dateOfNow || MACHINE_CLOCK.contains(owner + "." + target.getName());
        });
    }
}
