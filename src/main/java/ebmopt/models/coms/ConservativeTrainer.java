package ebmopt.models.coms;

import ebmopt.models.RowArrays;

import ebmopt.experiment.TrialDivergedException;
import ebmopt.models.regression.Minibatches;
import ebmopt.models.regression.Mlp;
import ebmopt.models.regression.RegressorSettings;
import ebmopt.optim.Adam;
import ebmopt.optim.AdamOptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Trains a network with a {@link ConservativeLoss} whose negatives are chains of a
 * {@link ChainSampler} started at the batch (CD-k): COMs (ascent negatives), stochastic COMs
 * (Langevin negatives) and the energy model of decoupled COMs. With {@link AlphaMode#DUAL},
 * log alpha follows Adam (lr {@code alphaLearningRate}) on alpha (tau - overestimation), as
 * design-baselines does.
 *
 * @param network           widths, hidden activation (relu or swish) and minibatch schedule
 * @param mseWeight         1 for COMs, 0 for an energy model
 * @param alpha             the (initial) conservatism weight
 * @param alphaMode         fixed or learned
 * @param tau               the dual ascent's tolerance on the overestimation
 * @param alphaLearningRate Adam's learning rate on log alpha
 * @param regularisation    weight of the squared-output penalty
 * @param negatives         the chains that make the negatives
 * @param chainStarts       where they start
 */
record ConservativeTrainer(RegressorSettings network, double mseWeight, double alpha, AlphaMode alphaMode,
                           double tau, double alphaLearningRate, double regularisation, ChainSampler negatives,
                           ChainStarts chainStarts) {

    /** A trained network, and alpha and the overestimation at the end of each epoch. */
    record Trained(Mlp network, List<Double> alphas, List<Double> overestimations, List<Double> mses) {
        double finalAlpha() {
            return alphas.get(alphas.size() - 1);
        }
    }

    Trained train(double[][] x, double[] y, long seed, IntConsumer onBatch) {
        SplittableRandom rng = new SplittableRandom(seed);
        Mlp net = new Mlp(x[0].length, network.hiddenLayers(), network.activation(), rng.nextLong());
        Adam adam = Adam.over(net.parameters(), network.learningRate(), AdamOptions.keras());
        Minibatches batches = new Minibatches(x.length, network.batchSize(), rng.nextLong());
        double[][] logAlpha = {{Math.log(Math.max(alpha, 1e-300))}};
        Adam logAlphaAdam = new Adam(alphaLearningRate, AdamOptions.keras().withGradientWeights(0.1, 0.001));
        List<Double> alphas = new ArrayList<>();
        List<Double> overestimations = new ArrayList<>();
        List<Double> mses = new ArrayList<>();
        ChainStarts.Run starts = chainStarts.open(rng.split());
        int batch = 0;
        for (int epoch = 0; epoch < network.epochs(); epoch++) {
            double overSum = 0;
            double mseSum = 0;
            int count = 0;
            for (int[] rows : batches.epoch()) {
                double a = alphaMode == AlphaMode.DUAL ? Math.exp(logAlpha[0][0]) : alpha;
                double[][] xb = Minibatches.rows(x, rows);
                double[] yb = Minibatches.values(y, rows);
                boolean withNegatives = a > 0 || alphaMode == AlphaMode.DUAL || regularisation > 0;
                double[][] neg = new double[0][];
                if (withNegatives) {
                    neg = negatives.run(net::inputGradient, starts.starts(xb), rng);
                    starts.ended(neg);
                }
                ConservativeLoss loss = new ConservativeLoss(mseWeight, a, regularisation);
                Mlp.Pass pos = net.forward(RowArrays.toArray(xb));
                double[] fPos = pos.values();
                net.zeroGradients();
                net.backward(pos, column(loss.positiveGradient(fPos, yb)), true);
                double over = 0;
                if (neg.length > 0) {
                    Mlp.Pass negPass = net.forward(RowArrays.toArray(neg));
                    double[] fNeg = negPass.values();
                    net.backward(negPass, column(loss.negativeGradient(fNeg)), true);
                    over = ConservativeLoss.overestimation(fPos, fNeg);
                }
                double value = loss.value(fPos, yb, new double[0]);
                if (!Double.isFinite(value) || !Double.isFinite(over)) {
                    throw new TrialDivergedException("non-finite loss at epoch " + epoch + " (alpha " + a + ")");
                }
                adam.step(net.gradients());
                if (alphaMode == AlphaMode.DUAL) {
                    // d/d(log alpha) of alpha (tau - over) = alpha (tau - over)
                    logAlphaAdam.descend(logAlpha, new double[][] {{a * (tau - over)}});
                }
                overSum += over;
                mseSum += mse(fPos, yb);
                count++;
                onBatch.accept(++batch);
            }
            alphas.add(alphaMode == AlphaMode.DUAL ? Math.exp(logAlpha[0][0]) : alpha);
            overestimations.add(overSum / count);
            mses.add(mseSum / count);
        }
        return new Trained(net, alphas, overestimations, mses);
    }

    /** Batches of one training run. */
    int batches(int rows) {
        return new Minibatches(rows, network.batchSize(), 0).perEpoch() * network.epochs();
    }

    private static double mse(double[] f, double[] y) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += (f[i] - y[i]) * (f[i] - y[i]);
        }
        return s / f.length;
    }

    private static INDArray column(double[] g) {
        return Nd4j.create(g, new long[] {g.length, 1}, DataType.DOUBLE).castTo(DataType.FLOAT);
    }
}
