package io.vigil.notify.delivery;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Keeps the first bytes of a response body and reads the rest without keeping it: a receiver's error reply is
 * worth recording, a receiver that answers with megabytes is not worth the memory.
 */
final class BoundedBody implements Flow.Subscriber<List<ByteBuffer>> {

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    private BoundedBody(int limit) {
        this.limit = limit;
    }

    static BodySubscriber<String> subscriber(int limit) {
        BoundedBody body = new BoundedBody(limit);
        return BodySubscribers.fromSubscriber(body, BoundedBody::text);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int room = limit - kept.size();
            if (room > 0) {
                byte[] bytes = new byte[Math.min(room, buffer.remaining())];
                buffer.get(bytes);
                kept.write(bytes, 0, bytes.length);
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // The response future fails with the same error; nothing to keep.
    }

    @Override
    public void onComplete() {
        // Text is taken by the finisher once the body is complete.
    }

    private String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
