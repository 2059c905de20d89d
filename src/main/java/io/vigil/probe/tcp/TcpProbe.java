package io.vigil.probe.tcp;

import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.probe.Connections;
import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeOutcome;

/** Succeeds when a TCP connection to host:port opens. */
@ApplicationScoped
public class TcpProbe implements Probe<TcpSpec> {

    @Override
    public String type() {
        return "tcp";
    }

    @Override
    public Class<TcpSpec> specType() {
        return TcpSpec.class;
    }

    @Override
    public Map<String, String> metrics() {
        return Map.of(Connections.DNS_LOOKUP_TIME, Connections.DNS_LOOKUP_TIME_HELP,
                Connections.IP_PROTOCOL, Connections.IP_PROTOCOL_HELP);
    }

    @Override
    public ProbeOutcome run(TcpSpec spec, ProbeContext context) throws Exception {
        InetAddress address = Connections.resolve(spec.host(), context);
        Socket socket = Connections.connect(address, spec.port(), context);
        Connections.closeQuietly(socket);
        return ProbeOutcome.succeeded();
    }
}
