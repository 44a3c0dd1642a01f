/// Every claim of the paper with its status: the single source of the
/// ledger `Proofs/README.md` (see `generateLedger()`).
///
/// To update a row (e.g. after measuring an empirical claim), edit it here,
/// then regenerate the ledger:
/// `MSBP_WRITE_LEDGER=1 swift test --filter MSBPTheoryTests.LedgerTests`.
/// The ledger test fails whenever the committed file and this list disagree.
public enum ClaimsRegistry {
  /// All claims, in the order of the paper.
  public static let claims: [Claim] = definitions + lemmas + theorems + appendixNotes + empirical

  static let definitions: [Claim] = [
    Claim(
      id: "def1-phi-range", source: "Def. 1, footnote 2, App. D.2",
      statement: "For a μ-strongly convex, L-smooth loss, φ(ℓ) = arccos √(μ/L) ∈ (0, π/2), because μ < L always holds.",
      status: .erratum,
      note: "μ = L is possible (ℓ(w) = ½‖w‖² has μ = L = 1), so φ ∈ [0, π/2). App. D.2 itself only derives μ <= L (Eq. 17). Checked: convexSmoothAngle(mu: 1, L: 1) is exactly 0 and Theorem 1 holds at μ = L (DefinitionsTests).",
      proof: "Definitions.md"),
    Claim(
      id: "appD2-mu-le-L", source: "App. D.2, Eq. 17",
      statement: "A μ-strongly convex and L-smooth loss has μ <= L.",
      status: .provedAndChecked,
      note: "QuadraticLoss.verifyCertificate accepts exactly the (μ, L) with μ <= λ_min <= λ_max <= L; property test over random SPD Hessians with known spectra.",
      proof: "Definitions.md"),
    Claim(
      id: "def3-degenerate", source: "Def. 3",
      statement: "S is a sparsifying function if ⟨S(v), v⟩ <= arccos √(k/n) for any v.",
      status: .erratum,
      note: "The angle is undefined for v = 0 and whenever S(v) = 0 (always for k = 0). Settled: v = 0 holds vacuously; otherwise the equivalent energy form ‖S(v)‖² >= (k/n)‖v‖² is used, which equals the angle form whenever the angle exists (checkDefinition3; both forms compared in tests).",
      proof: "SparsifyingFunctions.md"),
    Claim(
      id: "appD3-topk", source: "Def. 4, App. D.3 (Eqs. 18–20)",
      statement: "top_k is a sparsifying function with sparse ratio k/n.",
      status: .provedAndChecked,
      note: "checkTopKBound decides the bound exactly; property test over vectors with many ties and zeros, every k in [0, n]; exhaustive test over small integer vectors.",
      proof: "SparsifyingFunctions.md"),
    Claim(
      id: "def4-ties", source: "Def. 4",
      statement: "top_k keeps the k entries of largest magnitude (the order π is not unique under ties).",
      status: .provedAndChecked,
      note: "Deterministic rule: larger magnitude first, then smaller index. Every tie-break keeps the same multiset of magnitudes, so the same energy share and angle (property test against a second, reversed tie-break).",
      proof: "SparsifyingFunctions.md"),
    Claim(
      id: "randomk-sparsifying", source: "issue question (not claimed by the paper)",
      statement: "Is random_k (k indices drawn uniformly) a sparsifying function?",
      status: .refuted,
      note: "No: v = (1, 0), k = 1 and a seed that draws index 1 keeps nothing (Fixtures/theory/random-k-violation.json, RandomKTests). It keeps the k/n share of ‖v‖² only in expectation.",
      proof: "SparsifyingFunctions.md"),
    Claim(
      id: "unified-topk-special-case", source: "Sec. 3.2",
      statement: "meProp's top-k sparseness is a special case of the framework, i.e. uses a sparsifying function; this includes meProp's unified top-k for minibatches viewed on the flattened batch gradient.",
      status: .refuted,
      note: "Per-example top_k is a sparsifying function, but the unified top-k (one column set chosen by column sums of |G|) is not: G = [[0, 2], [3, 2]] (rows = examples), k = 1 keeps the column (2, 2) with ℓ1 mass 4 > 3 but only 8/17 < 1/2 of ‖G‖²; with the tie rule even [[1, 0], [1, 2]] keeps 1/3 (Fixtures/theory/unified-top-k-violation.json, smallest by exhaustive search in UnifiedTopKTests).",
      proof: "SparsifyingFunctions.md"),
    Claim(
      id: "def5-egd", source: "Def. 5 (Eq. 1)",
      statement: "EGD updates w_{t+1} = w_t − η_t g_t with η_t > 0; GD is the case g_t = ∇ℓ(w_t).",
      status: .provedAndChecked,
      note: "EstimatedGradientDescent on exact rationals with pluggable estimators (true, top_k, perturbed) and step rules; with the true gradient it coincides with GD step by step (EGDTests).",
      proof: "Definitions.md"),
    Claim(
      id: "sec31-special-cases", source: "Sec. 3.1",
      statement: "GD, Adam, AdaDelta and sparse backpropagation can be regarded as special cases of EGD.",
      status: .provedAndChecked,
      note: "True as stated, and by definition: Definition 5 allows any estimate g_t and step η_t > 0, so every update w − η u is EGD with g_t = u (Adam: u = m̂/(√v̂ + ε), η = the learning rate; AdaDelta: its scaled step with η = 1). Checked for GD (EGDTests.trueGradientEGDIsGradientDescent) and for top_k estimates (EGDTests). What the remark does not give: Adam's and AdaDelta's u are not designed to have a small angle with the gradient, so Theorems 1–3 say nothing about them unless δ(w_t) is bounded, which nothing here or in the paper establishes.",
      proof: "Definitions.md"),
  ]

