import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** A CSS colour; both themes read it on their surface. */
  colour: string;
}

/**
 * A time series chart (uPlot). `data[0]` holds the times in seconds since the epoch, each
 * further array one series' values. The caption is the chart's accessible name; a table of the
 * same numbers belongs beside it where the numbers matter.
 */
export function TimeChart({
  title,
  series,
  data,
  height = 220,
}: {
  title: string;
  series: ChartSeries[];
  data: uPlot.AlignedData;
  height?: number;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const shape = series.map((entry) => entry.label).join('|');

  // biome-ignore lint/correctness/useExhaustiveDependencies: made anew only when the series change; data updates go through setData below
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const axis = {
      stroke: getComputedStyle(element).color,
      grid: { stroke: 'rgb(128 128 128 / 0.2)' },
    };
    chart.current = new uPlot(
      {
        width: element.clientWidth || 600,
        height,
        series: [
          {},
          ...series.map((entry) => ({ label: entry.label, stroke: entry.colour, width: 2 })),
        ],
        axes: [axis, axis],
        // One sample alone would make uPlot stretch the axis over years: show a minute around it.
        scales: {
          x: {
            time: true,
            range: (_chart, min, max) => (min === max ? [min - 60, max + 60] : [min, max]),
          },
        },
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() =>
      chart.current?.setSize({ width: element.clientWidth, height }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
  }, [shape, height]);

  useEffect(() => {
    chart.current?.setData(data);
  }, [data]);

  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={holder} role="img" aria-label={title} />
    </figure>
  );
}
