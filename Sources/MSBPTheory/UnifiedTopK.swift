import ExactArithmetic

/// meProp's "unified" top-k: one index set for a whole minibatch.
///
/// For a minibatch gradient `G` (one row per example, one column per output
/// unit of the layer), meProp keeps the k columns with the largest column
/// sums of |G| and zeroes the rest in every row. Viewed as a function of the
/// flattened batch gradient `vec(G)` (row-major, length b·m), it keeps b·k of
/// b·m entries, so Definition 3 would require a kept share of ‖G‖² of at least
/// k/m. Column sums of |G| rank columns by their ℓ1 mass while the bound is
/// about ℓ2 energy, so the bound can fail (see `Fixtures/theory/unified-top-k-violation.json`).
///
/// Ties between equal column sums: the smaller column index is kept first.
public struct UnifiedTopK: SparsifyingFunction {
  /// Number of examples b in the minibatch (rows of G).
  public let batchSize: Int

  /// A unified top-k over minibatches of `batchSize` rows.
  /// - Throws: `outOfRange` when `batchSize < 1`.
  public init(batchSize: Int) throws {
    if batchSize < 1 {
      throw TheoryError.outOfRange(what: "batchSize", value: "\(batchSize)", allowed: "[1, ∞)")
    }
    self.batchSize = batchSize
  }

  /// "unified_top_k".
  public var name: String { "unified_top_k(batch: \(batchSize))" }

  /// The k kept columns of a batch gradient given by rows, ascending.
  /// - Throws: `outOfRange` for k outside [0, m]; `dimensionMismatch` for ragged rows.
  public func selectedColumns(of batch: [[Rational]], k: Int) throws -> [Int] {
    let m = batch.first?.count ?? 0
    for (i, row) in batch.enumerated() { try VectorMath.requireCount(row, m, "row \(i) of batch gradient") }
    try requireSparsity(k, m)
    var sums = [Rational](repeating: Rational(0), count: m)
    for row in batch { for j in 0..<m { sums[j] = sums[j] + row[j].magnitude } }
    let order = (0..<m).sorted { i, j in sums[i] != sums[j] ? sums[i] > sums[j] : i < j }
    return order.prefix(k).sorted()
  }

  /// The sparsified batch gradient (same mask in every row).
  public func apply(toBatch batch: [[Rational]], k: Int) throws -> [[Rational]] {
    let keep = Set(try selectedColumns(of: batch, k: k))
    return batch.map { row in row.indices.map { keep.contains($0) ? row[$0] : Rational(0) } }
  }

  /// Indices of the flattened (row-major) batch gradient `vec(G)` that are
  /// kept when `k` columns are kept: here `kFlat` must equal `batchSize · k`.
  /// - Throws: `outOfRange` unless `v.count` is a multiple of `batchSize`
  ///   and `kFlat` a multiple of `batchSize` within range.
  public func selectedIndices(of v: [Rational], k kFlat: Int) throws -> [Int] {
    if v.count % batchSize != 0 {
      throw TheoryError.outOfRange(
        what: "length of flattened batch gradient", value: "\(v.count)", allowed: "multiples of \(batchSize)")
    }
    if kFlat % batchSize != 0 {
      throw TheoryError.outOfRange(what: "k of flattened batch", value: "\(kFlat)", allowed: "multiples of \(batchSize)")
    }
    let m = v.count / batchSize
    let rows = (0..<batchSize).map { Array(v[($0 * m)..<(($0 + 1) * m)]) }
    let columns = try selectedColumns(of: rows, k: kFlat / batchSize)
    var result: [Int] = []
    for r in 0..<batchSize { for c in columns { result.append(r * m + c) } }
    return result.sorted()
  }
}
