// Events (bars) and the dead (dots) per period, from /stats (rows of one period summed, whatever they split).
import { clear, svg } from "./dom.js";

const WIDTH = 960, HEIGHT = 160, MARGIN = 24;

function monthEnd(start) {
  // The last day of the month starting on `start` (YYYY-MM-01), as YYYY-MM-DD.
  const [year, month] = start.split("-").map(Number);
  const last = new Date(Date.UTC(year, month, 0));
  return last.toISOString().slice(0, 10);
}

// Clicking a month's bar calls onMonth(first day, last day).
export function drawTimeline(node, rows, onMonth) {
  const byPeriod = new Map();
  for (const row of rows) {
    const total = byPeriod.get(row.period) || { events: 0, dead: 0 };
    total.events += row.events;
    total.dead += row.dead;
    byPeriod.set(row.period, total);
  }
  const periods = [...byPeriod.keys()].sort();
  clear(node);
  if (!periods.length) {
    node.append(svg("text", { x: MARGIN, y: HEIGHT / 2 }, "No dated events."));
    return;
  }
  const most = Math.max(...periods.map((p) => byPeriod.get(p).events));
  const mostDead = Math.max(1, ...periods.map((p) => byPeriod.get(p).dead));
  const step = (WIDTH - 2 * MARGIN) / periods.length;
  const height = HEIGHT - 2 * MARGIN;
  periods.forEach((period, index) => {
    const { events, dead } = byPeriod.get(period);
    const barHeight = (events / most) * height;
    const x = MARGIN + index * step;
    node.append(svg("rect", { class: "bar", x: x.toFixed(1), y: (HEIGHT - MARGIN - barHeight).toFixed(1),
      width: Math.max(1, step - 2).toFixed(1), height: barHeight.toFixed(1), fill: "#90a4ae", "data-period": period,
      onclick: () => onMonth(period, monthEnd(period)) },
      svg("title", {}, `${period}: ${events} events, ${dead} dead`)));
    node.append(svg("circle", { class: "dead", cx: (x + step / 2).toFixed(1),
      cy: (HEIGHT - MARGIN - (dead / mostDead) * height).toFixed(1), r: 3, fill: "#c62828" }));
  });
  node.append(svg("text", { x: MARGIN, y: HEIGHT - 6 }, periods[0]));
  node.append(svg("text", { x: WIDTH - MARGIN, y: HEIGHT - 6, "text-anchor": "end" }, periods[periods.length - 1]));
}
