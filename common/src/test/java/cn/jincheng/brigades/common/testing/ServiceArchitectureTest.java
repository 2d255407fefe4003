package cn.jincheng.brigades.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.util.ClassUtils;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The project's architecture rules, held by one service's main code: each service's architecture
 * test names its root package and inherits the checks. One instance for all of them, so that the
 * service's classes are read once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final String root;
    private final JavaClasses main;

    /** @param root the service's root package, e.g. {@code cn.jincheng.brigades.station} */
    protected ServiceArchitectureTest(String root) {
        this.root = root;
        this.main = ArchitectureRules.mainClasses(root);
    }

    @Test
    public void timeComesFromTheBusinessClock() {
        ArchitectureRules.TIME_COMES_FROM_THE_BUSINESS_CLOCK.check(main);
    }

    @Test
    public void theDomainIsPlainJava() {
        ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.check(main);
    }

    @Test
    public void grpcDomainPersistenceAndConfigKeepTheirPlaces() {
        ArchitectureRules.layers(root).check(main);
    }

    @Test
    public void noPackageDependsOnAnotherThatDependsOnIt() {
        ArchitectureRules.noPackageCycles(root).check(main);
    }

    /** Their API is gRPC; health and metrics are common's OperationsHttpServer (docs/adr/0018). */
    @Test
    public void carriesNoWebFramework() {
        for (String server : java.util.List.of("org.springframework.web.reactive.DispatcherHandler",
                "org.springframework.web.servlet.DispatcherServlet", "reactor.netty.http.server.HttpServer")) {
            assertThat(ClassUtils.isPresent(server, getClass().getClassLoader())).as(server).isFalse();
        }
    }

    @Test
    public void springAotIsOffWheneverAPropertyConditionCouldDecideOtherwise() {
        SpringAotSwitch.assertEveryConditionTurnsItOff(main, "SERVICE_OPTS");
    }
}
