/// A linear layer `h = W x + b` (the paper's Eq. 3, with a bias) with dense, SBP
/// (Algorithm 1) and MSBP (Algorithm 2) backward passes over minibatches.
///
/// Shapes: `W` is `[m, n]` (one row per output unit), a batch `X` is `[B, n]`, `H` and
/// `dl/dH` are `[B, m]`.
///
/// **Memory (MSBP).** Algorithm 2 is written for one example. With minibatches this layer
/// keeps one memory row per batch slot, shape `[B, m]`: slot `b` of every batch is fed
/// `dl/dh_b + m_b`, which is Algorithm 2 exactly when `B = 1`. A smaller (last) batch of
/// `B' < B` rows uses and updates only the first `B'` memory rows. The memory starts at
/// zero and grows (with zero rows) if a larger batch arrives.
///
/// **Separation of computing and committing.** ``backward(_:input:mode:biasGradient:computeInputGradient:)``
/// reads the memory but never writes it: it returns the proposed new memory in
/// ``LinearGradient/memory``, and ``commitMemory(_:)`` installs it. So the same state can be
/// asked for several estimates (dense, SBP, MSBP) without disturbing a training run.
public final class Linear {
  /// The input size `n`.
  public let inputSize: Int
  /// The output size `m`.
  public let outputSize: Int
  /// The weights `W`, shape `[m, n]`.
  public var weight: Matrix
  /// The bias `b`, length `m`.
  public var bias: [Float]
  /// The MSBP memory, shape `[B, m]`; `nil` until the first MSBP backward is committed.
  public private(set) var memory: Matrix?

  /// A layer with the given weights (`[m, n]`) and bias (length `m`).
  public init(weight: Matrix, bias: [Float]) throws(ShapeError) {
    guard bias.count == weight.rows else {
      throw ShapeError("Linear: bias has \(bias.count) entries, weight has \(weight.rows) rows")
    }
    self.inputSize = weight.columns
    self.outputSize = weight.rows
    self.weight = weight
    self.bias = bias
  }

  /// A layer initialised as PyTorch's `nn.Linear`: weights and biases uniform in
  /// `[-1/sqrt(n), 1/sqrt(n)]`, drawn row by row (weights first, then biases) from `rng`.
  public convenience init(
    inputSize n: Int, outputSize m: Int, using rng: inout SeededGenerator
  ) throws(ShapeError) {
    guard n >= 1, m >= 1 else { throw ShapeError("Linear needs sizes >= 1, got \(n) -> \(m)") }
    let bound = 1 / Float(n).squareRoot()
    var w = Matrix(rows: m, columns: n)
    for i in w.storage.indices { w.storage[i] = rng.nextFloat(in: -bound, bound) }
    var b = [Float](repeating: 0, count: m)
    for j in b.indices { b[j] = rng.nextFloat(in: -bound, bound) }
    try self.init(weight: w, bias: b)
  }

  /// The forward pass `H = X W^T + 1 b^T` (one OpenBLAS `sgemm`).
  public func forward(_ x: Matrix) throws(ShapeError) -> Matrix {
    guard x.columns == inputSize else {
      throw ShapeError("Linear.forward: input has \(x.columns) columns, layer expects \(inputSize)")
    }
    var h = Matrix(rows: x.rows, columns: outputSize)
    for b in 0..<x.rows {
      h.storage.replaceSubrange((b * outputSize)..<((b + 1) * outputSize), with: bias)
    }
    BLAS.gemm(x, weight, transposeB: true, into: &h, beta: 1)
    return h
  }

