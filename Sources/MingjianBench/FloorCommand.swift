import ArgumentParser
import Foundation
import Ingest
import Signals

/// `mingjian-bench FOLDER`: how long the work that every byte of a scan needs takes by
/// itself, stage by stage, on both cores as the scan runs — the floor under any scan, however
/// fast its parsing, evaluation and writing. `scripts/bench-floor` sets it beside ripgrep's time
/// and the full scan's, measured in the same run.
@main
struct FloorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mingjian-bench",
    abstract: "Time the per-byte floor of a scan: reading, SHA-256, UTF-8 validation, the lexicon automaton.",
    discussion: """
      Each stage does the work of the stages above it and its own, over every regular file below
      FOLDER, files spread over all cores. Prints one row per stage: wall seconds, CPU seconds
      (user + system) and MB per wall second.
      """)

  @Argument(help: "The folder whose files are read (a benchmark corpus).")
  var folder: String

  @Option(help: "The folder of rule packs whose automaton the last stage runs.")
  var lexicons = "lexicons"

  func run() throws {
    let files = try FloorStage.files(below: URL(fileURLWithPath: folder).resolvingSymlinksInPath())
    guard !files.isEmpty else { throw ValidationError("no files below \(folder)") }
    let lexicon: LexiconSet
    do {
      lexicon = try LexiconLoader.load(directory: URL(fileURLWithPath: lexicons))
    } catch {
      throw ValidationError("\(error)")
    }
    guard let sieve = SignalScanner(lexicon: lexicon).unitSieve(radius: 0, minimumUnits: 0) else {
      throw ValidationError("the lexicon in \(lexicons) needs every unit whole: it has no automaton to time")
    }
    let megabytes = Double(files.reduce(0) { $0 + $1.size }) / 1_048_576
    print("files: \(files.count), \(String(format: "%.0f", megabytes)) MB; cores: \(ProcessInfo.processInfo.activeProcessorCount)")
    print("stage".padding(toLength: 34, withPad: " ", startingAt: 0) + "   seconds     CPU s      MB/s")
    for stage in FloorStage.allCases {
      let clock = CPUClock()
      let checks = ParallelMap.map(files) { file in stage.run(on: file, sieve: sieve) }
      let (wall, cpu) = clock.elapsed()
      guard !checks.contains(-1) else { throw ValidationError("a file could not be read or was not UTF-8") }
      print(
        stage.title.padding(toLength: 34, withPad: " ", startingAt: 0)
          + String(format: "%10.2f%10.2f%10.0f", wall, cpu, megabytes / max(wall, 0.001)))
    }
  }
}
