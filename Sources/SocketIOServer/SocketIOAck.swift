/// The acknowledgement callback a client asked for with an event; call it once with the answer.
public struct SocketIOAck: Sendable {
    let send: @Sendable ([JSONValue]) -> Void

    public func callAsFunction(_ arguments: [JSONValue]) {
        send(arguments)
    }
}
