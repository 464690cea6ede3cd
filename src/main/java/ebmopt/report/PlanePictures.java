package ebmopt.report;

import ebmopt.tasks.SpiralTask;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The spiral pictures of the COMs-as-EBM paper (Figs. 2-4, S5, S6) as PNGs, drawn with
 * java.awt (headless): generated samples (red) over the data (grey) and the reward field
 * exp(-|x|^2) (blue shading, darker is better), and the gradient field the sampler follows.
 * The view is the square [low, high]^2 of the chains' uniform start.
 */
public final class SpiralPictures {
    private static final int SIZE = 480;
    private static final int MARGIN = 28;

    private SpiralPictures() {
    }

    /** Samples over the data and the reward field. */
    public static byte[] samples(String title, double[][] data, double[][] samples, double low, double high) {
        BufferedImage image = canvas(title, data, low, high);
        Graphics2D g = graphics(image);
        g.setColor(new Color(200, 20, 20));
        for (double[] s : samples) {
            if (Double.isFinite(s[0]) && Double.isFinite(s[1])) {
                int x = px(s[0], low, high);
                int y = py(s[1], low, high);
                g.fillOval(x - 2, y - 2, 5, 5);
            }
        }
        return png(image);
    }

    /**
     * The gradient field on a square grid over [low, high]^2: {@code gradient[i * n + j]} at
     * x1 = low + (high - low) i / (n - 1), x2 = low + (high - low) j / (n - 1); arrows scaled so
     * that the longest spans one cell.
     */
    public static byte[] vectorField(String title, double[][] data, double[][] gradient, double low, double high) {
        int n = (int) Math.round(Math.sqrt(gradient.length));
        BufferedImage image = canvas(title, data, low, high);
        Graphics2D g = graphics(image);
        double longest = 0;
        for (double[] v : gradient) {
            longest = Math.max(longest, Math.hypot(v[0], v[1]));
        }
        double cell = (high - low) / (n - 1);
        g.setColor(new Color(20, 20, 120));
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] v = gradient[i * n + j];
                if (longest <= 0 || !Double.isFinite(v[0]) || !Double.isFinite(v[1])) {
                    continue;
                }
                double x1 = low + cell * i;
                double x2 = low + cell * j;
                double scale = 0.9 * cell / longest;
                double e1 = x1 + v[0] * scale;
                double e2 = x2 + v[1] * scale;
                g.drawLine(px(x1, low, high), py(x2, low, high), px(e1, low, high), py(e2, low, high));
                g.fillOval(px(e1, low, high) - 1, py(e2, low, high) - 1, 3, 3);
            }
        }
        return png(image);
    }

    private static BufferedImage canvas(String title, double[][] data, double low, double high) {
        BufferedImage image = new BufferedImage(SIZE, SIZE + MARGIN, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < SIZE; x++) {
            for (int y = 0; y < SIZE; y++) {
                double r = SpiralTask.reward(low + (high - low) * x / (SIZE - 1.0),
                        high - (high - low) * y / (SIZE - 1.0));
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
            g.fillRect(px(d[0], low, high), py(d[1], low, high), 1, 1);
        }
        g.setColor(Color.DARK_GRAY);
        int zx = px(0, low, high);
        int zy = py(0, low, high);
        g.drawLine(zx - 5, zy, zx + 5, zy);
        g.drawLine(zx, zy - 5, zx, zy + 5);
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static int px(double x1, double low, double high) {
        return (int) Math.round((x1 - low) / (high - low) * (SIZE - 1));
    }

    private static int py(double x2, double low, double high) {
        return MARGIN + (int) Math.round((high - x2) / (high - low) * (SIZE - 1));
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
