/**
 * The nightly reproduction: runs a reduced-scale selection of every reproduced table into a
 * dated folder, builds its report, compares each cell with the paper and with the previous
 * night, keeps the history, and fails on a regression with a one-screen summary.
 */
package ebmopt.nightly;
