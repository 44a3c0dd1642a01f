// Integrated shrinking on choice sequences (after Hypothesis's shrinker).
//
// A counterexample is represented by the choices that generated it. The shrinker proposes
// simpler choice sequences (shorter, or equally long and lexicographically smaller:
// "shortlex" order), reruns the property on each, and keeps a proposal whenever it still
// fails. Because each built-in generator maps smaller choices to simpler values, shortlex
// progress on choices is progress towards a minimal counterexample.

/// A failing case: the choices that produce it, and what was observed.
struct CaseFailure {
  var choices: [UInt64]
  var spans: [Range<Int>]
  var size: Int
  var value: String
  var error: String?
  var notes: [String]
}

/// The result of running a property on one case.
enum CaseOutcome {
  case pass(Set<String>)
  case discard(String)
  case fail(CaseFailure)
}

/// `a` precedes `b` in shortlex order (shorter first, then lexicographically smaller).
func shortlexPrecedes(_ a: [UInt64], _ b: [UInt64]) -> Bool {
  if a.count != b.count { return a.count < b.count }
  for (x, y) in zip(a, b) where x != y { return x < y }
  return false
}

/// Shrinks a failing case by repeated passes until none makes progress or the budget
/// of property runs is spent.
struct Shrinker {
  private let run: ([UInt64]) -> CaseOutcome
  private let limit: Int
  private(set) var best: CaseFailure
  private(set) var improvements = 0
  private(set) var attempts = 0
  private let deadline: ContinuousClock.Instant
  /// Whether shrinking stopped at its budget rather than at a local minimum.
  private(set) var stoppedAtBudget = false

  init(
    failure: CaseFailure, limit: Int, timeLimit: Duration = .seconds(60),
    run: @escaping ([UInt64]) -> CaseOutcome
  ) {
    self.best = failure
    self.limit = limit
    self.deadline = ContinuousClock.now.advanced(by: timeLimit)
    self.run = run
  }

  private var exhausted: Bool { attempts >= limit || stoppedAtBudget }

  /// Runs the property on `candidate`; keeps it if it fails and is simpler.
  @discardableResult
  private mutating func consider(_ candidate: [UInt64]) -> Bool {
    guard !exhausted, shortlexPrecedes(candidate, best.choices) else { return false }
    if ContinuousClock.now >= deadline { stoppedAtBudget = true; return false }
    attempts += 1
    if case .fail(let failure) = run(candidate), shortlexPrecedes(failure.choices, best.choices) {
      best = failure
      improvements += 1
      return true
    }
    return false
  }

  mutating func shrink() {
    defer { if attempts >= limit { stoppedAtBudget = true } }
    while !exhausted {
      let before = best.choices
      deleteSpans()
      replaceSpansByLaterOnes()
      equalizeSpans()
      deleteChunks()
      zeroChunks()
      minimizeEachChoice()
      redistributePairs()
      lowerEqualPairs()
      lowerAndRaiseNext()
      if best.choices == before { break }
    }
  }

  /// Deletes whole logical sub-values (list elements with their flags). When that alone
  /// makes the property pass, also tries raising one of the few choices just before the
  /// span to its maximum: a big integer's top limb can only go if the limb below takes
  /// over its weight (2^64 = [0, 1] in limbs becomes [2^64 - 1], then shrinks further).
  private mutating func deleteSpans() {
    var i = 0
    while i < best.spans.count && !exhausted {
      let span = best.spans[i]
      guard span.upperBound <= best.choices.count else { i += 1; continue }
      var candidate = best.choices
      candidate.removeSubrange(span)
      if consider(candidate) { continue }
      var raised = false
      for p in stride(from: span.lowerBound - 1, through: max(0, span.lowerBound - 3), by: -1)
      where candidate[p] != .max {
        var bumped = candidate
        bumped[p] = .max
        if consider(bumped) { raised = true; break }
      }
      if !raised { i += 1 }
    }
  }

  /// Overwrites an earlier span with (the tail of) a later one and deletes the later one:
  /// the way a list whose first elements are mandatory (`count: 1...`) loses an element
  /// that is not the last, e.g. `[0, 10]` becomes `[10]`.
  private mutating func replaceSpansByLaterOnes() {
    var a = 0
    var tried = 0
    while a < best.spans.count && !exhausted && tried < 2000 {
      var b = a + 1
      while b < best.spans.count && !exhausted && tried < 2000 {
        let first = best.spans[a], second = best.spans[b]
        if first.upperBound <= second.lowerBound && second.upperBound <= best.choices.count {
          tried += 1
          let k = min(first.count, second.count)
          var candidate = best.choices
          candidate.replaceSubrange(
            (first.upperBound - k)..<first.upperBound,
            with: best.choices[(second.upperBound - k)..<second.upperBound])
          candidate.removeSubrange(second)
          if consider(candidate) { continue }
        }
        b += 1
      }
      a += 1
    }
  }

