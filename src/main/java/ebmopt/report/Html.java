package ebmopt.report;

/** Text made safe for HTML element content and attribute values: the one escaping every page uses. */
public final class Html {
    private Html() {
    }

    /** {@code &}, {@code <}, {@code >} and {@code "} as entities. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
