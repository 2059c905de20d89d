package io.vigil.probe.stripe;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The charges a run counts: created in {@code [gte, lt)}, in Unix seconds as Stripe stamps them, so that one run's
 * window ends exactly where the next run's begins when runs are one window apart.
 */
public record ChargeWindow(long gte, long lt) {

    /** Stripe's largest page. */
    static final int PAGE_SIZE = 100;

    public static ChargeWindow endingAt(Instant now, Duration window) {
        long end = now.getEpochSecond();
        return new ChargeWindow(end - window.toSeconds(), end);
    }

    /**
     * The URI of one page of {@code GET /v1/charges} under {@code baseUrl}: the first when {@code startingAfter} is
     * null, else the one after that charge id. Brackets are percent-encoded: a strict proxy rejects them raw.
     */
    public URI page(URI baseUrl, String startingAfter) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        StringBuilder uri = new StringBuilder(base).append("/v1/charges?created%5Bgte%5D=").append(gte)
                .append("&created%5Blt%5D=").append(lt).append("&limit=").append(PAGE_SIZE);
        if (startingAfter != null) {
            uri.append("&starting_after=").append(URLEncoder.encode(startingAfter, StandardCharsets.UTF_8));
        }
        return URI.create(uri.toString());
    }
}
