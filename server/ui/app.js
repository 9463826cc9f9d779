// dyad web UI: hash-routed views over the JSON API. No third-party code.
// Routes: #/relations?a=&b=&by=  #/events?...  #/article/ID  #/actors  #/actor/CODE
"use strict";

const QUADS = [
  { n: 1, name: "Verbal cooperation" },
  { n: 2, name: "Material cooperation" },
  { n: 3, name: "Verbal conflict" },
  { n: 4, name: "Material conflict" },
];
const SVGNS = "http://www.w3.org/2000/svg";
const main = document.getElementById("main");

// el builds an HTML element: el("a", {href: "#"}, "text", child...).
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k);
  return e;
}

// svg builds an SVG element.
function svg(tag, attrs, ...kids) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k);
  return e;
}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  const url = "api/" + path + (q.toString() ? "?" + q : "");
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  let body;
  try { body = await r.json(); } catch (e) { throw new Error(`${url}: HTTP ${r.status}`); }
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function showError(where, err) {
  where.replaceChildren(el("p", { class: "error" }, String(err.message || err)));
}

// utf16Offsets returns a function mapping a UTF-8 byte offset into s to the
// UTF-16 index JavaScript strings use (spans from the server are bytes).
function utf16Offsets(s) {
  const map = new Map();
  let b = 0, u = 0;
  for (const ch of s) { // iterates code points
    map.set(b, u);
    const cp = ch.codePointAt(0);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    u += ch.length;
  }
  map.set(b, u);
  return (off) => {
    if (map.has(off)) return map.get(off);
    // Inside a multi-byte character: snap back to its start.
    for (let o = off; o >= 0; o--) if (map.has(o)) return map.get(o);
    return 0;
  };
}

// marked renders text with byte spans [{span:[s,e], cls}] as <mark>s.
// Overlapping spans split into segments that carry every covering class.
function marked(text, spans) {
  const conv = utf16Offsets(text);
  const ivs = [];
  for (const s of spans) {
    if (!s.span || s.span[1] <= s.span[0]) continue;
    const a = conv(s.span[0]), b = conv(s.span[1]);
    if (b > a && b <= text.length) ivs.push({ a, b, cls: s.cls, title: s.title });
  }
  const cuts = new Set([0, text.length]);
  for (const iv of ivs) { cuts.add(iv.a); cuts.add(iv.b); }
  const pts = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    const seg = text.slice(a, b);
    const cover = ivs.filter((iv) => iv.a <= a && iv.b >= b);
    if (!cover.length) { out.push(seg); continue; }
    const cls = [...new Set(cover.map((c) => c.cls))].join(" ");
    const title = [...new Set(cover.map((c) => c.title).filter(Boolean))].join("; ");
    out.push(el("mark", { class: cls, title: title || undefined }, seg));
  }
  return out;
}

function quadName(q) { return (QUADS[q - 1] || { name: "?" }).name; }

function who(p) { return p ? p.code || p.country || p.text : "—"; }

// eventItem renders one event: meta line, highlighted sentence, article link.
function eventItem(ev) {
  const h = ev.highlight;
  const spans = h ? [
    { span: h.actor, cls: "actor", title: "actor " + who(ev.actor) },
    { span: h.trigger, cls: "trigger", title: ev.event_type + " / " + ev.mode },
    { span: h.recipient, cls: "recipient", title: "recipient " + who(ev.recipient) },
  ] : [];
  return el("li", { class: "event", "data-id": ev.id },
    el("div", { class: "meta" },
      el("span", { class: "date" }, ev.date),
      el("span", { class: "badge q" + ev.quad_class, title: quadName(ev.quad_class) }, ev.event_type),
      el("span", {}, `${who(ev.actor)} → ${who(ev.recipient)}`),
      el("span", {}, `Goldstein ${ev.goldstein > 0 ? "+" : ""}${ev.goldstein}`),
      ev.num_mentions > 1 ? el("span", {}, `${ev.num_mentions} mentions`) : null,
      el("a", { class: "article-link", href: "#/article/" + encodeURIComponent(ev.article.id) },
        ev.article.title || ev.article.site || "article")),
    el("p", { class: "sentence" }, marked(ev.sentence, spans)));
}

