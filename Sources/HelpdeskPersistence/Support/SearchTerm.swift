/// A word of a text as the search index keeps it (folded, stemmed), and where it was written.
struct SearchTerm: Sendable, Equatable {
    var text: String
    /// The word's UTF-8 byte offsets in the text.
    var bytes: Range<Int>
}
