// The parts of ECharts the what-if draws with, and nothing else: this module is only ever
// imported dynamically, so esbuild puts ECharts in a chunk of its own that the first screen never loads.
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export const { init } = echarts;
export type { ECharts } from 'echarts/core';
