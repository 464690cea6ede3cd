/**
 * Reports: the summary printed after a sweep and the reproduced tables, as Parquet and
 * Markdown, beside the papers' figures. Knows nothing of how results were produced.
 */
package ebmopt.report;
