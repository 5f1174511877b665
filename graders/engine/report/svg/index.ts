/**
 * Our own small SVG renderer for the report's pictures: pure, synchronous
 * functions from a plot's data to an SVG string. One module per kind; scales,
 * axes and the shared frame (title, legend) beside them.
 */
import type { Plot } from '../model';
import { drawCosts } from './costs';
import { drawDecisionBoundary } from './decision-boundary';
import { drawGradientErrors } from './gradient-errors';
import { drawHeatmap } from './heatmap';
import { drawHistogram } from './histogram';

/** A picture as one <svg> element: explicit width, height and viewBox, system fonts, no ids, nothing to fetch. */
export function drawPlot(plot: Plot): string {
  switch (plot.kind) {
    case 'gradient-errors':
      return drawGradientErrors(plot);
    case 'costs':
      return drawCosts(plot);
    case 'decision-boundary':
      return drawDecisionBoundary(plot);
    case 'histogram':
      return drawHistogram(plot);
    case 'heatmap':
      return drawHeatmap(plot);
  }
}
