/// The `--help` texts of theorem-check and its subcommands.
enum Help {
  static let overview = """
    theorem-check: decide Theorem 1 of "Memorized Sparse Backpropagation" exactly on your quadratic.

    USAGE: theorem-check [check] <file.json> [--json] [--exact] [--digits N]
           theorem-check topk-bound --vector v1,v2,... --k K [--kind topk|randomk --seed S] [--json]
           theorem-check conditioning <matrix.json> [--precision BITS] [--json]
           theorem-check mlp-ratio --rho R --layers N (--theta-cos Q | --theta-sin Q) [--json]
           theorem-check claims [--json]

    SUBCOMMANDS:
      check          (default) run EGD on l(w) = 1/2 (w - w*)^T A (w - w*) and decide, at every
                     step, Theorem 1's hypothesis and conclusion exactly
      topk-bound     Definition 3 / Lemma D.3: is <S(v), v> <= arccos(sqrt(k/n)) for this v and k?
      conditioning   Lemma D.2: a certified rho >= sigma_max / sigma_min of A A^T
      mlp-ratio      Theorem 4: the sparse ratios r the proof guarantees for rho, N and theta
      claims         print the ledger of the paper's claims and their status

    EXIT CODES:
      0  every checked conclusion holds
      1  a claim failed (the counterexample is printed whole)
      2  bad input (the message names the file, line, column and field)
      3  the output could not be written (every subcommand)

    Run 'theorem-check <subcommand> --help' for the options of one subcommand.

    """

  static let check = """
    USAGE: theorem-check [check] <file.json> [--json] [--exact] [--digits N]

    Reads a quadratic from <file.json> ('-' for standard input), certifies mu <= lambda_min(A) and
    L >= lambda_max(A), and runs EGD from "start". At each step it decides exactly whether
    Theorem 1's hypothesis delta(w_t) + phi(l) <= theta < pi/2 holds, takes the proof's step
    eta = cos(theta) ||w_t - w*|| / ||g_t||, and decides whether
    ||w_{t+1} - w*||^2 <= sin^2(theta) ||w_t - w*||^2.

    INPUT (numbers are JSON integers or strings holding exact rationals: "3/4", "-2", "0.125",
    "1e-3"; floating-point literals such as 0.5 are rejected because they are not exact):
      {
        "A": [["2", "1/2"], ["1/2", "3"]],       symmetric positive definite
        "minimizer": ["1", "-1"],                or "b": [...] (then w* = A^-1 b)
        "start": ["0", "0"],
        "estimator": {"kind": "topk", "k": 1},   exact | topk (k) | randomk (k, seed) | given (g)
        "theta": {"cos": "1/10"},                or {"sin": q}, or "auto" (the default)
        "steps": 10,                             default 1 (with "given": the number of vectors)
        "precision": 30                          spectrum bounds' relative gap 2^-precision
      }

    OPTIONS:
      --json        print one JSON document (rationals as "p/q" strings)
      --exact       also print exact forms (cos(delta) as sqrt of a rational, ...)
      --digits N    decimal digits of the correctly rounded decimals (default 6)
      -h, --help    show this help

    EXIT CODES: 0 all conclusions hold, 1 a conclusion failed where the hypothesis held
    (a counterexample to Theorem 1, printed whole), 2 bad input.

    """

  static let topkBound = """
    USAGE: theorem-check topk-bound --vector v1,v2,... --k K [--kind topk|randomk] [--seed S] [--json]

    Definition 3 and Lemma D.3: decides exactly whether cos<S(v), v> >= sqrt(k/n) for the sparsifier
    S (top_k by default; randomk with a seed), the given vector v and k. Entries are exact
    rationals separated by commas ("3,-1/2,0.25").

    OPTIONS:
      --vector V    the vector, comma-separated exact rationals
      --k K         how many entries to keep, 0 <= K <= n (K = 0, K = n and v = 0 are
                    the degenerate cases settled in Proofs/SparsifyingFunctions.md)
      --kind KIND   topk (default) or randomk
      --seed S      the seed of randomk
      --json        print one JSON document
      -h, --help    show this help

    EXIT CODES: 0 the bound holds, 1 it fails (printed whole; Lemma D.3 rules this out for
    top_k, while for randomk it is expected: random_k is not a sparsifying function), 2 bad
    input.

    """

  static let conditioning = """
    USAGE: theorem-check conditioning <matrix.json> [--precision BITS] [--json]

    Lemma D.2: certified bounds on sigma_max / sigma_min, the extreme eigenvalues of A A^T, i.e. the
    smallest rho the lemma may be applied with. The file holds {"A": [[...], ...]} (other keys are
    ignored, so a theorem-check input works) or just the array of rows; A may be rectangular.

    OPTIONS:
      --precision BITS   relative gap 2^-BITS of the certified bounds (default 30)
      --json             print one JSON document
      -h, --help         show this help

    EXIT CODES: 0 certified, 2 bad input (A A^T not positive definite included).

    """

  static let mlpRatio = """
    USAGE: theorem-check mlp-ratio --rho R --layers N (--theta-cos Q | --theta-sin Q) [--json]

    Theorem 4 (Appendix F): for the well-posedness constant rho > 1, N layers and an angle theta in
    (0, pi/2), the sparse ratios r in (1/rho^2, 1) for which the proof guarantees a gradient
    estimation angle below theta, certified by exact bisection.

    OPTIONS:
      --rho R           rho > 1, an exact rational
      --layers N        the number of layers N >= 1
      --theta-cos Q     theta given by its cosine, 0 < Q < 1
      --theta-sin Q     theta given by its sine, 0 < Q < 1
      --precision BITS  width 2^-BITS of the certified endpoints (default 20)
      --json            print one JSON document
      -h, --help        show this help

    """

  static let claims = """
    USAGE: theorem-check claims [--json]

    Prints the ledger: one row per claim of the paper, with its status here (proved and checked,
    refuted, erratum, not yet checked, not checkable).

    OPTIONS:
      --json        print one JSON document
      -h, --help    show this help

    """
}
