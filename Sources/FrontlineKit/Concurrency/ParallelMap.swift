import Dispatch

/// Runs independent pieces of work on every core. GEOS and PROJ handles are not shared: each piece of work
/// creates its own (every GeoOps operation opens its own GEOS context).
public enum Parallel {
    /// `items.map(body)` with the calls spread over the cores; results keep the input order. The first error in
    /// input order is thrown after all calls have finished.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) throws(FrontlineError) -> R) throws(FrontlineError) -> [R] {
        if items.count <= 1 {
            var out: [R] = []
            for item in items { out.append(try body(item)) }
            return out
        }
        let slots = Slots<Result<R, FrontlineError>>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots.set(i, Result { () throws(FrontlineError) -> R in try body(items[i]) })
        }
        var out: [R] = []
        out.reserveCapacity(items.count)
        for r in slots.values { out.append(try r.get()) }
        return out
    }
}

/// Result slots written once each from concurrent iterations; distinct indices never race.
private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ i: Int, _ value: T) { buffer[i] = value }

    /// Every slot, after all writers have finished.
    var values: [T] { buffer.compactMap { $0 } }
}
