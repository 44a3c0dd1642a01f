// Per-case context: classification for coverage, assumptions, notes.

/// Passed to a property for each case; lets the property classify the case (for coverage
/// requirements and statistics), discard it, or attach notes to the failure report.
public final class PropertyContext {
  /// The labels given to this case so far.
  public private(set) var labels: Set<String> = []
  /// Notes recorded for this case; those of the shrunk counterexample appear in the report.
  public private(set) var notes: [String] = []

  init() {}

  /// Gives the case the label `label` when `condition` holds. Coverage requirements
  /// (`cover:` in `forAll`) demand that a label occurs in at least a given share of cases.
  public func classify(_ label: String, _ condition: Bool) {
    if condition { labels.insert(label) }
  }

  /// Gives the case the label `label` unconditionally.
  public func label(_ label: String) {
    labels.insert(label)
  }

  /// Discards the case unless `condition` holds (a precondition of the property, like
  /// QuickCheck's `==>`). Discards count against the discard limit.
  public func assume(_ condition: Bool, _ reason: @autoclosure () -> String = "assumption failed")
    throws
  {
    if !condition { throw CaseDiscarded(reason()) }
  }

  /// Records a note (e.g. an intermediate value); the notes of the shrunk counterexample
  /// are printed in the failure report.
  public func note(_ message: @autoclosure () -> String) {
    notes.append(message())
  }
}
