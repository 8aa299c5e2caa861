import ArgumentParser
import Foundation
import FrontlineKit

@main
struct Frontline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontline",
        abstract: "Maps conflict front lines: who held a place on a date, what changed hands, where incidents fell.",
        discussion: """
            Exit codes: 0 success; 1 a check found problems; 64 usage error; 65 bad input data; \
            66 an input cannot be read; 70 internal geometry error; 73 an output cannot be written.
            """,
        version: FrontlineVersion.string,
        subcommands: [Inspect.self, Validate.self, Places.self, Locate.self, Control.self, Export.self, Diff.self, Timeline.self, MapCommand.self,
                      Join.self, Convert.self, Events.self, Ingest.self, ChartCommand.self, AnimateCommand.self, SettlementsCommand.self, SiteCommand.self, DB.self]
    )

    /// Runs the command; library errors become one line on stderr and a documented exit code.
    static func main() {
        do {
            let args = try ArgumentCheck.check(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot(args)
            try command.run()
        } catch let error as FrontlineError {
            FileHandle.standardError.write(Data("frontline: error: \(error)\n".utf8))
            Foundation.exit(error.exitCode)
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("frontline: error: \(error.message)\n\(error.hint.map { "hint: \($0)\n" } ?? "")".utf8))
            Foundation.exit(64)
        } catch {
            // Help and version requests print in full, to stdout; every argument error is one line, exit 64.
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let text = message(for: error).split(whereSeparator: \.isNewline).map(String.init)
            let first = (text.first ?? "invalid arguments").replacingOccurrences(of: "Error: ", with: "")
            var out = "frontline: error: \(first)\n"
            if let more = text.dropFirst().first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("Usage") }) {
                out += "hint: \(more.trimmingCharacters(in: .whitespaces))\n"
            }
            FileHandle.standardError.write(Data(out.utf8))
            Foundation.exit(code == .validationFailure || code.rawValue == 64 ? 64 : 64)
        }
    }
}
