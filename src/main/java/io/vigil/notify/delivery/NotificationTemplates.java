package io.vigil.notify.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.vigil.rule.template.GoTemplate;
import io.vigil.rule.template.TemplateException;

/**
 * The notification templates shipped under {@code vigil/templates/}: Go text/template files of {@code define}
 * blocks, in the style of Alertmanager's {@code default.tmpl}. {@code default.tmpl} holds what several
 * integrations share ({@code __subject}); each integration's file defines its parts.
 */
public final class NotificationTemplates {

    static final String DIRECTORY = "vigil/templates/";
    static final String DEFAULTS = "default.tmpl";

    private NotificationTemplates() {
    }

    /**
     * The template that runs {@code define} from {@code file}, with {@code default.tmpl}'s definitions available.
     * Parsed here, once; the shipped files are part of the build, so one that does not parse is a bug.
     */
    public static GoTemplate part(String file, String define) {
        String text = read(DEFAULTS) + "\n" + read(file) + "{{ template \"" + define + "\" . }}";
        GoTemplate template = GoTemplate.parse(file, text);
        template.parseError().ifPresent(error -> {
            throw new IllegalStateException(DIRECTORY + file + ": " + error);
        });
        return template;
    }

    /**
     * Executes a part; the text between the files' definitions is whitespace, so the result is stripped.
     *
     * @throws RenderException when the template fails on this data
     */
    public static String execute(GoTemplate template, Object dot, String externalUrl) {
        try {
            return template.execute(dot, externalUrl).strip();
        } catch (TemplateException e) {
            throw new RenderException(e.getMessage(), e);
        }
    }

    private static String read(String file) {
        String path = DIRECTORY + file;
        try (InputStream in = NotificationTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
