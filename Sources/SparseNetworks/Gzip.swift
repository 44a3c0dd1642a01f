/// A small gzip (RFC 1952) / DEFLATE (RFC 1951) decoder, so that the data loaders can
/// read `.gz` files (the 8x8 digits fixture, the MNIST files as distributed) without a
/// zlib dependency. It favours clarity over speed: Huffman codes are decoded canonically,
/// one bit at a time. The CRC-32 and length in the gzip trailer are checked.
enum Gzip {
  /// What went wrong while decoding (the caller names the file).
  struct Failure: Error { let reason: String }

  /// Whether `bytes` start with the gzip magic number.
  static func isGzip(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
  }

  /// The decompressed contents of a gzip file (all members, concatenated).
  static func decompress(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
    var output = [UInt8]()
    var position = 0
    repeat {
      position = try member(bytes, from: position, into: &output)
    } while position < bytes.count && isGzip(Array(bytes[position...].prefix(2)))
    guard position == bytes.count else {
      throw Failure(reason: "\(bytes.count - position) unexpected bytes after the gzip data")
    }
    return output
  }

  /// Decodes one gzip member starting at `start`; returns the position after it.
  private static func member(_ bytes: [UInt8], from start: Int, into output: inout [UInt8]) throws(Failure) -> Int {
    guard bytes.count - start >= 18 else { throw Failure(reason: "truncated gzip header") }
    guard bytes[start] == 0x1f, bytes[start + 1] == 0x8b else { throw Failure(reason: "not gzip data (bad magic)") }
    guard bytes[start + 2] == 8 else { throw Failure(reason: "unsupported gzip compression method \(bytes[start + 2])") }
    let flags = bytes[start + 3]
    var p = start + 10
    func need(_ n: Int) throws(Failure) {
      if p + n > bytes.count { throw Failure(reason: "truncated gzip header") }
    }
    if flags & 4 != 0 {
      try need(2)
      let length = Int(bytes[p]) | Int(bytes[p + 1]) << 8
      p += 2
      try need(length)
      p += length
    }
    for flag: UInt8 in [8, 16] where flags & flag != 0 {
      while true {
        try need(1)
        p += 1
        if bytes[p - 1] == 0 { break }
      }
    }
    if flags & 2 != 0 {
      try need(2)
      p += 2
    }
    let begin = output.count
    var inflater = Inflater(bytes: bytes, position: p)
    try inflater.inflate(into: &output)
    p = inflater.bytePosition
    guard p + 8 <= bytes.count else { throw Failure(reason: "truncated gzip trailer (file cut short?)") }
    let crc = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
    let size = UInt32(bytes[p + 4]) | UInt32(bytes[p + 5]) << 8 | UInt32(bytes[p + 6]) << 16 | UInt32(bytes[p + 7]) << 24
    let produced = output[begin...]
    guard UInt32(truncatingIfNeeded: produced.count) == size else {
      throw Failure(reason: "gzip length check failed (corrupt data)")
    }
    guard crc32(produced) == crc else { throw Failure(reason: "gzip CRC-32 check failed (corrupt data)") }
    return p + 8
  }

  /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320).
  static func crc32(_ data: ArraySlice<UInt8>) -> UInt32 {
    var table = [UInt32](repeating: 0, count: 256)
    for i in 0..<256 {
      var c = UInt32(i)
      for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
      table[i] = c
    }
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}

/// A canonical Huffman code: the number of codes of each length and the symbols in
/// canonical order.
private struct Huffman {
  var counts = [Int](repeating: 0, count: 16)
  var symbols: [Int] = []

  /// Builds the code from the code length of each symbol (0 = unused).
  init(lengths: [Int]) throws(Gzip.Failure) {
    for l in lengths { counts[l] += 1 }
    counts[0] = 0
    var left = 1
    for len in 1..<16 {
      left = left << 1 - counts[len]
      if left < 0 { throw Gzip.Failure(reason: "invalid Huffman code (over-subscribed)") }
    }
    var offsets = [Int](repeating: 0, count: 16)
    for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
    symbols = [Int](repeating: 0, count: lengths.count)
    for (symbol, l) in lengths.enumerated() where l != 0 {
      symbols[offsets[l]] = symbol
      offsets[l] += 1
    }
  }
}

/// DEFLATE decoding state: the input and a bit position within it.
private struct Inflater {
  let bytes: [UInt8]
  var bytePosition: Int
  var bitBuffer = 0
  var bitCount = 0

