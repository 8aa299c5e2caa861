/// A point well inside a polygon on the page, with the free width around it: for area labels.
enum InteriorPoint {
    /// Scans horizontal lines across the rings (even-odd) and returns the middle of the widest inside run,
    /// preferring runs near the vertical middle; nil for an empty path.
    static func find(_ path: PathData) -> (point: PlanePoint, width: Double)? {
        candidates(path, limit: 1).first
    }

    /// The best inside runs, one per scan line, best first: fallbacks when the best spot is taken by other labels.
    static func candidates(_ path: PathData, limit: Int) -> [(point: PlanePoint, width: Double)] {
        let rings = path.subpaths.filter(\.closed).map(\.points)
        var minY = Double.infinity, maxY = -Double.infinity
        for r in rings { for p in r { minY = min(minY, p.y); maxY = max(maxY, p.y) } }
        guard minY.isFinite, maxY > minY else { return [] }
        var runs: [(PlanePoint, Double, Double)] = []
        let steps = 24
        for k in 1..<steps {
            let y = minY + (maxY - minY) * Double(k) / Double(steps)
            var xs: [Double] = []
            for r in rings {
                guard var prev = r.last else { continue }
                for p in r {
                    if (prev.y <= y) != (p.y <= y) {
                        xs.append(prev.x + (y - prev.y) / (p.y - prev.y) * (p.x - prev.x))
                    }
                    prev = p
                }
            }
            xs.sort()
            var i = 0
            var best: (PlanePoint, Double, Double)?
            while i + 1 < xs.count {
                let w = xs[i + 1] - xs[i]
                // Favour the middle rows: a run near the top or bottom edge is scored lower.
                let centrality = 1 - abs(Double(k) / Double(steps) - 0.5)
                let score = w * (0.6 + 0.4 * centrality)
                if best == nil || score > (best?.2 ?? 0) {
                    best = (PlanePoint(x: (xs[i] + xs[i + 1]) / 2, y: y), w, score)
                }
                i += 2
            }
            if let best { runs.append(best) }
        }
        return runs.sorted { $0.2 > $1.2 }.prefix(limit).map { (point: $0.0, width: $0.1) }
    }

    /// True when `box` lies inside the path along its top, middle and bottom lines (even-odd): a label that
    /// fits its centre line can still spill over a thin strip's edge.
    static func fits(_ path: PathData, _ box: Rect) -> Bool {
        let rings = path.subpaths.filter(\.closed).map(\.points)
        for y in [box.y + 0.5, box.y + box.height / 2, box.maxY - 0.5] {
            var xs: [Double] = []
            for r in rings {
                guard var prev = r.last else { continue }
                for p in r {
                    if (prev.y <= y) != (p.y <= y) { xs.append(prev.x + (y - prev.y) / (p.y - prev.y) * (p.x - prev.x)) }
                    prev = p
                }
            }
            xs.sort()
            var inside = false, i = 0
            while i + 1 < xs.count {
                if xs[i] <= box.x && box.maxX <= xs[i + 1] { inside = true; break }
                i += 2
            }
            if !inside { return false }
        }
        return true
    }
}
