package io.vigil.probe.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.probe.ProbeFailure;

class PageStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStatuspageSummaryGivesItsIndicatorAndLeafComponentsWithoutGroupContainers() throws Exception {
        PageStatus page = PageStatus.read(fixture("sendgrid-degraded.json"));

        assertThat(page.indicator()).isEqualTo(Indicator.MINOR);
        assertThat(page.components()).containsExactly(Map.entry("Mail Sending", false), Map.entry("API", true),
                Map.entry("Marketing Campaigns", true));
    }

    @Test
    void everyStatusButOperationalCountsAsDown() throws Exception {
        PageStatus page = PageStatus.read(fixture("github-major.json"));

        assertThat(page.indicator().value).isEqualTo(2);
        assertThat(page.components()).containsExactly(Map.entry("API", false), Map.entry("Git Operations", true),
                Map.entry("Webhooks", false));
    }

    @Test
    void maintenanceIsMinorAndItsComponentsAreNotUp() throws Exception {
        PageStatus page = PageStatus.read(fixture("netlify-maintenance.json"));

        assertThat(page.indicator()).isEqualTo(Indicator.MINOR);
        assertThat(page.components()).containsExactly(Map.entry("Builds", false), Map.entry("Origin Servers", true));
    }

    @Test
    void aNameUsedInSeveralGroupsIsQualifiedByItsGroup() throws Exception {
        PageStatus page = PageStatus.read(fixture("supabase-regions.json"));

        assertThat(page.indicator().value).isEqualTo(3);
        assertThat(page.components()).containsExactly(Map.entry("us-east-1 / API Gateway", true),
                Map.entry("us-east-1 / Database", false), Map.entry("eu-central-1 / API Gateway", true),
                Map.entry("eu-central-1 / Database", true), Map.entry("Dashboard", true));
    }

    @Test
    void herokusSystemsAreTheComponentsAndItsWorstColourTheIndicator() throws Exception {
        PageStatus green = PageStatus.read(fixture("heroku-green.json"));
        assertThat(green.indicator()).isEqualTo(Indicator.NONE);
        assertThat(green.components()).containsExactly(Map.entry("Apps", true), Map.entry("Data", true),
                Map.entry("Tools", true));

        PageStatus incident = PageStatus.read(fixture("heroku-incident.json"));
        assertThat(incident.indicator()).isEqualTo(Indicator.CRITICAL);
        assertThat(incident.components()).containsExactly(Map.entry("Apps", false), Map.entry("Data", true),
                Map.entry("Tools", false));

        PageStatus maintenance = PageStatus.read(fixture("heroku-maintenance.json"));
        assertThat(maintenance.indicator()).isEqualTo(Indicator.MINOR);
        assertThat(maintenance.components()).containsEntry("Data", false).containsEntry("Apps", true);
    }

    @Test
    void aYellowHerokuIsMinor() throws Exception {
        PageStatus page = PageStatus.read(json("{\"status\":[{\"system\":\"Apps\",\"status\":\"yellow\"},"
                + "{\"system\":\"Data\",\"status\":\"green\"}],\"incidents\":[],\"scheduled\":[]}"));

        assertThat(page.indicator()).isEqualTo(Indicator.MINOR);
    }

    @Test
    void unknownValuesAndShapesFailWithWhatWasFound() {
        assertThatThrownBy(() -> PageStatus.read(json("{\"status\":{\"indicator\":\"purple\"},\"components\":[]}")))
                .isInstanceOf(ProbeFailure.class).hasMessage("the Statuspage summary has an unknown "
                        + "status.indicator \"purple\" (known: none, minor, major, critical, maintenance)");
        assertThatThrownBy(() -> PageStatus.read(json("{\"status\":[{\"system\":\"Apps\",\"status\":\"orange\"}]}")))
                .hasMessage("Heroku's status has an unknown colour \"orange\" for system \"Apps\" "
                        + "(known: green, yellow, red, blue)");
        assertThatThrownBy(() -> PageStatus.read(json("{\"status\":[{\"system\":\"Apps\"}]}")))
                .hasMessage("Heroku's status has no colour for system \"Apps\"");
        assertThatThrownBy(() -> PageStatus.read(json("{\"page\":{},\"status\":{\"indicator\":\"none\"}}")))
                .hasMessageContaining("point url at /api/v2/summary.json");
        assertThatThrownBy(() -> PageStatus.read(json("{\"status\":\"ok\",\"active_incidents\":[]}")))
                .hasMessageStartingWith("the body is neither a Statuspage summary");
        assertThatThrownBy(() -> PageStatus.read(json("[]")))
                .hasMessageStartingWith("the body is neither a Statuspage summary");
    }

    @Test
    void theSpecWantsAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> new StatuspageSpec(null)).extracting("key").isEqualTo("url");
        assertThatThrownBy(() -> new StatuspageSpec(URI.create("status.example.com/api/v2/summary.json")))
                .hasMessageStartingWith("must be an absolute http:// or https:// URL");
        assertThatThrownBy(() -> new StatuspageSpec(URI.create("ftp://status.example.com/x")))
                .extracting("key").isEqualTo("url");
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = PageStatusTest.class.getResourceAsStream("/statuspage/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
