package io.vigil.notify.email;

import java.util.List;
import java.util.Map;

/**
 * A rendered email as the outbox stores it: everything but the SMTP server and its credentials, which come from the
 * config when it is sent.
 *
 * @param headers extra headers, by name in order; never {@code Subject}, which is {@code subject}
 */
public record EmailMessage(String subject, String text, String html, List<String> to, String from,
        Map<String, String> headers) {

    public EmailMessage {
        to = List.copyOf(to);
        headers = Map.copyOf(headers);
    }
}
