package ebmopt.report;

import java.util.List;

/**
 * What a report says about itself.
 *
 * @param title            the page title
 * @param generatedAt      when (UTC, ISO-8601)
 * @param outputRoot       the results it was built from
 * @param codeVersions     the code versions (version + git commit) that produced the trials
 * @param sweeps           the sweeps it read
 * @param preambleMarkdown an extra first section (the nightly's comparison), Markdown; "" for none
 * @param preambleHtml     the same, HTML; "" for none
 */
public record ReportInfo(String title, String generatedAt, String outputRoot, List<String> codeVersions,
                         List<String> sweeps, String preambleMarkdown, String preambleHtml) {
}
