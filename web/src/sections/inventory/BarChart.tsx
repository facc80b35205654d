export interface Bar {
  label: string;
  value: number;
  /** The value as read out and shown beside the bar. */
  text: string;
}

/**
 * Horizontal bars for a ranking (uPlot draws series over time, not categories). Each bar's
 * label and value are text, so the chart reads the same to a screen reader as a table would.
 */
export function BarChart({ title, bars, colour }: { title: string; bars: Bar[]; colour: string }) {
  const largest = Math.max(...bars.map((bar) => bar.value), 1);
  return (
    <figure className="chart inventory-bars">
      <figcaption>{title}</figcaption>
      <ul className="plain">
        {bars.map((bar) => (
          <li key={bar.label}>
            <span className="inventory-bar-label">{bar.label}</span>
            <span className="inventory-bar-track" aria-hidden="true">
              <span
                className="inventory-bar"
                style={{ width: `${(bar.value / largest) * 100}%`, background: colour }}
              />
            </span>
            <span className="inventory-bar-value">{bar.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
