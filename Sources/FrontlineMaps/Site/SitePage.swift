import FrontlineKit
import MapRender

/// The page's HTML: a fixed skeleton, the data as a JSON block, the script and style of `SiteAssets`.
enum SitePage {
    /// Text for HTML content and attribute values (the SVG writer's XML escaping serves HTML as well).
    static func escape(_ s: String) -> String { SVGWriter.escape(s, attribute: true) }

    /// JSON made safe inside `<script type="application/json">`: no `<` can close the element or open a comment.
    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }

    /// The Content-Security-Policy: nothing from anywhere, but the one inline script (by its hash), inline style
    /// (the maps' own style sheets) and data: images.
    static func policy(script: String) -> String {
        "default-src 'none'; script-src 'sha256-\(SHA256.base64(script))'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    }

    static func html(title: String, subtitle: String, credit: String, chart: String, data: String, dates: [Day]) -> String {
        let last = dates.count - 1
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(policy(script: SiteAssets.js))">
            <meta name="generator" content="frontline">
            <title>\(escape(title))</title>
            <style>\(SiteAssets.css)</style>
            </head><body>
            <header><h1 id="title">\(escape(title))</h1><p id="subtitle">\(escape(subtitle))</p></header>
            <main>
             <section id="viewer">
              <div id="controls">
               <button id="prev" type="button" aria-label="Previous date">◀</button>
               <button id="play" type="button" aria-pressed="false">Play</button>
               <button id="next" type="button" aria-label="Next date">▶</button>
               <input id="slider" type="range" min="0" max="\(last)" step="1" value="\(last)" aria-label="Date">
               <output id="date" for="slider">\(dates[last])</output>
              </div>
              <div id="map-view" role="img" aria-label="Map of the selected date"></div>
             </section>
             <aside id="panel">
              <h2>Area held</h2><p id="asof"></p>
              <table id="areas"><thead><tr><th>Side</th><th>km²</th><th>change</th></tr></thead><tbody></tbody></table>
              <h2>Place</h2><div id="place" aria-live="polite"><p class="hint">Click or tab to a place on the map.</p></div>
              <h2>Incidents</h2><ul id="incidents"></ul>
              <p id="note"></p>
             </aside>
             <section id="chart">\(chart)</section>
            </main>
            <footer id="credit">\(escape(credit))</footer>
            <script type="application/json" id="frontline-data">\(scriptSafe(data))</script>
            <script>\(SiteAssets.js)</script>
            </body></html>

            """
    }
}
