import type { ChartSpec } from "../../domain/report.js";
import { renderChart } from "../charts.js";

/** A chart drawn on the server, with its description; its table follows on the page. */
export function ChartFigure({ spec }: { spec: ChartSpec }) {
  return (
    <figure class="chart">
      <div class="chart-frame" dangerouslySetInnerHTML={{ __html: renderChart(spec) }} />
      <figcaption>
        {spec.label}
        {spec.type === "bars" && (
          <span class="legend">
            {spec.series.map((s, i) => (
              <span key={s} class="legend-item">
                <span class={`swatch swatch-${i}`} aria-hidden="true" /> {s}
              </span>
            ))}
          </span>
        )}
        {spec.type === "heatmap" && <span class="legend"> Mörkare ruta betyder mer.</span>}
      </figcaption>
    </figure>
  );
}
