/**
 * Samplers over any differentiable log-density: SVGD, Langevin dynamics and gradient
 * ascent. They see only {@link ebmopt.sampling.LogDensity}; which model supplies the
 * gradient they do not know.
 */
package ebmopt.sampling;
