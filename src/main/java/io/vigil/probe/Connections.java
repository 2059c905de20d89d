package io.vigil.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import io.vigil.sample.Labels;

/**
 * The first two phases every network probe shares, done afresh on each run as blackbox_exporter
 * does: a DNS look-up and a TCP connect, each measured, each failing with a reason a person reads.
 */
public final class Connections {

    public static final String DNS_LOOKUP_TIME = "probe_dns_lookup_time_seconds";
    public static final String DNS_LOOKUP_TIME_HELP = "How long the DNS look-up of the target took.";
    public static final String IP_PROTOCOL = "probe_ip_protocol";
    public static final String IP_PROTOCOL_HELP = "The IP protocol (4 or 6) the probe connected over.";

    private Connections() {
    }

    /** Resolves {@code host}, recording the look-up time; an unknown name becomes a readable failure. */
    public static InetAddress resolve(String host, ProbeContext context) throws ProbeFailure {
        long start = System.nanoTime();
        try {
            InetAddress address = lookup(host);
            context.sample(IP_PROTOCOL, address.getAddress().length == 4 ? 4 : 6);
            return address;
        } finally {
            context.sample(DNS_LOOKUP_TIME, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Resolves {@code host} without recording anything. */
    public static InetAddress lookup(String host) throws ProbeFailure {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ProbeFailure("DNS look-up of " + host + " failed: no such host");
        }
    }

    /** Opens a new TCP connection within the run's remaining time. */
    public static Socket connect(InetAddress address, int port, ProbeContext context) throws ProbeFailure {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), context.remainingMillis());
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ProbeFailure(describeConnectFailure(address, port, e));
        }
    }

    static String describeConnectFailure(InetAddress address, int port, IOException e) {
        String target = address.getHostAddress() + ":" + port;
        if (e instanceof ConnectException) {
            return "connection to " + target + " refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "connection to " + target + " timed out";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to " + target;
        }
        return "connection to " + target + " failed: " + e.getMessage();
    }

    public static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing left to measure once the result is decided.
        }
    }

    /** A phase label, as blackbox_exporter labels its durations. */
    public static Labels phase(String phase) {
        return Labels.of("phase", phase);
    }
}
