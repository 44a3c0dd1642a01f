import Testing
import SparseNetworks

@Suite struct MLPTests {
  /// Central finite differences of the loss against the dense backward, on a smooth
  /// network (tanh, no dropout) for both losses.
  @Test(arguments: [Loss.squaredError, .softmaxCrossEntropy])
  func denseGradientMatchesFiniteDifferences(loss: Loss) throws {
    let net = try MLP(sizes: [4, 6, 5, 3], activation: .tanh, loss: loss, seed: 11)
    let x = randomMatrix(3, 4, seed: 12)
    var targets = randomMatrix(3, 3, seed: 13)
    if loss == .softmaxCrossEntropy { targets = try Loss.oneHot([0, 2, 1], classes: 3) }
    var none: SeededGenerator? = nil
    let tape = try net.forward(x, dropout: &none)
    let grads = try net.backward(tape, targets: targets, options: .init(mode: .dense))
    func lossValue() throws -> Double {
      Double(try net.loss.valueAndGradient(outputs: try net.predict(x), targets: targets).value)
    }
    let h: Float = 1e-2
    for (l, layer) in net.layers.enumerated() {
      for i in stride(from: 0, to: layer.weight.storage.count, by: 3) {
        let saved = layer.weight.storage[i]
        layer.weight.storage[i] = saved + h
        let up = try lossValue()
        layer.weight.storage[i] = saved - h
        let down = try lossValue()
        layer.weight.storage[i] = saved
        let numeric = (up - down) / Double(2 * h)
        #expect(abs(numeric - Double(grads.layers[l].weight.storage[i])) < 2e-3, "layer \(l) weight \(i)")
      }
      for j in layer.bias.indices {
        let saved = layer.bias[j]
        layer.bias[j] = saved + h
        let up = try lossValue()
        layer.bias[j] = saved - h
        let down = try lossValue()
        layer.bias[j] = saved
        #expect(abs((up - down) / Double(2 * h) - Double(grads.layers[l].bias[j])) < 2e-3, "layer \(l) bias \(j)")
      }
    }
  }

  @Test func outputLayerStaysDense() throws {
    let net = try MLP(sizes: [5, 8, 4], activation: .relu, loss: .squaredError, seed: 3)
    var none: SeededGenerator? = nil
    let tape = try net.forward(randomMatrix(4, 5, seed: 1), dropout: &none)
    let t = randomMatrix(4, 4, seed: 2)
    let sparse = try net.backward(tape, targets: t, options: .init(mode: .msbp(k: 1, gamma: 0.5)))
    let dense = try net.backward(tape, targets: t, options: .init(mode: .dense))
    #expect(sparse.layers[1].weight == dense.layers[1].weight)
    #expect(sparse.layers[1].selected == nil && sparse.layers[1].memory == nil)
    #expect(sparse.layers[0].selected != nil && sparse.layers[0].memory != nil)
  }

  @Test func leakyReLUAndDropoutChainRule() throws {
    // With dropout, dH = dX_next * mask * sigma'(H): check against the tape by hand.
    let net = try MLP(sizes: [3, 4, 2], activation: .leakyReLU(slope: 0.25), dropout: 0.5, loss: .squaredError, seed: 5)
    var rng: SeededGenerator? = SeededGenerator(seed: 9)
    let x = randomMatrix(2, 3, seed: 4)
    let tape = try net.forward(x, dropout: &rng)
    let mask = try #require(tape.dropoutMasks[0])
    #expect(mask.storage.allSatisfy { $0 == 0 || $0 == 2 })
    let t = randomMatrix(2, 2, seed: 6)
    let g = try net.backward(tape, targets: t, options: .init(mode: .dense))
    let dOut = try net.loss.valueAndGradient(outputs: tape.output, targets: t).gradient
    for b in 0..<2 {
      for j in 0..<4 {
        var up: Float = 0
        for c in 0..<2 { up += dOut[b, c] * net.layers[1].weight[c, j] }
        let h = tape.preActivations[0][b, j]
        let expected = up * mask[b, j] * (h > 0 ? 1 : 0.25)
        #expect(abs(g.layers[0].estimate[b, j] - expected) < 1e-6)
      }
    }
  }