  static let lemmas: [Claim] = [
    Claim(
      id: "lemD1", source: "Lemma D.1",
      statement: "⟨a, b⟩ <= ⟨a, c⟩ + ⟨b, c⟩ for non-zero vectors a, b, c.",
      status: .provedAndChecked,
      note: "checkLemmaD1 decides it exactly (angle sums compared through exact cosines); property test with near-coplanar and antipodal cases covered; the proof's Cauchy–Schwarz step (Eq. 57) checked too.",
      proof: "LemmaD1.md"),
    Claim(
      id: "lemD2", source: "Lemma D.2",
      statement: "For A ∈ R^{m×n} (m >= n) with AAᵀ positive definite and ρ >= σ_max/σ_min: cos⟨Aᵀu, Aᵀv⟩ >= ρ cos⟨u, v⟩ + 1 − ρ for n-dimensional u, v.",
      status: .erratum,
      note: "Hypotheses inconsistent as printed: AAᵀ (m×m) has rank <= n, so it is positive definite only if m <= n, and Aᵀu needs u ∈ R^m. Corrected: m <= n, u, v ∈ R^m; then it holds (checkLemmaD2, property test). Reading m > n with ρ from AᵀA fails: A = [[1], [0]], u = (1, 1), v = (−1, 1) (Fixtures/theory/lemma-d2-tall-matrix.json).",
      proof: "LemmaD2.md"),
    Claim(
      id: "lemD3", source: "Lemma D.3",
      statement: "For a linear layer trained with SBP: δ(w) = δ(h), δ(x) <= arccos(ρ₁ cos δ(h) + 1 − ρ₁), δ(h) <= arccos √r + arccos(ρ₂ cos δ(z) + 1 − ρ₂).",
      status: .erratum,
      note: "Holds under the corrected hypothesis m <= n (WWᵀ positive definite; App. D.4's m >= n then forces m = n). Checked exactly by checkLemmaD3 on generated layers (property test). Eq. 78 is misprinted: arccos(cos δ(h) + ρ₁ − 1) should read arccos(ρ₁ cos δ(h) + 1 − ρ₁), as in Eq. 77 and the statement.",
      proof: "LemmaD3.md"),
    Claim(
      id: "lemD4", source: "Lemma D.4 (proof in App. F, Eqs. 91–129)",
      statement: "For a ρ-well-posed MLP trained with SBP and any θ ∈ (0, π/2) there is r ∈ (1/ρ², 1) with δ(w) < θ.",
      status: .erratum,
      note: "The argument is sound after corrections: Eqs. 118–119 swap max and min twice (cos max_i δ_i = min_i α_i >= 1 − max_i β_i = 1 − β_1), and Eq. 128's limit is (ρ^{N−1} − 1)/(ρ − 1), not N − 1 (harmless since b → 0). f(r) > 0 is decided exactly (SparseRatioAnalysis.f) and a certified r is found by bisection. End to end on exact 3-layer MLPs (width 20, leaky activation, top_k): whenever f(k/m) > 0 the rescaled SBP estimate has δ(w) < θ, with Eqs. 95 and 117 checked too (checkLemmaD4, LemmaD4Tests). Caveat: Eqs. 92–93 rescale each layer's estimate by the true gradient norm.",
      proof: "LemmaD4.md"),
    Claim(
      id: "lemD4-eq128", source: "App. F, Eq. 128",
      statement: "lim_{r→1⁻} (a^{N−1} − 1)/(a − 1) = N − 1 (L'Hospital).",
      status: .erratum,
      note: "a = ρ√r → ρ > 1, not 1, so the limit is (ρ^{N−1} − 1)/(ρ − 1); ρ = 2, N = 3 gives 3, not 2 (exact test in Theorem4Tests).",
      proof: "LemmaD4.md"),
    Claim(
      id: "lemD4-eq118", source: "App. F, Eqs. 118–119",
      statement: "cos δ = cos max_i δ(w^(i)) = max_i α_i >= 1 − min_i β_i = 1 − β_1.",
      status: .erratum,
      note: "Corrected: cos max_i δ(w^(i)) = min_i α_i >= min_i (1 − β_i) = 1 − max_i β_i = 1 − β_1 (β_1 is the largest). The printed chain is false in its middle terms (min_i β_i = β_N = 0); the end result survives.",
      proof: "LemmaD4.md"),
    Claim(
      id: "lemD4-beta-monotone", source: "App. F, Eqs. 110–117",
      statement: "β_N < β_{N−1} < … < β_1 < 1/ρ and β_i >= 1 − α_i.",
      status: .provedAndChecked,
      note: "Decreasing order and β_1 < min(1/ρ, 1 − cos θ) checked with certified interval bounds (SparseRatioAnalysis.intermediateClaims) at every r with f(r) > 0 in a property test.",
      proof: "LemmaD4.md"),
    Claim(
      id: "lemD4-geometric", source: "App. F, Eqs. 121–126",
      statement: "β_1 < (a^{N−1} − 1)/(a − 1) · b with a = ρ√r, b = 1 − √r + √(1 − r); f(r) > 0 implies δ(w) < θ.",
      status: .provedAndChecked,
      note: "Checked with certified bounds wherever the recursion is defined (property test over ρ, N, θ, r).",
      proof: "LemmaD4.md"),
    Claim(
      id: "lemD4-widths", source: "App. D.5",
      statement: "Layers W^(i) ∈ R^{n_{i+1}×n_i} with n_{i+1} >= n_i and W W^T positive definite.",
      status: .erratum,
      note: "W Wᵀ is positive definite only if n_{i+1} <= n_i, so the printed hypotheses force equal widths; the corrected hypothesis is non-expanding layers (n_{i+1} <= n_i).",
      proof: "LemmaD2.md"),
    Claim(
      id: "lemD5", source: "Lemma D.5 (proof Eqs. 130–136)",
      statement: "If Var(X_n) → 0 and E(X_n) → a, then X_n → a in probability.",
      status: .provedAndChecked,
      note: "The limit is proved in Proofs/; its two finite inequalities (Chebyshev, P(A and B) >= P(A) + P(B) − 1) are checked exactly on random finite distributions (LemmaD5Tests).",
      proof: "LemmaD5.md"),
    Claim(
      id: "lemD5-eq130", source: "App. H, Eq. 130",
      statement: "P(|X_n − E X_n| < ε) > 1 − Var(X_n)/ε² (Chebyshev).",
      status: .erratum,
      note: "The strict '>' is false: a constant X gives 1 > 1, and X = ±1 with probability ½ each, ε = 1 gives 0 > 0. Corrected: >= (Fixtures/theory/chebyshev-strict.json, LemmaD5Tests).",
      proof: "LemmaD5.md"),
    Claim(
      id: "lemF1", source: "Lemma F.1 (proof Eqs. 137–156)",
      statement: "If each instance's estimate satisfies ⟨u_i, v_i⟩ < θ and ‖u_i‖ = ‖v_i‖, then cos δ(w_t) > (cos θ − √(β² − 1) sin θ)/(1 + 2β sin(θ/2)), so δ(w_t) < ε in probability for small θ.",
      status: .erratum,
      note: "The deterministic bound (Eqs. 138–151) is checked with certified bounds on generated instances (LemmaF1Tests). Typos: Eq. 43 defines u_i = ℓ(...) for ∇ℓ(...); Eq. 148 drops the factor ‖u_i‖‖v_i‖ before cos⟨u_i, v_i⟩; the last sentence should conclude δ(w_t) < ε, not cos δ(w_t) < ε.",
      proof: "LemmaF1.md"),
  ]

