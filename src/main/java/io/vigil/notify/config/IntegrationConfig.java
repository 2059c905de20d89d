package io.vigil.notify.config;

/** One way a receiver is told: an entry of {@code email_configs}, {@code slack_configs} or {@code webhook_configs}. */
public sealed interface IntegrationConfig permits EmailConfig, SlackConfig, WebhookConfig {

    /** {@code email}, {@code slack} or {@code webhook}: the {@code integration} label and ledger field. */
    String integration();

    /** Position among the receiver's integrations of the same type, as in Alertmanager's {@code email[0]}. */
    int index();

    /** Whether a notification is sent when alerts resolve. */
    boolean sendResolved();

    /** {@code email[0]}: how messages and the ledger name this integration within its receiver. */
    default String key() {
        return integration() + "[" + index() + "]";
    }

    /** The integration type of a {@link #key()}: {@code slack} for {@code slack[0]}. */
    public static String typeOfKey(String key) {
        int bracket = key.indexOf('[');
        return bracket < 0 ? key : key.substring(0, bracket);
    }
}
