package io.vigil.rule.promtool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every promtool unit-test file under src/test/resources/promtool, run on Vigil's engine. CI runs
 * the same files through {@code promtool test rules}; both must pass.
 */
class PromtoolCompatibilityTest {

    static final Path DIRECTORY = Path.of("src/test/resources/promtool");

    @TestFactory
    Stream<DynamicTest> everyTestFilePassesOnVigilsEngine() throws IOException {
        return Files.list(DIRECTORY).filter(p -> p.getFileName().toString().endsWith(".test.yml")).sorted()
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () ->
                        assertThat(PromtoolRunner.run(PromtoolTestFile.read(path))).as(path.toString()).isEmpty()));
    }
}
