import FrontlineKit
import GeoModel
import MapRender

/// Renders a map spec to SVG text with a PROJ projection centred on its window.
public enum MapMaker {
    /// Draws a map spec as SVG in the projection `options.crs` names, centred on the spec's window.
    ///
    /// - Parameters:
    ///   - spec: The layers, places, labels and window to draw.
    ///   - options: The page size, CRS, coordinate precision and style.
    /// - Returns: The SVG document's text.
    /// - Throws: `FrontlineError.badArgument` when the CRS is unknown to PROJ or the window cannot be drawn on the page.
    public static func svg(_ spec: MapSpec, options: MapOptions) throws(FrontlineError) -> String {
        let projection = try PROJMapProjection(crs: options.crs, center: spec.window.center)
        var style = options.style
        // On world maps the page shows between countries: it is the sea.
        if spec.layers.contains(where: { $0.id == "world" }) { style.background = style.sea }
        let renderer = MapRenderer(style: style, page: MapPage(width: options.width, height: options.height, precision: options.precision))
        do {
            return try renderer.svg(spec, projection: projection)
        } catch {
            throw .badArgument("cannot draw the map: \(error)")
        }
    }
}
