import Foundation
import Testing
@testable import MSBPTheory

/// The committed ledger must equal the generated one. To regenerate:
/// `MSBP_WRITE_LEDGER=1 swift test --filter MSBPTheoryTests.LedgerTests`.
@Suite struct LedgerTests {
  var root: URL { URL(fileURLWithPath: repositoryRoot()) }

  @Test func committedLedgerMatchesTheRegistry() throws {
    let url = root.appendingPathComponent(ledgerRelativePath)
    let generated = generateLedger()
    if ProcessInfo.processInfo.environment["MSBP_WRITE_LEDGER"] == "1" {
      try generated.write(to: url, atomically: true, encoding: .utf8)
    }
    let committed = try String(contentsOf: url, encoding: .utf8)
    #expect(committed == generated, "Proofs/README.md is stale: regenerate with MSBP_WRITE_LEDGER=1 swift test --filter MSBPTheoryTests.LedgerTests")
  }

  @Test func registryIsWellFormed() throws {
    let claims = ClaimsRegistry.claims
    #expect(Set(claims.map(\.id)).count == claims.count, "duplicate claim ids")
    for c in claims {
      if let proof = c.proof {
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Proofs/\(proof)").path), "\(c.id): missing Proofs/\(proof)")
      }
      if c.status == .refuted {
        // A refutation must name its fixture, and the fixture must exist.
        let name = try #require(c.note.split(separator: " ").first { $0.contains("Fixtures/") }, "\(c.id) names no fixture")
        let path = name.drop { $0 != "F" }.prefix { $0 != "," && $0 != ")" }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(String(path)).path), "\(c.id): missing \(path)")
      }
      if c.status != .notYetChecked && c.status != .notCheckable {
        #expect(c.proof != nil, "\(c.id) is decided but has no proof file")
      }
    }
    #expect(claim(withID: "thm1")?.status == .provedAndChecked)
  }

  @Test func ledgerRowsEscapePipes() {
    let text = generateLedger([Claim(id: "x", source: "s", statement: "a | b", status: .notYetChecked, note: "n\nm")])
    #expect(text.contains("a \\| b"))
    #expect(text.contains("n m"))
  }
}
