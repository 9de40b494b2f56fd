// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Mingjian",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "mingjian", targets: ["MingjianCLI"]),
    .executable(name: "mingjian-bench", targets: ["MingjianBench"]),
    .library(name: "Ingest", targets: ["Ingest"]),
    .library(name: "Signals", targets: ["Signals"]),
    .library(name: "Report", targets: ["Report"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(
      name: "Ingest",
      dependencies: [
        "CLibXML2",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .target(
      name: "Signals",
      dependencies: ["Ingest", "Yams", .product(name: "Crypto", package: "swift-crypto")]
    ),
    .target(
      name: "Report",
      dependencies: ["Signals", "Ingest"]
    ),
    .executableTarget(
      name: "MingjianCLI",
      dependencies: [
        "Report", "Signals", "Ingest",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "MingjianBench",
      dependencies: [
        "Signals", "Ingest",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What every test target shares (a temporary folder a test owns); tests only.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "IngestTests", dependencies: ["Ingest", "CLibXML2", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "SignalsTests", dependencies: ["Signals", "Ingest", "TestSupport"]),
    .testTarget(
      name: "ReportTests", dependencies: ["Report", "Signals", "Ingest", "TestSupport"], exclude: ["Snapshots"]),
    .testTarget(name: "EndToEndTests", dependencies: ["Report", "Signals", "Ingest", "TestSupport"]),
  ]
)
