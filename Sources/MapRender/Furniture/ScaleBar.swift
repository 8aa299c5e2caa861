/// A scale bar: a round length in km whose drawn width is true at the map centre.
public struct ScaleBar: Hashable, Sendable {
    /// The length the bar stands for, in km (a 1-2-5 round number).
    public var kilometres: Double
    /// The bar's drawn width on the page, in pixels.
    public var pixels: Double

    /// The largest 1-2-5 length that fits in `maxPixels` at `pixelsPerKm`; nil when the scale is unusable.
    public static func choose(pixelsPerKm: Double, maxPixels: Double) -> ScaleBar? {
        guard pixelsPerKm.isFinite, pixelsPerKm > 0, maxPixels > 0 else { return nil }
        let maxKm = maxPixels / pixelsPerKm
        var magnitude = 1.0
        while magnitude * 10 <= maxKm { magnitude *= 10 }
        while magnitude > maxKm { magnitude /= 10 }
        let km = [5.0, 2, 1].map { $0 * magnitude }.first { $0 <= maxKm } ?? magnitude
        return ScaleBar(kilometres: km, pixels: km * pixelsPerKm)
    }

    /// A length for the labels: "50", "2.5", "0.5".
    static func label(_ km: Double) -> String {
        if km >= 1, km.rounded() == km { return String(Int(km)) }
        var s = String(km)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// The bar's elements with its left end at `origin` (the bar's top-left).
    func elements(origin: PlanePoint) -> [SVGElement] {
        let h = 5.0
        let half = pixels / 2
        var out: [SVGElement] = [
            .rect(Rect(x: origin.x, y: origin.y, width: half, height: h), class: "scale-bar-dark"),
            .rect(Rect(x: origin.x + half, y: origin.y, width: half, height: h), class: "scale-bar-light"),
        ]
        let ty = origin.y + h + 11
        out.append(.text("0", x: origin.x, y: ty, class: "scale-text", anchor: "middle"))
        out.append(.text(ScaleBar.label(kilometres / 2), x: origin.x + half, y: ty, class: "scale-text", anchor: "middle"))
        out.append(.text(ScaleBar.label(kilometres) + " km", x: origin.x + pixels, y: ty, class: "scale-text", anchor: "middle"))
        return out
    }
}
