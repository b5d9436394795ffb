/// The schema's migrations, oldest first. Never edit a released one; add a new version.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "accounts, tickets, messages, activity, read cursors", statements: [
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                avatar_url TEXT,
                password_hash TEXT NOT NULL,
                is_disabled INTEGER NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX users_role ON users (role)",
            """
            CREATE TABLE sessions (
                token_digest TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (id),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL)
            """,
            "CREATE INDEX sessions_user ON sessions (user_id)",
            """
            CREATE TABLE ticket_counters (
                period TEXT PRIMARY KEY,
                last_value BIGINT NOT NULL)
            """,
            """
            CREATE TABLE tickets (
                id TEXT PRIMARY KEY,
                ticket_number TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                category TEXT NOT NULL,
                customer_id TEXT NOT NULL REFERENCES users (id),
                customer_name TEXT NOT NULL,
                customer_email TEXT NOT NULL,
                customer_avatar TEXT,
                status TEXT NOT NULL,
                priority TEXT NOT NULL,
                priority_rank INTEGER NOT NULL,
                assignee_id TEXT REFERENCES users (id),
                assignee_name TEXT,
                assignee_avatar TEXT,
                last_message TEXT,
                last_message_at BIGINT,
                last_seq BIGINT NOT NULL,
                sla_deadline BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                resolved_at BIGINT,
                closed_at BIGINT)
            """,
            "CREATE INDEX tickets_customer ON tickets (customer_id, updated_at)",
            "CREATE INDEX tickets_assignee ON tickets (assignee_id)",
            "CREATE INDEX tickets_status ON tickets (status)",
            "CREATE INDEX tickets_priority ON tickets (priority)",
            "CREATE INDEX tickets_category ON tickets (category)",
            "CREATE INDEX tickets_updated ON tickets (updated_at, id)",
            "CREATE INDEX tickets_created ON tickets (created_at, id)",
            "CREATE INDEX tickets_priority_rank ON tickets (priority_rank, id)",
            "CREATE INDEX tickets_sla ON tickets (sla_deadline, id)",
            """
            CREATE TABLE messages (
                id TEXT PRIMARY KEY,
                ticket_id TEXT NOT NULL REFERENCES tickets (id),
                seq BIGINT NOT NULL,
                content TEXT NOT NULL,
                sender TEXT NOT NULL,
                sender_id TEXT,
                sender_name TEXT NOT NULL,
                type TEXT NOT NULL,
                attachments TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (ticket_id, seq))
            """,
            """
            CREATE TABLE activities (
                id TEXT PRIMARY KEY,
                ticket_id TEXT NOT NULL REFERENCES tickets (id),
                kind TEXT NOT NULL,
                actor_id TEXT,
                actor_name TEXT NOT NULL,
                from_value TEXT,
                to_value TEXT,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX activities_ticket ON activities (ticket_id, created_at)",
            """
            CREATE TABLE read_cursors (
                ticket_id TEXT NOT NULL REFERENCES tickets (id),
                user_id TEXT NOT NULL REFERENCES users (id),
                last_read_seq BIGINT NOT NULL,
                read_at BIGINT NOT NULL,
                PRIMARY KEY (ticket_id, user_id))
            """,
        ]),
        Migration(version: 2, name: "customer ticket index without updated_at", statements: [
            // A reply moves the ticket's updated_at; indexing it twice cost every chat message an extra
            // index page. A customer's tickets are few enough to sort without it.
            "DROP INDEX tickets_customer",
            "CREATE INDEX tickets_customer ON tickets (customer_id)",
        ]),
        Migration(version: 3, name: "three SLA clocks per ticket", statements: [
            "ALTER TABLE tickets ADD COLUMN first_response_due BIGINT",
            "ALTER TABLE tickets ADD COLUMN first_responded_at BIGINT",
            "ALTER TABLE tickets ADD COLUMN awaiting_reply_since BIGINT",
            "ALTER TABLE tickets ADD COLUMN next_response_due BIGINT",
            "ALTER TABLE tickets ADD COLUMN resolution_started_at BIGINT",
            "ALTER TABLE tickets ADD COLUMN resolution_used_ms BIGINT NOT NULL DEFAULT 0",
            // Earlier tickets: the first agent reply they had, and a resolution clock that ran from
            // creation and stood still once they were resolved or closed.
            """
            UPDATE tickets SET first_responded_at =
                (SELECT MIN(m.created_at) FROM messages m WHERE m.ticket_id = tickets.id AND m.sender = 'agent')
            """,
            "UPDATE tickets SET resolution_started_at = created_at WHERE status IN ('open', 'pending')",
            """
            UPDATE tickets SET resolution_used_ms = COALESCE(resolved_at, closed_at, updated_at) - created_at
            WHERE status IN ('resolved', 'closed')
            """,
        ]),
        Migration(version: 4, name: "desk settings", statements: [
            "CREATE TABLE desk_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at BIGINT NOT NULL)",
        ]),
        Migration(version: 5, name: "SLA alerts recorded per ticket", statements: [
            "ALTER TABLE tickets ADD COLUMN sla_alerts TEXT NOT NULL DEFAULT ''",
        ]),
        Migration(version: 6, name: "notifications", statements: [
            """
            CREATE TABLE notifications (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (id),
                kind TEXT NOT NULL,
                ticket_id TEXT NOT NULL REFERENCES tickets (id),
                ticket_number TEXT NOT NULL,
                ticket_title TEXT NOT NULL,
                actor_name TEXT NOT NULL,
                detail TEXT,
                created_at BIGINT NOT NULL,
                read_at BIGINT)
            """,
            "CREATE INDEX notifications_user ON notifications (user_id, created_at)",
            "CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL",
        ]),
        Migration(version: 7, name: "notification preferences", statements: [
            """
            CREATE TABLE notification_preferences (
                user_id TEXT PRIMARY KEY REFERENCES users (id),
                muted TEXT NOT NULL,
                browser INTEGER NOT NULL)
            """,
        ]),
        Migration(version: 8, name: "webhooks and their delivery outbox", sqlite: webhookTables(deliveryId: "INTEGER PRIMARY KEY"),
                  postgres: webhookTables(deliveryId: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")),
        Migration(version: 9, name: "satisfaction ratings", statements: [
            // The latest rating rides on the ticket; every resolution's rating is kept for reports.
            "ALTER TABLE tickets ADD COLUMN rating TEXT",
            """
            CREATE TABLE ticket_ratings (
                ticket_id TEXT NOT NULL REFERENCES tickets (id),
                resolved_at BIGINT NOT NULL,
                customer_id TEXT NOT NULL,
                assignee_id TEXT,
                score INTEGER NOT NULL,
                comment TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (ticket_id, resolved_at))
            """,
            "CREATE INDEX ticket_ratings_created ON ticket_ratings (created_at)",
        ]),
        Migration(version: 10, name: "quick replies", statements: [
            """
            CREATE TABLE quick_replies (
                id TEXT PRIMARY KEY,
                owner_id TEXT REFERENCES users (id),
                shortcut TEXT NOT NULL,
                text TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            // One shortcut per scope: the shared replies ('') and each owner's own.
            "CREATE UNIQUE INDEX quick_replies_shortcut ON quick_replies (COALESCE(owner_id, ''), shortcut)",
        ]),
        Migration(version: 11, name: "full-text search over messages and titles", sqlite: [
            // Indexes over the rows' own text (external content), through the `helpdesk` tokenizer
            // (Arabic folded, English stems), filled by triggers inside the writing transaction. The
            // beginnings of words up to 4 letters are indexed too, for searching as one types.
            """
            CREATE VIRTUAL TABLE messages_fts USING fts5(
                content, content = 'messages', content_rowid = 'rowid', tokenize = 'helpdesk', prefix = '2 3 4')
            """,
            """
            CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.sender <> 'system' BEGIN
                INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
            END
            """,
            "INSERT INTO messages_fts (rowid, content) SELECT rowid, content FROM messages WHERE sender <> 'system'",
            """
            CREATE VIRTUAL TABLE tickets_fts USING fts5(
                title, content = 'tickets', content_rowid = 'rowid', tokenize = 'helpdesk', prefix = '2 3 4')
            """,
            """
            CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
                INSERT INTO tickets_fts (rowid, title) VALUES (new.rowid, new.title);
            END
            """,
            """
            CREATE TRIGGER tickets_fts_title AFTER UPDATE OF title ON tickets BEGIN
                INSERT INTO tickets_fts (tickets_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
                INSERT INTO tickets_fts (rowid, title) VALUES (new.rowid, new.title);
            END
            """,
            "INSERT INTO tickets_fts (rowid, title) SELECT rowid, title FROM tickets",
        ], postgres: [
            // The same terms as SQLite's `helpdesk` tokenizer makes (the repositories run it), kept
            // beside the text and indexed as text search vectors.
            "ALTER TABLE messages ADD COLUMN search_terms TEXT[]",
            "CREATE INDEX messages_search ON messages USING GIN (array_to_tsvector(search_terms))",
            "ALTER TABLE tickets ADD COLUMN title_terms TEXT[]",
            "CREATE INDEX tickets_search ON tickets USING GIN (array_to_tsvector(title_terms))",
        ]),
        Migration(version: 12, name: "attachments", statements: [
            """
            CREATE TABLE attachments (
                id TEXT PRIMARY KEY,
                ticket_id TEXT NOT NULL REFERENCES tickets (id),
                uploader_id TEXT NOT NULL REFERENCES users (id),
                name TEXT NOT NULL,
                size BIGINT NOT NULL,
                mime_type TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX attachments_ticket ON attachments (ticket_id)",
        ]),
        Migration(version: 13, name: "order of activity entries", sqlite: [
            // SQLite orders entries of the same moment by rowid.
        ], postgres: [
            "ALTER TABLE activities ADD COLUMN position BIGINT GENERATED ALWAYS AS IDENTITY",
        ]),
        Migration(version: 14, name: "what nodes share", sqlite: [
            // One SQLite process is the whole desk.
        ], postgres: [
            // Broadcasts to sockets, in the order every node relays them; kept for clients that
            // reconnect to another node (their offsets are the ids).
            """
            CREATE TABLE cluster_events (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                namespace TEXT NOT NULL,
                rooms TEXT[] NOT NULL,
                excluded_rooms TEXT[] NOT NULL,
                excluded_sockets TEXT[] NOT NULL,
                data TEXT NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX cluster_events_created ON cluster_events (created_at)",
            // Sockets' rooms by their private ids, for connection-state recovery on any node.
            """
            CREATE TABLE cluster_sessions (
                pid TEXT PRIMARY KEY,
                socket_id TEXT NOT NULL,
                rooms TEXT[] NOT NULL,
                user_id TEXT,
                saved_at BIGINT NOT NULL)
            """,
            "CREATE INDEX cluster_sessions_saved ON cluster_sessions (saved_at)",
            // Live nodes (heartbeats) and who is in which ticket through which node's socket.
            "CREATE TABLE cluster_nodes (id TEXT PRIMARY KEY, heartbeat_at BIGINT NOT NULL)",
            """
            CREATE TABLE cluster_presence (
                ticket_id TEXT NOT NULL,
                socket_id TEXT NOT NULL,
                node_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                user_name TEXT NOT NULL,
                user_role TEXT NOT NULL,
                PRIMARY KEY (ticket_id, socket_id))
            """,
            "CREATE INDEX cluster_presence_node ON cluster_presence (node_id)",
            "CREATE INDEX cluster_presence_socket ON cluster_presence (socket_id)",
            // Which node sends each webhook endpoint's deliveries, until when.
            "CREATE TABLE webhook_lanes (webhook_id TEXT PRIMARY KEY, holder TEXT NOT NULL, held_until BIGINT NOT NULL)",
        ]),
    ]

    /// Webhook endpoints and their deliveries. A delivery's id orders an endpoint's deliveries: it grows
    /// in the order events were committed (on one node; nodes writing at once may interleave).
    private static func webhookTables(deliveryId: String) -> [String] {
        [
            """
            CREATE TABLE webhooks (
                id TEXT PRIMARY KEY,
                url TEXT NOT NULL,
                secret TEXT NOT NULL,
                events TEXT NOT NULL,
                description TEXT NOT NULL,
                is_active INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE webhook_deliveries (
                id \(deliveryId),
                webhook_id TEXT NOT NULL REFERENCES webhooks (id),
                event_id TEXT NOT NULL,
                event_type TEXT NOT NULL,
                payload TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                last_attempt_at BIGINT,
                response_status INTEGER,
                last_error TEXT,
                created_at BIGINT NOT NULL,
                delivered_at BIGINT)
            """,
            "CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, id)",
            "CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (webhook_id, id) WHERE status = 'pending'",
        ]
    }
}
