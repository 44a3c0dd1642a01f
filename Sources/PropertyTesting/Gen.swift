// The generator type and its core combinators.

/// Thrown to discard the current case: by ``Gen/filter(_:maxAttempts:)`` when it cannot
/// find an acceptable value, or by ``PropertyContext/assume(_:)``. A discarded case neither
/// passes nor fails; too many of them fail the property (see `forAll`).
public struct CaseDiscarded: Error, CustomStringConvertible {
  /// Why the case was discarded.
  public let reason: String
  /// Creates a discard with a reason shown in the statistics.
  public init(_ reason: String) { self.reason = reason }
  /// The reason.
  public var description: String { "case discarded: \(reason)" }
}

/// A generator of random values of type `Value` with integrated shrinking.
///
/// A `Gen` is a recipe that turns a ``ChoiceSource`` (a sequence of bounded integer
/// choices) into a value. Because shrinking happens on the choices rather than on the
/// values, every generator built with `map`, `flatMap`, `filter`, `zip`, `oneOf`,
/// `frequency` or `array` shrinks without any extra code.
///
/// Rule for writing new primitive generators: choice 0 must give the simplest value,
/// and smaller choices simpler values.
public struct Gen<Value> {
  private let body: (ChoiceSource) throws -> Value

  /// Creates a generator from a function that draws its choices from a source.
  public init(_ body: @escaping (ChoiceSource) throws -> Value) {
    self.body = body
  }

  /// Produces one value, consuming choices from `source`.
  public func generate(_ source: ChoiceSource) throws -> Value {
    try body(source)
  }

  /// A generator that always produces `value` (and consumes no choices).
  public static func constant(_ value: Value) -> Gen<Value> {
    Gen { _ in value }
  }

  /// Transforms every generated value; shrinking carries over unchanged.
  public func map<T>(_ transform: @escaping (Value) throws -> T) -> Gen<T> {
    Gen<T> { source in try transform(self.generate(source)) }
  }

  /// Uses a generated value to choose the next generator (dependent generation, e.g. a
  /// dimension first and then a matrix of that dimension).
  public func flatMap<T>(_ transform: @escaping (Value) throws -> Gen<T>) -> Gen<T> {
    Gen<T> { source in try transform(self.generate(source)).generate(source) }
  }

  /// Keeps only values satisfying `predicate`, retrying up to `maxAttempts` times within
  /// one case and discarding the case after that. Discarded cases count against the
  /// property's discard limit, which fails loudly when exceeded, so a filter that rejects
  /// nearly everything cannot pass silently.
  public func filter(
    _ predicate: @escaping (Value) throws -> Bool, maxAttempts: Int = 10
  ) -> Gen<Value> {
    Gen { source in
      for _ in 0..<max(1, maxAttempts) {
        let value = try self.generate(source)
        if try predicate(value) { return value }
      }
      throw CaseDiscarded("filter rejected \(maxAttempts) values in a row")
    }
  }

  /// Runs this generator with a different size parameter.
  public func resized(_ size: Int) -> Gen<Value> {
    Gen { source in
      let outer = source.size
      source.size = max(0, size)
      defer { source.size = outer }
      return try self.generate(source)
    }
  }
}

extension Gen {
  /// A generator that depends on the current size parameter (QuickCheck's `sized`).
  public static func sized(_ make: @escaping (Int) -> Gen<Value>) -> Gen<Value> {
    Gen { source in try make(source.size).generate(source) }
  }
}
