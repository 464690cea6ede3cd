package ebmopt.report;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.DoubleBinaryOperator;

/**
 * Pictures of 2-D design spaces as PNGs, drawn with java.awt (headless): generated samples
 * (red) over the data (grey) and the task's reward field (blue shading, darker is better),
 * and the gradient field a sampler follows; the spiral's (COMs-as-EBM Figs. 2-4, S5, S6) and
 * Branin's. A square picture of the rectangle the {@link Plane} names.
 */
public final class PlanePictures {
    private static final int SIZE = 480;
    private static final int MARGIN = 28;

    private PlanePictures() {
    }

    /**
     * The view: x1 in [x1Low, x1High] (left to right), x2 in [x2Low, x2High] (bottom to top),
     * shaded by {@code reward} (0 to 1, 1 the best), with a small cross at each of {@code marks}.
     */
    public record Plane(double x1Low, double x1High, double x2Low, double x2High, DoubleBinaryOperator reward,
                        double[][] marks) {
        /** The square [low, high]^2. */
        public static Plane square(double low, double high, DoubleBinaryOperator reward, double[]... marks) {
            return new Plane(low, high, low, high, reward, marks);
        }

        int px(double x1) {
            return (int) Math.round((x1 - x1Low) / (x1High - x1Low) * (SIZE - 1));
        }

        int py(double x2) {
            return MARGIN + (int) Math.round((x2High - x2) / (x2High - x2Low) * (SIZE - 1));
        }
    }

    /** Samples over the data and the reward field. */
    public static byte[] samples(String title, Plane plane, double[][] data, double[][] samples) {
        BufferedImage image = canvas(title, plane, data);
        Graphics2D g = graphics(image);
        g.setColor(new Color(200, 20, 20));
        for (double[] s : samples) {
            if (Double.isFinite(s[0]) && Double.isFinite(s[1])) {
                g.fillOval(plane.px(s[0]) - 2, plane.py(s[1]) - 2, 5, 5);
            }
        }
        return png(image);
    }

    /**
     * The gradient field on an n x n grid over the plane: {@code gradient[i * n + j]} at
     * x1 = x1Low + (x1High - x1Low) i / (n - 1), x2 = x2Low + (x2High - x2Low) j / (n - 1); arrows
     * scaled so that the longest spans one cell.
     */
    public static byte[] vectorField(String title, Plane plane, double[][] data, double[][] gradient) {
        int n = (int) Math.round(Math.sqrt(gradient.length));
        BufferedImage image = canvas(title, plane, data);
        Graphics2D g = graphics(image);
        double longest = 0;
        for (double[] v : gradient) {
            longest = Math.max(longest, Math.hypot(v[0], v[1]));
        }
        double cell1 = (plane.x1High() - plane.x1Low()) / (n - 1);
        double cell2 = (plane.x2High() - plane.x2Low()) / (n - 1);
        g.setColor(new Color(20, 20, 120));
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] v = gradient[i * n + j];
                if (longest <= 0 || !Double.isFinite(v[0]) || !Double.isFinite(v[1])) {
                    continue;
                }
                double x1 = plane.x1Low() + cell1 * i;
                double x2 = plane.x2Low() + cell2 * j;
                double e1 = x1 + v[0] * 0.9 * cell1 / longest;
                double e2 = x2 + v[1] * 0.9 * cell2 / longest;
                g.drawLine(plane.px(x1), plane.py(x2), plane.px(e1), plane.py(e2));
                g.fillOval(plane.px(e1) - 1, plane.py(e2) - 1, 3, 3);
            }
        }
        return png(image);
    }

    private static BufferedImage canvas(String title, Plane plane, double[][] data) {
        BufferedImage image = new BufferedImage(SIZE, SIZE + MARGIN, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < SIZE; x++) {
            for (int y = 0; y < SIZE; y++) {
                double r = plane.reward().applyAsDouble(
                        plane.x1Low() + (plane.x1High() - plane.x1Low()) * x / (SIZE - 1.0),
                        plane.x2High() - (plane.x2High() - plane.x2Low()) * y / (SIZE - 1.0));
                int shade = (int) Math.round(255 - 90 * r);
                image.setRGB(x, y + MARGIN, new Color(shade, shade, 255).getRGB());
            }
        }
        Graphics2D g = graphics(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, MARGIN);
        g.setColor(Color.BLACK);
        g.drawString(title, 6, 18);
        g.setColor(new Color(120, 120, 120));
        for (double[] d : data) {
            g.fillRect(plane.px(d[0]), plane.py(d[1]), 1, 1);
        }
        g.setColor(Color.DARK_GRAY);
        for (double[] m : plane.marks()) {
            int zx = plane.px(m[0]);
            int zy = plane.py(m[1]);
            g.drawLine(zx - 5, zy, zx + 5, zy);
            g.drawLine(zx, zy - 5, zx, zy + 5);
        }
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
