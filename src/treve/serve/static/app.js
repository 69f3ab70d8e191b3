// The dashboard: filters bound to the URL (a view is shared by its address), the map, the timeline, the event list,
// an event's panel with its evidence highlighted in its article, and the ceasefire board.
import { clear, el, getJSON } from "./dom.js";
import { chooseBoxes, drawMap } from "./map.js";
import { drawTimeline } from "./timeline.js";

const FILTERS = ["country", "actor", "type", "since", "until", "q", "bbox", "historical"];
const form = document.getElementById("filters");
let events = [];
let next = null;

function view() {
  return new URLSearchParams(location.search);
}

function filterQuery(extra = {}) {
  const query = new URLSearchParams();
  const current = view();
  for (const name of FILTERS) if (current.get(name)) query.set(name, current.get(name));
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query;
}

function go(changes, push = true) {
  const query = view();
  for (const [name, value] of Object.entries(changes)) {
    if (value) query.set(name, value);
    else query.delete(name);
  }
  history[push ? "pushState" : "replaceState"](null, "", "?" + query.toString());
}

async function fillTypes() {
  const schema = await getJSON("openapi.json");
  const names = schema.components.schemas.EventTypeName.enum;
  form.elements.type.append(...names.map((name) => el("option", { value: name }, name)));
}

function showForm() {
  const current = view();
  for (const name of FILTERS) form.elements[name].value = current.get(name) || "";
}

async function loadEvents(more = false) {
  const page = await getJSON("events?" + filterQuery({ limit: 200, ...(more && next ? { cursor: next } : {}) }));
  events = more ? events.concat(page.events) : page.events;
  next = page.next;
  document.getElementById("more").hidden = !next;
  document.getElementById("event-count").textContent = `(${events.length}${next ? "+" : ""})`;
  showEvents();
}

function showEvents() {
  const selected = view().get("event");
  const list = clear(document.getElementById("events"));
  for (const event of events) {
    const dead = event.size && event.size.dead;
    list.append(el("li", { class: event.id === selected ? "selected" : null, "data-id": event.id,
      onclick: () => { go({ event: event.id }); showSelection(); } },
      `${event.date || "undated"} · ${event.event} · ${event.location || event.country || "?"}`,
      dead ? ` · ${dead} dead` : "", event.reports > 1 ? ` · ${event.reports} reports` : ""));
  }
  drawMap(document.getElementById("map"), events, selected, (id) => { go({ event: id }); showSelection(); },
    view().get("bbox"));
}

async function loadTimeline() {
  const stats = await getJSON("stats?" + filterQuery({ period: "month", by: "none" }));  // as the list is filtered
  drawTimeline(document.getElementById("timeline"), stats.rows, (since, until) => {
    go({ since, until, event: null });
    refresh();
  });
}

function highlighted(text, spans) {
  // The article's text with each evidence span marked, as text nodes: nothing in it is read as markup.
  const nodes = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    nodes.push(text.slice(at, span.start), el("mark", {}, text.slice(span.start, span.end)));
    at = span.end;
  }
  nodes.push(text.slice(at));
  return el("div", { class: "article-text" }, nodes);
}

async function showEvent(id) {
  const panel = document.getElementById("panel");
  if (!id) { panel.hidden = true; return; }
  const event = await getJSON("events/" + encodeURIComponent(id));
  panel.hidden = false;
  document.getElementById("panel-title").textContent = `${event.event_type} · ${event.date || "undated"}`;
  const dead = event.dead.best === null ? "no toll reported"
    : `${event.dead.best} dead (low ${event.dead.low ?? "?"}, high ${event.dead.high ?? "?"})`;
  document.getElementById("panel-facts").textContent =
    `${event.location || ""} ${event.country || ""} · ${dead}${event.dead.note ? " · " + event.dead.note : ""}`;
  clear(document.getElementById("panel-sources")).append(...event.reports.map((report) =>
    el("li", {}, el("a", { href: report.article.url || "#", rel: "noopener noreferrer", target: "_blank" },
      report.article.title || report.article.url || report.article.id), ` (${report.article.source || "unknown"})`)));
  const reports = clear(document.getElementById("panel-reports"));
  for (const report of event.reports) {
    const article = await getJSON("articles/" + encodeURIComponent(report.article.id));
    const spans = [report.evidence, ...report.retold].filter((span) => span.end > span.start);
    reports.append(el("h4", {}, article.title || article.id), highlighted(article.text, spans));
  }
}

async function loadCeasefires() {
  const query = new URLSearchParams();
  if (view().get("country")) query.set("country", view().get("country"));
  if (view().get("actor")) query.set("party", view().get("actor"));
  const ceasefires = await getJSON("ceasefires?" + query);
  const selected = view().get("ceasefire");
  const pairs = new Map();
  for (const ceasefire of ceasefires) {
    const pair = ceasefire.parties.map((p) => p.entity_text).sort().join(" – ") || "parties unknown";
    pairs.set(pair, [...(pairs.get(pair) || []), ceasefire]);
  }
  const board = clear(document.getElementById("ceasefires"));
  if (!ceasefires.length) board.append(el("p", {}, "No ceasefire in this view."));
  for (const [pair, members] of pairs) {
    board.append(el("div", { class: "pair" }, el("h3", {}, pair), members.map((c) => el("div", {
      class: "ceasefire" + (c.id === selected ? " selected" : ""), "data-id": c.id,
      onclick: () => { go({ ceasefire: c.id }); loadCeasefires(); } },
      el("span", { class: "step" }, `announced ${(c.announced || "").slice(0, 10) || "?"}`),
      el("span", { class: "step in-effect" }, `in effect ${(c.effective || "").slice(0, 10) || "?"}`),
      el("span", { class: "step violated" }, `${c.violations.length} violations`),
      el("span", { class: "step " + c.status.replace(" ", "-") }, c.status),
      c.id === selected ? el("ul", {}, c.history.map((h) => el("li", {}, `${h.at.slice(0, 16)} ${h.status}`))) : null,
    ))));
  }
}

async function showSelection() {
  showEvents();
  await showEvent(view().get("event"));
}

async function refresh() {
  document.body.dataset.ready = "false";  // until this view is drawn
  showForm();
  await Promise.all([loadEvents(), loadTimeline(), loadCeasefires()]);
  await showEvent(view().get("event"));
  document.body.dataset.ready = "true";
}

form.addEventListener("submit", (submitted) => {
  submitted.preventDefault();
  const changes = { event: null, ceasefire: null };
  for (const name of FILTERS) changes[name] = form.elements[name].value.trim();
  go(changes);
  refresh();
});
document.getElementById("more").addEventListener("click", () => loadEvents(true));
chooseBoxes(document.getElementById("map"), (bbox) => { go({ bbox, event: null }); refresh(); });
window.addEventListener("popstate", refresh);
fillTypes().then(refresh);
