/// Greedy label placement: each label takes the first candidate box that stays inside the bounds and hits
/// nothing placed before; a label with no free candidate is dropped, never overlapped.
public struct LabelPlacer: Sendable {
    /// The area every label must stay inside.
    public var bounds: Rect
    /// The boxes taken so far: the initial obstacles and the labels placed.
    public private(set) var occupied: [Rect]
    /// Boxes that labels avoid but dots may touch (proportional markers: a town under a strike keeps its dot).
    public private(set) var markers: [Rect] = []
    /// Place dots: labels avoid them, but a label that must be shown may cover one.
    public private(set) var dots: [Rect] = []

    /// Creates a placer over `bounds`, with boxes that no label may cover (a legend, an inset).
    public init(bounds: Rect, obstacles: [Rect] = []) {
        self.bounds = bounds
        self.occupied = obstacles
    }

    /// True when `r` fits inside the bounds and is clear of everything placed.
    public func isFree(_ r: Rect) -> Bool {
        bounds.contains(r) && !occupied.contains { $0.intersects(r) } && !markers.contains { $0.intersects(r) }
            && !dots.contains { $0.intersects(r) }
    }

    /// True when a dot box is clear of labels and other dots (markers do not count).
    public func isFreeForDot(_ r: Rect) -> Bool {
        bounds.contains(r) && !occupied.contains { $0.intersects(r) } && !dots.contains { $0.intersects(r) }
    }

    /// Reserves a place dot's box.
    public mutating func reserveDot(_ r: Rect) { dots.append(r) }

    /// Places the first candidate clear of labels and markers, though it may cover dots.
    public mutating func placeOverDots(_ candidates: [Rect]) -> Int? {
        guard let i = candidates.firstIndex(where: { r in bounds.contains(r) && !occupied.contains { $0.intersects(r) } && !markers.contains { $0.intersects(r) } })
        else { return nil }
        occupied.append(candidates[i])
        return i
    }

    /// Places the first candidate inside the bounds (or the first) whatever it covers: for labels that must show.
    public mutating func force(_ candidates: [Rect]) -> Int? {
        guard !candidates.isEmpty else { return nil }
        let i = candidates.firstIndex { bounds.contains($0) } ?? 0
        occupied.append(candidates[i])
        return i
    }

    /// Reserves a marker's box.
    public mutating func reserveMarker(_ r: Rect) { markers.append(r) }

    /// Reserves a box (a dot, a marker) whether or not it overlaps.
    public mutating func reserve(_ r: Rect) { occupied.append(r) }

    /// Places the first free candidate and returns its index, or nil.
    public mutating func place(_ candidates: [Rect]) -> Int? {
        guard let i = candidates.firstIndex(where: isFree) else { return nil }
        occupied.append(candidates[i])
        return i
    }
}

/// Where a point label sits relative to its dot.
struct LabelCandidate {
    var box: Rect
    var x: Double
    var baseline: Double
    var anchor: String

    /// The eight classic positions around a dot (right first, as cartographers prefer).
    static func around(_ p: PlanePoint, radius: Double, width w: Double, size: Double) -> [LabelCandidate] {
        let gap = radius + 2.5
        let h = size * 1.05
        let ascent = size * 0.78
        func at(_ x: Double, _ top: Double, _ anchor: String) -> LabelCandidate {
            let left = anchor == "start" ? x : anchor == "end" ? x - w : x - w / 2
            return LabelCandidate(box: Rect(x: left - 1, y: top - 1, width: w + 2, height: h + 2), x: x, baseline: top + ascent, anchor: anchor)
        }
        let mid = p.y - h / 2
        return [
            at(p.x + gap, mid, "start"),
            at(p.x - gap, mid, "end"),
            at(p.x + gap * 0.7, p.y - gap * 0.7 - h, "start"),
            at(p.x + gap * 0.7, p.y + gap * 0.7, "start"),
            at(p.x - gap * 0.7, p.y - gap * 0.7 - h, "end"),
            at(p.x - gap * 0.7, p.y + gap * 0.7, "end"),
            at(p.x, p.y - gap - h, "middle"),
            at(p.x, p.y + gap, "middle"),
        ]
    }
}
