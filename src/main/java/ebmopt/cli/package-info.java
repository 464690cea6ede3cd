/** Thin command-line entry points over the run, results and report packages. */
package ebmopt.cli;
