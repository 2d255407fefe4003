package cn.jincheng.brigades.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * run.sh starts a JVM with the bean definitions the build made ahead of time (Spring AOT) only where
 * the environment changes no decision the build took once: which beans a
 * {@code @ConditionalOnProperty} lets in. This reads those conditions from a module's classes and
 * has bash compute run.sh's own JVM options with each of their properties set, so that a new
 * condition cannot be missed there.
 */
public final class SpringAotSwitch {

    private static final String CONDITIONAL_ON_PROPERTY =
            "org.springframework.boot.autoconfigure.condition.ConditionalOnProperty";

    private SpringAotSwitch() {
    }

    /** The environment variables (relaxed binding) of every property a {@code @ConditionalOnProperty} reads. */
    public static TreeSet<String> conditionVariables(JavaClasses classes) {
        TreeSet<String> variables = new TreeSet<>();
        classes.forEach(type -> Stream.concat(type.getAnnotations().stream(),
                type.getMethods().stream().flatMap(method -> method.getAnnotations().stream()))
                .filter(annotation -> annotation.getRawType().getName().equals(CONDITIONAL_ON_PROPERTY))
                .forEach(annotation -> properties(annotation).forEach(property -> variables.add(variableOf(property)))));
        return variables;
    }

    /**
     * run.sh's options {@code optionsVariable} hold Spring AOT's switch when nothing is set, and lose
     * it when the property of any {@code @ConditionalOnProperty} in {@code classes} is set.
     */
    public static void assertEveryConditionTurnsItOff(JavaClasses classes, String optionsVariable) {
        assertThat(runShUsesAot(Map.of(), optionsVariable)).as("run.sh with nothing set").isTrue();
        for (String variable : conditionVariables(classes)) {
            assertThat(runShUsesAot(Map.of(variable, "false"), optionsVariable)).as(variable).isFalse();
        }
    }

    /**
     * Whether run.sh's JVM options {@code optionsVariable} ({@code SERVICE_OPTS}, {@code GATEWAY_OPTS})
     * hold Spring AOT's switch, as run.sh computes them with only {@code environment} (and PATH) set.
     */
    public static boolean runShUsesAot(Map<String, String> environment, String optionsVariable) {
        String script = switchOfRunSh(optionsVariable) + "\necho \"$" + optionsVariable + "\"\n";
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        bash.environment().keySet().retainAll(List.of("PATH"));
        bash.environment().putAll(environment);
        try {
            Process process = bash.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || !out.contains("-Xmx")) {
                throw new IllegalStateException("run.sh's " + optionsVariable + " could not be computed: " + out);
            }
            return List.of(out.split("\\s+")).contains("-Dspring.aot.enabled=true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> properties(JavaAnnotation<?> annotation) {
        String prefix = annotation.get("prefix").map(String::valueOf).orElse("");
        List<String> names = new ArrayList<>();
        for (String attribute : List.of("name", "value")) {
            Optional<Object> value = annotation.get(attribute);
            value.ifPresent(v -> {
                for (Object name : (Object[]) v) {
                    names.add(prefix.isEmpty() ? (String) name : prefix.replaceAll("\\.$", "") + "." + name);
                }
            });
        }
        return names;
    }

    /** Spring Boot's relaxed binding from an environment variable: dots become underscores, dashes go. */
    static String variableOf(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** BUILD_TIME_DECISIONS, spring_aot_opts and the line that sets {@code optionsVariable}, as run.sh has them. */
    private static String switchOfRunSh(String optionsVariable) {
        Path runSh = Path.of("..", "run.sh");
        try {
            List<String> lines = Files.readAllLines(runSh, StandardCharsets.UTF_8);
            int from = indexOf(lines, "BUILD_TIME_DECISIONS=", 0);
            int function = indexOf(lines, "spring_aot_opts()", from);
            int to = indexOf(lines, "}", function);
            String options = lines.get(indexOf(lines, optionsVariable + "=", to));
            return String.join("\n", lines.subList(from, to + 1)) + "\n" + options;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + runSh.toAbsolutePath(), e);
        }
    }

    private static int indexOf(List<String> lines, String start, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new IllegalStateException("run.sh has no line starting with " + start);
    }
}
