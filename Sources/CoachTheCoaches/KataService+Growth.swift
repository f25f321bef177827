import Foundation
import ImprovementKata
import KataStore

extension KataService {
    /// The growth figures of `learner` (DESIGN §11.4) over all their target conditions, read through
    /// the seam as their storyboards are: whoever may read the learner's storyboards may read these.
    public func growth(of learner: Handle, in period: Period? = nil) async throws -> LearnerGrowth {
        let targets = try await targets(learner: learner, status: nil)
        var experiments: [Experiment] = []
        for target in targets {
            experiments += try await storyboard(learner: learner, target: target.id).experiments
        }
        return LearnerGrowth(experiments: experiments, targets: targets, in: period)
    }
}
