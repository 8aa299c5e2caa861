import FrontlineKit
import GeoModel
import MapRender

/// Renders a map spec to SVG text with a PROJ projection centred on its window.
public enum MapMaker {
    public static func svg(_ spec: MapSpec, options: MapOptions) throws(FrontlineError) -> String {
        let projection = try PROJMapProjection(crs: options.crs, center: spec.window.center)
        let renderer = MapRenderer(style: options.style, page: MapPage(width: options.width, height: options.height, precision: options.precision))
        do {
            return try renderer.svg(spec, projection: projection)
        } catch {
            throw .badArgument("cannot draw the map: \(error)")
        }
    }
}