  @Test func sameSeedSameRun() throws {
    let spec = try NetworkSpec.load(path: fixturePath("networks/digits-mlp.json"))
    let data = try TaskData.load(spec, dataDirectory: fixturePath("digits"))
    func run() throws -> ([EpochReport], [Float]) {
      let net = try spec.makeNetwork(seed: 7)
      let small = DataSplits(train: data.train.slice(0..<200), dev: data.dev, test: data.test)
      let r = try Trainer.train(
        net, data: small, options: .init(mode: .msbp(k: 8, gamma: 0.8)),
        optimizer: try spec.optimizer.resolved().make(), batchSize: 16, epochs: 1, seed: 7)
      return (r, net.layers[0].weight.storage)
    }
    let (a, wa) = try run()
    let (b, wb) = try run()
    #expect(wa == wb)
    #expect(a[0].trainLoss == b[0].trainLoss && a[0].testAccuracy == b[0].testAccuracy)
  }

  /// Digits training: every mode learns (far above the 10% of chance).
  @Test(arguments: [BackwardMode.dense, .sbp(k: 8), .msbp(k: 8, gamma: 0.8), .msbp(k: 8, gamma: 0.8, selection: .unified)])
  func digitsTrainingLearns(mode: BackwardMode) throws {
    let spec = try NetworkSpec.load(path: fixturePath("networks/digits-mlp.json"))
    let data = try TaskData.load(spec, dataDirectory: fixturePath("digits"))
    let net = try spec.makeNetwork(seed: 1)
    let reports = try Trainer.train(
      net, data: data, options: .init(mode: mode), optimizer: try spec.optimizer.resolved().make(),
      batchSize: spec.batchSize, epochs: 10, seed: 1)
    #expect(reports.count == 10)
    #expect(reports.last!.trainLoss < reports.first!.trainLoss)
    #expect(reports.last!.testAccuracy > 0.8, "\(mode): \(reports.map(\.testAccuracy))")
  }

  @Test func sgdMomentumAndWeightDecayFollowTheirFormulas() throws {
    let layer = try Linear(weight: try Matrix([[1, -2]]), bias: [0.5])
    let net = try MLP(layers: [layer], activation: .identity, loss: .squaredError)
    let sgd = SGDMomentum(learningRate: 0.1, momentum: 0.9, weightDecay: 0.01)
    let g = LinearGradient(weight: try Matrix([[0.2, 0.4]]), bias: [1], input: nil,
                           estimate: Matrix(rows: 0, columns: 1), selected: nil, memory: nil)
    let grads = Gradients(loss: 0, layers: [g])
    sgd.step(net, grads)
    // u = g + wd w; w -= lr u.
    let u1: [Float] = [0.2 + 0.01 * 1, 0.4 + 0.01 * -2]
    let w1: [Float] = [1 - 0.1 * u1[0], -2 - 0.1 * u1[1]]
    #expect(layer.weight.storage == w1)
    sgd.step(net, grads)
    let u2: [Float] = [0.9 * u1[0] + (0.2 + 0.01 * w1[0]), 0.9 * u1[1] + (0.4 + 0.01 * w1[1])]
    #expect(layer.weight.storage == [w1[0] - 0.1 * u2[0], w1[1] - 0.1 * u2[1]])
  }

  @Test func adamFirstStepMovesByTheLearningRate() throws {
    // At t = 1, m/(1-b1) = g and v/(1-b2) = g^2, so each step is lr * g / (|g| + eps).
    let layer = try Linear(weight: try Matrix([[1, -2]]), bias: [0.5])
    let net = try MLP(layers: [layer], activation: .identity, loss: .squaredError)
    let adam = Adam(learningRate: 0.01, epsilon: 0)
    let g = LinearGradient(weight: try Matrix([[0.2, -4]]), bias: [1e-3], input: nil,
                           estimate: Matrix(rows: 0, columns: 1), selected: nil, memory: nil)
    adam.step(net, Gradients(loss: 0, layers: [g]))
    #expect(abs(layer.weight.storage[0] - 0.99) < 1e-6)
    #expect(abs(layer.weight.storage[1] - -1.99) < 1e-6)
    #expect(abs(layer.bias[0] - 0.49) < 1e-6)
  }
}
