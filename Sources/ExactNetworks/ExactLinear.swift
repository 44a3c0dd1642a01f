import ExactArithmetic
import SparseNetworks

/// A linear layer `h = W x + b` over exact rationals with dense, SBP (Algorithm 1) and MSBP
/// (Algorithm 2) backward passes: the twin of ``SparseNetworks/Linear``.
///
/// It follows the float layer's documented order of operations step by step (values,
/// selection, estimate, products, bias, proposed memory) and its conventions: memory of
/// shape `[B, m]`, one row per batch slot, a smaller batch using the first rows, the memory
/// growing with zero rows for a larger batch; ``backward(_:input:mode:biasGradient:computeInputGradient:)``
/// is pure and ``commitMemory(_:)`` installs the proposed memory. Only the arithmetic differs:
/// every sum and product is exact, so the order of the sums no longer matters.
///
/// The selection is *the float code's own*: ``SparseNetworks/TopK/select(count:k:key:)``,
/// generic over the key, ranks exact magnitudes with the same tie rule (equal keys: the
/// lower index wins). Exact ties are real here, and are resolved exactly as the float code
/// resolves equal floats.
public final class ExactLinear {
  /// The input size `n`.
  public let inputSize: Int
  /// The output size `m`.
  public let outputSize: Int
  /// The weights `W`, shape `[m, n]`.
  public var weight: ExactMatrix
  /// The bias `b`, length `m`.
  public var bias: [Rational]
  /// The MSBP memory, shape `[B, m]`; `nil` (all zeros) until an MSBP backward is committed.
  public private(set) var memory: ExactMatrix?

  /// A layer with the given weights (`[m, n]`) and bias (length `m`).
  public init(weight: ExactMatrix, bias: [Rational]) throws(ShapeError) {
    guard bias.count == weight.rows else {
      throw ShapeError("ExactLinear: bias has \(bias.count) entries, weight has \(weight.rows) rows")
    }
    guard weight.rows >= 1, weight.columns >= 1 else {
      throw ShapeError("ExactLinear needs sizes >= 1, got \(weight.columns) -> \(weight.rows)")
    }
    self.inputSize = weight.columns
    self.outputSize = weight.rows
    self.weight = weight
    self.bias = bias
  }

  /// The exact twin of a float layer: weights, bias and memory converted exactly.
  /// Throws, naming the tensor, when an entry is NaN or infinite.
  public convenience init(exactly layer: Linear, name: String = "layer") throws {
    try self.init(
      weight: ExactMatrix(exactly: layer.weight, name: "\(name) weight"),
      bias: exactRationals(layer.bias, name: "\(name) bias"))
    if let m = layer.memory { memory = try ExactMatrix(exactly: m, name: "\(name) memory") }
  }

  /// A copy with the same weights, bias and memory (layers are reference types).
  public func copy() -> ExactLinear {
    let c = try! ExactLinear(weight: weight, bias: bias)
    c.memory = memory
    return c
  }

  /// The forward pass `H = X W^T + 1 b^T`.
  public func forward(_ x: ExactMatrix) throws(ShapeError) -> ExactMatrix {
    guard x.columns == inputSize else {
      throw ShapeError("ExactLinear.forward: input has \(x.columns) columns, layer expects \(inputSize)")
    }
    var h = ExactMatrix(rows: x.rows, columns: outputSize)
    for b in 0..<x.rows {
      for j in 0..<outputSize {
        var s = bias[j]
        for i in 0..<inputSize { s += weight.storage[j * inputSize + i] * x.storage[b * inputSize + i] }
        h.storage[b * outputSize + j] = s
      }
    }
    return h
  }

