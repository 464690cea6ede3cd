package ebmopt.config;

/**
 * Thrown by a settings record's constructor when one of its values is out of range.
 * {@link RecordBinder} turns it into a {@link ConfigError} naming the full key and the
 * file the value came from.
 */
public final class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public InvalidParameterException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The kebab-case key, relative to the record's block. */
    public String key() {
        return key;
    }

    /** Fails with a message naming {@code key} unless {@code condition} holds. */
    public static void require(boolean condition, String key, String message, Object... args) {
        if (!condition) {
            throw new InvalidParameterException(key, String.format(message, args));
        }
    }
}
