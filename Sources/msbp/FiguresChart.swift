import Foundation

/// A line chart written as a self-contained SVG: axes with ticks, labelled axes, a title,
/// one polyline with markers per series, a legend, optional error bars. No external tools.
struct LineChart {
  /// One line of the chart.
  struct Series {
    var name: String
    var points: [(x: Double, y: Double)]
    /// Half-heights of error bars (same count as `points`), or nil.
    var errors: [Double]? = nil
    var dashed = false
  }

  var title: String
  var xLabel: String
  var yLabel: String
  var series: [Series]
  /// A logarithmic x axis (for k from 1 to hundreds), ticks at the x values present.
  var logX = true

  private static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"]

  /// The SVG text.
  func svg(width: Double = 720, height: Double = 460) -> String {
    let (left, right, top, bottom) = (80.0, 190.0, 50.0, 60.0)
    let plotW = width - left - right, plotH = height - top - bottom
    let finite = series.flatMap { s in s.points.indices.map { i in (s.points[i], s.errors?[i] ?? 0) } }
      .filter { $0.0.x.isFinite && $0.0.y.isFinite }
    let xs = finite.map(\.0.x), ys = finite.flatMap { [$0.0.y - $0.1, $0.0.y + $0.1] }
    guard let xMin0 = xs.min(), let xMax0 = xs.max(), let yMin0 = ys.min(), let yMax0 = ys.max() else {
      return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\"><text x=\"20\" y=\"40\">\(escape(title)): no data</text></svg>\n"
    }
    let tx: (Double) -> Double = logX ? { log10(max($0, 1e-12)) } : { $0 }
    var (xa, xb) = (tx(xMin0), tx(xMax0))
    if xa == xb { (xa, xb) = (xa - 1, xb + 1) }
    let padX = (xb - xa) * 0.05
    (xa, xb) = (xa - padX, xb + padX)
    var (ya, yb) = (yMin0, yMax0)
    if ya == yb { (ya, yb) = (ya - 1, yb + 1) }
    let yTicks = Self.niceTicks(ya, yb)
    ya = min(ya, yTicks.first!); yb = max(yb, yTicks.last!)
    func px(_ x: Double) -> Double { left + (tx(x) - xa) / (xb - xa) * plotW }
    func py(_ y: Double) -> Double { top + (1 - (y - ya) / (yb - ya)) * plotH }
    func f(_ v: Double) -> String { String(format: "%.1f", v) }

    var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
    s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    s += "<text x=\"\(f(left + plotW / 2))\" y=\"28\" text-anchor=\"middle\" font-size=\"15\">\(escape(title))</text>\n"
    // Grid and ticks.
    for t in yTicks {
      s += "<line x1=\"\(f(left))\" y1=\"\(f(py(t)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(py(t)))\" stroke=\"#e5e5e5\"/>\n"
      s += "<text x=\"\(f(left - 6))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\">\(Self.label(t, step: yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1))</text>\n"
    }
    let xTicks = logX ? Array(Set(xs)).sorted() : Self.niceTicks(xMin0, xMax0)
    for t in xTicks {
      s += "<line x1=\"\(f(px(t)))\" y1=\"\(f(top))\" x2=\"\(f(px(t)))\" y2=\"\(f(top + plotH))\" stroke=\"#f0f0f0\"/>\n"
      s += "<text x=\"\(f(px(t)))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\">\(Self.label(t, step: 1))</text>\n"
    }
    s += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"black\"/>\n"
    s += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 18))\" text-anchor=\"middle\">\(escape(xLabel))\(logX ? " (log scale)" : "")</text>\n"
    s += "<text transform=\"translate(22 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>\n"
    // Lines, markers, error bars, legend.
    for (i, line) in series.enumerated() {
      let color = Self.palette[i % Self.palette.count]
      let pts = line.points.enumerated().filter { $0.element.x.isFinite && $0.element.y.isFinite }
      let dash = line.dashed ? " stroke-dasharray=\"6 4\"" : ""
      if pts.count > 1 {
        s += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash) points=\""
          + pts.map { "\(f(px($0.element.x))),\(f(py($0.element.y)))" }.joined(separator: " ") + "\"/>\n"
      }
      for (j, p) in pts {
        if let e = line.errors?[j], e > 0, e.isFinite {
          s += "<line x1=\"\(f(px(p.x)))\" y1=\"\(f(py(p.y - e)))\" x2=\"\(f(px(p.x)))\" y2=\"\(f(py(p.y + e)))\" stroke=\"\(color)\" opacity=\"0.6\"/>\n"
        }
        s += "<circle cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.y)))\" r=\"3.5\" fill=\"\(color)\"/>\n"
      }
      let ly = top + 10 + Double(i) * 20
      s += "<line x1=\"\(f(left + plotW + 12))\" y1=\"\(f(ly))\" x2=\"\(f(left + plotW + 40))\" y2=\"\(f(ly))\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>\n"
      s += "<text x=\"\(f(left + plotW + 46))\" y=\"\(f(ly + 4))\">\(escape(line.name))</text>\n"
    }
    s += "</svg>\n"
    return s
  }

  /// About six round tick values covering `[a, b]`.
  static func niceTicks(_ a: Double, _ b: Double) -> [Double] {
    let raw = (b - a) / 6
    let mag = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
    var t = floor(a / step) * step
    var ticks = [Double]()
    while t <= b + step * 0.5 {
      ticks.append(t)
      t += step
    }
    return ticks
  }

  static func label(_ v: Double, step: Double) -> String {
    if v == v.rounded() && abs(v) < 1e6 && step >= 1 { return String(Int(v)) }
    let digits = max(0, min(6, Int(ceil(-log10(step))) + 1))
    return String(format: "%.\(digits)f", v)
  }

  func escape(_ t: String) -> String {
    t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
  }
}
