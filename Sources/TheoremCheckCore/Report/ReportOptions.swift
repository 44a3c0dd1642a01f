/// How a report is rendered.
public struct ReportOptions: Sendable, Hashable {
  /// Digits after the decimal point of the correctly rounded decimals.
  public var digits: Int
  /// Whether the text report also prints exact forms.
  public var exactForms: Bool
  /// The input's name, printed in the header.
  public var inputName: String?

  /// Creates options.
  public init(digits: Int = 6, exactForms: Bool = false, inputName: String? = nil) {
    self.digits = digits
    self.exactForms = exactForms
    self.inputName = inputName
  }
}
