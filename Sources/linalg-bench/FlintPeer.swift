import Foundation

/// The python-flint peer: the same computations with FLINT, run in this session as a child
/// process on the very same matrices (written to a temporary file as exact fractions).
///
/// Extreme eigenvalues the FLINT way: the exact characteristic polynomial
/// (`fmpq_mat.charpoly`) and certified root isolation of its numerator
/// (`fmpz_poly.complex_roots`, arb balls at 53+ bits, which exceeds the 2^-30 gap).
let flintPeerScript = #"""
import sys, time, json, resource
import flint

def read_matrix(path):
    rows = [line.split() for line in open(path) if line.strip()]
    n = len(rows)
    return n, flint.fmpq_mat(n, n, [flint.fmpq(*map(int, e.split('/'))) if '/' in e else flint.fmpq(int(e)) for r in rows for e in r])

def best_of(reps, f):
    best, result = None, None
    for _ in range(reps):
        t0 = time.process_time(); result = f(); t = time.process_time() - t0
        best = t if best is None or t < best else best
    return best, result

path, reps, want_charpoly = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
n, a = read_matrix(path)
out = {"n": n, "flint": flint.__version__}
def extremes():
    p = a.charpoly()
    roots = p.numer().complex_roots()
    reals = [r.real for r, m in roots]
    return min(reals, key=lambda x: x.mid()), max(reals, key=lambda x: x.mid())
t, (lo, hi) = best_of(reps, extremes)
out["extremes_seconds"] = t
out["lambda_min"] = float(lo.mid()); out["lambda_max"] = float(hi.mid())
if want_charpoly:
    t, p = best_of(reps, a.charpoly)
    out["charpoly_seconds"] = t
    out["charpoly"] = [str(c) for c in p.coeffs()]
out["peak_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(out))
"""#

/// What the peer measured for one matrix.
struct FlintResult: Decodable {
  var n: Int
  var flint: String
  var extremes_seconds: Double
  var lambda_min: Double
  var lambda_max: Double
  var charpoly_seconds: Double?
  var charpoly: [String]?
  var peak_rss_kb: Int
}

/// Runs the peer on `matrixPath`; `nil` (with a message on stderr) when python or flint is
/// missing, so the Swift half of the table still prints.
func runFlintPeer(python: String, scriptPath: String, matrixPath: String, repetitions: Int, charpoly: Bool)
  -> FlintResult?
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [python, scriptPath, matrixPath, String(repetitions), charpoly ? "1" : "0"]
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  do { try process.run() } catch {
    FileHandle.standardError.write("peer: cannot start \(python): \(error)\n".data(using: .utf8)!)
    return nil
  }
  let data = output.fileHandleForReading.readDataToEndOfFile()
  let errorData = errors.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0, let result = try? JSONDecoder().decode(FlintResult.self, from: data) else {
    FileHandle.standardError.write("peer failed (install with `pip install python-flint==0.9.*`):\n".data(using: .utf8)!)
    FileHandle.standardError.write(errorData)
    return nil
  }
  return result
}
