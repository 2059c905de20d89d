package io.vigil.notify;

/**
 * A value that must never be shown: an SMTP password, a Slack webhook URL (the URL is the credential), a webhook URL
 * that may carry a token. Its {@code toString} hides it, so a record holding one can be logged or put in a message.
 */
public record Secret(String value) {

    public Secret {
        if (value == null) {
            throw new IllegalArgumentException("secret value must not be null");
        }
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "<secret>";
    }
}
