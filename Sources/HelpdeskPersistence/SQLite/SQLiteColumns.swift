/// The column names of a statement's result, shared by all its rows.
final class SQLiteColumns: Sendable {
    let names: [String]
    private let indices: [String: Int]

    init(names: [String]) {
        self.names = names
        var indices: [String: Int] = [:]
        for (index, name) in names.enumerated() where indices[name] == nil {
            indices[name] = index
        }
        self.indices = indices
    }

    func index(of name: String) -> Int? {
        indices[name]
    }
}
