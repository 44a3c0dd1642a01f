import SparseNetworks

/// The true gradient of the dataset loss `l(w; D) = (1/|D|) sum l(w; (x, y))` (Section 2),
/// without dropout, computed densely in chunks.
public enum DatasetGradient {
  /// The gradient of the mean loss over `data` (one ``LinearGradient`` per layer; only the
  /// weight and bias parts are meaningful). Each chunk's mean-loss gradient is weighted by
  /// its share of the examples, so the result does not depend on `chunkSize`.
  public static func compute(_ network: MLP, on data: Dataset, chunkSize: Int = 1000) throws -> [LinearGradient] {
    guard data.count > 0 else { throw ConfigurationError("the dataset-angle subset is empty") }
    guard chunkSize >= 1 else { throw ConfigurationError("chunk size must be >= 1, got \(chunkSize)") }
    var total: [LinearGradient]? = nil
    var start = 0
    var noDropout: SeededGenerator? = nil
    while start < data.count {
      let end = min(start + chunkSize, data.count)
      let chunk = data.slice(start..<end)
      let tape = try network.forward(chunk.features, dropout: &noDropout)
      let targets = try Loss.oneHot(chunk.labels, classes: chunk.classes)
      let g = try network.backward(tape, targets: targets, options: BackwardOptions(mode: .dense))
      let share = Float(end - start) / Float(data.count)
      if total == nil {
        total = g.layers.map { l in
          var scaled = l
          scaled.weight.storage = l.weight.storage.map { $0 * share }
          scaled.bias = l.bias.map { $0 * share }
          scaled.input = nil
          return scaled
        }
      } else {
        for i in total!.indices {
          for j in total![i].weight.storage.indices { total![i].weight.storage[j] += share * g.layers[i].weight.storage[j] }
          for j in total![i].bias.indices { total![i].bias[j] += share * g.layers[i].bias[j] }
        }
      }
      start = end
    }
    return total!
  }
}
