/** Everything a page with registry charts runs in the browser: comparison panel, exports, point tooltips. */
import { initChartTools } from './chart-tools.ts';
import { initExplore } from './explore.ts';
import { initPointTips } from './point-tips.ts';

export function initCharts() {
  initExplore();
  initChartTools();
  initPointTips();
}
