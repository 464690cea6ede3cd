package ebmopt.report;

/**
 * One figure of the report, rendered to PNG.
 *
 * @param fileName the PNG's name inside the report folder, e.g. "table14-m-curve.png"
 * @param caption  what it shows, in one or two sentences
 * @param png      the image
 */
public record Plot(String fileName, String caption, byte[] png) {
}
