/// A terminal that can ring its bell (the idle lock's countdown, when the learner asked
/// for it). The runtime rings through this; a backend without one stays silent.
public protocol TerminalBell: AnyObject {
    func bell()
}
