/**
 * Conservative objective models (COMs, Trabucco et al. 2021) and the energy-model variants of
 * Beckham and Pal (stochastic and decoupled COMs), with the gradient-ascent baseline (COMs at
 * alpha = 0), as the experiment {@code coms}. Networks are {@link ebmopt.models.regression.Mlp};
 * chains come from {@link ebmopt.sampling}.
 */
package ebmopt.models.coms;
