package io.vigil.probe.supabase;

import java.net.URI;
import java.util.regex.Pattern;

import io.vigil.config.InvalidKeyException;
import io.vigil.probe.api.BaseUrl;

/**
 * The keys of a {@code type: supabase} probe: the service health of one project, from the Management API.
 *
 * @param projectRef the project's reference id, the {@code <ref>} of {@code <ref>.supabase.co}
 * @param apiKey a Management API access token ({@code sbp_...}, best a scoped one), not a project's anon or service
 *        key; written as {@code ${NAME}} so that it stays in the environment
 */
public record SupabaseSpec(String projectRef, String apiKey, URI baseUrl) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.supabase.com");
    /** The services the health endpoint reports on; it requires the list. */
    public static final String SERVICES = "auth,db,pooler,realtime,rest,storage";

    private static final Pattern REF = Pattern.compile("[a-z0-9]+");

    public SupabaseSpec {
        if (projectRef == null || projectRef.isBlank()) {
            throw new InvalidKeyException("project_ref", "missing required key \"project_ref\"");
        }
        projectRef = projectRef.strip();
        if (!REF.matcher(projectRef).matches()) {
            throw new InvalidKeyException("project_ref",
                    "must be a project reference id (lower-case letters and digits), got \"" + projectRef + "\"");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidKeyException("api_key", "missing required key \"api_key\"");
        }
        if (apiKey.startsWith("sb_publishable_") || apiKey.startsWith("sb_secret_")) {
            // The Management API answers 401 to project keys: say so at startup, not on the first run.
            throw new InvalidKeyException("api_key",
                    "a project API key cannot read project health: use a Management API access token (sbp_...)");
        }
        baseUrl = BaseUrl.orDefault(baseUrl, DEFAULT_BASE_URL);
    }

    /** {@code GET /v1/projects/{ref}/health} for every service. */
    public URI health() {
        return BaseUrl.resolve(baseUrl, "/v1/projects/" + projectRef
                + "/health?services=" + SERVICES);
    }

    /** Never the key itself: a spec may end up in a log line. */
    @Override
    public String toString() {
        return "SupabaseSpec[projectRef=" + projectRef + ", baseUrl=" + baseUrl + "]";
    }
}
