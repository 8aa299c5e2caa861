/// Clipping page-space rings and lines to a rectangle (so off-page geometry costs no bytes).
enum Clip {
    /// Sutherland–Hodgman: the ring clipped to `r`. Parts outside collapse onto the edges, which is harmless
    /// for fills when `r` is a little larger than the visible frame (the frame has its own clip path).
    static func ring(_ ring: [PlanePoint], to r: Rect) -> [PlanePoint] {
        var pts = ring
        if pts.count > 1, pts.first == pts.last { pts.removeLast() }
        // Fast path: wholly inside.
        if pts.allSatisfy(r.contains) { return pts }
        let edges: [(PlanePoint) -> Bool] = [{ $0.x >= r.x }, { $0.x <= r.maxX }, { $0.y >= r.y }, { $0.y <= r.maxY }]
        let cut: [(PlanePoint, PlanePoint) -> PlanePoint] = [
            { a, b in lerpX(a, b, r.x) }, { a, b in lerpX(a, b, r.maxX) },
            { a, b in lerpY(a, b, r.y) }, { a, b in lerpY(a, b, r.maxY) },
        ]
        for (inside, intersect) in zip(edges, cut) {
            guard let last = pts.last else { return [] }
            var out: [PlanePoint] = []
            out.reserveCapacity(pts.count)
            var prev = last
            for p in pts {
                let pin = inside(p), qin = inside(prev)
                if pin {
                    if !qin { out.append(intersect(prev, p)) }
                    out.append(p)
                } else if qin {
                    out.append(intersect(prev, p))
                }
                prev = p
            }
            pts = out
        }
        return pts.count >= 3 ? pts : []
    }

    static func lerpX(_ a: PlanePoint, _ b: PlanePoint, _ x: Double) -> PlanePoint {
        let t = (x - a.x) / (b.x - a.x)
        return PlanePoint(x: x, y: a.y + (b.y - a.y) * t)
    }

    static func lerpY(_ a: PlanePoint, _ b: PlanePoint, _ y: Double) -> PlanePoint {
        let t = (y - a.y) / (b.y - a.y)
        return PlanePoint(x: a.x + (b.x - a.x) * t, y: y)
    }

    /// Liang–Barsky: the parts of a polyline inside `r`.
    static func line(_ line: [PlanePoint], to r: Rect) -> [[PlanePoint]] {
        if line.allSatisfy(r.contains) { return line.count >= 2 ? [line] : [] }
        var parts: [[PlanePoint]] = []
        var current: [PlanePoint] = []
        for i in line.indices.dropFirst() {
            let a = line[i - 1], b = line[i]
            guard let (c0, c1) = segment(a, b, r) else {
                if current.count >= 2 { parts.append(current) }
                current = []
                continue
            }
            if current.isEmpty { current = [c0] } else if current.last != c0 {
                if current.count >= 2 { parts.append(current) }
                current = [c0]
            }
            current.append(c1)
            if c1 != b { parts.append(current); current = [] }
        }
        if current.count >= 2 { parts.append(current) }
        return parts
    }

    static func segment(_ a: PlanePoint, _ b: PlanePoint, _ r: Rect) -> (PlanePoint, PlanePoint)? {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - r.x), (dx, r.maxX - a.x), (-dy, a.y - r.y), (dy, r.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { if t > t1 { return nil }; t0 = max(t0, t) } else { if t < t0 { return nil }; t1 = min(t1, t) }
            }
        }
        let c0 = t0 == 0 ? a : PlanePoint(x: a.x + dx * t0, y: a.y + dy * t0)
        let c1 = t1 == 1 ? b : PlanePoint(x: a.x + dx * t1, y: a.y + dy * t1)
        return (c0, c1)
    }
}
