import GradientAngles
import SparseNetworks
import Testing

/// The paper's claim (Sections 4 and 5.4, Figure 3): "for the same k, the gradient estimation
/// angles in MSBP are smaller than that in SBP". Checked as stated, per seed: the mean angle
/// of a run, MSBP vs SBP, for every k, gamma and seed of the grid recorded in
/// `Fixtures/angles/digits-mlp-claim.json`, for the three angle measures, each hidden layer
/// and the whole parameter vector.
///
/// The measurements refute the claim on many instances. Those recorded in the fixture (with
/// their angles) are known issues: each fails this test the day the claim starts to hold
/// there. Any other refutation (an instance the fixture says holds) is an ordinary failure.
/// Regenerate the fixture with the command stored in it (`msbp angles ... --fixture`).
@Suite struct ClaimPropertyTests {
  @Test func digitsMLPMeanMSBPAngleBelowSBP() throws {
    let root = repositoryRoot()
    let fixture = try AngleClaimFixture.load(path: root + "/Fixtures/angles/digits-mlp-claim.json")
    let (spec, full) = try digitsSetup()
    #expect(spec.name == fixture.network)
    var data = full
    if let limit = fixture.trainLimit { data.train = data.train.slice(0..<min(limit, data.train.count)) }
    let experiment = try AngleExperiment(
      spec: spec, data: data, epochs: fixture.epochs,
      schedule: AngleSchedule(every: fixture.every, datasetEvery: fixture.datasetEvery, datasetSubset: fixture.datasetSubset),
      stepLimit: fixture.steps)
    var checked = 0
    for seed in fixture.seeds {
      for k in fixture.ks {
        let sbp = try experiment.run(.sbp(k: k), seed: seed)
        for gamma in fixture.gammas {
          let msbp = try experiment.run(.msbp(k: k, gamma: gamma), seed: seed)
          for c in AngleClaim.instances(network: spec.name, k: k, gamma: gamma, seed: seed, sbp: sbp, msbp: msbp) {
            checked += 1
            if fixture.isRecordedRefuted(c) {
              withKnownIssue("claim refuted on \(c.name) (see Fixtures/angles/digits-mlp-claim.json)") {
                #expect(c.msbpMean < c.sbpMean, "\(c.name): MSBP \(c.msbpMean) vs SBP \(c.sbpMean)")
              }
            } else {
              #expect(c.msbpMean < c.sbpMean, "\(c.name): MSBP \(c.msbpMean) vs SBP \(c.sbpMean)")
            }
          }
        }
      }
    }
    // 3 measures x (2 hidden layers + whole) per (k, gamma, seed).
    #expect(checked == fixture.instances)
    #expect(checked == 9 * fixture.ks.count * fixture.gammas.count * fixture.seeds.count)
  }
}
