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
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The report's charts, drawn with XChart (pure Java, headless) and encoded as PNG: lines over
 * a numeric axis (the U-curve in M, score against K or Q, learning curves) and grouped bars
 * (per-task scores beside the paper's).
 *
 * <p>How they read: ours are solid lines with filled circles, the paper's dashed with hollow
 * diamonds, each with error bars of one std where known, and series that share x values are
 * drawn slightly apart so that neither hides the other. Log axes are drawn as linear axes over
 * log10 (or log2) of the value, so that their ticks fall on whole decades (or powers of two)
 * and read as the tables write numbers ({@link NumberText}: 10000, 1e9). The legend lists only
 * series that have a point to draw.
 */
public final class Charts {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    /** Series drawn apart, as a share of the x axis's span. */
    private static final double NUDGE = 0.012;
    private static final Color ERROR_BARS = new Color(70, 70, 70);
    /** About the width of one character of the axis and legend font, for fitting text. */
    private static final int CHAR_PX = 7;
    private static final int LEGEND_LINE_PX = 20;
    private static final int SLANTED_LABELS_PX = 90;

    private Charts() {
    }

    /** How an axis maps values to positions. */
    public enum Scale {
        LINEAR(v -> v, u -> u),
        LOG10(Math::log10, u -> Math.pow(10, u)),
        LOG2(v -> Math.log(v) / Math.log(2), u -> Math.pow(2, u));

        private final DoubleUnaryOperator forward;
        private final DoubleUnaryOperator inverse;

        Scale(DoubleUnaryOperator forward, DoubleUnaryOperator inverse) {
            this.forward = forward;
            this.inverse = inverse;
        }

        boolean accepts(double v) {
            return Double.isFinite(v) && (this == LINEAR || v > 0);
        }

        /** "10000" for u = 4 on a log10 axis: the value at position u, as the tables write it. */
        String label(double u) {
            double v = inverse.applyAsDouble(u);
            return NumberText.of(this == LINEAR ? v : Math.abs(u - Math.rint(u)) < 1e-9
                    ? inverse.applyAsDouble(Math.rint(u)) : v);
        }
    }

    /**
     * A line of (x, y) points.
     *
     * @param dashed dashed, with hollow markers: the paper's (or a reference) rather than ours
     * @param errors half-heights of error bars per point (e.g. the std over seeds; NaN: none), or null
     */
    public record Line(String name, double[] x, double[] y, boolean dashed, double[] errors) {
        public Line(String name, double[] x, double[] y, boolean dashed) {
            this(name, x, y, dashed, null);
        }
    }

    /**
     * A line chart.
     *
     * @param x            the x axis's scale
     * @param y            the y axis's scale (error bars only on a linear one)
     * @param yFloor       a lower bound on y (points below it are drawn at it), or null
     * @param markers      markers (and error bars) at the points; false for long curves
     * @param minimumSpan  the least span of the y axis, so that tiny differences are not drawn as
     *                     large ones (e.g. 0.1 for normalised scores); 0 for none
     */
    public record LineChart(String title, String xTitle, String yTitle, Scale x, Scale y, List<Line> lines,
                            Double yFloor, boolean markers, double minimumSpan) {

        /** Linear axes, markers, no floor or minimum span. */
        public static LineChart of(String title, String xTitle, String yTitle, List<Line> lines) {
            return new LineChart(title, xTitle, yTitle, Scale.LINEAR, Scale.LINEAR, lines, null, true, 0);
        }

        public LineChart withX(Scale scale) {
            return new LineChart(title, xTitle, yTitle, scale, y, lines, yFloor, markers, minimumSpan);
        }

        public LineChart withY(Scale scale) {
            return new LineChart(title, xTitle, yTitle, x, scale, lines, yFloor, markers, minimumSpan);
        }

        public LineChart withYFloor(double floor) {
            return new LineChart(title, xTitle, yTitle, x, y, lines, floor, markers, minimumSpan);
        }

        public LineChart withoutMarkers() {
            return new LineChart(title, xTitle, yTitle, x, y, lines, yFloor, false, minimumSpan);
        }

        public LineChart withMinimumSpan(double span) {
            return new LineChart(title, xTitle, yTitle, x, y, lines, yFloor, markers, span);
        }
    }

    /** A line, its points mapped to axis positions (points an axis cannot show dropped). */
    private record Drawn(Line line, List<double[]> points) {
        /** {u, v, error} per point. */
        double[] u() {
            return points.stream().mapToDouble(p -> p[0]).toArray();
        }

        double[] v() {
            return points.stream().mapToDouble(p -> p[1]).toArray();
        }

        double[] e() {
            return points.stream().mapToDouble(p -> p[2]).toArray();
        }
    }

    /** The chart as a PNG. */
    public static byte[] lines(LineChart spec) {
        List<Drawn> drawn = new ArrayList<>();
        for (Line line : spec.lines()) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < line.x().length; i++) {
                double x = line.x()[i];
                double y = spec.yFloor() == null ? line.y()[i] : Math.max(spec.yFloor(), line.y()[i]);
                if (spec.x().accepts(x) && spec.y().accepts(y)) {
                    double e = line.errors() == null || !Double.isFinite(line.errors()[i]) || spec.y() != Scale.LINEAR
                            || !spec.markers() ? 0 : line.errors()[i];
                    points.add(new double[]{spec.x().forward.applyAsDouble(x), spec.y().forward.applyAsDouble(y), e});
                }
            }
            if (!points.isEmpty()) {
                drawn.add(new Drawn(line, points));
            }
        }
        boolean legendRight = drawn.size() > 4;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(spec.title()).xAxisTitle(spec.xTitle())
                .yAxisTitle(spec.yTitle()).build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(spec.markers() ? 8 : 0);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        if (legendRight) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        if (drawn.isEmpty()) {
            return png(chart);
        }
        double[] xRange = range(drawn, false);
        double nudge = spec.markers() && drawn.size() > 1 ? NUDGE * Math.max(xRange[1] - xRange[0], 1e-9) : 0;
        for (int s = 0; s < drawn.size(); s++) {
            Drawn d = drawn.get(s);
            double shift = nudge * (s - (drawn.size() - 1) / 2.0);
            double[] u = d.u();
            for (int i = 0; i < u.length; i++) {
                u[i] += shift;
            }
            boolean bars = d.line().errors() != null && spec.markers() && spec.y() == Scale.LINEAR;
            XYSeries series = bars ? chart.addSeries(d.line().name(), u, d.v(), d.e())
                    : chart.addSeries(d.line().name(), u, d.v());
            if (d.line().dashed()) {
                series.setLineStyle(SeriesLines.DASH_DASH);
            }
            series.setMarker(!spec.markers() ? SeriesMarkers.NONE : d.line().dashed() ? new HollowDiamond()
                    : SeriesMarkers.CIRCLE);
        }
        // Explicit x limits, a little beyond the data: room for the nudged markers, and XChart then
        // places ticks at round values rather than at every n-th data point.
        double pad = Math.max(0.04 * (xRange[1] - xRange[0]), 0.3 * nudge * drawn.size() + 1e-9);
        chart.getStyler().setXAxisMin(xRange[0] - pad).setXAxisMax(xRange[1] + pad);
        double[] y = yRange(drawn, spec);
        chart.getStyler().setYAxisMin(y[0]).setYAxisMax(y[1]);
        double plotWidth = 0.92 * (WIDTH - 110 - (legendRight ? 210 : 0));
        double unit = plotWidth / (xRange[1] - xRange[0] + 2 * pad); // pixels per unit of x (or decade)
        if (spec.x() != Scale.LINEAR) { // a tick per decade (or power of two)
            chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.max(20, unit));
        } else if (drawn.stream().allMatch(d -> d.points().stream().allMatch(p -> p[0] == Math.rint(p[0])))) {
            // whole-number settings (K, steps): no ticks between them
            chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.max(chart.getStyler()
                    .getXAxisTickMarkSpacingHint(), unit));
        }
        if (spec.y() != Scale.LINEAR) {
            chart.getStyler().setYAxisTickMarkSpacingHint((int) Math.max(18, 0.9 * (HEIGHT - 150) / (y[1] - y[0])));
        }
        chart.setCustomXAxisTickLabelsFormatter(spec.x()::label);
        chart.setCustomYAxisTickLabelsFormatter(spec.y()::label);
        return png(chart);
    }

    /** {min, max} of the points' positions: x (u) or y (v). */
    private static double[] range(List<Drawn> drawn, boolean y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Drawn d : drawn) {
            for (double[] p : d.points()) {
                lo = Math.min(lo, p[y ? 1 : 0]);
                hi = Math.max(hi, p[y ? 1 : 0]);
            }
        }
        return new double[]{lo, hi};
    }

    /**
     * The y axis: the means, their error bars as far as a tenth of the means' span beyond them
     * (wider bars are cut at the axis), at least the chart's minimum span, and a margin.
     */
    private static double[] yRange(List<Drawn> drawn, LineChart spec) {
        double[] means = range(drawn, true);
        double span = Math.max(means[1] - means[0], spec.minimumSpan());
        double lo = means[0];
        double hi = means[1];
        for (Drawn d : drawn) {
            for (double[] p : d.points()) {
                lo = Math.min(lo, Math.max(p[1] - p[2], means[0] - 0.1 * span));
                hi = Math.max(hi, Math.min(p[1] + p[2], means[1] + 0.1 * span));
            }
        }
        if (hi - lo < spec.minimumSpan()) {
            double mid = (hi + lo) / 2;
            lo = mid - spec.minimumSpan() / 2;
            hi = mid + spec.minimumSpan() / 2;
        }
        double margin = hi > lo ? 0.06 * (hi - lo) : Math.max(0.05 * Math.abs(hi), 0.01);
        return new double[]{lo - margin, hi + margin};
    }

    /**
     * A series of grouped bars.
     *
     * @param name   its legend entry
     * @param values one per category; null or NaN: no bar
     * @param errors half-heights of error bars per category (e.g. the paper's std; null or NaN: none), or null
     */
    public record Bars(String name, List<Double> values, List<Double> errors) {
        boolean empty() {
            return values.stream().allMatch(v -> v == null || v.isNaN());
        }
    }

    /** Grouped bars: one group per category, one bar per series (NaN: no bar). */
    public static byte[] bars(String title, String xTitle, String yTitle, List<String> categories,
                              List<String> seriesNames, List<List<Double>> values) {
        List<Bars> series = new ArrayList<>();
        for (int s = 0; s < seriesNames.size(); s++) {
            series.add(new Bars(seriesNames.get(s), values.get(s), null));
        }
        return bars(title, xTitle, yTitle, categories, series);
    }

    /**
     * Grouped bars with error bars where given; a series without any value is left out (and out
     * of the legend). A missing value draws no bar (its slot stays empty).
     */
    public static byte[] bars(String title, String xTitle, String yTitle, List<String> categories, List<Bars> series) {
        List<Bars> drawn = series.stream().filter(s -> !s.empty()).toList();
        // A legend row wider than the chart is cut off: stack it. Labels wider than the axis overlap, and XChart
        // then drops some (a 30 degree slant still lost one of seven): slant them 45 degrees.
        boolean stacked = drawn.stream().mapToInt(s -> s.name().length() + 6).sum() * CHAR_PX > WIDTH - 40;
        boolean slanted = categories.stream().mapToInt(c -> c.length() + 2).sum() * CHAR_PX > WIDTH - 110;
        int height = HEIGHT + (stacked ? LEGEND_LINE_PX * drawn.size() : 0) + (slanted ? SLANTED_LABELS_PX : 0);
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        if (stacked) {
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        if (slanted) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(ERROR_BARS);
        for (Bars s : drawn) {
            // XChart draws a zero-height bar for 0: a missing value (it mishandles null beside error bars).
            List<Double> ys = s.values().stream().map(v -> v == null || v.isNaN() ? 0.0 : v).toList();
            if (s.errors() == null) {
                chart.addSeries(s.name(), categories, ys);
            } else {
                chart.addSeries(s.name(), categories, ys, s.errors().stream()
                        .map(e -> e == null || e.isNaN() ? 0.0 : e).toList());
            }
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

    /** An outlined diamond: the paper's points, so that ours show through where they coincide. */
    private static final class HollowDiamond extends Marker {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            double h = size / 2.0 + 1;
            Path2D.Double diamond = new Path2D.Double();
            diamond.moveTo(x, y - h);
            diamond.lineTo(x + h, y);
            diamond.lineTo(x, y + h);
            diamond.lineTo(x - h, y);
            diamond.closePath();
            g.setStroke(new BasicStroke(1.8f));
            g.draw(diamond);
        }
    }
}
