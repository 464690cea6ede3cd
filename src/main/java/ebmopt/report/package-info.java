/**
 * Reports: the summary printed after a sweep and the reproduced tables beside the papers'
 * figures: a registry of reproduced tables ({@link ebmopt.report.ReproducedTables}), their
 * cells with a verdict each, as Parquet, an HTML report with PNG plots and its Markdown twin
 * ({@link ebmopt.report.ReportJob}). Knows nothing of how results were produced.
 */
package ebmopt.report;
