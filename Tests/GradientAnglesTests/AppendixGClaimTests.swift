import GradientAngles
import SparseNetworks
import Testing

/// Appendix G (last paragraph): "the gradient estimation angles of memorized SBP and SBP are
/// smaller than SGD in most cases". SGD's angle is that of the dense minibatch gradient and the
/// sparse angles those of the SBP/MSBP estimates, all against the gradient of the training set
/// at the same states (the dataset measure). Checked as stated: in more than half of the
/// instances (run, seed, hidden layer or whole vector, estimator) the sparse mean angle is the
/// smaller one.
///
/// Measured refuted on MNIST (0 of 135 instances; `Fixtures/angles/appG-sgd-mnist.csv`, ledger
/// row `emp-appG-sgd`) and on the digits MLP (this test): a known issue, which fails the day the
/// claim starts to hold.
@Suite struct AppendixGClaimTests {
  @Test func sparseDatasetAnglesBelowSGDInMostCases() throws {
    let (spec, data) = try digitsSetup()
    let experiment = try AngleExperiment(
      spec: spec, data: data, epochs: 1,
      schedule: AngleSchedule(every: 5, datasetEvery: 10), stepLimit: nil)
    var instances = 0
    var sparseSmaller = 0
    for seed: UInt64 in [1, 2, 3] {
      for k in [4, 16] {
        let runs = [
          (try experiment.run(.sbp(k: k), seed: seed), [Estimator.sbp]),
          (try experiment.run(.msbp(k: k, gamma: 0.8), seed: seed), [Estimator.sbp, .msbp]),
        ]
        for (run, estimators) in runs {
          for part in [ParameterPart.layer(1), .layer(2), .whole] {
            let sgd = try #require(run.angles[.dataset, .dense, part], "no SGD series for \(part)")
            #expect(sgd.count > 0)
            for e in estimators {
              let sparse = try #require(run.angles[.dataset, e, part], "no \(e) series for \(part)")
              instances += 1
              if sparse.mean < sgd.mean { sparseSmaller += 1 }
            }
          }
        }
      }
    }
    #expect(instances == 3 * 2 * 3 * 3)
    withKnownIssue("App. G claim refuted on the digits MLP: sparse below SGD in \(sparseSmaller) of \(instances)") {
      #expect(2 * sparseSmaller > instances)
    }
  }
}
