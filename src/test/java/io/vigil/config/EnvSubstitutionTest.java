package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {

    @Test
    void substitutesInsideStringsListsAndMappingsWithoutReinterpretingTheValue() {
        YamlDocument document = YamlDocument.parse("f.yaml", """
                a: ${ONE}
                b: ["x-${ONE}-y", plain]
                c: {d: "${TWO}"}
                """);
        new EnvSubstitution(Map.of("ONE", "1", "TWO", "# not: [yaml")::get).apply(document);

        assertThat(document.root().get("a").asText()).isEqualTo("1");
        assertThat(document.root().get("b").get(0).asText()).isEqualTo("x-1-y");
        assertThat(document.root().get("c").get("d").asText()).isEqualTo("# not: [yaml");
    }
}
