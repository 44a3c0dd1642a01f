import Testing
@testable import SparseNetworks

@Suite struct SeedSummaryTests {
  func run(seed: UInt64, _ epochs: [(dev: Double, test: Double, backward: Double)]) -> TrainingResult {
    TrainingResult(
      network: "n", mode: "dense", k: nil, gamma: nil, selection: nil, biasGradient: "from-g", seed: seed,
      epochs: epochs.enumerated().map { i, e in
        EpochReport(epoch: i + 1, trainLoss: 0, devAccuracy: e.dev, testAccuracy: e.test, elapsedSeconds: 0,
                    forwardSeconds: 0, backwardSeconds: e.backward, updateSeconds: 0)
      })
  }

  @Test func meansAndSampleDeviationsOverSeeds() throws {
    // Best dev at epoch 2 in the first run (test 0.90), epoch 1 in the second (test 0.96).
    let a = run(seed: 1, [(0.5, 0.7, 1), (0.9, 0.90, 3), (0.8, 0.94, 2)])
    let b = run(seed: 2, [(0.9, 0.96, 4), (0.9, 0.10, 2), (0.1, 0.98, 3)])
    let s = try #require(SeedSummary([a, b]))
    #expect(s.runs == 2)
    #expect(abs(s.testAtBestDev.mean - 0.93) < 1e-12)
    #expect(abs(s.testAtBestDev.sd - (0.06 / 2.0.squareRoot())) < 1e-12)
    #expect(abs(s.finalTest.mean - 0.96) < 1e-12)
    #expect(abs(s.backwardSecondsPerEpoch - 15.0 / 6.0) < 1e-12)
    #expect(SeedSummary([a])?.testAtBestDev.sd == 0)
    #expect(SeedSummary([]) == nil)
  }
}
