package io.vigil.api;

/** The limit/offset rules every list of the API follows. */
final class Paging {

    static final int MAX_LIMIT = 10_000;

    private Paging() {
    }

    static void check(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw ProblemException.badRequest("offset must not be negative, got " + offset);
        }
    }
}
