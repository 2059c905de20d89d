package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vigil.probe.dns.DnsSpec;
import io.vigil.probe.http.HttpSpec;
import io.vigil.probe.tcp.TcpSpec;
import io.vigil.probe.tls.TlsSpec;
import io.vigil.rule.RuleFiles;
import io.vigil.rule.RuleGroup;

/** The example a newcomer runs with no setup is itself valid, rules included. */
class BundledExampleTest {

    private static final Map<String, Class<?>> TYPES = Map.of("http", HttpSpec.class, "tcp", TcpSpec.class,
            "tls", TlsSpec.class, "dns", DnsSpec.class);

    @Test
    void theBundledExampleAndItsRulesLoad() throws IOException {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("vigil/example.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ProbeTypes types = new ProbeTypes() {
            @Override
            public Set<String> names() {
                return TYPES.keySet();
            }

            @Override
            public Class<?> specType(String type) {
                return TYPES.get(type);
            }
        };
        VigilConfig config = new VigilConfigParser(types, new EnvSubstitution(Map.of("VIGIL_HTTP_PORT", "8080")::get))
                .parse("bundled", null, text);

        assertThat(config.probes()).extracting(ProbeDefinition::name).contains("vigil-ready", "vigil-port");
        assertThat(RuleFiles.load(config)).singleElement().satisfies((RuleGroup group) ->
                assertThat(group.rules()).extracting(rule -> rule.definition().name())
                        .containsExactly("VigilProbeFailing", "VigilDemoCycle", "vigil:probe_success:ratio"));
    }
}
