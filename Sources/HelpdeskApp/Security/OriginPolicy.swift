/// Whether a browser `Origin` may act with the session cookie: this site itself, or one configured.
struct OriginPolicy: Sendable {
    let allowedOrigins: Set<String>

    /// Same site when the origin's host and port equal the request's `Host`.
    func allows(_ origin: String, host: String?) -> Bool {
        if allowedOrigins.contains(origin) { return true }
        guard let host, let schemeEnd = origin.range(of: "://") else { return false }
        return origin[schemeEnd.upperBound...].lowercased() == host.lowercased()
    }
}
