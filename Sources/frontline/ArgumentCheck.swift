import ArgumentParser
import Foundation

/// Checks the command line before ArgumentParser sees it, so that the first word a user gets is about the first
/// mistake: an unknown option is named (with the nearest real one) before any other check runs, and a negative
/// number after an option that takes a value is that option's value (`--width -5` reaches the range check).
enum ArgumentCheck {
    /// The long options of a command and whether each takes a value, read from its own help text (so they can
    /// never drift from the declarations).
    static func options(of command: ParsableCommand.Type) -> [String: Bool] {
        let help = Frontline.helpMessage(for: command, columns: 10_000)
        var out: [String: Bool] = ["help": false, "version": false]
        guard let re = try? NSRegularExpression(pattern: "(?:^|[\\s,\\[])--([a-z0-9][a-z0-9-]*)( <[^>]+>)?") else { return out }
        for line in help.split(separator: "\n") {
            let s = String(line)
            // Option lines only: they start with the option itself (after indentation).
            let trimmed = s.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("-") else { continue }
            let head = String(trimmed.prefix { $0 != " " || true }.prefix(200))
            for m in re.matches(in: head, range: NSRange(head.startIndex..., in: head)) {
                guard let n = Range(m.range(at: 1), in: head) else { continue }
                let name = String(head[n])
                let takesValue = m.range(at: 2).location != NSNotFound
                if out[name] == nil || takesValue { out[name] = takesValue }
                break
            }
        }
        return out
    }

    /// The subcommand an argument list starts with, and its index.
    static func subcommand(_ args: [String]) -> (ParsableCommand.Type, Int)? {
        var found: (ParsableCommand.Type, Int)?
        var candidates = Frontline.configuration.subcommands
        for (i, a) in args.enumerated() where !a.hasPrefix("-") {
            guard let c = candidates.first(where: { $0._commandName == a }) else { break }
            found = (c, i)
            candidates = c.configuration.subcommands
            if candidates.isEmpty { break }
        }
        return found
    }

    /// The arguments to parse, or a usage error: `unknown option --titel` with a hint.
    static func check(_ args: [String]) throws -> [String] {
        guard let (command, at) = subcommand(args) else { return args }
        let known = options(of: command)
        var out = Array(args[...at])
        var i = at + 1
        while i < args.count {
            let a = args[i]
            if a == "--" { out += args[i...]; break }
            if a.hasPrefix("--") {
                let name = String(a.dropFirst(2).prefix { $0 != "=" })
                guard let takesValue = known[name] else {
                    let hint = nearest(name, in: Array(known.keys)).map { " (did you mean --\($0)?)" } ?? ""
                    throw UsageError(message: "unknown option --\(name) for frontline \(command._commandName)\(hint)",
                                     hint: "frontline \(command._commandName) --help lists its options")
                }
                if takesValue, !a.contains("="), i + 1 < args.count, isNegativeNumber(args[i + 1]) {
                    out.append("\(a)=\(args[i + 1])")
                    i += 2
                    continue
                }
            }
            out.append(a)
            i += 1
        }
        return out
    }

    static func isNegativeNumber(_ s: String) -> Bool {
        s.hasPrefix("-") && s.count > 1 && Double(s) != nil
    }

    /// The known name closest to `name` (edit distance ≤ 3, or a prefix), if any.
    static func nearest(_ name: String, in names: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var prev = Array(0...b.count)
            for (i, ca) in a.enumerated() {
                var cur = [i + 1]
                for (j, cb) in b.enumerated() { cur.append(min(prev[j + 1] + 1, cur[j] + 1, prev[j] + (ca == cb ? 0 : 1))) }
                prev = cur
            }
            return prev[b.count]
        }
        let scored = names.filter { $0 != "help" && $0 != "version" }.map { ($0, distance(Array(name), Array($0))) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        if let p = names.first(where: { $0.hasPrefix(name) && name.count >= 3 }) { return p }
        guard let best = scored.first, best.1 <= max(1, min(3, name.count / 2)) else { return nil }
        return best.0
    }
}

/// A usage error found before parsing: one line, and an optional `hint:` line.
struct UsageError: Error {
    var message: String
    var hint: String?
}