// eventList fetches pages of /api/events with a "More" button.
function eventList(params) {
  const list = el("ul", { class: "events" });
  const more = el("button", { class: "secondary more", type: "button" }, "More");
  const status = el("p", { class: "muted" }, "Loading…");
  const box = el("div", { class: "event-list" }, list, status);
  let cursor = "";
  async function load() {
    more.remove();
    status.textContent = "Loading…";
    box.append(status);
    try {
      const page = await api("events", { ...params, limit: 20, cursor });
      status.remove();
      for (const ev of page.events) list.append(eventItem(ev));
      if (!list.children.length) box.append(el("p", { class: "muted none" }, "No events."));
      cursor = page.next || "";
      if (cursor) box.append(more);
    } catch (e) { showError(status, e); }
  }
  more.addEventListener("click", load);
  load();
  return box;
}

// periodBounds turns a period label into an inclusive date range.
function periodBounds(label, by) {
  const pad = (n) => String(n).padStart(2, "0");
  const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (by === "year") return [label + "-01-01", label + "-12-31"];
  if (by === "month") {
    const [y, m] = label.split("-").map(Number);
    return [label + "-01", iso(new Date(Date.UTC(y, m, 0)))];
  }
  if (by === "week") {
    const d = new Date(label + "T00:00:00Z");
    return [label, iso(new Date(d.getTime() + 6 * 864e5))];
  }
  return [label, label];
}

function parseHash() {
  const h = location.hash.replace(/^#\/?/, "");
  const [path, query] = h.split("?");
  return { parts: path.split("/").map(decodeURIComponent), params: new URLSearchParams(query || "") };
}

function setActive(view) {
  for (const a of document.querySelectorAll("nav a[data-view]")) a.classList.toggle("active", a.dataset.view === view);
}

// loadActorCodes fills the datalist the actor inputs suggest from, once,
// when an actor input first gets focus (the ranking scans every event).
let actorCodes;
document.addEventListener("focusin", (e) => { if (e.target.getAttribute && e.target.getAttribute("list") === "actor-codes") loadActorCodes(); });
function loadActorCodes() {
  if (actorCodes) return;
  actorCodes = api("actors", { limit: 200 }).then((r) => {
    const dl = document.getElementById("actor-codes");
    const seen = new Set();
    for (const a of r.actors) {
      for (const v of [a.country, a.code]) {
        if (v && !seen.has(v)) { seen.add(v); dl.append(el("option", { value: v })); }
      }
    }
  }).catch(() => {});
}

// ---- relations view ----

function relationsView(params) {
  setActive("relations");
  const a = params.get("a") || "", b = params.get("b") || "", by = params.get("by") || "month";
  const since = params.get("since") || "", until = params.get("until") || "";
  const form = el("form", { class: "bar", id: "relations-form" },
    el("label", {}, "Actor A", el("input", { name: "a", id: "actor-a", value: a, list: "actor-codes", placeholder: "AZE", required: true })),
    el("label", {}, "Actor B", el("input", { name: "b", id: "actor-b", value: b, list: "actor-codes", placeholder: "TUR", required: true })),
    el("label", {}, "Period", el("select", { name: "by", id: "by" },
      ["day", "week", "month", "year"].map((p) => el("option", { value: p, selected: p === by }, p)))),
    el("label", {}, "Since", el("input", { name: "since", type: "date", value: since })),
    el("label", {}, "Until", el("input", { name: "until", type: "date", value: until })),
    el("button", { type: "submit", id: "show" }, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) q.set(k, k === "a" || k === "b" ? v.trim().toUpperCase() : v);
    location.hash = "#/relations?" + q;
  });
  const out = el("div", { id: "relations-out" });
  main.replaceChildren(el("h1", {}, "Relations"), form, out);
  if (!a || !b) {
    out.append(el("p", { class: "muted" }, "Pick two actors: countries (AZE, TUR) or actor codes (TURGOV)."));
    return;
  }
  out.append(el("p", { class: "muted" }, "Loading…"));
  api("relations", { a, b, by, since, until }).then((rel) => drawRelations(out, rel, params)).catch((e) => showError(out, e));
}

function drawRelations(out, rel, params) {
  const A = rel.a.value, B = rel.b.value;
  const ps = rel.periods;
  let total = 0, gsum = 0;
  for (const p of ps) {
    total += p.a_to_b.events + p.b_to_a.events;
    gsum += p.a_to_b.goldstein_sum + p.b_to_a.goldstein_sum;
  }
  const summary = el("p", { class: "summary" },
    `${A} ↔ ${B}: ${total} events in ${ps.length} ${rel.by === "day" ? "days" : rel.by + "s"}` +
    (total ? `, mean Goldstein ${(gsum / total).toFixed(2)}` : "") + ". Click a period to read its events.");
  const legend = el("div", { class: "legend" },
    QUADS.map((q) => el("span", {}, el("i", { class: "q" + q.n }), q.name)),
    el("span", {}, el("i", { class: "gold" }), "Mean Goldstein (right axis, −10…+10)"));
  const events = el("div", { id: "period-events" });
  out.replaceChildren(el("div", { class: "card" }, summary, legend, chart(ps, rel.by, (p) => showPeriod(events, rel, p))), events);
  const sel = params.get("period");
  if (sel) {
    const p = ps.find((x) => x.period === sel);
    if (p) showPeriod(events, rel, p);
  }
}

