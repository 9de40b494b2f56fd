/// Why the lexicon packs could not be loaded, naming the folder and how it was chosen.
enum LexiconFolderError: Error, CustomStringConvertible {
  /// How the folder was chosen.
  enum Source {
    /// Named with `--lexicons DIR`.
    case option
    /// Named as a positional FOLDER (`lexicon test FOLDER…`).
    case argument
    /// Not named: `./lexicons`, else the `lexicons` folder of the checkout (`LexiconFolder`).
    case standard
  }

  /// No folder at `path`.
  case notFound(path: String, source: Source)
  /// The folder was found but its packs did not load; `details` lists every diagnostic.
  case unloadable(path: String, details: String)

  /// What went wrong and what to do.
  var description: String {
    switch self {
    case .notFound(let path, .option):
      "no lexicon folder at \(path) (named with --lexicons): check the path"
    case .notFound(let path, .argument):
      "no lexicon folder at \(path) (named as a FOLDER argument): check the path"
    case .notFound:
      "no lexicon folder: there is no ./\(LexiconFolder.name) here, nor a \(LexiconFolder.name) folder in the "
        + "checkout mingjian was built in; run mingjian from the repository's root or name the packs' folder "
        + "with --lexicons DIR"
    case .unloadable(let path, let details):
      "cannot load lexicons from \(path):\n\(details)"
    }
  }
}
