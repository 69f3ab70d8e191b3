// A world map drawn from the vendored Natural Earth outlines (world-atlas), equirectangular, no tile server.
import { clear, svg } from "./dom.js";

const WIDTH = 960, HEIGHT = 480;
export const TYPE_COLOURS = {
  ASSAULT: "#c62828", COERCE: "#ef6c00", THREATEN: "#f9a825", PROTEST: "#6a1b9a", MOBILIZE: "#4527a0",
  SANCTION: "#283593", AGREE: "#2e7d32", CONSULT: "#00838f", SUPPORT: "#558b2f", CONCEDE: "#9e9d24",
  COOPERATE: "#00695c", AID: "#1565c0", RETREAT: "#4e342e", REQUEST: "#37474f", ACCUSE: "#ad1457", REJECT: "#5d4037",
};

export function project([longitude, latitude]) {
  return [((longitude + 180) / 360) * WIDTH, ((90 - latitude) / 180) * HEIGHT];
}

function ringPath(ring) {
  // A ring that crosses the antimeridian is cut there rather than drawn across the whole map.
  return ring.map((point, index) => {
    const jump = index > 0 && Math.abs(point[0] - ring[index - 1][0]) > 180;
    return (index === 0 || jump ? "M" : "L") + project(point).map((v) => v.toFixed(1)).join(",");
  }).join("");
}

function geometryPath(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((polygon) => polygon.map(ringPath)).join("");
}

let outlines = null;

async function countries() {
  if (!outlines) {
    const world = await (await fetch("vendor/countries-110m.json")).json();
    outlines = window.topojson.feature(world, world.objects.countries).features;
  }
  return outlines;
}

export async function drawMap(node, events, selectedId, onSelect) {
  const shapes = (await countries()).filter((c) => c.geometry).map((c) =>
    svg("path", { class: "country", d: geometryPath(c.geometry) }, svg("title", {}, c.properties.name)));
  const dots = events
    .filter((event) => event.latitude !== null && event.longitude !== null)
    .map((event) => {
      const [x, y] = project([event.longitude, event.latitude]);
      const dead = (event.size && event.size.dead) || 0;
      return svg("circle", {
        class: "event" + (event.id === selectedId ? " selected" : ""),
        cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 2.5 * Math.log10(1 + dead)).toFixed(1),
        fill: TYPE_COLOURS[event.event] || "#555", "data-id": event.id,
        onclick: () => onSelect(event.id),
      }, svg("title", {}, `${event.date || "undated"} ${event.event} ${event.location || event.country || ""}`));
    });
  clear(node).append(...shapes, ...dots);
}
