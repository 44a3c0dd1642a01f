// Combinators: zip, choice between generators, elements, arrays.

extension Gen {
  /// Pairs of independently generated values.
  public static func zip<A, B>(_ a: Gen<A>, _ b: Gen<B>) -> Gen<(A, B)> where Value == (A, B) {
    Gen { source in (try a.generate(source), try b.generate(source)) }
  }

  /// Triples of independently generated values.
  public static func zip<A, B, C>(
    _ a: Gen<A>, _ b: Gen<B>, _ c: Gen<C>
  ) -> Gen<(A, B, C)> where Value == (A, B, C) {
    Gen { source in (try a.generate(source), try b.generate(source), try c.generate(source)) }
  }

  /// Quadruples of independently generated values.
  public static func zip<A, B, C, D>(
    _ a: Gen<A>, _ b: Gen<B>, _ c: Gen<C>, _ d: Gen<D>
  ) -> Gen<(A, B, C, D)> where Value == (A, B, C, D) {
    Gen { source in
      (try a.generate(source), try b.generate(source), try c.generate(source),
       try d.generate(source))
    }
  }

  /// One of `generators`, chosen uniformly; shrinks towards the first one, so list the
  /// simplest alternative first.
  public static func oneOf(_ generators: [Gen<Value>]) -> Gen<Value> {
    Gen { source in
      guard !generators.isEmpty else {
        throw GeneratorError("Gen.oneOf: the list of generators is empty")
      }
      let index = try source.draw(upTo: UInt64(generators.count - 1))
      return try generators[Int(index)].generate(source)
    }
  }

  /// One of `generators`, chosen uniformly (variadic form).
  public static func oneOf(_ generators: Gen<Value>...) -> Gen<Value> {
    oneOf(generators)
  }

  /// One of `generators`, chosen with probability proportional to its weight; shrinks
  /// towards the first one whatever the weights, so list the simplest alternative first.
  public static func frequency(_ weighted: [(Int, Gen<Value>)]) -> Gen<Value> {
    Gen { source in
      let total = weighted.reduce(0) { $0 + max(0, $1.0) }
      guard !weighted.isEmpty, total > 0, weighted.allSatisfy({ $0.0 >= 0 }) else {
        throw GeneratorError(
          "Gen.frequency: weights must be non-negative with a positive sum, got \(weighted.map(\.0))")
      }
      let index = try source.draw(upTo: UInt64(weighted.count - 1)) { rng in
        var ticket = Int.random(in: 0..<total, using: &rng)
        for (i, entry) in weighted.enumerated() {
          if ticket < entry.0 { return UInt64(i) }
          ticket -= entry.0
        }
        return UInt64(weighted.count - 1)
      }
      return try weighted[Int(index)].1.generate(source)
    }
  }

  /// One of `generators` with weights (variadic form).
  public static func frequency(_ weighted: (Int, Gen<Value>)...) -> Gen<Value> {
    frequency(weighted)
  }

  /// One of `elements`, uniformly; shrinks towards the first.
  public static func element(of elements: [Value]) -> Gen<Value> {
    Gen { source in
      guard !elements.isEmpty else {
        throw GeneratorError("Gen.element(of:): the list of elements is empty")
      }
      return elements[Int(try source.draw(upTo: UInt64(elements.count - 1)))]
    }
  }

  /// Arrays of values from this generator.
  ///
  /// - Parameter count: the allowed lengths; by default `0...size`, so arrays grow over
  ///   the run. A length is picked uniformly in the allowed range.
  ///
  /// Choice layout (as in Hypothesis): before each element beyond the minimum length, a
  /// continue flag (1 = one more element). Deleting a flag together with its element
  /// removes that element, and zeroing a flag truncates the array, so arrays shrink in
  /// length as well as element-wise.
  public func array(count: ClosedRange<Int>? = nil) -> Gen<[Value]> {
    Gen<[Value]> { source in
      let bounds = count ?? 0...max(0, source.size)
      guard bounds.lowerBound >= 0 else {
        throw GeneratorError("Gen.array(count:): negative length in \(bounds)")
      }
      let target = source.steer { rng in Int.random(in: bounds, using: &rng) } ?? 0
      var result: [Value] = []
      result.reserveCapacity(min(bounds.upperBound, 1024))
      while result.count < bounds.upperBound {
        let start = source.beginSpan()
        if result.count >= bounds.lowerBound {
          let more = try source.draw(upTo: 1, generating: result.count < target ? 1 : 0)
          if more == 0 { break }
        }
        result.append(try self.generate(source))
        source.endSpan(start)
      }
      return result
    }
  }

  /// Arrays of exactly `count` values.
  public func array(count: Int) -> Gen<[Value]> {
    array(count: count...count)
  }
}
