import Foundation

/// A two-stage pipeline: the caller's thread produces items, one background thread consumes them in order, with at
/// most `capacity` items in between, so memory stays bounded and the two stages use two cores.
///
/// The consumer runs on its own `Thread` (not the cooperative pool, which a blocking wait must not hold). An error it
/// throws stops it; the producer sees it at its next ``put(_:)`` and at ``finish()``.
final class Pipeline<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Items waiting; a taken item's slot is cleared at once, so that it is not kept alive until compaction.
    private var queue: [Item?] = []
    private var head = 0
    private var closed = false
    private var consumerError: (any Error)?
    private var consumerDone = false
    private let capacity: Int

    /// Starts the consumer thread.
    init(capacity: Int, consumer: @escaping @Sendable (Item) throws -> Void) {
        self.capacity = max(1, capacity)
        let thread = Thread { [self] in
            while let item = take() {
                do {
                    try consumer(item)
                } catch {
                    condition.lock()
                    consumerError = error
                    queue.removeAll()
                    head = 0
                    condition.broadcast()
                    condition.unlock()
                    break
                }
            }
            condition.lock()
            consumerDone = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Hands an item to the consumer, waiting while `capacity` items are queued. Throws the consumer's error, if
    /// it stopped with one.
    func put(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count - head >= capacity && consumerError == nil && !consumerDone { condition.wait() }
        if let consumerError { throw consumerError }
        queue.append(item)
        condition.broadcast()
    }

    private func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count && !closed && consumerError == nil { condition.wait() }
        guard head < queue.count, consumerError == nil else { return nil }
        let item = queue[head]
        queue[head] = nil
        head += 1
        if head >= 64 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item!
    }

    /// Ends the input and waits for the consumer to finish everything queued; throws its error, if any.
    func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !consumerDone { condition.wait() }
        if let consumerError { throw consumerError }
    }
}
