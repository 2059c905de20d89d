package io.vigil.probe.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.ProbeOutcome;

class TcpProbeTest {

    private final TcpProbe probe = new TcpProbe();

    @Test
    void succeedsWhenThePortAccepts() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            ProbeContext context = new ProbeContext("db", Duration.ofSeconds(5));
            ProbeOutcome outcome = probe.run(new TcpSpec("127.0.0.1", server.getLocalPort()), context);
            assertThat(outcome.success()).isTrue();
            assertThat(context.samples()).anyMatch(s -> s.metric().equals("probe_dns_lookup_time_seconds"));
        }
    }

    @Test
    void aRefusedPortIsAFailureThatSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            closedPort = server.getLocalPort();
        }
        ProbeContext context = new ProbeContext("db", Duration.ofSeconds(5));
        assertThatThrownBy(() -> probe.run(new TcpSpec("127.0.0.1", closedPort), context))
                .isInstanceOf(ProbeFailure.class)
                .hasMessage("connection to 127.0.0.1:" + closedPort + " refused");
    }

    @Test
    void anUnknownHostIsAFailureThatNamesIt() {
        ProbeContext context = new ProbeContext("db", Duration.ofSeconds(5));
        assertThatThrownBy(() -> probe.run(new TcpSpec("no-such-host.invalid", 5432), context))
                .isInstanceOf(ProbeFailure.class)
                .hasMessage("DNS look-up of no-such-host.invalid failed: no such host");
    }
}
