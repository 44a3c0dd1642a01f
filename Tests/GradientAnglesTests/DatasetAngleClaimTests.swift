import GradientAngles
import SparseNetworks
import Testing

/// Where the angle claim ("MSBP's gradient estimation angles are smaller than SBP's") does
/// hold: against the gradient of the *training set* (the loss of Lemma F.1), with both
/// estimates taken from the same state along an MSBP run (the paired dataset angle). The
/// memory carries the unpropagated gradient of other examples: it moves the estimate away from
/// the current minibatch's gradient (run-time and paired angles: refuted, see
/// `ClaimPropertyTests`) but towards the dataset's.
///
/// Checked per instance (seed, k, gamma, hidden layer or whole vector) on the digits MLP. The
/// instances where it fails are listed below as known issues (measured with this same
/// configuration; `msbp angles digits-mlp --k 4,16 --gamma 0.3,0.8 --seeds 1,2,3 --every 5
/// --dataset-every 10` prints them); on MNIST it holds in 50 of 54 instances (ledger row
/// `emp-angles`, `Fixtures/angles/mnist-mlp-500-dataset-paired.csv`).
@Suite struct DatasetAngleClaimTests {
  /// `k/gamma/seed/part` of the instances where the measured MSBP angle is not below SBP's.
  static let knownRefuted: Set<String> = ["4/0.8/1/layer1"]

  @Test func pairedDatasetAngleOfMSBPBelowSBP() throws {
    let (spec, data) = try digitsSetup()
    let experiment = try AngleExperiment(
      spec: spec, data: data, epochs: 1, schedule: AngleSchedule(every: 5, datasetEvery: 10))
    var instances = 0
    var refuted = [String]()
    for seed: UInt64 in [1, 2, 3] {
      for k in [4, 16] {
        for gamma: Float in [0.3, 0.8] {
          let run = try experiment.run(.msbp(k: k, gamma: gamma), seed: seed)
          for part in [ParameterPart.layer(1), .layer(2), .whole] {
            let sbp = try #require(run.angles[.dataset, .sbp, part])
            let msbp = try #require(run.angles[.dataset, .msbp, part])
            #expect(sbp.count > 0 && sbp.count == msbp.count)
            instances += 1
            let name = "\(k)/\(gamma)/\(seed)/\(part)"
            if Self.knownRefuted.contains(name) {
              withKnownIssue("paired dataset angle claim refuted on \(name)") {
                #expect(msbp.mean < sbp.mean, "\(name): MSBP \(msbp.mean) vs SBP \(sbp.mean)")
              }
            } else {
              #expect(msbp.mean < sbp.mean, "\(name): MSBP \(msbp.mean) vs SBP \(sbp.mean)")
              if !(msbp.mean < sbp.mean) { refuted.append(name) }
            }
          }
        }
      }
    }
    #expect(instances == 36)
    #expect(refuted.isEmpty, "new refutations: \(refuted)")
  }
}
