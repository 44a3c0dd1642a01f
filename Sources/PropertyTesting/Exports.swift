// The property engine draws every case from these generators; re-exported so that a
// test importing PropertyTesting can seed its own draws the same way.
@_exported import SeededRandom
