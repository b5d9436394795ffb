import Hummingbird

/// Serves the web UI: each page's HTML at its clean path, and the scripts, styles and translations
/// beside it from the public directory.
struct WebPageController {
    /// Page path → HTML file in the public directory.
    static let pages: [(path: String, file: String)] = [
        ("login", "login.html"),
        ("admin/tickets", "console.html"),
        ("admin/users", "users.html"),
        ("admin/sla", "sla.html"),
        ("admin/reports", "reports.html"),
        ("admin/webhooks", "webhooks.html"),
        ("admin/quick-replies", "quick-replies.html"),
        ("user/support", "support.html"),
    ]

    let directory: String
    let fileIO = FileIO()

    func addRoutes(to router: Router<HelpdeskRequestContext>) {
        router.get("/") { _, _ in Response.redirect(to: "/login") }
        for page in Self.pages {
            let path = directory + "/" + page.file
            router.get(RouterPath(page.path)) { _, context in
                var headers = HTTPFields()
                headers[.contentType] = "text/html; charset=utf-8"
                headers[.cacheControl] = "no-cache"
                return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: path, context: context))
            }
        }
    }

    var assets: FileMiddleware<HelpdeskRequestContext, LocalFileSystem> {
        FileMiddleware(directory, cacheControl: .init([(MediaType(type: .any), [.noCache])]), searchForIndexHtml: false)
    }
}
