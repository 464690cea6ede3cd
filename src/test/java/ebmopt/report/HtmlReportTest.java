package ebmopt.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report and its Markdown twin from constructed tables (two that ran, two that did not),
 * written with their plots and checked as a browser meets them ({@link ReportPageCheck}); and the
 * check itself, on pages with a missing image, a broken link and an empty section.
 */
class HtmlReportTest {
    private static final ReportInfo INFO = new ReportInfo("Reproduced tables", "2026-01-01T00:00:00Z", "/results",
            List.of("dev"), List.of("quickstart"), "", "");

    @TempDir
    Path dir;

    /** A table declared in place. */
    private record Table(String id, String title, String description, List<String> jobs, String findings)
            implements ReproducedTable {
        @Override
        public List<Cell> cells(ReportContext context) {
            return List.of();
        }

        @Override
        public String findings(List<Cell> cells) {
            return findings;
        }
    }

    private static Cell cell(String table, String row, String column, Double ours, double paper) {
        return new Cell(table, row, column, 0, ours, ours == null ? null : 0.01, ours == null ? 0 : 5, 0, paper, 0.01,
                5, true, ours == null ? "" : "settings of ours", ours == null ? "" : "5 runs", RowParameters.NONE);
    }

    private static Plot plot(String file) {
        return new Plot(file, "A curve.", Charts.lines(Charts.LineChart.of("t", "x", "y", List.of(
                new Charts.Line("ours", new double[]{1, 10, 100}, new double[]{0.5, 0.4, 0.45}, false,
                        new double[]{0.01, 0.01, 0.01}),
                new Charts.Line("paper", new double[]{1, 10, 100}, new double[]{0.5, 0.41, 0.45}, true)))
                .withX(Charts.Scale.LOG10)));
    }

    private List<TableResult> tables() {
        String shared = "Normalised score of the best design, higher is better.";
        Table list = new Table("one", "Table One", shared, List.of("jobs/one.conf"), "U shape in M: yes (...).");
        Table grid = new Table("two", "Table Two", shared, List.of("jobs/two.conf"), "");
        Table paperOnly = new Table("three", "Table Three", "Paper only so far.", List.of("jobs/three.conf",
                "jobs/other.conf"), "");
        Table nothing = new Table("four", "Table Four", "Ours only, once run.", List.of(), "");
        return List.of(
                new TableResult(list, List.of(cell("one", "M = 1", "score", 0.50, 0.50),
                        cell("one", "M = 10", "score", 0.40, 0.50), cell("one", "M = 100", "score", null, 0.45)),
                        List.of(plot("one-curve.png"))),
                new TableResult(grid, List.of(cell("two", "a", "task 1", 0.9, 0.9), cell("two", "a", "task 2", 0.8,
                        0.7)), List.of()),
                new TableResult(paperOnly, List.of(cell("three", "a", "task 1", null, 0.9)),
                        List.of(plot("three-curve.png"))),
                new TableResult(nothing, List.of(), List.of()));
    }

    private Path write(List<TableResult> tables) throws IOException {
        Path page = dir.resolve("index.html");
        Files.writeString(page, HtmlReport.render(INFO, tables));
        Files.writeString(dir.resolve("report.md"), MarkdownReport.render(INFO, tables));
        for (TableResult t : tables) {
            for (Plot p : t.plots()) {
                Files.write(dir.resolve(p.fileName()), p.png());
            }
        }
        return page;
    }

    @Test
    void theWrittenPageIsSoundAndReadsAtAGlance() throws IOException {
        Path page = write(tables());
        assertEquals(List.of(), ReportPageCheck.problems(page));
        String html = Files.readString(page);
        assertTrue(html.contains("2 of 4 tables have results of ours: 2 cells reproduced, 1 better, 1 worse, 0 with "
                + "no paper figure (1 of their paper cells not run); 2 tables not run yet."), html);
        assertTrue(html.contains(Html.escape(Verdict.RULE)), "the rule is stated");
        assertFalse(html.contains(" 0 cells"), "a table that did not run counts no cells");
        // one line per table not run, with the commands that fill it; the paper's figures folded beneath
        assertTrue(html.contains("<details id=\"three\"><summary><b>Table Three</b>: not run: <code>submit/sweep "
                + "jobs/three.conf</code>, <code>submit/sweep jobs/other.conf</code></summary>"), html);
        assertTrue(html.contains("<b>Table Four</b>: not run: no job of this project runs it"), html);
        // a description two tables share is written once
        assertEquals(1, html.split("Normalised score of the best design", -1).length - 1, html);
        assertTrue(html.contains("What is measured: as for <a href=\"#one\">Table One</a>."), html);
        assertTrue(html.contains("<p class=\"finding\">U shape in M: yes (...).</p>"), html);

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| Table Three | not run: `submit/sweep jobs/three.conf`, `submit/sweep "
                + "jobs/other.conf` |"), md);
        assertTrue(md.contains("<details><summary><b>Table Four</b>: not run: no job"), md);
        assertTrue(md.contains("![three-curve.png](three-curve.png)"), md);
    }

    @Test
    void theCheckFindsAMissingImage() throws IOException {
        Path page = write(tables());
        Files.delete(dir.resolve("three-curve.png"));
        assertEquals(List.of("the image 'three-curve.png' is not a file beside the page"),
                ReportPageCheck.problems(page));
    }

    @Test
    void theCheckFindsBrokenLinksAndEmptySections() throws IOException {
        Path page = dir.resolve("page.html");
        Files.writeString(page, """
                <!DOCTYPE html>
                <html><head><title>t</title></head><body>
                <h2 id="a">A</h2><p>See <a href="#b">B</a>, <a href="#nowhere">C</a> and <a href="gone.md">D</a>.</p>
                <h2 id="b">B</h2>
                <h2 id="c">C</h2><details><summary>folded</summary></details>
                <figure><img src="page.html"/><figcaption>not an image</figcaption></figure>
                </body></html>
                """);
        assertEquals(List.of("the image 'page.html' is not a PNG",
                "the link '#nowhere' names no element of the page",
                "the link 'gone.md' names no file beside the page",
                "the section 'B' is empty",
                "the folded section 'folded' is empty"), ReportPageCheck.problems(page));
        Files.writeString(page, "<html><body><p>unclosed<br></p></body></html>");
        assertTrue(ReportPageCheck.problems(page).get(0).startsWith("the page does not parse"));
    }
}
