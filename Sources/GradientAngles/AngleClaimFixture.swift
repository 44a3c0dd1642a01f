import Foundation
import SparseNetworks

/// A recorded check of the claim on a float reference network: the configuration that was
/// run and the instances where the measurements refuted the claim. Stored in
/// `Fixtures/angles/`; the claim's property test reruns the configuration and marks exactly
/// these instances as known issues (so it fails the day one of them starts to hold).
public struct AngleClaimFixture: Sendable, Codable, Equatable {
  /// The network recipe's name (a file in `Fixtures/networks/`).
  public var network: String
  /// The grid of k.
  public var ks: [Int]
  /// The grid of gamma.
  public var gammas: [Float]
  /// The seeds.
  public var seeds: [UInt64]
  /// Epochs per run.
  public var epochs: Int
  /// Steps per run (`nil`: full epochs).
  public var steps: Int?
  /// Training examples used (`nil`: the recipe's split).
  public var trainLimit: Int?
  /// Run-time and paired angles every this many steps.
  public var every: Int
  /// Dataset angle every this many steps.
  public var datasetEvery: Int
  /// Dataset angle on this many training examples.
  public var datasetSubset: Int
  /// How the fixture was produced (the command line).
  public var command: String
  /// Every instance of the claim that the measurements refuted, with its angles.
  public var refuted: [ClaimInstance]
  /// How many instances were checked in all.
  public var instances: Int

  /// A fixture from its parts.
  public init(
    network: String, ks: [Int], gammas: [Float], seeds: [UInt64], epochs: Int, steps: Int?, trainLimit: Int?,
    every: Int, datasetEvery: Int, datasetSubset: Int, command: String, refuted: [ClaimInstance], instances: Int
  ) {
    self.network = network
    self.ks = ks
    self.gammas = gammas
    self.seeds = seeds
    self.epochs = epochs
    self.steps = steps
    self.trainLimit = trainLimit
    self.every = every
    self.datasetEvery = datasetEvery
    self.datasetSubset = datasetSubset
    self.command = command
    self.refuted = refuted
    self.instances = instances
  }

  /// Whether the fixture records `instance`'s configuration (network, k, gamma, seed,
  /// measure, part) as refuted.
  public func isRecordedRefuted(_ instance: ClaimInstance) -> Bool {
    refuted.contains { $0.name == instance.name }
  }

  /// Reads a fixture; errors name the file.
  public static func load(path: String) throws -> AngleClaimFixture {
    guard FileManager.default.fileExists(atPath: path) else { throw DataError.missingFile(path: path) }
    do {
      return try JSONDecoder().decode(AngleClaimFixture.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw ConfigurationError("invalid angle claim fixture \(path): \(error)")
    }
  }

  /// Writes the fixture as sorted, pretty JSON; a failure is an ``OutputError`` naming the
  /// file.
  public func write(path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try OutputPath.write(try encoder.encode(self), to: path)
  }
}