// chart draws stacked bars of both directions' events per quad class and the
// mean Goldstein line over them.
function chart(ps, by, onPick) {
  const W = 1040, H = 350, L = 48, R = 48, T = 26, Bm = 40;
  const pw = W - L - R, ph = H - T - Bm;
  const n = Math.max(ps.length, 1);
  const step = pw / n, bw = Math.max(1, Math.min(40, step * 0.8));
  const tot = (p) => p.a_to_b.events + p.b_to_a.events;
  const maxN = Math.max(1, ...ps.map(tot));
  const y = (v) => T + ph - (v / maxN) * ph;
  const gy = (g) => T + ph / 2 - (g / 10) * (ph / 2);
  const root = svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per period by quad class with mean Goldstein" });
  const grid = svg("g", { class: "grid axis" });
  for (let i = 0; i <= 4; i++) {
    const v = Math.round((maxN * i) / 4);
    grid.append(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v) }),
      svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, String(v)));
  }
  for (const g of [-10, -5, 0, 5, 10]) {
    grid.append(svg("text", { x: W - R + 6, y: gy(g) + 4 }, (g > 0 ? "+" : "") + g));
  }
  root.append(grid, svg("line", { class: "zero", x1: L, x2: W - R, y1: gy(0), y2: gy(0) }));
  const labelEvery = Math.ceil(n / 12);
  const bars = svg("g", { class: "bars" });
  const pts = [];
  ps.forEach((p, i) => {
    const x = L + i * step + (step - bw) / 2;
    const g = svg("g", { class: "period", "data-period": p.period, tabindex: 0 });
    g.append(svg("rect", { class: "hit", x: L + i * step, y: T, width: step, height: ph }));
    let acc = 0;
    for (let q = 0; q < 4; q++) {
      const c = p.a_to_b.quad[q] + p.b_to_a.quad[q];
      if (!c) continue;
      g.append(svg("rect", { class: "bar q" + (q + 1), "data-quad": q + 1, x, width: bw, y: y(acc + c), height: y(acc) - y(acc + c) },
        svg("title", {}, `${p.period}: ${c} ${QUADS[q].name.toLowerCase()}`)));
      acc += c;
    }
    const ev = tot(p);
    const mean = ev ? (p.a_to_b.goldstein_sum + p.b_to_a.goldstein_sum) / ev : 0;
    pts.push([x + bw / 2, gy(mean), p.period, mean]);
    if (i % labelEvery === 0) g.append(svg("text", { class: "axis", x: x + bw / 2, y: H - Bm + 16, "text-anchor": "middle" }, p.period));
    g.addEventListener("click", () => {
      for (const s of root.querySelectorAll(".period.selected")) s.classList.remove("selected");
      g.classList.add("selected");
      onPick(p);
    });
    g.addEventListener("keydown", (e) => { if (e.key === "Enter") g.dispatchEvent(new Event("click")); });
    bars.append(g);
  });
  const axis = svg("g", { class: "axis" }, svg("text", { x: L - 6, y: 12, "text-anchor": "end" }, "events"),
    svg("text", { x: W - R + 6, y: 12 }, "Goldstein"));
  root.append(axis, bars);
  if (pts.length) {
    root.append(svg("path", { class: "goldstein", d: pts.map((p, i) => (i ? "L" : "M") + p[0].toFixed(1) + " " + p[1].toFixed(1)).join(" ") }));
    const dots = svg("g", { class: "gpoints" });
    for (const p of pts) dots.append(svg("circle", { class: "gpoint", cx: p[0], cy: p[1], r: ps.length > 60 ? 1.5 : 3 },
      svg("title", {}, `${p[2]}: mean Goldstein ${p[3].toFixed(2)}`)));
    root.append(dots);
  }
  return root;
}

