package io.vigil.probe.stripe;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Stripe charge objects and list pages in the shape of the API's answers (saas-apis.md section 2, after
 * stripe/openapi's fixtures3.json), with the fields the probe reads set per charge.
 */
final class StripeCharges {

    private StripeCharges() {
    }

    static String succeeded(String id, long created) {
        return """
                {"id":"%s","object":"charge","amount":4900,"amount_captured":4900,"amount_refunded":0,\
                "balance_transaction":"txn_3QaB1cD2eF3gH4iJ0x1Y2z3A","captured":true,"created":%d,"currency":"usd",\
                "customer":"cus_R2x9YbT0aQ7LkM","description":null,"disputed":false,"failure_code":null,\
                "failure_message":null,"livemode":true,"metadata":{},"outcome":{"advice_code":null,\
                "network_advice_code":null,"network_decline_code":null,"network_status":"approved_by_network",\
                "reason":null,"risk_level":"normal","seller_message":"Payment complete.","type":"authorized"},\
                "paid":true,"payment_intent":"pi_3QaB1cD2eF3gH4iJ0a1B2c3D","payment_method":"pm_1QaAzzD2eF3gH4iJk9L8m7N6",\
                "payment_method_details":{"type":"card","card":{"brand":"visa","country":"US","last4":"4242",\
                "funding":"credit"}},"refunded":false,"status":"succeeded"}""".formatted(id, created);
    }

    /** A failed charge; {@code failureCode} null gives one that carries none, as some processor errors do. */
    static String failed(String id, long created, String failureCode) {
        String code = failureCode == null ? "null" : "\"" + failureCode + "\"";
        return """
                {"id":"%s","object":"charge","amount":12900,"amount_captured":0,"amount_refunded":0,\
                "balance_transaction":null,"captured":false,"created":%d,"currency":"usd",\
                "customer":"cus_QzY1aB2cD3eF4g","failure_code":%s,"failure_message":"Your card was declined.",\
                "livemode":true,"metadata":{},"outcome":{"advice_code":"try_again_later","network_advice_code":null,\
                "network_decline_code":"51","network_status":"declined_by_network","reason":"generic_decline",\
                "risk_level":"normal","seller_message":"The bank did not return any further details with this decline.",\
                "type":"issuer_declined"},"paid":false,"payment_intent":"pi_3QaB0xD2eF3gH4iJ0z9Y8x7W",\
                "refunded":false,"status":"failed"}""".formatted(id, created, code);
    }

    static String pending(String id, long created) {
        return """
                {"id":"%s","object":"charge","amount":25000,"amount_captured":25000,"amount_refunded":0,\
                "balance_transaction":"txn_3QaC7eD2eF3gH4iJ1b2C3d4E","captured":true,"created":%d,"currency":"usd",\
                "customer":"cus_Qa1bC2dE3fG4hI","failure_code":null,"failure_message":null,"livemode":true,\
                "metadata":{},"outcome":{"network_status":"approved_by_network","reason":null,"risk_level":"not_assessed",\
                "seller_message":"Payment complete.","type":"authorized"},"paid":false,\
                "payment_intent":"pi_3QaC7eD2eF3gH4iJ0c1D2e3F","payment_method_details":{"type":"us_bank_account",\
                "us_bank_account":{"bank_name":"STRIPE TEST BANK","last4":"6789"}},"refunded":false,\
                "status":"pending"}""".formatted(id, created);
    }

    static String page(boolean hasMore, String... charges) {
        return "{\"object\":\"list\",\"url\":\"/v1/charges\",\"has_more\":" + hasMore + ",\"data\":["
                + Arrays.stream(charges).collect(Collectors.joining(",")) + "]}";
    }
}
