package io.vigil.probe.http;

import io.vigil.probe.Connections;
import io.vigil.probe.ProbeContext;

/** Phase durations summed over every hop of a redirect chain, as blackbox_exporter sums them. */
final class Phases {

    private double resolve;
    private double connect;
    private double processing;
    private double transfer;

    void add(HttpExchange exchange) {
        resolve += exchange.resolveSeconds();
        connect += exchange.connectSeconds();
        processing += exchange.processingSeconds();
        transfer += exchange.transferSeconds();
    }

    void record(ProbeContext context) {
        context.sample(HttpProbe.DURATION, Connections.phase("resolve"), resolve);
        context.sample(HttpProbe.DURATION, Connections.phase("connect"), connect);
        context.sample(HttpProbe.DURATION, Connections.phase("processing"), processing);
        context.sample(HttpProbe.DURATION, Connections.phase("transfer"), transfer);
    }
}
