package ebmopt.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's charts, drawn with XChart (pure Java, headless) and encoded as PNG: lines over
 * a numeric axis (the U-curve in M, score against K or Q, learning curves) and grouped bars
 * (per-task scores beside the paper's).
 */
public final class Charts {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;

    private Charts() {
    }

    /**
     * A line of (x, y) points.
     *
     * @param dashed dashed and without markers: a reference (the paper's) rather than ours
     * @param errors half-heights of error bars per point (e.g. the std over seeds; NaN: none), or null
     */
    public record Line(String name, double[] x, double[] y, boolean dashed, double[] errors) {
        public Line(String name, double[] x, double[] y, boolean dashed) {
            this(name, x, y, dashed, null);
        }
    }

    /** A line chart; log axes need positive values (points that are not are dropped). */
    public static byte[] lines(String title, String xTitle, String yTitle, boolean logX, boolean logY,
                               List<Line> lines) {
        return lines(title, xTitle, yTitle, logX, logY, lines, null, true);
    }

    /**
     * A line chart with an optional lower bound on y (points below it are clipped to it) and
     * optionally without markers (long curves); the legend goes to the right when there are many lines.
     */
    public static byte[] lines(String title, String xTitle, String yTitle, boolean logX, boolean logY,
                               List<Line> lines, Double yMin, boolean markers) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(markers ? 7 : 0);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        if (lines.size() > 4) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        for (Line line : lines) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (int i = 0; i < line.x().length; i++) {
                double x = line.x()[i];
                double y = yMin == null ? line.y()[i] : Math.max(yMin, line.y()[i]);
                if (Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0)) {
                    xs.add(x);
                    ys.add(y);
                    errors.add(line.errors() == null || !Double.isFinite(line.errors()[i]) ? 0 : line.errors()[i]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries series = line.errors() == null ? chart.addSeries(line.name(), xs, ys)
                    : chart.addSeries(line.name(), xs, ys, errors);
            if (line.dashed()) {
                series.setLineStyle(SeriesLines.DASH_DASH);
            }
            series.setMarker(!markers ? SeriesMarkers.NONE : line.dashed() ? SeriesMarkers.DIAMOND
                    : SeriesMarkers.CIRCLE);
        }
        return png(chart);
    }

    /** Grouped bars: one group per category, one bar per series (NaN: no bar). */
    public static byte[] bars(String title, String xTitle, String yTitle, List<String> categories,
                              List<String> seriesNames, List<List<Double>> values) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setOverlapped(false);
        for (int s = 0; s < seriesNames.size(); s++) {
            List<Double> ys = values.get(s).stream().map(v -> v == null || v.isNaN() ? 0.0 : v).toList();
            chart.addSeries(seriesNames.get(s), categories, ys);
        }
        return png(chart);
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setAntiAlias(true);
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart " + chart.getTitle(), e);
        }
    }
}
