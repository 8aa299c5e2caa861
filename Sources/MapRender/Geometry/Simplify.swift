/// Douglas–Peucker in page units: drops vertices that move the drawing by less than `tolerance` pixels.
enum Simplify {
    static func polyline(_ pts: [PlanePoint], tolerance: Double) -> [PlanePoint] {
        guard pts.count > 2, tolerance > 0 else { return pts }
        var keep = [Bool](repeating: false, count: pts.count)
        keep[0] = true
        keep[pts.count - 1] = true
        let tol2 = tolerance * tolerance
        // An explicit stack: rings of many thousand vertices must not recurse deeply.
        var stack = [(0, pts.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var maxD = -1.0, index = first
            let a = pts[first], b = pts[last]
            for i in (first + 1)..<last {
                let d = segmentDistance2(pts[i], a, b)
                if d > maxD { maxD = d; index = i }
            }
            if maxD > tol2 {
                keep[index] = true
                stack.append((first, index))
                stack.append((index, last))
            }
        }
        return pts.indices.filter { keep[$0] }.map { pts[$0] }
    }

    /// A closed ring (no repeated closing point): split at the vertex farthest from the first so both halves
    /// keep their shape; nil when it shrinks below a triangle.
    static func ring(_ pts: [PlanePoint], tolerance: Double) -> [PlanePoint]? {
        guard pts.count > 3 else { return pts.count == 3 ? pts : nil }
        guard let first = pts.first else { return nil }
        var far = 0, farD = -1.0
        for (i, p) in pts.enumerated() {
            let d = (p.x - first.x) * (p.x - first.x) + (p.y - first.y) * (p.y - first.y)
            if d > farD { farD = d; far = i }
        }
        let a = polyline(Array(pts[0...far]), tolerance: tolerance)
        let b = polyline(Array(pts[far...]) + [first], tolerance: tolerance)
        let out = Array(a.dropLast()) + Array(b.dropLast())
        return out.count >= 3 ? out : nil
    }

    static func segmentDistance2(_ p: PlanePoint, _ a: PlanePoint, _ b: PlanePoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let len2 = dx * dx + dy * dy
        var t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0
        t = max(0, min(1, t))
        let ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y
        return ex * ex + ey * ey
    }

    /// Twice the signed area of a ring in page units.
    static func area2(_ pts: [PlanePoint]) -> Double {
        guard let last = pts.last else { return 0 }
        var sum = 0.0, prev = last
        for p in pts { sum += prev.x * p.y - p.x * prev.y; prev = p }
        return sum
    }
}
