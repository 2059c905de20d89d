package io.vigil.config;

/**
 * A problem with a configuration file, told the way a person fixes it: the file, the line where
 * known, and what is wrong. Its message is the one line that start-up and reload print.
 */
public class ConfigException extends RuntimeException {

    private final String file;
    private final int line;
    private final String problem;

    public ConfigException(String file, int line, String problem) {
        // A user's mistake, not a bug: the message says everything, a stack trace would bury it.
        super(render(file, line, problem), null, false, false);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem belongs to no single line. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }

    private static String render(String file, int line, String problem) {
        return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
    }
}
