package io.vigil.probe.statuspage;

import static io.restassured.RestAssured.given;

import java.util.List;

/** The lines /q/metrics shows for one probe, as Prometheus scrapes them. */
public final class ProbeMetrics {

    private ProbeMetrics() {
    }

    /** Every sample line of {@code metric} labelled {@code probe="<probe>"}, with "{a="b",}" written "{a="b"}". */
    public static List<String> lines(String metric, String probe) {
        String text = given().header("Accept", "text/plain; version=0.0.4").get("/q/metrics").then()
                .statusCode(200).extract().asString();
        return text.replace(",}", "}").lines()
                .filter(line -> line.startsWith(metric + "{") && line.contains("probe=\"" + probe + "\""))
                .toList();
    }
}
