package io.vigil.probe.statuspage;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Two WireMock servers for src/test/resources/statuspage/vigil.yaml: {@link #pages()} plays the status pages and
 * rdap.org, {@link #registry()} an RDAP registry on another port that rdap.org redirects to. Tests stub what they need.
 */
public class StatusTargets implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer pages;
    private static WireMockServer registry;

    public static WireMockServer pages() {
        return pages;
    }

    public static WireMockServer registry() {
        return registry;
    }

    /** The registry as rdap.org's Location names it: another host name and port than rdap.org's. */
    public static String registryUrl() {
        return "http://localhost:" + registry.port();
    }

    @Override
    public Map<String, String> start() {
        pages = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        pages.start();
        registry = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        registry.start();
        return Map.of("PAGES_URL", "http://127.0.0.1:" + pages.port());
    }

    @Override
    public void stop() {
        if (pages != null) {
            pages.stop();
        }
        if (registry != null) {
            registry.stop();
        }
    }
}
