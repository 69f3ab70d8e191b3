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

export function unproject([x, y]) {
  return [(x / WIDTH) * 360 - 180, 90 - (y / HEIGHT) * 180];
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

function boxShape(bbox) {
  // The box the view is filtered by, drawn over the map.
  const [west, south, east, north] = bbox.split(",").map(Number);
  const [x0, y0] = project([west, north]), [x1, y1] = project([east, south]);
  return svg("rect", { class: "box", x: x0, y: y0, width: Math.max(x1 - x0, 1), height: Math.max(y1 - y0, 1) });
}

export async function drawMap(node, events, selectedId, onSelect, bbox) {
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
  clear(node).append(...shapes, ...(bbox ? [boxShape(bbox)] : []), ...dots);
}

function mapPoint(node, pointer) {
  const point = new DOMPoint(pointer.clientX, pointer.clientY).matrixTransform(node.getScreenCTM().inverse());
  return [Math.min(Math.max(point.x, 0), WIDTH), Math.min(Math.max(point.y, 0), HEIGHT)];
}

// Dragging across the map chooses a box: onBox gets it as "west,south,east,north" in degrees. A click (a drag
// of a few pixels) chooses nothing, so that events can still be clicked.
export function chooseBoxes(node, onBox) {
  let start = null, drawn = null;
  node.addEventListener("pointerdown", (down) => {
    if (down.target.classList.contains("event")) return;
    start = mapPoint(node, down);
    drawn = svg("rect", { class: "drawing", x: start[0], y: start[1], width: 0, height: 0 });
    node.append(drawn);
    node.setPointerCapture(down.pointerId);
  });
  node.addEventListener("pointermove", (move) => {
    if (!start) return;
    const [x, y] = mapPoint(node, move);
    drawn.setAttribute("x", Math.min(x, start[0]));
    drawn.setAttribute("y", Math.min(y, start[1]));
    drawn.setAttribute("width", Math.abs(x - start[0]));
    drawn.setAttribute("height", Math.abs(y - start[1]));
  });
  node.addEventListener("pointerup", (up) => {
    if (!start) return;
    const [x, y] = mapPoint(node, up), from = start;
    start = null;
    drawn.remove();
    if (Math.abs(x - from[0]) < 4 || Math.abs(y - from[1]) < 4) return;
    const [west, north] = unproject([Math.min(x, from[0]), Math.min(y, from[1])]);
    const [east, south] = unproject([Math.max(x, from[0]), Math.max(y, from[1])]);
    onBox([west, south, east, north].map((degrees) => degrees.toFixed(2)).join(","));
  });
}