  /// The backward pass from `dl/dH` (`dh`, `[B, m]`) and the forward input `X` (`[B, n]`):
  /// the exact estimates of `dl/dW`, `dl/db` and (optionally) `dl/dX` under `mode`.
  ///
  /// The steps of ``SparseNetworks/Linear/backward(_:input:mode:biasGradient:computeInputGradient:)``:
  /// 1. `V = dh`, or `V = dh + M[0..<B]` for MSBP;
  /// 2. selection (not for dense): per-example `S_b = top_k(|V_b|)` or unified
  ///    `S = top_k(sum_b |V_b|)`, every unit when `k >= m`;
  /// 3. `G = V` on the selected entries, `0` elsewhere;
  /// 4. `dW = G^T X`, `dX = G W`;
  /// 5. `db = sum_b G_b` or, with ``SparseNetworks/BiasGradient/dense``, `sum_b dh_b`;
  /// 6. MSBP: proposed memory `M'_b = gamma (V_b - G_b)` for `b < B`, other rows kept.
  ///
  /// Nothing in the layer changes; ``commitMemory(_:)`` installs the memory.
  public func backward(
    _ dh: ExactMatrix, input x: ExactMatrix, mode: ExactBackwardMode,
    biasGradient: BiasGradient = .fromEstimate, computeInputGradient: Bool = true
  ) throws -> ExactLinearGradient {
    try mode.validate()
    guard dh.columns == outputSize, x.columns == inputSize, dh.rows == x.rows else {
      throw ShapeError(
        "ExactLinear.backward: dl/dh is [\(dh.rows), \(dh.columns)], input [\(x.rows), \(x.columns)], "
          + "layer is \(inputSize) -> \(outputSize)")
    }
    let batch = dh.rows
    let m = outputSize
    let n = inputSize

    // Step 1.
    var v = dh
    var k = m
    var selection = Selection.perExample
    var gamma: Rational? = nil
    switch mode {
    case .dense: break
    case .sbp(let kk, let s):
      (k, selection) = (kk, s)
    case .msbp(let kk, let g, let s):
      (k, selection, gamma) = (kk, s, g)
      if let mem = memory {
        for i in 0..<(min(batch, mem.rows) * m) { v.storage[i] += mem.storage[i] }
      }
    }

    // Steps 2-3.
    var g = v
    var selected: SelectedUnits? = nil
    if k >= m {
      if case .dense = mode {} else { selected = .all }
    } else {
      g = ExactMatrix(rows: batch, columns: m)
      switch selection {
      case .perExample:
        let sets = ExactTopK.perExample(v, k: k)
        for b in 0..<batch {
          for j in sets[b] { g.storage[b * m + j] = v.storage[b * m + j] }
        }
        selected = .perExample(sets)
      case .unified:
        let set = ExactTopK.unified(v, k: k)
        for b in 0..<batch {
          for j in set { g.storage[b * m + j] = v.storage[b * m + j] }
        }
        selected = .unified(set)
      }
    }

    // Step 4. Zero entries of G contribute nothing, exactly; skipping them is the O(B k n)
    // accumulation of the float code and changes no value.
    var dW = ExactMatrix(rows: m, columns: n)
    var dX: ExactMatrix? = computeInputGradient ? ExactMatrix(rows: batch, columns: n) : nil
    for b in 0..<batch {
      for j in 0..<m {
        let gbj = g.storage[b * m + j]
        if gbj.isZero { continue }
        for i in 0..<n {
          dW.storage[j * n + i] += gbj * x.storage[b * n + i]
          dX?.storage[b * n + i] += gbj * weight.storage[j * n + i]
        }
      }
    }

    // Step 5.
    let biasSource = biasGradient == .dense ? dh : g
    var db = [Rational](repeating: .zero, count: m)
    for b in 0..<batch {
      for j in 0..<m { db[j] += biasSource.storage[b * m + j] }
    }

    // Step 6.
    var proposed: ExactMatrix? = nil
    if let gamma {
      var newMemory = memory ?? ExactMatrix(rows: batch, columns: m)
      if newMemory.rows < batch {
        var grown = ExactMatrix(rows: batch, columns: m)
        grown.storage.replaceSubrange(0..<newMemory.storage.count, with: newMemory.storage)
        newMemory = grown
      }
      for i in 0..<(batch * m) { newMemory.storage[i] = gamma * (v.storage[i] - g.storage[i]) }
      proposed = newMemory
    }

    return ExactLinearGradient(
      weight: dW, bias: db, input: dX, values: v, estimate: g, selected: selected, memory: proposed)
  }

  /// Installs the proposed memory of an MSBP backward (no effect for dense and SBP).
  public func commitMemory(_ gradient: ExactLinearGradient) {
    if let m = gradient.memory { memory = m }
  }

  /// Replaces the memory (e.g. to restore a snapshot); `nil` means all zeros.
  public func setMemory(_ newMemory: ExactMatrix?) throws(ShapeError) {
    if let newMemory, newMemory.columns != outputSize {
      throw ShapeError("ExactLinear.setMemory: memory has \(newMemory.columns) columns, layer has \(outputSize) units")
    }
    memory = newMemory
  }
}

/// What one exact backward pass of an ``ExactLinear`` layer computes: the twin of
/// ``SparseNetworks/LinearGradient``, plus the ranked values `V`.
public struct ExactLinearGradient: Sendable {
  /// The estimate of `dl/dW`, `[m, n]`.
  public var weight: ExactMatrix
  /// The estimate of `dl/db`, length `m`.
  public var bias: [Rational]
  /// The estimate of `dl/dX`, `[B, n]` (`nil` when not requested).
  public var input: ExactMatrix?
  /// The values the sparsifier ranks, `V = dl/dH` (dense, SBP) or `dl/dH + M` (MSBP), `[B, m]`.
  public var values: ExactMatrix
  /// The propagated gradient `G` (the paper's `g`), `[B, m]`.
  public var estimate: ExactMatrix
  /// The selected units (`nil` in dense mode, `.all` for a sparse mode with `k >= m`).
  public var selected: SelectedUnits?
  /// The proposed new MSBP memory (`nil` unless the mode is MSBP).
  public var memory: ExactMatrix?

  /// A gradient from its parts.
  public init(
    weight: ExactMatrix, bias: [Rational], input: ExactMatrix?, values: ExactMatrix,
    estimate: ExactMatrix, selected: SelectedUnits?, memory: ExactMatrix?
  ) {
    self.weight = weight
    self.bias = bias
    self.input = input
    self.values = values
    self.estimate = estimate
    self.selected = selected
    self.memory = memory
  }

  /// The parameter gradient flattened: `dW` row-major, then `db`.
  public var flattened: [Rational] { weight.storage + bias }
}