  static let theorems: [Claim] = [
    Claim(
      id: "thm1", source: "Theorem 1 (= Theorem 3, proof App. E)",
      statement: "If ℓ is μ-strongly convex and L-smooth and δ(w_t) + φ(ℓ) <= θ < π/2, some η_t > 0 gives ‖w_{t+1} − w*‖ <= sin θ ‖w_t − w*‖.",
      status: .provedAndChecked,
      note: "Theorem1Check decides hypothesis and conclusion exactly (the proof's irrational η as an exact algebraic number) on random quadratics with known spectra, for the true gradient, top_k and perturbed estimates; coverage requires a large share of cases to satisfy the hypothesis.",
      proof: "Theorem1.md"),
    Claim(
      id: "thm1-eq34", source: "App. E, Eqs. 29–34",
      statement: "⟨∇ℓ(w_t), w_t − w*⟩ <= φ(ℓ).",
      status: .provedAndChecked,
      note: "Decided exactly in every Theorem 1 case (property test, no hypothesis needed).",
      proof: "Theorem1.md"),
    Claim(
      id: "thm1-eq35", source: "App. E, Eq. 35",
      statement: "⟨g, w_t − w*⟩ <= δ(w_t) + φ(ℓ) <= θ.",
      status: .provedAndChecked,
      note: "Decided exactly whenever the hypothesis holds (property test).",
      proof: "Theorem1.md"),
    Claim(
      id: "thm2", source: "Theorem 2 (= Theorem 4, proof App. F)",
      statement: "For an ideal dataset and a μ-strongly convex, L-smooth training loss, unified sparse backpropagation on an MLP converges (in probability) for some sparse ratio r ∈ (0, 1).",
      status: .notCheckable,
      note: "A statement about limits in probability over i.i.d. data; its deterministic ingredients are rows lemD3, lemD4*, lemF1, thm1. Remark: the hypothesis is vacuous for MLPs with a hidden layer: ½(ab − 1)² (a 1-1-1 linear MLP) has the distinct global minima (1, 1) and (2, ½), which no strongly convex function has (exact check in Theorem4Tests).",
      proof: "Theorems2-4.md"),
    Claim(
      id: "thm4-T", source: "App. F, Eqs. 45–46",
      statement: "‖w_t − w*‖ <= ε for t >= T(ε) = ⌈log(‖w_0 − w*‖/ε)/log(csc θ)⌉ + 1.",
      status: .provedAndChecked,
      note: "Follows from Theorem 1 by induction (Eq. 45), and T(ε) from Eq. 45 by taking logarithms (Eq. 46; arithmetic, not instance-checked). Checked on EGD runs of four steps with the true gradient and top_k (EGDTests.proofStepRunContractsGeometrically): at every step where the hypothesis holds, the conclusion with the proof's exact (irrational) η is decided exactly, and the run continues with the rational step inside η's certified enclosure, along which ‖w_t − w*‖² <= sin^{2t}θ ‖w_0 − w*‖² is decided exactly; coverage requires top_k runs with at least two such steps.",
      proof: "Theorems2-4.md"),
  ]