  /// The backward pass: from `dl/dH` (`dh`, `[B, m]`) and the forward input `X` (`[B, n]`),
  /// the gradient estimates for `W`, `b` and (optionally) `X` under `mode`.
  ///
  /// Order of operations (mirrored exactly by the exact twin):
  /// 1. `V = dh` (dense, SBP) or `V = dh + M[0..<B]` (MSBP, entrywise, memory rows `0..<B`).
  /// 2. Selection (skipped for dense): per-example `S_b = topk(|V_b|)` for each row, or
  ///    unified `S = topk(sum_b |V_b|)`; see ``TopK`` for the tie rule. When `k >= m` every
  ///    unit is selected.
  /// 3. `G = V` on selected entries, `0` elsewhere (the estimate `g` of the paper).
  /// 4. `dW = G^T X`, `dX = G W`. Dense mode and `k >= m` use `sgemm`; per-example top-k
  ///    accumulates `dW_j += G_bj X_b` and `dX_b += G_bj W_j`; for each row `dW_j` and
  ///    each row `dX_b` the terms are added in ascending order of `b` (resp. `j`) (O(B k n)); unified top-k gathers the `k` selected columns of
  ///    `G` and rows of `W` and uses `sgemm` on the small matrices.
  /// 5. `db = sum_b G_b` (``BiasGradient/fromEstimate``) or `sum_b dh_b`
  ///    (``BiasGradient/dense``), summed over `b` ascending.
  /// 6. MSBP only: proposed memory `M'_b = gamma (V_b - G_b)` for `b < B`, other rows kept.
  ///
  /// Nothing in the layer changes; call ``commitMemory(_:)`` to install the memory.
  public func backward(
    _ dh: Matrix, input x: Matrix, mode: BackwardMode,
    biasGradient: BiasGradient = .fromEstimate, computeInputGradient: Bool = true
  ) throws -> LinearGradient {
    try mode.validate()
    guard dh.columns == outputSize, x.columns == inputSize, dh.rows == x.rows else {
      throw ShapeError(
        "Linear.backward: dl/dh is [\(dh.rows), \(dh.columns)], input [\(x.rows), \(x.columns)], "
          + "layer is \(inputSize) -> \(outputSize)")
    }
    let batch = dh.rows
    let m = outputSize
    let n = inputSize

    // Steps 1-3.
    var v = dh
    var k = m
    var selection = Selection.perExample
    var gamma: Float? = nil
    switch mode {
    case .dense: break
    case .sbp(let kk, let s):
      k = kk
      selection = s
    case .msbp(let kk, let g, let s):
      k = kk
      selection = s
      gamma = g
      if let mem = memory {
        let shared = min(batch, mem.rows) * m
        for i in 0..<shared { v.storage[i] += mem.storage[i] }
      }
    }

    var result = LinearGradient(
      weight: Matrix(rows: m, columns: n), bias: [], input: nil, estimate: v,
      selected: nil, memory: nil)

    if k >= m {
      // Every unit selected: G = V, dense products.
      BLAS.gemm(v, transposeA: true, x, into: &result.weight)
      if computeInputGradient {
        var dx = Matrix(rows: batch, columns: n)
        BLAS.gemm(v, weight, into: &dx)
        result.input = dx
      }
      if case .dense = mode {} else {
        result.selected = .all
      }
    } else {
      var g = Matrix(rows: batch, columns: m)
      var dx = Matrix(rows: batch, columns: computeInputGradient ? n : 0)
      switch selection {
      case .perExample:
        let sets = TopK.perExample(v, k: k)
        for b in 0..<batch {
          for j in sets[b] { g.storage[b * m + j] = v.storage[b * m + j] }
        }
        accumulatePerExample(g: g, sets: sets, x: x, dW: &result.weight, dx: &dx)
        result.selected = .perExample(sets)
      case .unified:
        let set = TopK.unified(v, k: k)
        for b in 0..<batch {
          for j in set { g.storage[b * m + j] = v.storage[b * m + j] }
        }
        accumulateUnified(g: g, set: set, x: x, dW: &result.weight, dx: &dx)
        result.selected = .unified(set)
      }
      result.estimate = g
      if computeInputGradient { result.input = dx }
    }

    // Step 5.
    result.bias = columnSums(biasGradient == .dense ? dh : result.estimate)

    // Step 6.
    if let gamma {
      var newMemory = memory ?? Matrix(rows: batch, columns: m)
      if newMemory.rows < batch {
        var grown = Matrix(rows: batch, columns: m)
        grown.storage.replaceSubrange(0..<newMemory.storage.count, with: newMemory.storage)
        newMemory = grown
      }
      for i in 0..<(batch * m) {
        newMemory.storage[i] = gamma * (v.storage[i] - result.estimate.storage[i])
      }
      result.memory = newMemory
    }
    return result
  }

  /// Installs the proposed memory of an MSBP backward (no effect for dense and SBP).
  public func commitMemory(_ gradient: LinearGradient) {
    if let m = gradient.memory { memory = m }
  }

  /// Replaces the memory (e.g. to restore a snapshot); `nil` means all zeros.
  public func setMemory(_ newMemory: Matrix?) throws(ShapeError) {
    if let newMemory, newMemory.columns != outputSize {
      throw ShapeError("Linear.setMemory: memory has \(newMemory.columns) columns, layer has \(outputSize) units")
    }
    memory = newMemory
  }