  init(bytes: [UInt8], position: Int) {
    self.bytes = bytes
    self.bytePosition = position
  }

  mutating func bits(_ n: Int) throws(Gzip.Failure) -> Int {
    while bitCount < n {
      guard bytePosition < bytes.count else { throw Gzip.Failure(reason: "truncated compressed data (file cut short?)") }
      bitBuffer |= Int(bytes[bytePosition]) << bitCount
      bytePosition += 1
      bitCount += 8
    }
    let value = bitBuffer & ((1 << n) - 1)
    bitBuffer >>= n
    bitCount -= n
    return value
  }

  mutating func decode(_ h: Huffman) throws(Gzip.Failure) -> Int {
    var code = 0
    var first = 0
    var index = 0
    for len in 1..<16 {
      code |= try bits(1)
      let count = h.counts[len]
      if code - count < first { return h.symbols[index + (code - first)] }
      index += count
      first = (first + count) << 1
      code <<= 1
    }
    throw Gzip.Failure(reason: "invalid Huffman code in compressed data")
  }

  static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
  static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
  static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

  mutating func inflate(into out: inout [UInt8]) throws(Gzip.Failure) {
    let start = out.count
    var last = false
    while !last {
      last = try bits(1) == 1
      switch try bits(2) {
      case 0:
        bitBuffer = 0
        bitCount = 0
        guard bytePosition + 4 <= bytes.count else { throw Gzip.Failure(reason: "truncated stored block") }
        let len = Int(bytes[bytePosition]) | Int(bytes[bytePosition + 1]) << 8
        let nlen = Int(bytes[bytePosition + 2]) | Int(bytes[bytePosition + 3]) << 8
        guard len == (~nlen & 0xFFFF) else { throw Gzip.Failure(reason: "corrupt stored block length") }
        bytePosition += 4
        guard bytePosition + len <= bytes.count else { throw Gzip.Failure(reason: "truncated stored block") }
        out.append(contentsOf: bytes[bytePosition..<(bytePosition + len)])
        bytePosition += len
      case 1:
        var lengths = [Int](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        try codes(try Huffman(lengths: lengths), try Huffman(lengths: [Int](repeating: 5, count: 30)), start: start, into: &out)
      case 2:
        let nlen = try bits(5) + 257
        let ndist = try bits(5) + 1
        let ncode = try bits(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<ncode { codeLengths[order[i]] = try bits(3) }
        let lencode = try Huffman(lengths: codeLengths)
        var lengths = [Int]()
        while lengths.count < nlen + ndist {
          let symbol = try decode(lencode)
          switch symbol {
          case 0..<16: lengths.append(symbol)
          case 16:
            guard let previous = lengths.last else { throw Gzip.Failure(reason: "corrupt code lengths") }
            lengths.append(contentsOf: repeatElement(previous, count: 3 + (try bits(2))))
          case 17: lengths.append(contentsOf: repeatElement(0, count: 3 + (try bits(3))))
          default: lengths.append(contentsOf: repeatElement(0, count: 11 + (try bits(7))))
          }
        }
        guard lengths.count == nlen + ndist else { throw Gzip.Failure(reason: "corrupt code lengths") }
        try codes(
          try Huffman(lengths: Array(lengths[0..<nlen])), try Huffman(lengths: Array(lengths[nlen...])),
          start: start, into: &out)
      default:
        throw Gzip.Failure(reason: "invalid DEFLATE block type")
      }
    }
  }

  mutating func codes(_ lit: Huffman, _ dist: Huffman, start: Int, into out: inout [UInt8]) throws(Gzip.Failure) {
    while true {
      let symbol = try decode(lit)
      if symbol < 256 {
        out.append(UInt8(symbol))
      } else if symbol == 256 {
        return
      } else {
        let s = symbol - 257
        guard s < 29 else { throw Gzip.Failure(reason: "invalid length code") }
        let length = Self.lengthBase[s] + (try bits(Self.lengthExtra[s]))
        let d = try decode(dist)
        guard d < 30 else { throw Gzip.Failure(reason: "invalid distance code") }
        let distance = Self.distanceBase[d] + (try bits(Self.distanceExtra[d]))
        guard distance <= out.count - start else { throw Gzip.Failure(reason: "distance too far back") }
        let from = out.count - distance
        for i in 0..<length { out.append(out[from + i]) }
      }
    }
  }
}
