package io.vigil.probe.dns;

import java.util.Arrays;
import java.util.List;

import io.netty.util.NetUtil;
import io.vertx.core.Future;
import io.vertx.core.dns.DnsClient;
import io.vertx.core.dns.MxRecord;

/** The record types a dns probe may ask for, each with the text its answers are matched as. */
public enum QueryType {
    A, AAAA, CNAME, MX, TXT, NS;

    static boolean isKnown(String name) {
        return Arrays.stream(values()).anyMatch(type -> type.name().equals(name));
    }

    /**
     * Asks {@code client} for this type's records of {@code name}, as the texts valid_answers are
     * matched against. The Vert.x client keeps only records of the asked type, so a CNAME met on
     * the way to an A record is not among them.
     */
    Future<List<String>> query(DnsClient client, String name) {
        return switch (this) {
            case A -> client.resolveA(name);
            case AAAA -> client.resolveAAAA(name).map(addresses -> addresses.stream().map(QueryType::compressed).toList());
            case CNAME -> client.resolveCNAME(name).map(QueryType::withoutRootDots);
            case MX -> client.resolveMX(name).map(records -> records.stream().map(QueryType::mxText).toList());
            case TXT -> client.resolveTXT(name);
            case NS -> client.resolveNS(name).map(QueryType::withoutRootDots);
        };
    }

    /** People write IPv6 addresses as 2001:db8::1, not in Java's long form 2001:db8:0:0:0:0:0:1. */
    private static String compressed(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        return bytes == null ? address : NetUtil.bytesToIpAddress(bytes);
    }

    private static String mxText(MxRecord record) {
        return record.priority() + " " + withoutRootDot(record.name());
    }

    private static List<String> withoutRootDots(List<String> names) {
        return names.stream().map(QueryType::withoutRootDot).toList();
    }

    /** A regexp like {@code ^mail\.example\.com$} should match whether or not the decoder kept the final dot. */
    private static String withoutRootDot(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }
}