  /// `dW_j += G_bj X_b`, `dX_b += G_bj W_j` over the selected entries: O(B k n).
  ///
  /// `dW` is accumulated unit by unit (each touched row of `dW` is finished while it is in
  /// cache), with the examples of each unit in ascending order: for every `dW_j` this is the
  /// same sequence of additions as the example-major loop `for b { for j in S_b }`, so the
  /// result is bitwise the same. `dX` is accumulated example by example.
  private func accumulatePerExample(
    g: Matrix, sets: [[Int]], x: Matrix, dW: inout Matrix, dx: inout Matrix
  ) {
    let n = inputSize
    let m = outputSize
    let wantInput = dx.columns == n
    // Counting sort of the (b, j) pairs by unit j, examples ascending within a unit.
    var start = [Int](repeating: 0, count: m + 1)
    for set in sets { for j in set { start[j + 1] += 1 } }
    for j in 0..<m { start[j + 1] += start[j] }
    var fill = start
    var examples = [Int](repeating: 0, count: start[m])
    for (b, set) in sets.enumerated() {
      for j in set {
        examples[fill[j]] = b
        fill[j] += 1
      }
    }
    g.storage.withUnsafeBufferPointer { pg in
      x.storage.withUnsafeBufferPointer { px in
        dW.storage.withUnsafeMutableBufferPointer { pdw in
          for j in 0..<m {
            for e in start[j]..<start[j + 1] {
              let b = examples[e]
              BLAS.axpy(n, pg[b * m + j], px.baseAddress! + b * n, pdw.baseAddress! + j * n)
            }
          }
        }
        guard wantInput else { return }
        weight.storage.withUnsafeBufferPointer { pw in
          dx.storage.withUnsafeMutableBufferPointer { pdx in
            for b in 0..<sets.count {
              for j in sets[b] {
                BLAS.axpy(n, pg[b * m + j], pw.baseAddress! + j * n, pdx.baseAddress! + b * n)
              }
            }
          }
        }
      }
    }
  }

  /// Unified top-k: gather `G_S` (`[B, k]`) and `W_S` (`[k, n]`), then
  /// `dW_S = G_S^T X` and `dX = G_S W_S` with `sgemm`: O(B k n).
  private func accumulateUnified(
    g: Matrix, set: [Int], x: Matrix, dW: inout Matrix, dx: inout Matrix
  ) {
    let n = inputSize
    let m = outputSize
    var gS = Matrix(rows: g.rows, columns: set.count)
    for b in 0..<g.rows {
      for (c, j) in set.enumerated() { gS.storage[b * set.count + c] = g.storage[b * m + j] }
    }
    var dWS = Matrix(rows: set.count, columns: n)
    BLAS.gemm(gS, transposeA: true, x, into: &dWS)
    for (c, j) in set.enumerated() {
      dW.storage.replaceSubrange((j * n)..<((j + 1) * n), with: dWS.storage[(c * n)..<((c + 1) * n)])
    }
    if dx.columns == n {
      BLAS.gemm(gS, weight.gatherRows(set), into: &dx)
    }
  }
}

/// Column sums `sum_b A_bj`, summed over `b` in ascending order.
func columnSums(_ a: Matrix) -> [Float] {
  var s = [Float](repeating: 0, count: a.columns)
  for b in 0..<a.rows {
    for j in 0..<a.columns { s[j] += a.storage[b * a.columns + j] }
  }
  return s
}

/// Which units a sparse backward propagated.
public enum SelectedUnits: Sendable, Equatable {
  /// Every unit (dense mode never reports this; sparse modes with `k >= m` do).
  case all
  /// Per-example top-k: one ascending index set per example.
  case perExample([[Int]])
  /// Unified top-k: one ascending index set for the whole batch.
  case unified([Int])
}

/// What one backward pass of a ``Linear`` layer computes.
public struct LinearGradient: Sendable {
  /// The estimate of `dl/dW`, `[m, n]`.
  public var weight: Matrix
  /// The estimate of `dl/db`, length `m`.
  public var bias: [Float]
  /// The estimate of `dl/dX`, `[B, n]` (`nil` when not requested).
  public var input: Matrix?
  /// The propagated gradient `G` (the paper's `g`), `[B, m]`; equals `dl/dH` in dense mode.
  public var estimate: Matrix
  /// The selected units (`nil` in dense mode).
  public var selected: SelectedUnits?
  /// The proposed new MSBP memory (`nil` unless the mode is MSBP); see ``Linear/commitMemory(_:)``.
  public var memory: Matrix?

  /// A gradient from its parts (e.g. to feed an ``Optimizer`` gradients computed elsewhere).
  public init(
    weight: Matrix, bias: [Float], input: Matrix?, estimate: Matrix,
    selected: SelectedUnits?, memory: Matrix?
  ) {
    self.weight = weight
    self.bias = bias
    self.input = input
    self.estimate = estimate
    self.selected = selected
    self.memory = memory
  }
}
