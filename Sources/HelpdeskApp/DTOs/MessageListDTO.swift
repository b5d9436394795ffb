import Hummingbird

/// A page of messages in ascending order.
struct MessageListDTO: ResponseEncodable {
    var messages: [MessageDTO]
}