  static let appendixNotes: [Claim] = [
    Claim(
      id: "sec4-memory", source: "Sec. 4, Eqs. 6–7, Algorithm 2",
      statement: "With γ = 0 MSBP degenerates to SBP; the memory stores the unpropagated gradient for the next step.",
      status: .provedAndChecked,
      note: "MemorizedSparsifier on exact rationals: γ = 0 gives top_k exactly, and every run satisfies Σ g_t + m_T/γ + (1/γ − 1) Σ_{t<T} m_t = Σ ∂ℓ/∂h_t, so with γ = 1 nothing is lost and with γ < 1 exactly a (1 − γ) share of each residual is dropped (MemoryTests).",
      proof: "MSBPMemory.md"),
    Claim(
      id: "appG-monotone", source: "App. G, Eqs. 47–50",
      statement: "a(θ) = 1/log(1/sin θ) decreases monotonically as θ increases (also stated: increases); ‖w_t − w*‖ = (1/sin θ)‖w_{t+1} − w*‖.",
      status: .erratum,
      note: "sin θ increases on (0, π/2), so log(1/sin θ) decreases and a(θ) increases: the first statement is wrong, the second right. Eq. 47 should be '>=' (Theorem 1 gives an inequality). Corrected forms proved in Proofs/Theorem1.md. Eq. 47's '=' is refuted exactly on an instance (diag(1, 4), w = (1, 1), θ = π/3: ‖w_{t+1} − w*‖²/‖w_t − w*‖² = 5/4 − (5/34)√34 < 3/4 = sin²θ; Theorem1Tests); the monotonicity of a(θ) is a composition of monotone functions and needs no instance check.",
      proof: "Theorem1.md"),
    Claim(
      id: "tab1-complexity", source: "Table 1/4, App. A",
      statement: "Backprop through a linear layer (input n, output m) with SBP costs O(mk + n log k) time; MSBP adds O(n).",
      status: .erratum,
      note: "top_k acts on ∂ℓ/∂h ∈ R^m, so selection is O(m log k); the k kept rows give ∂ℓ/∂W and ∂ℓ/∂x in O(nk); the memory has m entries. Corrected: O(nk + m log k), MSBP adds O(m). Counting argument in Proofs/SparsifyingFunctions.md; operation counts are not instance-checked or timed here.",
      proof: "SparsifyingFunctions.md"),
  ]

