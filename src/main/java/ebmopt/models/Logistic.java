package ebmopt.models;

/** The logistic function and softplus in forms that neither overflow nor lose precision. */
public final class Logistic {
    private Logistic() {
    }

    /** 1 / (1 + e^-x). */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** log(1 + e^x). */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
