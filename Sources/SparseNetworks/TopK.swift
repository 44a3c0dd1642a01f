/// Top-k selection: the sparsifying function `top_k` of the paper (Definition 4), which
/// keeps the `k` entries of largest magnitude.
///
/// **Tie-breaking (deterministic, shared by the float and the exact implementations):**
/// entry `i` ranks above entry `j` when its key is larger, or when the keys are equal and
/// `i < j`. The `k` highest-ranked entries are selected, so among equal magnitudes the
/// lower index wins. Selected indices are always returned in ascending order, which is the
/// order the sparse backward accumulates them in.
///
/// The selection keeps a heap of the `k` best entries seen so far, scanning the indices in
/// ascending order: O(n log k) time and O(k) extra space, as in the paper's Table 1, never
/// a full sort of the `n` entries.
public enum TopK {
  /// The indices of the `k` highest-ranked of `count` entries, in ascending order.
  ///
  /// `key(i)` is entry `i`'s key (a magnitude, a column sum of magnitudes, or any
  /// `Comparable`); ranking and tie-breaking are as described on ``TopK``. Generic so that
  /// an exact (rational) twin can reuse the very same selection rule.
  ///
  /// - Precondition: `count >= 0` and `k >= 0`. When `k >= count`, every index is selected.
  @inlinable
  public static func select<Key: Comparable>(
    count: Int, k: Int, key: (Int) -> Key
  ) -> [Int] {
    precondition(count >= 0 && k >= 0, "TopK.select needs count >= 0 and k >= 0")
    if k >= count { return Array(0..<count) }
    if k == 0 { return [] }
    // Min-heap by rank: the root is the lowest-ranked of the kept entries.
    var heapIndex = [Int]()
    var heapKey = [Key]()
    heapIndex.reserveCapacity(k)
    heapKey.reserveCapacity(k)
    // `a` ranks below `b`.
    func below(_ a: Int, _ b: Int) -> Bool {
      heapKey[a] < heapKey[b] || (heapKey[a] == heapKey[b] && heapIndex[a] > heapIndex[b])
    }
    func swapAt(_ a: Int, _ b: Int) {
      heapIndex.swapAt(a, b)
      heapKey.swapAt(a, b)
    }
    for i in 0..<count {
      let ki = key(i)
      if heapIndex.count < k {
        heapIndex.append(i)
        heapKey.append(ki)
        var c = heapIndex.count - 1
        while c > 0 {
          let p = (c - 1) / 2
          guard below(c, p) else { break }
          swapAt(c, p)
          c = p
        }
      } else if ki > heapKey[0] {
        // Equal keys never replace the root: the root has a lower index, so it ranks higher.
        heapIndex[0] = i
        heapKey[0] = ki
        var p = 0
        while true {
          let l = 2 * p + 1
          let r = l + 1
          var m = p
          if l < k && below(l, m) { m = l }
          if r < k && below(r, m) { m = r }
          if m == p { break }
          swapAt(p, m)
          p = m
        }
      }
    }
    return heapIndex.sorted()
  }

  /// The magnitude used to rank a float entry: `|v|`, with NaN ranked above everything
  /// (as `+infinity`), so that a diverging gradient is propagated, not silently dropped.
  @inlinable
  public static func magnitude(_ v: Float) -> Float {
    v.isNaN ? .infinity : abs(v)
  }

  /// Per-example top-k: for each row `b` of `values` (shape `[B, m]`), the indices of the
  /// `k` entries of largest magnitude in that row, in ascending order.
  public static func perExample(_ values: Matrix, k: Int) -> [[Int]] {
    precondition(k >= 0, "TopK.perExample needs k >= 0")
    let m = values.columns
    if k >= m { return Array(repeating: Array(0..<m), count: values.rows) }
    if k == 0 { return Array(repeating: [], count: values.rows) }
    var result = [[Int]]()
    result.reserveCapacity(values.rows)
    var heapIndex = [Int](repeating: 0, count: k)
    var heapKey = [Float](repeating: 0, count: k)
    values.storage.withUnsafeBufferPointer { p in
      for b in 0..<values.rows {
        selectFloat(p.baseAddress! + b * m, count: m, k: k, heapIndex: &heapIndex, heapKey: &heapKey)
        result.append(heapIndex.sorted())
      }
    }
    return result
  }

  /// ``select(count:k:key:)`` specialised to float magnitudes of a row (same rule, no
  /// generic dispatch or allocation in the loop): leaves the selected indices, unordered,
  /// in `heapIndex`. Requires `0 < k < count`.
  static func selectFloat(
    _ row: UnsafePointer<Float>, count: Int, k: Int,
    heapIndex: inout [Int], heapKey: inout [Float]
  ) {
    heapIndex.withUnsafeMutableBufferPointer { hi in
      heapKey.withUnsafeMutableBufferPointer { hk in
        @inline(__always) func below(_ a: Int, _ b: Int) -> Bool {
          hk[a] < hk[b] || (hk[a] == hk[b] && hi[a] > hi[b])
        }
        @inline(__always) func sift(_ start: Int) {
          var p = start
          while true {
            let l = 2 * p + 1
            let r = l + 1
            var s = p
            if l < k && below(l, s) { s = l }
            if r < k && below(r, s) { s = r }
            if s == p { return }
            hi.swapAt(p, s)
            hk.swapAt(p, s)
            p = s
          }
        }
        // Heapify the first k entries, then scan the rest.
        for i in 0..<k {
          hi[i] = i
          hk[i] = magnitude(row[i])
        }
        var i = k / 2 - 1
        while i >= 0 {
          sift(i)
          i -= 1
        }
        // The root's key is the bar to clear; kept in a local so the scan stays in registers.
        var bar = hk[0]
        for i in k..<count {
          let key = magnitude(row[i])
          if key > bar {
            hi[0] = i
            hk[0] = key
            sift(0)
            bar = hk[0]
          }
        }
      }
    }
  }

  /// meProp's unified top-k: one index set for the whole batch, the `k` columns of
  /// `values` (shape `[B, m]`) with the largest column sums of magnitudes
  /// `s_j = sum_b |v_bj|` (summed over `b` in ascending order), in ascending order.
  public static func unified(_ values: Matrix, k: Int) -> [Int] {
    let scores = unifiedScores(values)
    return select(count: values.columns, k: k) { scores[$0] }
  }

  /// The column sums `s_j = sum_b |v_bj|` (NaN entries count as `+infinity`), summed over
  /// `b` in ascending order.
  public static func unifiedScores(_ values: Matrix) -> [Float] {
    var scores = [Float](repeating: 0, count: values.columns)
    let m = values.columns
    values.storage.withUnsafeBufferPointer { p in
      for b in 0..<values.rows {
        for j in 0..<m { scores[j] += magnitude(p[b * m + j]) }
      }
    }
    return scores
  }
}