function showPeriod(box, rel, p) {
  const [since, until] = periodBounds(p.period, rel.by);
  const A = rel.a.value, B = rel.b.value;
  const col = (from, to, st) => el("div", { class: "card direction" },
    el("h2", {}, `${from} → ${to}`, el("span", { class: "muted" }, ` · ${st.events} events, ${st.mentions} mentions`)),
    eventList({ actor: from, recipient: to, since, until }));
  box.replaceChildren(el("h2", { id: "period-title" }, `Events in ${p.period} (${since} … ${until})`),
    el("div", { class: "columns" }, col(A, B, p.a_to_b), col(B, A, p.b_to_a)));
  box.scrollIntoView({ behavior: "instant", block: "start" });
}

// ---- events view ----

function eventsView(params) {
  setActive("events");
  const fields = ["actor", "recipient", "country", "sector", "type", "quad", "since", "until", "q"];
  const form = el("form", { class: "bar", id: "events-form" },
    fields.map((f) => el("label", {}, f, f === "quad"
      ? el("select", { name: f }, el("option", { value: "" }, "any"), QUADS.map((q) => el("option", { value: q.n, selected: params.get(f) === String(q.n) }, q.name)))
      : el("input", { name: f, value: params.get(f) || "", type: f === "since" || f === "until" ? "date" : "text", list: ["actor", "recipient", "country"].includes(f) ? "actor-codes" : undefined }))),
    el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) q.set(k, v);
    location.hash = "#/events?" + q;
  });
  const p = {};
  for (const f of fields) if (params.get(f)) p[f] = params.get(f);
  main.replaceChildren(el("h1", {}, "Events"), form, el("div", { class: "card" }, eventList(p)));
}

// ---- article view ----

function articleView(id) {
  setActive("");
  main.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  api("articles/" + encodeURIComponent(id)).then((rec) => {
    const a = rec.article;
    const spans = [];
    rec.events.forEach((ev, i) => {
      const t = `${ev.event_type} ${who(ev.actor)} → ${who(ev.recipient)}`;
      if (ev.actor) spans.push({ span: ev.evidence.actor_span, cls: "actor", title: t });
      spans.push({ span: ev.evidence.trigger_span, cls: "trigger", title: t });
      if (ev.recipient) spans.push({ span: ev.evidence.recipient_span, cls: "recipient", title: t });
    });
    const list = el("ul", { class: "events" }, rec.events.map(eventItem));
    for (const l of list.querySelectorAll("a.article-link")) l.remove();
    main.replaceChildren(
      el("h1", { id: "article-title" }, a.title || "(untitled)"),
      el("p", { class: "meta" },
        a.site ? el("span", {}, a.site) : null,
        a.published ? el("span", {}, a.published.slice(0, 10)) : null,
        a.author ? el("span", {}, a.author) : null,
        a.url ? el("a", { href: a.url, rel: "noopener noreferrer" }, "original") : null,
        el("span", {}, `${rec.events.length} events`)),
      el("div", { class: "legend" }, el("span", {}, el("mark", { class: "actor" }, "actor")),
        el("span", {}, el("mark", { class: "trigger" }, "trigger")), el("span", {}, el("mark", { class: "recipient" }, "recipient"))),
      el("div", { class: "body", id: "article-body" }, marked(rec.body, spans)),
      el("h2", {}, "Events"), el("div", { class: "card" }, list));
  }).catch((e) => showError(main, e));
}

// ---- actors ----

function actorsView() {
  setActive("actors");
  const out = el("div", { class: "card" }, el("p", { class: "muted" }, "Loading…"));
  main.replaceChildren(el("h1", {}, "Most active actors"), out);
  api("actors", { limit: 30 }).then((r) => {
    out.replaceChildren(el("div", { class: "columns" },
      el("table", {}, el("tr", {}, el("th", {}, "Actor"), el("th", {}, "Country"), el("th", { class: "num" }, "Events"), el("th", { class: "num" }, "As actor"), el("th", { class: "num" }, "As recipient")),
        r.actors.map((a) => el("tr", {}, el("td", {}, el("a", { href: "#/actor/" + encodeURIComponent(a.code) }, a.code)), el("td", {}, a.country),
          el("td", { class: "num" }, a.events), el("td", { class: "num" }, a.as_actor), el("td", { class: "num" }, a.as_recipient)))),
      el("table", {}, el("tr", {}, el("th", {}, "Dyad"), el("th", { class: "num" }, "Events")),
        r.dyads.map((d) => el("tr", {}, el("td", {}, el("a", { href: `#/relations?a=${encodeURIComponent(d.actor)}&b=${encodeURIComponent(d.recipient)}&by=year` }, `${d.actor} → ${d.recipient}`)),
          el("td", { class: "num" }, d.events))))));
  }).catch((e) => showError(out, e));
}

