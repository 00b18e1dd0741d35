/**
 * One row of `npm run bench`'s closing table: what was measured, the figure, and its ratio to the
 * baseline measured in the same run. Printed as one machine-readable line the runner collects.
 */
export const summary = (measure, figure, ratio, baseline) =>
  console.log(`BENCH-SUMMARY ${JSON.stringify({ measure, figure, ratio, baseline })}`);
