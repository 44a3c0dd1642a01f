import SparseNetworks

/// Which part of the parameter vector an angle is measured on.
public enum ParameterPart: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
  /// The weights and bias of layer `l` (1-based from the input side, as the paper's
  /// `W^(1), W^(2), ...`). The output layer always backpropagates densely, so its angle is 0
  /// up to rounding; hidden layers carry the estimation error.
  case layer(Int)
  /// The whole parameter vector `w = [W^(1), b^(1), ..., W^(L), b^(L)]` (Lemma D.4's `w`).
  case whole

  /// `layer1`, `layer2`, ..., or `whole`.
  public var description: String {
    switch self {
    case .layer(let l): "layer\(l)"
    case .whole: "whole"
    }
  }

  /// Parses ``description``.
  public init?(_ text: String) {
    if text == "whole" {
      self = .whole
    } else if text.hasPrefix("layer"), let l = Int(text.dropFirst(5)), l >= 1 {
      self = .layer(l)
    } else {
      return nil
    }
  }

  /// Layers in order, then the whole vector.
  public static func < (a: ParameterPart, b: ParameterPart) -> Bool {
    switch (a, b) {
    case (.layer(let x), .layer(let y)): x < y
    case (.layer, .whole): true
    default: false
    }
  }

  /// Encodes ``description``.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }

  /// Decodes ``description``.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let part = ParameterPart(text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown parameter part '\(text)'"))
    }
    self = part
  }
}

/// The angles between two sets of parameter gradients of one network, per layer (weights and
/// bias together) and for the whole parameter vector, in degrees (`nil` where a gradient is zero).
public struct ParameterAngles: Sendable, Equatable {
  /// One angle per layer, input side first.
  public var layers: [Double?]
  /// The angle of the whole parameter vector.
  public var whole: Double?

  /// The angle of `part`.
  public subscript(part: ParameterPart) -> Double? {
    switch part {
    case .whole: whole
    case .layer(let l): l >= 1 && l <= layers.count ? layers[l - 1] : nil
    }
  }

  /// Every part: the layers, then `.whole`.
  public var parts: [ParameterPart] { (1...layers.count).map { .layer($0) } + [.whole] }

  /// The angles between `estimate` and `truth` (one ``LinearGradient`` per layer each).
  public init(estimate: [LinearGradient], truth: [LinearGradient]) throws {
    guard estimate.count == truth.count, !estimate.isEmpty else {
      throw ShapeError("ParameterAngles: \(estimate.count) estimated layers, \(truth.count) true layers")
    }
    var total = AngleAccumulator()
    layers = []
    for (e, t) in zip(estimate, truth) {
      var acc = AngleAccumulator()
      try acc.add(e.weight.storage, t.weight.storage)
      try acc.add(e.bias, t.bias)
      layers.append(acc.degrees)
      total.add(acc)
    }
    whole = total.degrees
  }

  /// The angles between two ``Gradients``.
  public init(estimate: Gradients, truth: Gradients) throws {
    try self.init(estimate: estimate.layers, truth: truth.layers)
  }
}