  /// Copies the smaller of two equally long spans over the larger: two elements that are
  /// equal as values but recorded differently (e.g. 78/2 and 39/1) become equal as choices,
  /// so that `lowerEqualPairs` can then shrink the tie itself.
  private mutating func equalizeSpans() {
    var a = 0
    var tried = 0
    while a < best.spans.count && !exhausted && tried < 2000 {
      var b = a + 1
      while b < best.spans.count && !exhausted && tried < 2000 {
        let first = best.spans[a], second = best.spans[b]
        if first.upperBound <= second.lowerBound && second.upperBound <= best.choices.count {
          // Compare the spans' tails: a list element's span may or may not start with
          // its continue flag.
          let k = min(first.count, second.count)
          let firstTail = (first.upperBound - k)..<first.upperBound
          let secondTail = (second.upperBound - k)..<second.upperBound
          let x = Array(best.choices[firstTail]), y = Array(best.choices[secondTail])
          if x != y {
            tried += 1
            var candidate = best.choices
            if shortlexPrecedes(y, x) {
              candidate.replaceSubrange(firstTail, with: y)
            } else {
              candidate.replaceSubrange(secondTail, with: x)
            }
            consider(candidate)
          }
        }
        b += 1
      }
      a += 1
    }
  }

  /// Deletes runs of k consecutive choices, from the end backwards.
  private mutating func deleteChunks() {
    for k in [8, 4, 3, 2, 1] {
      var i = best.choices.count - k
      while i >= 0 && !exhausted {
        if i + k <= best.choices.count {
          var candidate = best.choices
          candidate.removeSubrange(i..<(i + k))
          consider(candidate)
        }
        i -= 1
      }
    }
  }

  /// Sets runs of k consecutive choices to zero.
  private mutating func zeroChunks() {
    for k in [8, 4, 2] {
      var i = 0
      while i + k <= best.choices.count && !exhausted {
        if best.choices[i..<(i + k)].contains(where: { $0 != 0 }) {
          var candidate = best.choices
          for j in i..<(i + k) { candidate[j] = 0 }
          consider(candidate)
        }
        i += 1
      }
    }
  }

  /// Makes each choice as small as possible by binary search (assuming that failure is
  /// monotone in the choice, which holds for the common "x >= threshold" shapes).
  private mutating func minimizeEachChoice() {
    var i = 0
    while i < best.choices.count && !exhausted {
      let value = best.choices[i]
      if value > 0 && !replace(i, with: 0) && !tryLinearly(i, below: min(value, 9)) {
        var low: UInt64 = 0  // passes (or is otherwise not accepted)
        var high = value  // fails
        while high - low > 1 && !exhausted {
          let mid = low + (high - low) / 2
          if replace(i, with: mid) {
            guard i < best.choices.count, best.choices[i] == mid else { break }
            high = mid
          } else {
            low = mid
          }
        }
      }
      i += 1
    }
  }

  /// Tries the values 1..<bound for choice i, smallest first: catches non-monotone
  /// failures (e.g. "the denominator is a multiple of 3") that binary search skips.
  private mutating func tryLinearly(_ i: Int, below bound: UInt64) -> Bool {
    guard bound > 1 else { return false }
    for v in 1..<bound where replace(i, with: v) { return true }
    return false
  }

  private mutating func replace(_ i: Int, with value: UInt64) -> Bool {
    guard i < best.choices.count else { return false }
    var candidate = best.choices
    candidate[i] = value
    return consider(candidate)
  }

  /// Moves value from an earlier choice into a later one (e.g. from one list element to
  /// another), so that sums can concentrate in one element and the emptied ones can
  /// then be deleted: "every sum is below 10" shrinks to the single element [10].
  private mutating func redistributePairs() {
    var i = 0
    while i < best.choices.count && !exhausted {
      var j = i + 1
      while j < min(best.choices.count, i + 12) && !exhausted && best.choices[i] > 0 {
        var amount = best.choices[i]
        while amount > 0 && !exhausted {
          var candidate = best.choices
          let (sum, overflow) = candidate[j].addingReportingOverflow(amount)
          if !overflow {
            candidate[i] -= amount
            candidate[j] = sum
            if consider(candidate) { break }
          }
          amount /= 2
        }
        j += 1
      }
      i += 1
    }
  }

  /// Lowers a choice while raising one of the next few to its maximum. A branch choice
  /// (`oneOf`, `frequency`) usually cannot be lowered alone, because the values it leads
  /// to are read from the same later choices; with them at their maximum the simpler
  /// branch often still fails, and the next `minimizeEachChoice` pass brings them down.
  private mutating func lowerAndRaiseNext() {
    var i = 0
    while i < best.choices.count && !exhausted {
      let value = best.choices[i]
      if value > 0 {
        outer: for lowered in Set([0, 1, value / 2, value - 1]).filter({ $0 < value }).sorted() {
          for j in (i + 1)..<min(best.choices.count, i + 4) {
            var candidate = best.choices
            candidate[i] = lowered
            candidate[j] = .max
            if consider(candidate) { break outer }
          }
        }
      }
      i += 1
    }
  }

  /// Lowers pairs of equal choices together (properties that need two values to be
  /// equal, such as ties, cannot be shrunk one choice at a time).
  private mutating func lowerEqualPairs() {
    var i = 0
    var tried = 0
    while i < best.choices.count && !exhausted && tried < 400 {
      var j = i + 1
      while j < best.choices.count && !exhausted && tried < 400 {
        let v = best.choices[i]
        if v > 1 && best.choices[j] == v {
          tried += 1
          var low: UInt64 = 0
          var high = v
          while high - low > 1 && !exhausted {
            let mid = low + (high - low) / 2
            var candidate = best.choices
            candidate[i] = mid
            candidate[j] = mid
            if consider(candidate) { high = mid } else { low = mid }
            if i >= best.choices.count || j >= best.choices.count { break }
          }
        }
        j += 1
      }
      i += 1
    }
  }
}
