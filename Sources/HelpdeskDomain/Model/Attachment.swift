/// A file attached to a message.
public struct Attachment: Codable, Sendable, Equatable {
    public var name: String
    public var size: Int
    public var mimeType: String
    public var url: String

    public init(name: String, size: Int, mimeType: String, url: String) {
        self.name = name
        self.size = size
        self.mimeType = mimeType
        self.url = url
    }
}
