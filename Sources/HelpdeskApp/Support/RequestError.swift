/// Problems with the shape of an HTTP request, found before the domain sees it.
enum RequestError: Error, Equatable {
    /// The body is not JSON, or not the JSON object expected.
    case malformedBody(String)
    /// A query parameter has a value that cannot be used.
    case invalidParameter(String, String)
    /// A state-changing request that a browser sent from another site.
    case crossSiteRequest
    /// A body over the limit of what it carries, with that limit said.
    case tooLarge(String)
}
