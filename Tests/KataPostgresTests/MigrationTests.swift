import Foundation
import ImprovementKata
import KataPostgres
import KataPostgresSchema
import KataTestSupport
import PostgresNIO
import Testing

extension PostgresTests {
    /// Connecting migrates a database forward once, however many stores open it together, and leaves
    /// a database it must not use untouched.
    @Suite("Connecting to PostgreSQL migrates once and refuses what it must not touch")
    struct MigrationTests {
        static func migrations(_ url: String) async throws -> [Int32] {
            try await TestCluster.sql(url, "SELECT version FROM kata_migration ORDER BY version").map {
                try $0.decode(Int32.self)
            }
        }

        static func tables(_ url: String) async throws -> [String] {
            try await TestCluster.sql(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1").map
            {
                try $0.decode(String.self)
            }
        }

        @Test(
            "an empty database gets every migration, and opening it again changes nothing",
            .enabled(if: TestCluster.runs, TestCluster.skipped))
        func migratesOnce() async throws {
            try await TestCluster.withDatabase { url in
                try await PostgresStore.connect(url: url, logger: TestCluster.logger).close()
                #expect(try await Self.migrations(url) == PostgresSchema.migrations.map { Int32($0.version) })
                #expect(try await Self.tables(url).contains("cycle"))
                let applied = try await TestCluster.sql(url, "SELECT applied::text FROM kata_migration").map {
                    try $0.decode(String.self)
                }
                try await PostgresStore.connect(url: url, logger: TestCluster.logger).close()
                #expect(
                    try await TestCluster.sql(url, "SELECT applied::text FROM kata_migration").map {
                        try $0.decode(String.self)
                    } == applied)
            }
        }

        @Test(
            "two stores opening an empty database together migrate it once, and both work",
            .enabled(if: TestCluster.runs, TestCluster.skipped))
        func concurrentOpening() async throws {
            try await TestCluster.withDatabase { url in
                async let first = PostgresStore.connect(url: url, poolSize: 2, logger: TestCluster.logger)
                async let second = PostgresStore.connect(url: url, poolSize: 2, logger: TestCluster.logger)
                let stores = try await [first, second]
                try await stores[0].addPerson(Person(handle: Handle(validating: "ann"), name: "Ann Lee"))
                // What one writes the other reads at once.
                #expect(try await stores[1].person(Handle(validating: "ann"))?.name == "Ann Lee")
                for store in stores { await store.close() }
                #expect(try await Self.migrations(url).count == PostgresSchema.migrations.count)
            }
        }

        @Test(
            "a database written by a newer kata is refused and left untouched",
            .enabled(if: TestCluster.runs, TestCluster.skipped))
        func newerIsRefused() async throws {
            try await TestCluster.withDatabase { url in
                try await TestCluster.sql(
                    url,
                    """
                    CREATE TABLE kata_migration (version integer PRIMARY KEY, identifier text NOT NULL,
                        applied timestamptz NOT NULL DEFAULT now());
                    INSERT INTO kata_migration (version, identifier) VALUES (1, '0001-initial'), (99, '0099-future');
                    """)
                let refusal = try await #require(throws: KataError.self) {
                    try await PostgresStore.connect(url: url, logger: TestCluster.logger)
                }
                #expect(refusal.code == "unusable-database")
                #expect(refusal.description.contains("newer version of kata"))
                #expect(refusal.description.contains("layout 99"))
                #expect(try await Self.tables(url) == ["kata_migration"])
                #expect(try await Self.migrations(url) == [1, 99])
            }
        }

        @Test(
            "a database with tables of something else is refused and left untouched",
            .enabled(if: TestCluster.runs, TestCluster.skipped))
        func foreignIsRefused() async throws {
            try await TestCluster.withDatabase { url in
                try await TestCluster.sql(url, "CREATE TABLE invoice (id integer PRIMARY KEY)")
                let refusal = try await #require(throws: KataError.self) {
                    try await PostgresStore.connect(url: url, logger: TestCluster.logger)
                }
                #expect(refusal.code == "unusable-database")
                #expect(refusal.description.contains("not a kata database"))
                #expect(try await Self.tables(url) == ["invoice"])
            }
        }

        @Test(
            "a wrong password is unavailable, with PostgreSQL's reason and without the password",
            .enabled(if: TestCluster.runs, TestCluster.skipped))
        func wrongPassword() async throws {
            try await TestCluster.withDatabase { url in
                var components = try #require(URLComponents(string: url))
                components.password = "not-the-password"
                let refusal = try await #require(throws: KataError.self) {
                    try await PostgresStore.connect(url: try #require(components.string), logger: TestCluster.logger)
                }
                #expect(refusal.kind == .unavailable)
                #expect(refusal.description.contains("refused the sign-in"))
                #expect(refusal.description.contains("password authentication failed"))
                #expect(!refusal.description.contains("not-the-password"))
            }
        }

        @Test("a database nobody listens for is unavailable, naming where and why")
        func unreachable() async throws {
            // A port that was free a moment ago: nothing listens there.
            let port = try freePort()
            let refusal = try await #require(throws: KataError.self) {
                try await PostgresStore.connect(
                    url: "postgres://kata:secret@127.0.0.1:\(port)/kata?sslmode=disable", logger: TestCluster.logger)
            }
            #expect(refusal.kind == .unavailable)
            #expect(refusal.description.contains("postgres://kata@127.0.0.1:\(port)/kata"))
            #expect(refusal.description.lowercased().contains("refused"))
            #expect(!refusal.description.contains("secret"))
        }

        /// A loopback port nothing listens on (bound, read and released).
        func freePort() throws -> Int {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(descriptor) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
                }
            }
            guard bound else { throw KataError.failure("no free port") }
            return Int(UInt16(bigEndian: address.sin_port))
        }
    }

    /// Reading a `postgres://` URL.
    @Suite("A PostgreSQL URL is read, or refused saying what is wrong with it")
    struct LocationTests {
        @Test("user, password, host, port, database and sslmode are read; the password is never shown")
        func readsEveryPart() throws {
            let location = try PostgresLocation(
                url: "postgresql://kata:s%40cret@db.example.com:6543/plant?sslmode=require")
            #expect(location.user == "kata")
            #expect(location.password == "s@cret")
            #expect(location.host == "db.example.com")
            #expect(location.port == 6543)
            #expect(location.database == "plant")
            #expect(location.security == .require)
            #expect(location.description == "postgres://kata@db.example.com:6543/plant")
            let plain = try PostgresLocation(url: "postgres://kata@db/kata")
            #expect(plain.port == 5432)
            #expect(plain.password == nil)
            #expect(plain.security == .prefer)
        }

        @Test(
            "a URL that is not postgres://USER@HOST/DATABASE is refused, naming what is missing",
            arguments: [
                ("mysql://kata@db/kata", "postgres://USER"), ("postgres://db/kata", "with a user"),
                ("postgres://kata@db", "one database name"),
                ("postgres://kata@db/kata?sslmode=maybe", "sslmode=disable"),
                ("postgres://kata:pw@db/kata?timeout=3", "no other parameter"),
            ])
        func refusesBadURL(_ url: String, _ says: String) throws {
            let refusal = try #require(throws: KataError.self) { try PostgresLocation(url: url) }
            #expect(refusal.code == "invalid-value")
            #expect(refusal.description.contains(says), "\(refusal)")
            #expect(refusal.description.contains("--database"))
            #expect(!refusal.description.contains(":pw@"))
        }
    }
}