  static let empirical: [Claim] = [
    Claim(
      id: "tables-arithmetic", source: "Tables 2–3, Sec. 5.2",
      statement: "The printed deltas (+a/−a against the baseline) and speed-ups (a×) follow from the printed scores and times.",
      status: .erratum,
      note: "Decided exactly with rounding intervals (PrintedArithmetic, PrintedTablesTests): all 8 speed-ups and 16 of 17 deltas are consistent; MNIST h = 5000 SBP prints −1.90 (also in Sec. 5.2's text) but 96.22 − 98.10 = −1.88, and rounding allows only [−1.89, −1.87].",
      proof: "PrintedTables.md"),
    Claim(
      id: "emp-mnist-accuracy", source: "Table 2 (MNIST, h = 500, r = 0.04)",
      statement: "MSBP (γ = 0.8) reaches 98.23% accuracy vs 97.84% for SBP and 97.86% for the MLP baseline.",
      status: .measured,
      note: "Reproduced in part (3 seeds × 20 epochs, `msbp train mnist-mlp-500`; Fixtures/experiments/table2-*.csv): dense 98.23 ± 0.17, SBP (k = 20) 97.58 ± 0.29, MSBP (γ = 0.8) 98.05 ± 0.11 (an earlier run: 98.19 / 97.82 / 98.18). MSBP beats SBP by 0.4–0.5 points, as printed; it does not beat our dense baseline, which is about 0.35 points stronger than the paper's. With meProp's unified top-k, MSBP is 0.87 points *below* SBP (97.07 vs 97.94).",
      proof: "Empirical.md"),
    Claim(
      id: "emp-mnist-speed", source: "Table 2 (MNIST)",
      statement: "SBP and MSBP at r = 0.04 speed backpropagation up about 10×; MSBP is only negligibly slower than SBP.",
      status: .measured,
      note: "Not reproduced at the network level: backward phase over 20 epochs (thread CPU time, one OpenBLAS thread, same runs as emp-mnist-accuracy) dense 93.9 s, SBP 22.5 s (4.2×), MSBP 26.7 s (3.5×); unified top-k 6.0× and 5.2×. MSBP costs 15–19% more than SBP in training, 5–6% per layer on random data. One 784 → 500 layer alone (`msbp bench-backward`): per-example 5.4×, unified 12.6× (the paper's order).",
      proof: "Empirical.md"),
    Claim(
      id: "emp-mnist-extreme", source: "Table 2 (MNIST, h = 5000, r = 0.002), Sec. 5.2",
      statement: "At r = 0.002 SBP loses 1.90 points of accuracy while MSBP (γ = 0.8) matches the baseline (98.16% vs 98.10%).",
      status: .measured,
      note: "Reduced run only (1 seed, 2 of 20 epochs; Fixtures/experiments/extreme-*.csv): SBP (k = 10 of 5000) diverges (train loss 4.4 → 5.1, test 89.9% → 84.0%), MSBP trains steadily (96.14% after 2 epochs, dense 97.28%). The direction holds; the final figures need the full run (about 4 core-days here). Backward speed-up about 10× (paper 35×).",
      proof: "Empirical.md"),
    Claim(
      id: "emp-parsing", source: "Table 2 (Parsing, PTB)",
      statement: "MSBP improves UAS over SBP (+0.44) and the baseline (+0.65) at r = 0.04.",
      status: .notCheckable, note: "The Penn Treebank is not available to this project."),
    Claim(
      id: "emp-postag", source: "Table 2 (POS-Tag, WSJ)",
      statement: "MSBP improves per-word accuracy over SBP and the Bi-LSTM baseline at r = 0.04.",
      status: .notCheckable, note: "The WSJ/Penn Treebank data is not available to this project."),
    Claim(
      id: "emp-cifar", source: "Table 3 (CIFAR-10, PreAct-ResNet-18)",
      statement: "SBP (r = 0.4) loses accuracy on a deep CNN while MSBP (γ = 0.9) improves on the baseline, with Adam and SGD.",
      status: .notCheckable, note: "CIFAR-10 is not available to this project."),
    Claim(
      id: "emp-textcnn", source: "Table 3 (subjectivity, polarity; TextCNN)",
      statement: "On shallow CNNs both SBP and MSBP (r = 0.05) improve slightly on the baseline, MSBP most.",
      status: .notCheckable, note: "The sentence-classification datasets are not available to this project."),
    Claim(
      id: "emp-stability", source: "Sec. 5.3, Fig. 2",
      statement: "Over 20 seeds on MNIST, SBP's accuracy standard deviation is about 1.7× the baseline's, and MSBP (γ ≠ 0) is more stable than SBP.",
      status: .notYetChecked,
      note: "Full run (20 seeds × 20 epochs, `msbp figures mnist-mlp-500`) not done: about 3 core-days. Reduced run only (3 seeds, 1 epoch, 20,000 examples; Fixtures/angles/figures-reduced/): s.d. of test accuracy, dense 0.49 points; SBP 0.90 / 1.19 / 3.27 at k = 5 / 20 / 50 (1.8–6.7× dense); MSBP γ = 0.5: 1.30 / 1.40 / 1.26, γ = 0.8: 3.01 / 1.76 / 0.74. So MSBP is not uniformly more stable than SBP here (k = 5: less stable); 3 seeds cannot decide a ratio of standard deviations."),
    Claim(
      id: "emp-gamma", source: "Sec. 5.3, Fig. 1",
      statement: "For each k, MSBP beats SBP by 0.4–0.8 points for every γ, and different γ differ by only 0.1–0.3 points.",
      status: .notYetChecked,
      note: "Full run not done (see emp-stability). Reduced run (3 seeds, 1 epoch, 20,000 examples; Fixtures/angles/figures-reduced/): MSBP beats SBP at every k and γ, by 1.7–6.8 points (k = 5: +1.7 γ = 0.5, +6.6 γ = 0.8; k = 20: +3.4, +6.8; k = 50: +4.8, +6.5), and γ = 0.5 vs 0.8 differ by 1.7–4.8 points: the direction holds, the magnitudes are those of undertrained networks and do not test the printed ranges."),
    Claim(
      id: "emp-angles", source: "Sec. 5.4, Fig. 3",
      statement: "Larger k gives smaller gradient estimation angles; at equal k MSBP's angle is smaller than SBP's, and the gap grows as k decreases.",
      status: .refuted,
      note: "Refuted for the angle Figure 3 plots (the estimate against the gradient of the same minibatch): counterexamples Fixtures/angles/mnist-mlp-500-claims.csv, Fixtures/angles/digits-mlp-claim.json, Fixtures/angles/exact-tiny-claim.json (known issues in GradientAnglesTests). Measured by GradientAngles (run-time, paired and dataset angles, per hidden layer and whole vector; Guides/GradientAngles.md). The run-time whole-vector angle of MSBP exceeds SBP's on every instance measured (digits MLP 60/60 over k 1–32, γ 0.3–0.9, 3 seeds; mnist-mlp-500 18/18 over k 5/20/50, γ 0.5/0.8, 3 seeds, e.g. k = 20, γ = 0.8: 19.6° vs 2.5°), and on MNIST also the first hidden layer's (k = 20: SBP 51.9°, MSBP 55.9° at γ = 0.5, 60.3° at γ = 0.8). Exact tiny networks (mean cosine, decided exactly): against the claim in 67 of 72 verdicts. Where it holds: against the dataset gradient from the same state (paired dataset angle along an MSBP run) in 50 of 54 MNIST instances (Fixtures/angles/mnist-mlp-500-dataset-paired.csv; the 4 exceptions by < 0.3°) and 35 of 36 digits instances (DatasetAngleClaimTests); the paired minibatch angle (same state) in only 10 of 54 MNIST instances, all at γ = 0.5 and k ≤ 20 (whole vector by < 0.1°, second layer by up to 0.8°), and on digits for γ = 0.3, k ≤ 8. Larger k gives smaller per-layer angles for both methods, but MSBP's whole-vector angle grows with k.",
      proof: "Empirical.md"),
    Claim(
      id: "emp-appG-sgd", source: "App. G (last paragraph)",
      statement: "The gradient estimation angles of MSBP and SBP are smaller than SGD's in most cases on MNIST.",
      status: .refuted,
      note: "Counterexample (Fixtures/angles/appG-sgd-mnist.csv): against the gradient of the training set (5,000-example subset), at the same states, SGD's angle (the dense minibatch gradient) is below both sparse angles in all 135 MNIST instances (k 5/20/50, γ 0.5/0.8, 3 seeds, two hidden layers and the whole vector; e.g. k = 20, γ = 0.8, seed 1, layer 1: SGD 64.7°, SBP 75.5°, MSBP 71.1°), and in all 54 digits-MLP instances (AppendixGClaimTests, a known issue).",
      proof: "Empirical.md"),
  ]
}
