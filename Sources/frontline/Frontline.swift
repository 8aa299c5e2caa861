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
                      Join.self, Convert.self, Events.self, Ingest.self]
    )

    /// Runs the command; library errors become one line on stderr and a documented exit code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as FrontlineError {
            FileHandle.standardError.write(Data("frontline: error: \(error)\n".utf8))
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
