package cn.jincheng.brigades.common.testing;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
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
     * Domains are plain Java: rules and records only, no storage, wire or framework types. Mapping
     * to BSON and protobuf happens at the edges (persistence, grpc); Spring wires the domain from
     * config.
     */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bson..", "com.mongodb..", "io.grpc..",
                    "com.google.protobuf..", "com.google.rpc..", "cn.jincheng.brigades.proto..", "org.springframework..")
            .because("the domain holds the rules in plain Java; BSON, protobuf, gRPC and Spring stay at the edges");

    /**
     * The same four roles in every service: gRPC adapters and the persistence both serve the domain,
     * neither knows the other, and only config (with the application class) wires them together.
     *
     * @param root the module's root package, e.g. {@code cn.jincheng.brigades.station}
     */
    public static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("gRPC").definedBy(root + ".grpc..")
                .layer("Domain").definedBy(root + ".domain..")
                .layer("Persistence").definedBy(root + ".persistence..")
                .layer("Config").definedBy(root + ".config..", root)
                .whereLayer("gRPC").mayOnlyBeAccessedByLayers("Config")
                .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Config")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("gRPC", "Persistence", "Config")
                .whereLayer("Config").mayNotBeAccessedByAnyLayer();
    }

    /** No two packages of a module depend on each other, at any depth. */
    public static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
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
