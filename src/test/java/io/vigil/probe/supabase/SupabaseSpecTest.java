package io.vigil.probe.supabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class SupabaseSpecTest {

    private static final String KEY = "sbp_0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6";
    private static final String REF = "abcdefghijklmnopqrst";

    @Test
    void defaultsToTheManagementApiAndAsksForEveryService() {
        assertThat(new SupabaseSpec(REF, KEY, null).health()).isEqualTo(URI.create("https://api.supabase.com/v1/"
                + "projects/" + REF + "/health?services=auth,db,pooler,realtime,rest,storage"));
    }

    @Test
    void namesTheKeyThatIsMissingOrWrong() {
        assertThatThrownBy(() -> new SupabaseSpec(null, KEY, null)).extracting("key").isEqualTo("project_ref");
        assertThatThrownBy(() -> new SupabaseSpec("https://abc.supabase.co", KEY, null)).extracting("key")
                .isEqualTo("project_ref");
        assertThatThrownBy(() -> new SupabaseSpec(REF, "", null)).extracting("key").isEqualTo("api_key");
        assertThatThrownBy(() -> new SupabaseSpec(REF, "sb_publishable_abc123", null)).extracting("key")
                .isEqualTo("api_key");
        assertThatThrownBy(() -> new SupabaseSpec(REF, KEY, URI.create("https://api.supabase.com#x")))
                .extracting("key").isEqualTo("base_url");
    }

    @Test
    void neverPrintsItsKey() {
        assertThat(new SupabaseSpec(REF, KEY, null).toString()).contains(REF).doesNotContain(KEY);
    }
}
