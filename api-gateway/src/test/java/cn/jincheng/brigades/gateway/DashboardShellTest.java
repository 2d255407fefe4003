package cn.jincheng.brigades.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The service worker's app shell is every file of the dashboard: a module left out of sw.js's list
 * would be missing when the page is opened offline (and a name listed that does not exist would make
 * the worker's installation fail, so nothing would be kept at all).
 */
class DashboardShellTest {

    private static final Path STATIC = Path.of("src/main/resources/static");

    @Test
    void theServiceWorkerKeepsEveryFileOfTheDashboardAndNothingElse() throws IOException {
        String worker = Files.readString(STATIC.resolve("sw.js"));
        Matcher list = Pattern.compile("const SHELL = \\[(.*?)\\];", Pattern.DOTALL).matcher(worker);
        assertThat(list.find()).as("sw.js lists its shell in `const SHELL = [...]`").isTrue();
        TreeSet<String> listed = new TreeSet<>();
        Matcher name = Pattern.compile("'([^']+)'").matcher(list.group(1));
        while (name.find()) {
            listed.add(name.group(1));
        }
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(STATIC)) {
            walk.filter(Files::isRegularFile).map(p -> STATIC.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("sw.js")).forEach(files::add);
        }
        files.add("./");
        assertThat(listed).isEqualTo(files);
        assertThat(worker).containsPattern("const VERSION = 'v\\d+';");
    }

    @Test
    void theManifestNamesTheAppInChineseAndEnglishWithItsOwnIcons() throws IOException {
        String manifest = Files.readString(STATIC.resolve("manifest.webmanifest"));
        assertThat(manifest).contains("乡镇专职消防队").contains("Jincheng township fire brigades");
        for (String icon : List.of("icons/icon-192.png", "icons/icon-512.png", "icons/icon.svg")) {
            assertThat(manifest).contains("\"" + icon + "\"");
            assertThat(STATIC.resolve(icon)).isRegularFile();
        }
        assertThat(manifest).doesNotContain("http:").doesNotContain("https:");
    }
}
