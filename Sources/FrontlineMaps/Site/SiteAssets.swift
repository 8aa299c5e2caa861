/// The static page's own script and style, embedded so that the binary needs no resource files.
enum SiteAssets {
    /// The page's style: the maps' palette and type, one column on phones.
    static let css = #"""
:root{--ink:#1a1a1a;--muted:#555555;--line:#e3e3e3;--page:#ffffff;--focus:#4477aa}
*{box-sizing:border-box}
body{margin:0;background:var(--page);color:var(--ink);font-family:'Noto Sans','DejaVu Sans','Helvetica Neue',Arial,sans-serif;font-size:15px;line-height:1.4}
header{padding:12px 16px 4px}
h1{font-size:22px;margin:0}
#subtitle{color:var(--muted);margin:2px 0 0;font-size:13px}
main{display:grid;grid-template-columns:minmax(0,2fr) minmax(260px,1fr);gap:12px 20px;padding:8px 16px}
#viewer{min-width:0}
#chart{grid-column:1/-1;min-width:0}
#controls{display:flex;align-items:center;gap:8px;flex-wrap:wrap;margin-bottom:8px}
#controls button{font:inherit;padding:4px 12px;border:1px solid #888;background:#f6f6f4;color:var(--ink);border-radius:4px;cursor:pointer;min-width:44px;min-height:36px}
#controls button[aria-pressed="true"]{background:var(--ink);color:var(--page)}
#slider{flex:1 1 200px;min-width:120px;accent-color:var(--ink)}
#date{font-weight:bold;font-variant-numeric:tabular-nums;min-width:7em}
#map-view svg,#chart svg{display:block;width:100%;height:auto}
#map-view{border:1px solid var(--line)}
#panel h2{font-size:15px;margin:14px 0 4px;border-bottom:1px solid var(--line)}
#panel h2:first-child{margin-top:0}
#asof,#note,.hint{color:var(--muted);font-size:13px;margin:2px 0}
#areas{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
#areas th,#areas td{padding:3px 4px;text-align:right;border-bottom:1px solid var(--line)}
#areas th:first-child,#areas td:first-child{text-align:left}
.swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px;border:1px solid #888}
#incidents{padding-left:18px;margin:4px 0;font-size:14px}
#incidents li{margin-bottom:6px}
#place p{margin:2px 0}
.place-name{font-weight:bold}
#map-view circle[role="button"]{cursor:pointer}
#map-view circle[role="button"]:hover{stroke-width:2}
#map-view circle[role="button"]:focus-visible{outline:none;stroke:var(--focus);stroke-width:3}
#map-view circle.selected{stroke:#1a1a1a;stroke-width:3;r:6px}
#chart line.cursor{stroke:#1a1a1a;stroke-width:1.5;stroke-dasharray:4 3;pointer-events:none}
#chart svg{cursor:crosshair}
footer{color:var(--muted);font-size:12px;padding:8px 16px 16px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
@media (max-width:800px){main{grid-template-columns:minmax(0,1fr)}h1{font-size:19px}}
"""#
    /// The page's script: date slider, play, hash, places, chart cursor. Plain JavaScript, no framework.
    static let js = #"""
"use strict";
(function () {
  var data = JSON.parse(document.getElementById("frontline-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var n = data.dates.length, current = -1, selected = null, timer = null;
  var placeByID = {};
  data.places.forEach(function (p) { placeByID[p.id] = p; });
  var sideLabel = {};
  data.sides.forEach(function (s) { sideLabel[s.id] = s.label; });
  var dayMs = data.dates.map(function (d) { return Date.parse(d); });
  var num = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // The index of the latest date on or before an ISO day (the first date for an earlier day).
  function indexOn(day) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return n - 1;
    var best = 0;
    for (var i = 0; i < n; i++) { if (data.dates[i] <= day) best = i; }
    return best;
  }

  // A date's map: its runs of shared lines joined back into one SVG document.
  function mapSVG(i) {
    var runs = data.frames[i], parts = [];
    for (var k = 0; k < runs.length; k += 2) {
      for (var j = runs[k]; j < runs[k] + runs[k + 1]; j++) parts.push(data.fragments[j]);
    }
    return parts.join("\n").replace(/^<\?xml[^>]*>\s*/, "");
  }

  function signed(v) { return v === null || v === undefined ? "" : (v > 0 ? "+" : v < 0 ? "\u2212" : "\u00b1") + num.format(Math.abs(v)); }

  function renderAreas(i) {
    var body = $("areas").tBodies[0];
    body.textContent = "";
    data.sides.forEach(function (s, k) {
      var km2 = data.areas[i][k];
      if (km2 === null || km2 === undefined) return;
      var tr = document.createElement("tr");
      tr.setAttribute("data-side", s.id);
      tr.setAttribute("data-km2", String(km2));
      var name = el("td");
      var sw = el("span", null, "swatch");
      sw.style.background = s.color;
      name.appendChild(sw);
      name.appendChild(document.createTextNode(s.label));
      tr.appendChild(name);
      tr.appendChild(el("td", num.format(km2)));
      var net = data.net[i] ? data.net[i][k] : null;
      tr.appendChild(el("td", signed(net)));
      body.appendChild(tr);
    });
  }

  // A source without incidents (a snapshot archive) has no incidents section at all.
  var anyIncidents = data.incidents.some(function (l) { return l.length > 0; });
  if (!anyIncidents) { $("incidents").hidden = true; $("incidents").previousElementSibling.hidden = true; }

  function renderIncidents(i) {
    if (!anyIncidents) return;
    var list = $("incidents");
    list.textContent = "";
    var items = data.incidents[i] || [];
    if (!items.length) { list.appendChild(el("li", "None recorded for this day.", "hint")); return; }
    items.forEach(function (x) {
      var li = el("li");
      li.appendChild(el("strong", x.place));
      var counts = [];
      if (x.killed !== null && x.killed !== undefined) counts.push(x.killed + " killed");
      if (x.wounded !== null && x.wounded !== undefined) counts.push(x.wounded + " wounded");
      li.appendChild(document.createTextNode(": " + x.type + (counts.length ? " \u2014 " + counts.join(", ") : "")));
      if (x.claimant) li.appendChild(document.createTextNode(" (" + x.claimant + ")"));
      if (typeof x.url === "string" && /^https?:\/\//.test(x.url)) {
        li.appendChild(document.createTextNode(" "));
        var a = el("a", "source");
        a.setAttribute("href", x.url);
        a.setAttribute("rel", "noopener noreferrer");
        li.appendChild(a);
      }
      list.appendChild(li);
    });
  }

  function renderPlace() {
    var box = $("place");
    box.textContent = "";
    var old = document.querySelector("#map-view circle.selected");
    if (old) old.classList.remove("selected");
    if (!selected) { box.appendChild(el("p", "Click or tab to a place on the map.", "hint")); return; }
    var p = placeByID[selected], circle = document.getElementById(selected);
    if (circle) circle.classList.add("selected");
    box.appendChild(el("p", p.name, "place-name"));
    if (p.region) box.appendChild(el("p", p.region, "hint"));
    var side = p.side[current], km = p.km[current], day = data.dates[current];
    box.appendChild(el("p", side ? "held by " + (sideLabel[side] || side) + " on " + day : "not in any side's area on " + day));
    box.appendChild(el("p", km === null || km === undefined ? "no front line on this date" : num.format(km) + " km from the front"));
  }

  function renderCursor() {
    var day = dayMs[current];
    document.querySelectorAll("#chart g.panel[data-x0]").forEach(function (g) {
      var x0 = +g.getAttribute("data-x0"), x1 = +g.getAttribute("data-x1");
      var d0 = Date.parse(g.getAttribute("data-day0")), d1 = Date.parse(g.getAttribute("data-day1"));
      var x = d1 > d0 ? x0 + (x1 - x0) * Math.min(1, Math.max(0, (day - d0) / (d1 - d0))) : x0;
      var line = g.querySelector("line.cursor");
      if (!line) {
        line = document.createElementNS("http://www.w3.org/2000/svg", "line");
        line.setAttribute("class", "cursor");
        g.appendChild(line);
      }
      line.setAttribute("x1", x); line.setAttribute("x2", x);
      line.setAttribute("y1", g.getAttribute("data-y0")); line.setAttribute("y2", g.getAttribute("data-y1"));
    });
  }

  // Places of the date's map become buttons (focusable, named) when the page knows their side and distance.
  function enablePlaces() {
    data.places.forEach(function (p) {
      var c = document.getElementById(p.id);
      if (!c || !$("map-view").contains(c)) return;
      c.setAttribute("tabindex", "0");
      c.setAttribute("role", "button");
      c.setAttribute("aria-label", p.name);
    });
  }

  function render(i) {
    i = Math.max(0, Math.min(n - 1, i));
    var mapChanged = i !== current;
    current = i;
    if (mapChanged) {
      // Redrawing replaces the circles: keep keyboard focus on the same place if it had it.
      var focused = document.activeElement, refocus = focused && focused.id && placeByID[focused.id] && $("map-view").contains(focused) ? focused.id : null;
      $("map-view").innerHTML = mapSVG(i);
      enablePlaces();
      var again = refocus && document.getElementById(refocus);
      if (again) again.focus({ preventScroll: true });
    }
    $("slider").value = String(i);
    $("date").textContent = data.dates[i];
    $("asof").textContent = data.asOfText[i] || "";
    $("note").textContent = data.notes[i] || "";
    renderAreas(i);
    renderIncidents(i);
    renderPlace();
    renderCursor();
    document.body.setAttribute("data-date", data.dates[i]);
    if (location.hash !== "#" + data.dates[i]) history.replaceState(null, "", "#" + data.dates[i]);
    document.body.setAttribute("data-ready", "1");
  }

  function stop() { if (timer) { clearTimeout(timer); timer = null; } $("play").textContent = "Play"; $("play").setAttribute("aria-pressed", "false"); }
  // Play by a chain of timeouts, so that a map slower to draw than a tick does not queue ticks up.
  function tick() {
    timer = setTimeout(function () {
      render(current + 1);
      if (current >= n - 1) stop(); else tick();
    }, 600);
  }
  function play() {
    if (current >= n - 1) render(0);
    $("play").textContent = "Pause";
    $("play").setAttribute("aria-pressed", "true");
    tick();
  }
  function toggle() { if (timer) stop(); else play(); }

  $("slider").addEventListener("input", function () { stop(); render(+this.value); });
  $("prev").addEventListener("click", function () { stop(); render(current - 1); });
  $("next").addEventListener("click", function () { stop(); render(current + 1); });
  $("play").addEventListener("click", toggle);
  window.addEventListener("hashchange", function () { render(indexOn(location.hash.slice(1))); });

  function pick(target) {
    var c = target && target.closest ? target.closest("circle[role=button]") : null;
    if (!c || !placeByID[c.id]) return false;
    selected = c.id;
    renderPlace();
    return true;
  }
  // The place circle nearest a click, within 12 px on screen (circles are a few px across on a phone).
  function nearestPlace(x, y) {
    var best = null, bestD = 12 * 12;
    $("map-view").querySelectorAll("circle[role=button]").forEach(function (c) {
      var r = c.getBoundingClientRect(), dx = r.left + r.width / 2 - x, dy = r.top + r.height / 2 - y;
      if (dx * dx + dy * dy <= bestD) { bestD = dx * dx + dy * dy; best = c; }
    });
    return best;
  }
  $("map-view").addEventListener("click", function (e) { if (!pick(e.target)) pick(nearestPlace(e.clientX, e.clientY)); });
  $("map-view").addEventListener("keydown", function (e) {
    if ((e.key === "Enter" || e.key === " ") && pick(e.target)) e.preventDefault();
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target, tag = t && t.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key;
    if (k === "ArrowLeft") { stop(); render(current - 1); }
    else if (k === "ArrowRight") { stop(); render(current + 1); }
    else if (k === "Home") { stop(); render(0); }
    else if (k === "End") { stop(); render(n - 1); }
    else if ((k === " " || k === "k") && tag !== "BUTTON" && !(t.getAttribute && t.getAttribute("role") === "button")) toggle();
    else return;
    e.preventDefault();
  });

  // A click in the chart picks the nearest date; with small multiples, the panel whose plot is nearest the pointer answers.
  var chart = document.querySelector("#chart svg");
  if (chart) chart.addEventListener("click", function (e) {
    var hit = null, hitD = Infinity;
    chart.querySelectorAll("g.panel[data-x0]").forEach(function (g) {
      var m = g.getScreenCTM();
      if (!m) return;
      var pt = chart.createSVGPoint();
      pt.x = e.clientX; pt.y = e.clientY;
      pt = pt.matrixTransform(m.inverse());
      var x0 = +g.getAttribute("data-x0"), x1 = +g.getAttribute("data-x1"), y0 = +g.getAttribute("data-y0"), y1 = +g.getAttribute("data-y1");
      var dx = Math.max(x0 - pt.x, 0, pt.x - x1), dy = Math.max(y0 - pt.y, 0, pt.y - y1), d = dx * dx + dy * dy;
      if (d < hitD) { hitD = d; hit = { g: g, x: pt.x, x0: x0, x1: x1 }; }
    });
    if (!hit || hit.x1 === hit.x0) return;
    var d0 = Date.parse(hit.g.getAttribute("data-day0")), d1 = Date.parse(hit.g.getAttribute("data-day1"));
    var t = d0 + (d1 - d0) * (hit.x - hit.x0) / (hit.x1 - hit.x0), best = 0;
    for (var i = 1; i < n; i++) { if (Math.abs(dayMs[i] - t) < Math.abs(dayMs[best] - t)) best = i; }
    stop(); render(best);
  });

  render(indexOn(location.hash.slice(1)));
})();
"""#
}
