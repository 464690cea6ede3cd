package ebmopt.models.gaussian;

import ebmopt.experiment.Experiment;
import ebmopt.experiment.TrialContext;
import ebmopt.experiment.TrialOutcome;

/**
 * The Gaussian location-family simulation as an experiment (job.experiment = gaussian).
 *
 * <p>Metrics: {@code traj_mse}, the trajectory-wise mean squared distance to a* (Tables
 * 13-14); {@code grad_mse}, the mean squared error of the gradient against the MLE gradient
 * along the trajectory; {@code final_sq_dist}, |a_T - a*|^2. Curves: {@code sq_dist} and
 * {@code grad_sq_error} per step (Figure 1).
 */
public final class GaussianLocationExperiment implements Experiment<GaussianParams> {

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public Class<GaussianParams> paramsType() {
        return GaussianParams.class;
    }

    @Override
    public String defaultsResource() {
        return "ebmopt/models/gaussian/defaults.conf";
    }

    @Override
    public double costEstimate(GaussianParams p) {
        double perStep = p.objective() == GaussianObjective.MLE ? p.dim() : 2.0 * p.samples() * p.dim();
        return perStep * p.iterations();
    }

    @Override
    public TrialOutcome run(GaussianParams p, TrialContext context) {
        GaussianSimulation.Trajectory path = GaussianSimulation.run(p, context.seed(),
                step -> context.progress(step, p.iterations()));
        TrialOutcome outcome = new TrialOutcome()
                .metric("traj_mse", path.meanSquaredDistance())
                .metric("grad_mse", path.meanGradientError())
                .metric("final_sq_dist", path.finalSquaredDistance());
        if (p.curveEvery() > 0) {
            for (int t = 0; t < p.iterations(); t += p.curveEvery()) {
                outcome.curve("sq_dist", t, path.squaredDistance()[t]);
                outcome.curve("grad_sq_error", t, path.gradientError()[t]);
            }
        }
        return outcome;
    }
}