function actorView(code) {
  setActive("actors");
  const out = el("div", {}, el("p", { class: "muted" }, "Loading…"));
  main.replaceChildren(el("h1", {}, "Actor ", el("span", { id: "actor-code" }, code)), out);
  // The actor's country narrows the ranking to dyads that can involve it.
  api("actors", { limit: 1000, country: code.slice(0, 3) }).then((r) => {
    const me = r.actors.find((a) => a.code === code);
    const partners = new Map();
    for (const d of r.dyads) {
      let other, dir;
      if (d.actor === code) { other = d.recipient; dir = "out"; } else if (d.recipient === code) { other = d.actor; dir = "in"; } else continue;
      const p = partners.get(other) || { code: other, out: 0, in: 0 };
      p[dir] += d.events;
      partners.set(other, p);
    }
    const top = [...partners.values()].sort((x, y) => (y.out + y.in) - (x.out + x.in) || (x.code < y.code ? -1 : 1)).slice(0, 12);
    out.replaceChildren(
      el("p", { class: "summary" }, me ? `${me.events} events: ${me.as_actor} as actor, ${me.as_recipient} as recipient.` : "No events as a ranked actor."),
      el("div", { class: "columns" },
        el("div", { class: "card" }, el("h2", {}, "Top partners"),
          el("table", { id: "partners" }, el("tr", {}, el("th", {}, "Partner"), el("th", { class: "num" }, `${code} →`), el("th", { class: "num" }, `→ ${code}`), el("th", {}, "")),
            top.map((p) => el("tr", {}, el("td", {}, el("a", { href: "#/actor/" + encodeURIComponent(p.code) }, p.code)),
              el("td", { class: "num" }, p.out), el("td", { class: "num" }, p.in),
              el("td", {}, el("a", { href: `#/relations?a=${encodeURIComponent(code)}&b=${encodeURIComponent(p.code)}&by=year` }, "relations")))))),
        el("div", { class: "card" }, el("h2", {}, "Network"), network(code, top, r.dyads))),
      el("h2", {}, "Latest events"), el("div", { class: "card" }, eventList({ actor: code })));
  }).catch((e) => showError(out, e));
}

// network draws the actor in the middle, its partners on a circle, edges
// weighted by events (partner-partner edges from the ranking too).
function network(code, top, dyads) {
  const W = 460, H = 400, cx = W / 2, cy = H / 2, rad = 150;
  const pos = new Map([[code, [cx, cy]]]);
  top.forEach((p, i) => {
    const a = (2 * Math.PI * i) / top.length - Math.PI / 2;
    pos.set(p.code, [cx + rad * Math.cos(a), cy + rad * Math.sin(a)]);
  });
  const w = new Map();
  for (const d of dyads) {
    if (!pos.has(d.actor) || !pos.has(d.recipient) || d.actor === d.recipient) continue;
    const k = [d.actor, d.recipient].sort().join("|");
    w.set(k, (w.get(k) || 0) + d.events);
  }
  const maxW = Math.max(1, ...w.values());
  const root = svg("svg", { class: "network", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "network of " + code });
  for (const [k, v] of w) {
    const [x, y] = k.split("|").map((c) => pos.get(c));
    root.append(svg("line", { x1: x[0], y1: x[1], x2: y[0], y2: y[1], "stroke-width": (1 + 7 * v / maxW).toFixed(1) }, svg("title", {}, `${k.replace("|", " – ")}: ${v} events`)));
  }
  for (const [c, [x, y]] of pos) {
    const n = c === code ? 0 : top.find((p) => p.code === c);
    const r = c === code ? 22 : 8 + 12 * Math.sqrt((n.out + n.in) / Math.max(1, top[0].out + top[0].in));
    const node = svg("g", { class: "node" }, svg("circle", { class: c === code ? "center" : "", cx: x, cy: y, r }),
      svg("text", { x, y: y + r + 14 }, c));
    root.append(c === code ? node : svg("a", { href: "#/actor/" + encodeURIComponent(c) }, node));
  }
  return root;
}

function route() {
  const { parts, params } = parseHash();
  window.scrollTo(0, 0);
  switch (parts[0]) {
    case "events": return eventsView(params);
    case "article": return articleView(parts.slice(1).join("/"));
    case "actors": return actorsView();
    case "actor": return actorView(parts[1] || "");
    default: return relationsView(params);
  }
}

window.addEventListener("hashchange", route);
route();
