// swift-tools-version:6.0
// The reference implementation and verification suite of
// "Memorized Sparse Backpropagation" (Zhang, Yang, Ren, Sun; Neurocomputing 2020).
import PackageDescription

let package = Package(
  name: "MemorizedSparseBackprop",
  products: [
    .library(name: "ExactArithmetic", targets: ["ExactArithmetic"]),
    .library(name: "ExactLinearAlgebra", targets: ["ExactLinearAlgebra"]),
    .library(name: "PropertyTesting", targets: ["PropertyTesting"]),
    .library(name: "MSBPTheory", targets: ["MSBPTheory"]),
    .library(name: "SparseNetworks", targets: ["SparseNetworks"]),
    .executable(name: "theorem-check", targets: ["theorem-check"]),
    .executable(name: "msbp", targets: ["msbp"]),
  ],
  targets: [
    // MARK: C shims (system libraries from Debian packages)
    .systemLibrary(
      name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"])]),
    .systemLibrary(
      name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    // The same benchmark loops written directly against GMP in C: the baseline.
    .target(name: "_CGMPBaseline", dependencies: ["CGMP"]),

    // MARK: Seeded randomness (SplitMix64, xoshiro256**), shared by every module
    .target(name: "SeededRandom"),

    // MARK: Exact modules
    .target(name: "ExactArithmetic", dependencies: ["CGMP"]),
    .target(name: "ExactLinearAlgebra", dependencies: ["ExactArithmetic", "SeededRandom"]),

    // MARK: Verification
    .target(name: "PropertyTesting", dependencies: ["SeededRandom"]),
    .target(
      name: "MSBPTestSupport",
      dependencies: ["PropertyTesting", "ExactArithmetic", "ExactLinearAlgebra"]),
    .target(name: "MSBPTheory", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "SeededRandom"]),
    .target(name: "TheoremCheckCore", dependencies: ["MSBPTheory", "ExactArithmetic", "ExactLinearAlgebra"]),
    .executableTarget(name: "theorem-check", dependencies: ["TheoremCheckCore"]),

    // MARK: Networks
    .target(name: "SparseNetworks", dependencies: ["COpenBLAS", "SeededRandom"]),
    .target(name: "ExactNetworks", dependencies: ["ExactArithmetic", "SparseNetworks"]),
    .target(name: "GradientAngles", dependencies: ["SparseNetworks", "ExactNetworks"]),
    .executableTarget(name: "msbp", dependencies: ["SparseNetworks", "GradientAngles"]),

    // MARK: Benchmarks (run in release: `swift run -c release exact-bench`)
    .executableTarget(name: "exact-bench", dependencies: ["ExactArithmetic", "_CGMPBaseline", "SeededRandom"]),
    .executableTarget(name: "linalg-bench", dependencies: ["ExactLinearAlgebra"]),

    // MARK: Tests
    .testTarget(name: "ExactArithmeticTests", dependencies: ["ExactArithmetic", "MSBPTestSupport", "PropertyTesting"]),
    .testTarget(name: "ExactLinearAlgebraTests", dependencies: ["ExactLinearAlgebra", "MSBPTestSupport", "PropertyTesting"]),
    .testTarget(name: "PropertyTestingTests", dependencies: ["PropertyTesting", "MSBPTestSupport"]),
    .testTarget(name: "MSBPTheoryTests", dependencies: ["MSBPTheory", "MSBPTestSupport", "PropertyTesting"]),
    .testTarget(name: "TheoremCheckTests", dependencies: ["TheoremCheckCore", "theorem-check", "MSBPTestSupport", "PropertyTesting"]),
    .testTarget(name: "SparseNetworksTests", dependencies: ["SparseNetworks", "msbp", "MSBPTestSupport", "PropertyTesting"]),
    .testTarget(name: "ExactNetworksTests", dependencies: ["ExactNetworks", "SparseNetworks", "MSBPTestSupport", "PropertyTesting"]),
    .testTarget(name: "GradientAnglesTests", dependencies: ["GradientAngles", "SparseNetworks", "ExactNetworks", "MSBPTestSupport", "PropertyTesting"]),
  ]
)
