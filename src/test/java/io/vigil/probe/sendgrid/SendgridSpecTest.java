package io.vigil.probe.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.config.InvalidKeyException;

class SendgridSpecTest {

    @Test
    void defaultsToTheLastDayOfAllMailOnSendGridsOwnUrl() {
        SendgridSpec spec = new SendgridSpec("SG.key", null, null, null);
        assertThat(spec.window()).isEqualTo(Duration.ofHours(24));
        assertThat(spec.baseUrl()).isEqualTo(URI.create("https://api.sendgrid.com"));
        assertThat(spec.categories()).isEmpty();
    }

    @Test
    void namesTheKeyThatIsMissingOrWrong() {
        assertThatThrownBy(() -> new SendgridSpec(" ", null, null, null)).isInstanceOf(InvalidKeyException.class)
                .hasMessage("missing required key \"api_key\"").extracting("key").isEqualTo("api_key");
        assertThatThrownBy(() -> new SendgridSpec("SG.key", Duration.ZERO, null, null))
                .hasMessage("must be greater than 0s").extracting("key").isEqualTo("window");
        assertThatThrownBy(() -> new SendgridSpec("SG.key", null, URI.create("api.sendgrid.com"), null))
                .extracting("key").isEqualTo("base_url");
        assertThatThrownBy(() -> new SendgridSpec("SG.key", null, URI.create("https://api.sendgrid.com/?k=v"), null))
                .extracting("key").isEqualTo("base_url");
    }

    @Test
    void takesAtMostTenDistinctNonEmptyCategories() {
        assertThatThrownBy(() -> new SendgridSpec("SG.key", null, null, Collections.nCopies(11, "c")))
                .hasMessage("SendGrid takes at most 10 categories, got 11").extracting("key").isEqualTo("categories");
        assertThatThrownBy(() -> new SendgridSpec("SG.key", null, null, List.of("welcome", " welcome ")))
                .hasMessage("category \"welcome\" is listed twice");
        assertThatThrownBy(() -> new SendgridSpec("SG.key", null, null, Arrays.asList("welcome", null)))
                .hasMessage("a category cannot be empty");
        assertThat(new SendgridSpec("SG.key", null, null, List.of(" receipts ")).categories()).containsExactly("receipts");
    }

    @Test
    void neverPrintsItsKey() {
        assertThat(new SendgridSpec("SG.s3cret", null, null, null).toString()).doesNotContain("s3cret");
    }
}
